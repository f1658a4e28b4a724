import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KEYS, keyLine } from './support/fake-credentials.js';
import { places, runCli, scanJson } from './support/run-cli.js';
import { spawnBin, tempDir, writeTree } from './support/tree.js';

const tmp = tempDir();
afterAll(() => {
  tmp.cleanup();
});

describe('baselines', () => {
  const root = join(tmp.dir, 'project');

  it('records findings by fingerprint and path: sorted, one per line, no plaintext, no lines', async () => {
    writeTree(root, {
      'z.env': keyLine(KEYS.a),
      'config/a.env': `${keyLine(KEYS.b)}${keyLine(KEYS.a)}`,
      '.env': `# header\n${keyLine(KEYS.c)}`,
    });
    const { code, stdout, stderr } = await spawnBin(['baseline', '--output', '.mwsguard-baseline.json'], { cwd: root });
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toBe('mwsguard: wrote 4 baseline entries to .mwsguard-baseline.json.\n');
    const text = readFileSync(join(root, '.mwsguard-baseline.json'), 'utf8');
    for (const key of Object.values(KEYS)) expect(text).not.toContain(key);
    expect(text).not.toMatch(/"line"|"column"/);
    const entryLines = text.split('\n').filter((l) => l.includes('"fingerprint"'));
    expect(entryLines).toHaveLength(4);
    const entries = entryLines.map(
      (l) => JSON.parse(l.trim().replace(/,$/, '')) as { path: string; kind: string; fingerprint: string },
    );
    expect(entries.map((e) => e.path)).toEqual(['.env', 'config/a.env', 'config/a.env', 'z.env']);
    expect(Object.keys(entries[0]!)).toEqual(['path', 'kind', 'fingerprint']);
    const { report } = await scanJson([], { cwd: root });
    expect(new Set(entries.map((e) => e.fingerprint))).toEqual(new Set(report.findings.map((f) => f.fingerprint)));
    // The default output name is the same file.
    expect((await runCli(['baseline', '--quiet'], { cwd: root })).code).toBe(0);
    expect(readFileSync(join(root, '.mwsguard-baseline.json'), 'utf8')).toBe(text);
  });

  it('--baseline reports only new findings, even on a line that held a baselined one', async () => {
    writeTree(root, {
      // A new key next to the baselined one, on the same line.
      'z.env': `AWS_ACCESS_KEY_ID=${KEYS.a} OTHER_KEY=${KEYS.d}\n`,
      'new.env': keyLine(KEYS.b),
    });
    const { code, report } = await scanJson(['--baseline', '.mwsguard-baseline.json'], { cwd: root });
    expect(code).toBe(1);
    // KEYS.b is baselined in config/a.env only: in new.env it is new.
    expect(places(report)).toEqual(['new.env 1:19 access-key-id', 'z.env 1:50 access-key-id']);
    expect(report.summary.baselined).toBe(4);
    const stylish = await runCli(['scan', '--baseline', '.mwsguard-baseline.json'], { cwd: root });
    expect(stylish.stdout).toContain('  Baseline: 4 known findings not shown\n');
  });

  it('lists stale entries with --verbose; a config "baseline" applies unless --no-baseline', async () => {
    writeTree(root, { 'config/a.env': keyLine(KEYS.b), 'z.env': 'fixed\n', 'new.env': 'fixed\n' });
    const { code, stderr, report } = await scanJson(['--baseline', '.mwsguard-baseline.json', '--verbose'], {
      cwd: root,
    });
    expect(code).toBe(0);
    expect(report.summary).toMatchObject({ baselined: 2, staleBaselineEntries: 2 });
    const stale = stderr.split('mwsguard: stale baseline entries')[1]?.split('\n').slice(1, -1);
    expect(stale?.map((l) => l.split('  ').slice(1, 3).join(' '))).toEqual([
      'config/a.env access-key-id',
      'z.env access-key-id',
    ]);
    writeTree(root, { 'mwsguard.config.json': JSON.stringify({ baseline: '.mwsguard-baseline.json' }) });
    expect((await scanJson([], { cwd: root })).report.summary.baselined).toBe(2);
    expect((await scanJson(['--no-baseline'], { cwd: root })).report.summary.baselined).toBe(0);
  });

  it.each([
    ['missing.json', undefined, 'Baseline file not found: missing.json'],
    ['bad.json', '{ nope', 'Baseline file bad.json is not valid JSON'],
    ['v2.json', '{ "version": 2, "entries": [] }', 'Invalid baseline file v2.json: "version" must be 1.'],
    [
      'fp.json',
      '{ "version": 1, "entries": [{ "path": "a", "fingerprint": "xyz" }] }',
      'entries[0].fingerprint must be 64',
    ],
  ])('a bad baseline file (%s) is a usage error', async (name, content, message) => {
    if (content !== undefined) writeTree(root, { [name]: content });
    const { code, stderr } = await runCli(['scan', '--baseline', name], { cwd: root });
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });
});
