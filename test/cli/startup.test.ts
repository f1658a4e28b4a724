import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { delimiter, join, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RENDERERS, FORMAT_NAMES, loadRenderer } from '../../packages/mwsguard/src/formatters/index.js';
import { KEYS, keyLine } from './support/fake-credentials.js';
import { SPAWN_TIMEOUT, commit, git, spawnBin, tempDir, tempRepo, writeTree } from './support/tree.js';
import type { Spawned } from './support/tree.js';

// What a run loads is what its start-up costs (docs/performance.md#start-up). These tests count
// modules, never time: the real bin runs with a preload (written below) that records every module
// it loads into $MWSGUARD_RECORD_MODULES, one per line: `esm <url>` through a load hook (which
// runs off the main thread), `cjs <path>` from require.cache and `builtin <name>` from
// process.moduleLoadList, on exit.
const PRELOAD = `import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
const out = process.env.MWSGUARD_RECORD_MODULES;
register(new URL('./hooks.mjs', import.meta.url), { data: { out } });
process.on('exit', () => {
  const cjs = Object.keys(createRequire(import.meta.url).cache).map((path) => 'cjs ' + path);
  const builtins = process.moduleLoadList.map((name) => 'builtin ' + name);
  appendFileSync(out, [...cjs, ...builtins].join('\\n') + '\\n');
});
`;
const HOOKS = `import { appendFileSync } from 'node:fs';
let out;
export function initialize(data) { out = data.out; }
export async function load(url, context, next) {
  appendFileSync(out, 'esm ' + url + '\\n');
  return next(url, context);
}
`;
const recorder = tempDir('mwsguard-recorder-');
beforeAll(() => {
  writeFileSync(join(recorder.dir, 'preload.mjs'), PRELOAD);
  writeFileSync(join(recorder.dir, 'hooks.mjs'), HOOKS);
});
afterAll(() => {
  recorder.cleanup();
});

interface Loaded {
  readonly result: Spawned;
  /** Every ES module, CommonJS file and built-in the process loaded, one string each. */
  readonly modules: readonly string[];
}

async function loaded(args: readonly string[], cwd: string, env: Record<string, string> = {}): Promise<Loaded> {
  const out = tempDir('mwsguard-modules-');
  try {
    const file = join(out.dir, 'modules.txt');
    const result = await spawnBin(args, {
      cwd,
      env: {
        MWSGUARD_RECORD_MODULES: file,
        NODE_OPTIONS: `--import ${pathToFileURL(join(recorder.dir, 'preload.mjs')).href}`,
        ...env,
      },
    });
    return { result, modules: readFileSync(file, 'utf8').split('\n').filter(Boolean) };
  } finally {
    out.cleanup();
  }
}

/**
 * This repository's modules that were loaded, by name: `mwsguard/cli`, `mwsguard/formatters/stylish`,
 * `core/scan`; a chunk of the bundle loses its hash (`mwsguard/run-KxMDVrrc.js` → `mwsguard/run`).
 */
function ours(modules: readonly string[]): { readonly name: string; readonly path: string }[] {
  return modules.flatMap((m) => {
    const match = /\/packages\/(core|mwsguard)\/(dist|bin|bundle)\/([\w/-]+)\.js$/.exec(m);
    if (!match) return [];
    const [, pkg = '', dir = '', name = ''] = match;
    const path = m.startsWith('esm file://') ? fileURLToPath(m.slice(4)) : m.replace(/^cjs /, '');
    return [{ name: `${pkg}/${dir === 'bundle' ? name.replace(/-[\w-]{8}$/, '') : name}`, path }];
  });
}
const names = (modules: readonly string[]): string[] => ours(modules).map((m) => m.name);
/** Whether a loaded module of ours holds `text` (a function of the engine, of a command). */
const anyHolds = (modules: readonly string[], text: string): boolean =>
  ours(modules).some((m) => readFileSync(m.path, 'utf8').includes(text));
