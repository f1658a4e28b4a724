import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEYS, keyLine } from './support/fake-credentials.js';
import { places } from './support/run-cli.js';
import { SPAWN_TIMEOUT, commit, git, spawnBin, spawnJson, tempDir, tempRepo, writeTree } from './support/tree.js';

// `mwsguard scan --staged` through the real bin, on real temporary repositories.
describe.concurrent('scan --staged', { timeout: SPAWN_TIMEOUT }, () => {
  it('works before the first commit and reads the index, not the working tree', async () => {
    const repo = tempRepo();
    try {
      writeTree(repo.dir, { '.env': keyLine(KEYS.a), 'notes.txt': 'nothing here\n' });
      const before = await spawnJson(['--staged'], { cwd: repo.dir });
      expect(before.code).toBe(0);
      expect(before.report.summary.filesScanned).toBe(0);
      git(repo.dir, 'add', '.env', 'notes.txt');
      const { code, report } = await spawnJson(['--staged'], { cwd: repo.dir });
      expect(code).toBe(1);
      expect(places(report)).toEqual(['.env 1:19 access-key-id']);
      expect(report.summary.filesScanned).toBe(2);
    } finally {
      repo.cleanup();
    }
  });

  it('scans the staged hunk when the working tree no longer has the key, and not the reverse', async () => {
    const repo = tempRepo();
    try {
      commit(repo.dir, 'base', { 'config.env': 'A=1\n', 'other.env': 'B=2\n' });
      // config.env: key staged, then removed from the working tree only.
      writeTree(repo.dir, { 'config.env': `A=1\n${keyLine(KEYS.a)}` });
      git(repo.dir, 'add', 'config.env');
      writeTree(repo.dir, { 'config.env': 'A=1\n' });
      // other.env: a harmless change staged, then a key added to the working tree only.
      writeTree(repo.dir, { 'other.env': 'B=3\n' });
      git(repo.dir, 'add', 'other.env');
      writeTree(repo.dir, { 'other.env': `B=3\n${keyLine(KEYS.b)}` });
      const { code, report } = await spawnJson(['--staged'], { cwd: repo.dir });
      expect(code).toBe(1);
      expect(places(report)).toEqual(['config.env 2:19 access-key-id']);
      // The plain scan reads the working tree: the opposite answer.
      const tree = await spawnJson([], { cwd: repo.dir });
      expect(places(tree.report)).toEqual(['other.env 2:19 access-key-id']);
    } finally {
      repo.cleanup();
    }
  });

  it('reads blobs ahead of the scan and still reports each against its own file', async () => {
    const repo = tempRepo();
    try {
      // More files than the blobs asked ahead (8), with an ignored path, a blob over
      // the size limit and two keys among them, so answers out of step would land on other files.
      const files: Record<string, string> = {};
      for (let i = 0; i < 30; i++)
        files[`src/m${String(i).padStart(2, '0')}.js`] = `export const v${String(i)} = ${String(i)};\n`;
      files['src/m05.js'] = `${'x'.repeat(3000)}\n`;
      files['src/m12.env'] = keyLine(KEYS.a);
      files['src/m25.env'] = `\n\n${keyLine(KEYS.b)}`;
      files['vendor/lib.env'] = keyLine(KEYS.c);
      writeTree(repo.dir, files);
      git(repo.dir, 'add', '.');
      const { code, report } = await spawnJson(['--staged', '--max-file-size', '2KiB', '--ignore', 'vendor/**'], {
        cwd: repo.dir,
      });
      expect(code).toBe(1);
      expect(places(report)).toEqual(['src/m12.env 1:19 access-key-id', 'src/m25.env 3:19 access-key-id']);
      expect(report.summary.filesScanned).toBe(31);
      expect(report.summary.skippedByReason).toMatchObject({ tooLarge: 1, ignored: 1 });
    } finally {
      repo.cleanup();
    }
  });

  it('ignores deletions, skips binary blobs and scans renamed and copied files', async () => {
    const repo = tempRepo();
    try {
      commit(repo.dir, 'base', { 'old.env': keyLine(KEYS.a), 'gone.env': keyLine(KEYS.b) });
      git(repo.dir, 'rm', '-q', 'gone.env');
      git(repo.dir, 'mv', 'old.env', 'renamed.env');
      writeTree(repo.dir, { 'image.bin': Buffer.concat([Buffer.from([0x89, 0x50, 0, 0]), Buffer.from(KEYS.c)]) });
      git(repo.dir, 'add', 'image.bin');
      const { code, report } = await spawnJson(['--staged'], { cwd: repo.dir });
      expect(code).toBe(1);
      expect(places(report)).toEqual(['renamed.env 1:19 access-key-id']);
      expect(report.summary).toMatchObject({ filesScanned: 1, filesSkipped: 1 });
      expect(report.summary.skippedByReason.binary).toBe(1);
    } finally {
      repo.cleanup();
    }
  });

  it('shows paths relative to a subdirectory and limits the scan to pathspecs', async () => {
    const repo = tempRepo();
    try {
      writeTree(repo.dir, { 'app/a.env': keyLine(KEYS.a), 'lib/b.env': keyLine(KEYS.b) });
      git(repo.dir, 'add', '.');
      const all = await spawnJson(['--staged'], { cwd: `${repo.dir}/app` });
      expect(all.report.findings.map((f) => f.file)).toEqual(['../lib/b.env', 'a.env']);
      const limited = await spawnJson(['--staged', '.'], { cwd: `${repo.dir}/app` });
      expect(limited.report.findings.map((f) => f.file)).toEqual(['a.env']);
    } finally {
      repo.cleanup();
    }
  });

  it('reports as git does whether it reads the index itself or asks git (a pathspec), a missing blob too', async () => {
    const repo = tempRepo();
    try {
      commit(repo.dir, 'first', { 'src/app.js': 'export const a = 1;\n', 'big.txt': 'x\n' });
      git(repo.dir, 'repack', '-adq');
      writeTree(repo.dir, {
        'src/app.js': `export const a = 2;\n${keyLine(KEYS.a)}\n`,
        'big.txt': `${'y'.repeat(4000)}\n`,
        'gone.env': keyLine(KEYS.b),
      });
      git(repo.dir, 'add', '.');
      // The index names a blob the object database no longer has.
      const gone = git(repo.dir, 'rev-parse', ':gone.env').trim();
      rmSync(join(repo.dir, '.git/objects', gone.slice(0, 2), gone.slice(2)));
      const args = ['--staged', '--max-file-size', '2KiB'];
      const inProcess = await spawnJson(args, { cwd: repo.dir });
      const throughGit = await spawnJson([...args, '--', '.'], { cwd: repo.dir });
      expect(places(inProcess.report)).toEqual(['src/app.js 2:19 access-key-id']);
      expect(inProcess.report.summary.skippedByReason).toMatchObject({ tooLarge: 1, unreadable: 1 });
      expect({ code: inProcess.code, stdout: inProcess.stdout, stderr: inProcess.stderr }).toEqual({
        code: throughGit.code,
        stdout: throughGit.stdout,
        stderr: throughGit.stderr,
      });
    } finally {
      repo.cleanup();
    }
  });

  it('is a usage error outside a git repository', async () => {
    const dir = tempDir();
    try {
      const { code, stdout, stderr } = await spawnBin(['scan', '--staged'], { cwd: dir.dir });
      expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
      expect(stderr).toMatch(/^mwsguard: Not inside a git repository: /);
    } finally {
      dir.cleanup();
    }
  });
});
