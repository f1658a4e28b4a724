import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEYS, keyLine } from './support/fake-credentials.js';
import { SPAWN_TIMEOUT, spawnBin, tempDir, writeTree } from './support/tree.js';

// Past 256 files the bin streams paths to worker threads; the report must not depend on it.
describe('worker threads', { timeout: SPAWN_TIMEOUT }, () => {
  const tmp = tempDir();
  const keys = [KEYS.a, KEYS.b, KEYS.c, KEYS.d];
  beforeAll(() => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 600; i++) {
      const dir = `pkg${String(i % 7)}/sub${String(i % 3)}`;
      files[join(dir, `f${String(i)}.js`)] =
        i % 37 === 0 ? `const k = '${keys[i % 4]!}';\n` : `export const n = ${String(i)};\n`;
    }
    files['.env'] = keyLine(KEYS.a);
    files['image.bin'] = '\u0000binary';
    writeTree(tmp.dir, files);
  });
  afterAll(() => {
    tmp.cleanup();
  });

  it('gives the same report, byte for byte, with 1, 2 and 3 workers', async () => {
    const runs = await Promise.all(
      ['1', '2', '3'].map((jobs) => spawnBin(['scan', '--format', 'json', '--jobs', jobs], { cwd: tmp.dir })),
    );
    for (const r of runs) expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 1, stderr: '' });
    expect(runs[1]!.stdout).toBe(runs[0]!.stdout);
    expect(runs[2]!.stdout).toBe(runs[0]!.stdout);
    const report = JSON.parse(runs[0]!.stdout) as {
      findings: { file: string }[];
      summary: { filesScanned: number; filesSkipped: number; reused: unknown[] };
    };
    expect(report.summary).toMatchObject({ filesScanned: 601, filesSkipped: 1 });
    expect(report.findings).toHaveLength(18);
    const files = report.findings.map((f) => f.file);
    expect(files).toEqual([...files].sort());
    // Each key sits in several files: reuse is counted.
    expect(report.summary.reused).toHaveLength(4);
  });

  it('uses one worker per core by default, none for small scans or --jobs 1', async () => {
    const debug = { MWSGUARD_DEBUG: '1' };
    const [auto, single, small] = await Promise.all([
      spawnBin(['scan', '--quiet'], { cwd: tmp.dir, env: debug }),
      spawnBin(['scan', '--quiet', '-j', '1'], { cwd: tmp.dir, env: debug }),
      spawnBin(['scan', '--quiet', 'pkg0/sub0'], { cwd: tmp.dir, env: debug }),
    ]);
    const cores = availableParallelism();
    expect(auto.stderr).toBe(`mwsguard: debug: ${String(cores > 1 ? cores : 0)} worker threads\n`);
    expect(single.stderr).toBe('mwsguard: debug: 0 worker threads\n');
    expect(small.stderr).toBe('mwsguard: debug: 0 worker threads\n');
  });

  it('stylish and sarif reports are identical too', async () => {
    for (const format of ['stylish', 'sarif']) {
      const [one, many] = await Promise.all(
        ['1', '0'].map((jobs) => spawnBin(['scan', '--format', format, '-j', jobs], { cwd: tmp.dir })),
      );
      expect(many!.stdout).toBe(one!.stdout);
    }
  });
});
