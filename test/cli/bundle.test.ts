import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundle } from '../../packages/mwsguard/scripts/bundle.js';
import { plainEnv, spawnProcess } from '../support/spawn.js';
import { KEYS, keyLine } from './support/fake-credentials.js';
import { REPO_ROOT } from './support/run-cli.js';
import { SPAWN_TIMEOUT, git, gitEnv, spawnBin, tempRepo, writeTree } from './support/tree.js';
import type { Spawned } from './support/tree.js';

// The bin runs bundle/cli.js (scripts/bundle.js) when it is fresh, dist/cli.js otherwise: both
// must behave the same. The bundle is made here, into a directory of the package beside bundle/
// (so that its `../package.json`, `../schema/` and dependencies resolve as they do from there),
// and each command runs through both entries.
const PACKAGE = join(REPO_ROOT, 'packages/mwsguard');
// The bundle is loaded as the bin loads it (bin/code-cache.js), with the V8 code cache in
// $TEST_CODE_CACHE when it is set: the first run of a test writes it, later ones read it.
const RUNNER = `const [entry, ...argv] = process.argv.slice(2);
const { loadBundle } = await import(${JSON.stringify(pathToFileURL(join(REPO_ROOT, 'packages/mwsguard/bin/code-cache.js')).href)});
const bundle = entry.startsWith('file:') ? undefined : loadBundle(entry, process.env.TEST_CODE_CACHE || undefined);
const { runCli } = bundle ? bundle.exports : await import(entry);
process.exitCode = await runCli(argv, {
  cwd: process.cwd(),
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  get stdin() { return process.stdin; },
});
bundle?.save();
`;

let outDir = '';
beforeAll(async () => {
  outDir = mkdtempSync(join(PACKAGE, '.bundle-test-'));
  await bundle(outDir);
  writeFileSync(join(outDir, 'runner.mjs'), RUNNER);
});
afterAll(() => {
  if (outDir !== '') rmSync(outDir, { recursive: true, force: true });
});

function through(entry: 'dist' | 'bundle', args: readonly string[], cwd: string, env = {}): Promise<Spawned> {
  const where = entry === 'dist' ? pathToFileURL(join(PACKAGE, 'dist/cli.js')).href : outDir;
  return spawnProcess(process.execPath, [join(outDir, 'runner.mjs'), where, ...args], {
    cwd,
    env: { ...plainEnv(gitEnv()), ...env },
  });
}

/** The GitLab report's start and end times are the clock's: the one difference allowed. */
const untimed = (r: Spawned): Spawned => ({
  ...r,
  stdout: r.stdout.replace(/"(start|end)_time":"[^"]*"/g, '"$1_time":""'),
});

async function same(args: readonly string[], cwd: string, env = {}): Promise<Spawned> {
  const [dist, bundled] = await Promise.all([through('dist', args, cwd, env), through('bundle', args, cwd, env)]);
  expect(untimed(bundled)).toEqual(untimed(dist));
  return dist;
}

describe.concurrent('bundle/ and dist/ give the same runs', { timeout: SPAWN_TIMEOUT }, () => {
  it('help, version, explain and a usage error', async () => {
    expect((await same(['--help'], REPO_ROOT)).code).toBe(0);
    expect((await same(['--version'], REPO_ROOT)).code).toBe(0);
    expect((await same(['explain', 'access-key-id'], REPO_ROOT)).code).toBe(0);
    expect((await same(['scan', '--frmat', 'json'], REPO_ROOT)).code).toBe(2);
  });

  it("the bin's own answers to --help, -h and --version alone are the CLI's", async () => {
    for (const flag of ['--help', '-h', '--version']) {
      const [bin, dist] = await Promise.all([spawnBin([flag], { cwd: REPO_ROOT }), through('dist', [flag], REPO_ROOT)]);
      expect(bin).toEqual(dist);
      expect(bin.stdout).not.toBe('');
    }
  });

  it('scans of a tree in every format', async () => {
    for (const format of ['stylish', 'json', 'sarif', 'github', 'gitlab']) {
      const result = await same(['scan', 'test/cli/fixtures/basic', '--format', format], REPO_ROOT);
      expect(result.code).toBe(1);
    }
  });

  it('a staged scan with a config file', async () => {
    const repo = tempRepo();
    try {
      writeTree(repo.dir, {
        '.env': keyLine(KEYS.a),
        'mwsguard.config.json': '{ "severity": { "access-key-id": "warning" }, "failOn": "warning" }\n',
      });
      git(repo.dir, 'add', '.env');
      const result = await same(['scan', '--staged'], repo.dir);
      expect(result.code).toBe(1);
      expect(result.stdout).toContain('warning');
    } finally {
      repo.cleanup();
    }
  });

  it('a tree large enough for the worker pool (the bundled worker)', async () => {
    const repo = tempRepo();
    try {
      const files: Record<string, string> = { 'keys/.env': keyLine(KEYS.b) };
      for (let i = 0; i < 300; i++) files[`src/m${String(i)}.js`] = `export const value${String(i)} = ${String(i)};\n`;
      writeTree(repo.dir, files);
      const result = await same(['scan', '.', '--jobs', '2', '--format', 'json'], repo.dir, { MWSGUARD_DEBUG: '1' });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('2 worker threads');
    } finally {
      repo.cleanup();
    }
  });
});
