import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEYS, keyLine } from './support/fake-credentials.js';
import { places, runCli, scanJson } from './support/run-cli.js';
import { tempDir, writeTree } from './support/tree.js';

const tmp = tempDir();
afterAll(() => {
  tmp.cleanup();
});

describe('dotfiles, sizes and binaries', () => {
  const root = join(tmp.dir, 'sizes');
  beforeAll(() => {
    writeTree(root, {
      '.env': keyLine(KEYS.a),
      '.aws/credentials': `[default]\naws_access_key_id = ${KEYS.b}\n`,
      '.github/workflows/ci.yml': `env:\n  AWS_ACCESS_KEY_ID: ${KEYS.c}\n`,
      'big.log': `${'x'.repeat(2048)}\n${keyLine(KEYS.d)}`,
      'logo.png': Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]), Buffer.from(keyLine(KEYS.d))]),
      // Binary by content, whatever its extension.
      'data.txt': Buffer.from([0x41, 0x00, 0x42]),
    });
  });

  it('scans dotfiles and dot-directories; skips large files and binaries, with reasons', async () => {
    const { report, stderr } = await scanJson(['--max-file-size', '1KiB', '--verbose'], { cwd: root });
    expect(report.findings.map((f) => f.file)).toEqual(['.aws/credentials', '.env', '.github/workflows/ci.yml']);
    expect(report.summary).toMatchObject({ filesScanned: 3, filesSkipped: 3, incomplete: false });
    expect(report.summary.skippedByReason).toMatchObject({ binary: 2, tooLarge: 1 });
    expect(stderr).toBe(
      'mwsguard: skipped files:\n  big.log  too large (2.0 KiB)\n  data.txt  binary\n  logo.png  binary\n',
    );
    const stylish = await runCli(['scan', '--max-file-size', '1KiB'], { cwd: root });
    expect(stylish.stdout).toContain('\n  Skipped: 2 binary, 1 too large\n');
  });

  it('the default limit is 5 MiB, 0 means none, and the config can set it', async () => {
    expect((await scanJson([], { cwd: root })).report.summary.skippedByReason.tooLarge).toBe(0);
    expect((await scanJson(['--max-file-size', '0'], { cwd: root })).report.summary.filesScanned).toBe(4);
    writeTree(root, { 'mwsguard.config.json': '{ "maxFileSize": 1000 }' });
    expect((await scanJson([], { cwd: root })).report.summary.skippedByReason.tooLarge).toBe(1);
    expect((await scanJson(['--max-file-size', '5MB'], { cwd: root })).report.summary.skippedByReason.tooLarge).toBe(0);
  });
});

describe('symbolic links', () => {
  const root = join(tmp.dir, 'links');
  beforeAll(() => {
    writeTree(root, { 'real/a.env': keyLine(KEYS.a), 'outside/b.env': keyLine(KEYS.b), 'tree/c.env': keyLine(KEYS.c) });
    symlinkSync('../real/a.env', join(root, 'tree/link.env'));
    symlinkSync('../outside', join(root, 'tree/linked-dir'));
    symlinkSync('nowhere.env', join(root, 'tree/broken.env'));
    symlinkSync('loop-b', join(root, 'tree/loop-a'));
    symlinkSync('loop-a', join(root, 'tree/loop-b'));
    mkdirSync(join(root, 'tree/sub'));
    symlinkSync('..', join(root, 'tree/sub/up'));
  });

  it('are not followed by default: skipped, counted, the scan complete', async () => {
    const { code, report, stderr } = await scanJson([], { cwd: join(root, 'tree') });
    expect(code).toBe(1);
    expect(stderr).toBe('');
    expect(report.findings.map((f) => f.file)).toEqual(['c.env']);
    expect(report.summary.skippedByReason).toMatchObject({ symlink: 6 });
    expect(report.summary.incomplete).toBe(false);
  });

  it('--follow-symlinks follows them and warns about broken links and loops (exit 3 when clean)', async () => {
    const { code, report, stderr } = await scanJson(['--follow-symlinks'], { cwd: join(root, 'tree') });
    expect(code).toBe(1);
    expect(report.findings.map((f) => f.file)).toEqual(['c.env', 'link.env', 'linked-dir/b.env']);
    expect(report.summary.skippedByReason).toMatchObject({ brokenSymlink: 1, symlinkLoop: 3 });
    expect(report.summary.incomplete).toBe(true);
    expect(stderr).toBe(
      [
        'mwsguard: warning: broken symbolic link broken.env; skipped.',
        'mwsguard: warning: symbolic link loop at loop-a (ELOOP); skipped.',
        'mwsguard: warning: symbolic link loop at loop-b (ELOOP); skipped.',
        'mwsguard: warning: symbolic link loop at sub/up (leads back into a directory it is in); skipped.',
        '',
      ].join('\n'),
    );
    const clean = await runCli(['scan', '--follow-symlinks', '--ignore', '*.env', '--ignore', 'linked-dir'], {
      cwd: join(root, 'tree'),
    });
    expect(clean.code).toBe(3);
    expect(clean.stdout).toMatch(/Scan incomplete: some files could not be read/);
  });

  it('a link named on the command line is followed; a broken one is a warning', async () => {
    expect(places((await scanJson(['link.env'], { cwd: join(root, 'tree') })).report)).toEqual([
      'link.env 1:19 access-key-id',
    ]);
    const broken = await scanJson(['broken.env'], { cwd: join(root, 'tree') });
    expect(broken.code).toBe(3);
    expect(broken.stderr).toBe('mwsguard: warning: broken symbolic link broken.env; skipped.\n');
  });
});

