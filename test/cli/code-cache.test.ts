import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheDirectory } from '../../packages/mwsguard/bin/code-cache.js';
import { KEYS, keyLine } from './support/fake-credentials.js';
import { REPO_ROOT } from './support/run-cli.js';
import { SPAWN_TIMEOUT, git, spawnBin, tempDir, tempRepo, writeTree } from './support/tree.js';
import type { Spawned } from './support/tree.js';

// The bin compiles the bundle's chunks with V8's code cache (bin/code-cache.js), kept under the
// user's cache directory. These tests run the real bin with that directory in a temp dir.
const BUNDLE = join(REPO_ROOT, 'packages/mwsguard/bundle');

describe('where the code cache lives', () => {
  const argv = ['scan', '--staged'];
  it('under the OS cache directory, one folder per V8 version and command', () => {
    const v8 = `v8-${process.versions.v8}-${process.arch}`;
    expect(cacheDirectory({ XDG_CACHE_HOME: '/x', HOME: '/h' }, argv, 'linux')).toBe(`/x/mwsguard/${v8}/staged`);
    expect(cacheDirectory({ XDG_CACHE_HOME: 'rel', HOME: '/h' }, argv, 'linux')).toBe(
      `/h/.cache/mwsguard/${v8}/staged`,
    );
    expect(cacheDirectory({ HOME: '/h' }, ['scan', '--history'], 'linux')).toBe(`/h/.cache/mwsguard/${v8}/history`);
    expect(cacheDirectory({ HOME: '/h' }, ['scan', '.'], 'darwin')).toBe(`/h/Library/Caches/mwsguard/${v8}/scan`);
    expect(cacheDirectory({ LOCALAPPDATA: 'C:\\L' }, [], 'win32')).toContain(`mwsguard`);
    // An argument is never a path segment of the cache.
    expect(cacheDirectory({ HOME: '/h' }, ['../../etc'], 'linux')).toBe(`/h/.cache/mwsguard/${v8}/other`);
  });

  it("none under Node's switch for its own cache, or without a home", () => {
    expect(cacheDirectory({ HOME: '/h', NODE_DISABLE_COMPILE_CACHE: '1' }, argv, 'linux')).toBeUndefined();
    expect(cacheDirectory({}, argv, 'linux')).toBeUndefined();
  });
});

describe.concurrent('the bin with the code cache', { timeout: SPAWN_TIMEOUT }, () => {
  it('writes a cache per chunk it ran, reads it later, and ignores a damaged one, with the same report', async () => {
    const repo = tempRepo();
    const cache = tempDir('mwsguard-code-cache-');
    try {
      writeTree(repo.dir, { '.env': keyLine(KEYS.a), 'notes.txt': 'nothing here\n' });
      git(repo.dir, 'add', '.env', 'notes.txt');
      const run = (): Promise<Spawned> =>
        spawnBin(['scan', '--staged'], { cwd: repo.dir, env: { XDG_CACHE_HOME: cache.dir } });
      const first = await run();
      expect(first.code).toBe(1);
      expect(first.stdout).toContain('access-key-id');
      const folder = join(cache.dir, 'mwsguard', `v8-${process.versions.v8}-${process.arch}`, 'staged');
      const files = readdirSync(folder);
      // One cache per chunk run, named by the chunk, whose name holds its content's hash.
      expect(files.length).toBeGreaterThan(3);
      for (const file of files) {
        expect(file).toMatch(/^[\w-]+-[\w-]{8}\.js\.cache$/);
        expect(existsSync(join(BUNDLE, file.replace(/\.cache$/, '')))).toBe(true);
      }
      const written = files.map((file) => statSync(join(folder, file)).mtimeMs);
      expect(await run()).toEqual(first);
      // Accepted: a cache is written only where there was none or V8 rejected it.
      expect(files.map((file) => statSync(join(folder, file)).mtimeMs)).toEqual(written);
      // Damaged caches (cut short, or not a cache at all) are rejected by V8 and rewritten.
      const [garbled, ...rest] = files;
      writeFileSync(join(folder, garbled ?? ''), 'not a code cache');
      for (const file of rest) writeFileSync(join(folder, file), readFileSync(join(folder, file)).subarray(0, 40));
      expect(await run()).toEqual(first);
      expect(readFileSync(join(folder, garbled ?? '')).length).toBeGreaterThan(100);
      expect(await run()).toEqual(first);
    } finally {
      repo.cleanup();
      cache.cleanup();
    }
  });

  it('runs without a cache where it cannot write one', async () => {
    const repo = tempRepo();
    const cache = tempDir('mwsguard-code-cache-');
    try {
      writeTree(repo.dir, { '.env': keyLine(KEYS.a) });
      git(repo.dir, 'add', '.env');
      // The cache directory's place is taken by a file: nothing can be written below it.
      writeFileSync(join(cache.dir, 'mwsguard'), '');
      const result = await spawnBin(['scan', '--staged'], { cwd: repo.dir, env: { XDG_CACHE_HOME: cache.dir } });
      expect(result.code).toBe(1);
      expect(result.stdout).toContain('access-key-id');
      expect(result.stderr).toBe('');
    } finally {
      repo.cleanup();
      cache.cleanup();
    }
  });
});