const dependencies = (modules: readonly string[]): string[] =>
  [
    ...new Set(modules.flatMap((m) => /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?([^/]+)\//.exec(m)?.[1] ?? [])),
  ].sort();
const imports = (modules: readonly string[], builtin: string): boolean => modules.includes(`esm node:${builtin}`);
const FORMATS = ['github', 'gitlab', 'json', 'sarif', 'stylish'];

describe.concurrent('start-up: what each command loads', { timeout: SPAWN_TIMEOUT }, () => {
  it('--help and --version alone load nothing of the CLI, and no dependency', async () => {
    for (const flag of ['--help', '--version']) {
      const { result, modules } = await loaded([flag], import.meta.dirname);
      expect(result.code).toBe(0);
      expect(result.stdout).not.toBe('');
      // Answered by the bin from the files the bundle was written with (bin/entry.js).
      expect(names(modules)).toContain('mwsguard/mwsguard');
      expect(ours(modules).filter((m) => !m.path.includes(`${sep}bin${sep}`))).toEqual([]);
      expect(dependencies(modules)).toEqual([]);
    }
  });

  it('--help after a command loads neither the engine nor the scanner nor any dependency', async () => {
    const { result, modules } = await loaded(['scan', '--help'], import.meta.dirname);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage:');
    expect(names(modules)).toContain('mwsguard/cli');
    expect(anyHolds(modules, 'function scanText(')).toBe(false);
    expect(anyHolds(modules, 'function runScan(')).toBe(false);
    expect(names(modules).length).toBeLessThanOrEqual(12);
    expect(dependencies(modules)).toEqual([]);
  });

  it('scan --staged without a config file: no schema compiler, one formatter, no walker, no workers', async () => {
    const repo = tempRepo();
    try {
      writeTree(repo.dir, { '.env': keyLine(KEYS.a), 'notes.txt': 'nothing here\n' });
      git(repo.dir, 'add', '.env', 'notes.txt');
      const { result, modules } = await loaded(['scan', '--staged'], repo.dir);
      expect(result.code).toBe(1);
      expect(result.stdout).toContain('access-key-id');
      expect(dependencies(modules)).toEqual([]);
      const own = names(modules).map((name) => name.replace(/^mwsguard\/(?:formatters\/)?/, ''));
      expect(own).toContain('staged');
      expect(own.filter((name) => FORMATS.includes(name))).toEqual(['stylish']);
      for (const absent of ['explain', 'history', 'install-hook', 'discover', 'gitignore', 'scan-files']) {
        expect(own).not.toContain(absent);
      }
      expect(imports(modules, 'worker_threads')).toBe(false);
    } finally {
      repo.cleanup();
    }
  });

  /** A git on PATH that logs each start to the returned file, then runs the real one. */
  function gitLogger(dir: string): { readonly env: Record<string, string>; readonly started: () => string[] } {
    const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
    const log = join(dir, 'git.log');
    writeFileSync(join(dir, 'git'), `#!/bin/sh\necho "$*" >> '${log}'\nexec '${realGit}' "$@"\n`, { mode: 0o755 });
    return {
      env: { PATH: `${dir}${delimiter}${process.env.PATH ?? ''}` },
      started: () => {
        let text = '';
        try {
          text = readFileSync(log, 'utf8');
        } catch {
          // no git started
        }
        const lines = text.trim() === '' ? [] : text.trim().split('\n');
        return lines
          .map((line) =>
            line
              .replace(/^-c \S+ /, '')
              .split(' ')
              .slice(0, 2)
              .join(' '),
          )
          .sort();
      },
    };
  }

  it('a clean scan --staged starts no git process and loads neither child_process, crypto nor node:fs/promises', async () => {
    const repo = tempRepo();
    const shim = tempDir('mwsguard-git-shim-');
    try {
      commit(repo.dir, 'first', { 'notes.txt': 'nothing here\n', 'src/old.js': 'export const b = 2;\n' });
      writeTree(repo.dir, { 'notes.txt': 'still nothing\n', 'src/app.js': 'export const a = 1;\n' });
      git(repo.dir, 'add', '.');
      const logger = gitLogger(shim.dir);
      const { result, modules } = await loaded(['scan', '--staged'], repo.dir, logger.env);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('2 files scanned');
      // The index and the objects are read in this process (docs/performance.md#start-up).
      expect(logger.started()).toEqual([]);
      expect(modules).not.toContain('builtin NativeModule child_process');
      // A fingerprint needs crypto, a finding first; small files are read synchronously.
      expect(modules).not.toContain('builtin NativeModule crypto');
      expect(modules).not.toContain('builtin NativeModule fs/promises');
    } finally {
      repo.cleanup();
      shim.cleanup();
    }
  });

  it('scan --staged with a pathspec asks git: git diff --cached and git cat-file, started together', async () => {
    const repo = tempRepo();
    const shim = tempDir('mwsguard-git-shim-');
    try {
      writeTree(repo.dir, { 'notes.txt': 'nothing here\n', 'src/app.js': 'export const a = 1;\n' });
      git(repo.dir, 'add', '.');
      const logger = gitLogger(shim.dir);
      const { result } = await loaded(['scan', '--staged', '--', 'src'], repo.dir, logger.env);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('1 file scanned');
      // The work tree's top is found without git.
      expect(logger.started()).toEqual(['cat-file --batch', 'diff --cached']);
    } finally {
      repo.cleanup();
      shim.cleanup();
    }
  });

  it("with a config file the precompiled validator is loaded, not ajv's compiler, and the report is the same", async () => {
    const repo = tempRepo();
    try {
      writeTree(repo.dir, { '.env': keyLine(KEYS.a) });
      git(repo.dir, 'add', '.env');
      const without = await loaded(['scan', '--staged', '--format', 'json'], repo.dir);
      writeTree(repo.dir, { 'mwsguard.config.json': '{ "failOn": "error", "include": ["*.env"] }\n' });
      const withConfig = await loaded(['scan', '--staged', '--format', 'json'], repo.dir);
      expect(dependencies(without.modules)).toEqual([]);
      expect(withConfig.modules.some((m) => m.endsWith('/schema/mwsguard.config.validate.js'))).toBe(true);
      // Only ajv's small runtime helper (minLength counts code points) is required, not its compiler.
      const ajv = withConfig.modules.filter((m) => m.includes('/ajv/'));
      expect(ajv.map((m) => m.slice(m.lastIndexOf('/ajv/') + 1))).toEqual(['ajv/dist/runtime/ucs2length.js']);
      const findings = (r: Spawned): unknown => (JSON.parse(r.stdout) as { findings: unknown }).findings;
      expect(withConfig.result.code).toBe(1);
      expect(findings(withConfig.result)).toEqual(findings(without.result));
    } finally {
      repo.cleanup();
    }
  });

  it('scan of one named file reads no ignore file and starts no worker', async () => {
    const tree = tempDir();
    try {
      writeTree(tree.dir, { 'app.env': keyLine(KEYS.a), '.gitignore': 'app.env\n' });
      const { result, modules } = await loaded(['scan', 'app.env'], tree.dir);
      expect(result.code).toBe(1);
      expect(dependencies(modules)).toEqual([]);
      expect(imports(modules, 'worker_threads')).toBe(false);
    } finally {
      tree.cleanup();
    }
  });
});

// What a commit hook's run does, counted with a CommonJS preload: calls of node:path's normalizing
// functions (about a hundred made V8 compile path.normalize with TurboFan: join-path.ts) and the
// built-ins Node loaded (docs/performance.md#start-up).
const COUNTER = `const path = require('node:path');
const { appendFileSync } = require('node:fs');
let calls = 0;
for (const name of ['join', 'resolve', 'relative', 'normalize']) {
  const original = path[name];
  path[name] = function (...args) { calls += 1; return original.apply(this, args); };
}
process.on('exit', () => {
  appendFileSync(process.env.MWSGUARD_RECORD_WORK, JSON.stringify({ calls, builtins: process.moduleLoadList }) + '\\n');
});
`;

async function counted(cwd: string): Promise<{ result: Spawned; calls: number; builtins: string[] }> {
  const out = tempDir('mwsguard-work-');
  try {
    const preload = join(out.dir, 'counter.cjs');
    writeFileSync(preload, COUNTER);
    const file = join(out.dir, 'work.json');
    const result = await spawnBin(['scan', '--staged'], {
      cwd,
      env: { MWSGUARD_RECORD_WORK: file, NODE_OPTIONS: `--require ${preload}` },
    });
    const { calls, builtins } = JSON.parse(readFileSync(file, 'utf8')) as { calls: number; builtins: string[] };
    return { result, calls, builtins };
  } finally {
    out.cleanup();
  }
}

describe("a commit hook's run: the work it does", { timeout: SPAWN_TIMEOUT }, () => {
  it('makes the same few path calls for 3 staged files as for 30, and loads neither parseArgs nor node:module', async () => {
    const runs = [];
    for (const count of [3, 30]) {
      const repo = tempRepo();
      try {
        writeTree(
          repo.dir,
          Object.fromEntries(
            Array.from({ length: count }, (_, i) => [
              `src/dir${String(i % 4)}/file${String(i)}.js`,
              `export const v${String(i)} = ${String(i)};\n`,
            ]),
          ),
        );
        git(repo.dir, 'add', '.');
        const run = await counted(repo.dir);
        expect(run.result.code).toBe(0);
        expect(run.result.stdout).toContain(`${String(count)} files scanned`);
        runs.push(run);
      } finally {
        repo.cleanup();
      }
    }
    const [few, many] = runs;
    // Before: about a hundred calls for 5 files, three more for each file (its path, its object's
    // path, its display path); now the bin's own loading and config discovery only.
    expect(few?.calls).toBe(many?.calls);
    expect(few?.calls).toBeLessThan(50);
    for (const builtin of ['NativeModule internal/util/parse_args/parse_args', 'NativeModule module']) {
      expect(few?.builtins).not.toContain(builtin);
    }
  });
});

describe('formatters loaded one at a time', () => {
  it('loadRenderer gives the renderer RENDERERS lists, for every format name', async () => {
    expect(Object.keys(RENDERERS)).toEqual([...FORMAT_NAMES]);
    for (const name of FORMAT_NAMES) expect(await loadRenderer(name)).toBe(RENDERERS[name]);
  });
});