describe('--stdin-filenames', () => {
  const root = join(tmp.dir, 'stdin');
  beforeAll(() => {
    writeTree(root, { 'a.env': keyLine(KEYS.a), 'b b.env': keyLine(KEYS.b), '.gitignore': 'a.env\n' });
  });

  it('scans the listed files, one per line or NUL-separated, even ignored ones', async () => {
    const lines = await scanJson(['--stdin-filenames'], { cwd: root, stdin: 'a.env\nb b.env\r\n\n' });
    expect(lines.report.findings.map((f) => f.file)).toEqual(['a.env', 'b b.env']);
    const nul = await scanJson(['--stdin-filenames'], { cwd: root, stdin: `b b.env\0${join(root, 'a.env')}\0` });
    expect(nul.report.findings.map((f) => f.file)).toEqual(['a.env', 'b b.env']);
  });

  it('warns about a listed file that does not exist and exits 3 when nothing is found', async () => {
    const { code, stderr, report } = await scanJson(['--stdin-filenames'], {
      cwd: root,
      stdin: 'gone.env\n.gitignore\n',
    });
    expect(code).toBe(3);
    expect(stderr).toBe('mwsguard: warning: no such file gone.env; skipped.\n');
    expect(report.summary).toMatchObject({ filesScanned: 1, incomplete: true });
  });

  it('an empty list scans nothing', async () => {
    expect((await scanJson(['--stdin-filenames'], { cwd: root, stdin: '' })).report.summary.filesScanned).toBe(0);
  });
});

describe('node_modules and notes', () => {
  const root = join(tmp.dir, 'deps');
  beforeAll(() => {
    writeTree(root, {
      'node_modules/pkg/index.js': `module.exports = '${KEYS.a}';\n`,
      'node_modules/pkg/node_modules/dep/x.js': `module.exports = '${KEYS.b}';\n`,
      'src/app.js': 'ok\n',
      'ignored/.gitignore': '*\n',
      'ignored/x.env': keyLine(KEYS.c),
    });
  });

  it('skips node_modules in walks but scans a named node_modules tree, nested ones included', async () => {
    expect((await scanJson([], { cwd: root })).report.findings).toEqual([]);
    const named = await scanJson(['node_modules/pkg'], { cwd: root });
    expect(named.report.findings.map((f) => f.file)).toEqual([
      'node_modules/pkg/index.js',
      'node_modules/pkg/node_modules/dep/x.js',
    ]);
  });

  it('says so when every file of a named directory is ignored by .gitignore', async () => {
    const { code, stderr } = await runCli(['scan', 'ignored'], { cwd: root });
    expect(code).toBe(0);
    expect(stderr).toBe(
      'mwsguard: note: every file under ignored is ignored by .gitignore; --no-gitignore scans them.\n',
    );
    expect((await runCli(['scan', 'ignored', '--quiet'], { cwd: root })).stderr).toBe('');
  });
});
