// The benchmark corpus: code nobody here wrote (a pinned set of npm packages, installed with
// `npm ci` from bench/corpus/<size>/package-lock.json into .cache/bench/corpus-<size>/) plus
// plainly fake credentials planted at recorded places.
//
// .cache/bench/corpus-<size>/
//   manifest.json   what was installed and planted, with file and byte counts (written last)
//   npm/            package.json + package-lock.json that `npm ci` installed from
//   tree/           what the scanners scan
//     packages/     the installed node_modules, moved here; nested node_modules renamed
//                   _node_modules and symbolic links (.bin) removed, so that no tool's built-in
//                   node_modules rule decides what is scanned (secretlint always skips them)
//     planted/      ~30 small files of varied formats holding the fake credentials
//   eslint/         JS/TS sources copied from a few packages, plus a copy of planted/, for ESLint

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodePlanted, plant } from './planted.mjs';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CACHE = join(ROOT, '.cache/bench');
const SPEC_DIR = join(ROOT, 'bench/corpus');

/** Fixed seed: the same fake values at the same places on every machine. */
const SEED = 0x6d7773;

/** Bump when the layout changes in a way the hash of this file's inputs would not show. */
const LAYOUT_VERSION = 1;

/** ESLint's share of the corpus: [directory under tree/packages, file pattern, max depth]. */
const ESLINT_SOURCES = {
  small: [
    ['rxjs/src', /\.ts$/],
    ['moment/src', /\.js$/],
  ],
  full: [
    ['rxjs/src', /\.ts$/],
    ['three/src', /\.js$/],
    ['webpack/lib', /\.js$/],
    ['eslint/lib', /\.js$/],
    ['lodash', /\.js$/, 1],
    ['moment/src', /\.js$/],
  ],
};

export const SIZES = Object.keys(ESLINT_SOURCES);

const sha256 = (...parts) => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
};

/**
 * Regular files under `dir` (symbolic links not followed), as [path, size].
 * @param {string} dir
 * @returns {[string, number][]}
 */
export function walkFiles(dir) {
  /** @type {[string, number][]} */
  const out = [];
  const stack = [dir];
  while (stack.length > 0) {
    const current = stack.pop();
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) stack.push(path);
      else if (entry.isFile()) out.push([path, lstatSync(path).size]);
    }
  }
  return out;
}

function count(dir) {
  let bytes = 0;
  const files = walkFiles(dir);
  for (const [, size] of files) bytes += size;
  return { files: files.length, bytes };
}

/** Removes symbolic links and renames nested node_modules to _node_modules, depth first. */
function neutralise(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    let path = join(dir, entry.name);
    if (entry.isSymbolicLink()) {
      unlinkSync(path);
    } else if (entry.isDirectory()) {
      if (entry.name === 'node_modules') {
        const renamed = join(dir, '_node_modules');
        renameSync(path, renamed);
        path = renamed;
      }
      neutralise(path);
    }
  }
}

function spec(size) {
  const dir = join(SPEC_DIR, size);
  return {
    packageJson: readFileSync(join(dir, 'package.json'), 'utf8'),
    lock: readFileSync(join(dir, 'package-lock.json'), 'utf8'),
  };
}

function run(command, args, options) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status}`);
}

function install(size, dir, log) {
  const { packageJson, lock } = spec(size);
  rmSync(dir, { recursive: true, force: true });
  const npmDir = join(dir, 'npm');
  mkdirSync(npmDir, { recursive: true });
  writeFileSync(join(npmDir, 'package.json'), packageJson);
  writeFileSync(join(npmDir, 'package-lock.json'), lock);
  const deps = Object.keys(JSON.parse(packageJson).dependencies).length;
  log(`Installing the ${size} corpus (${deps} pinned packages and their locked dependencies) with npm ci…`);
  run('npm', ['ci', '--prefix', npmDir, '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], {
    cwd: npmDir,
  });
  mkdirSync(join(dir, 'tree'), { recursive: true });
  renameSync(join(npmDir, 'node_modules'), join(dir, 'tree/packages'));
  rmSync(join(dir, 'tree/packages/.package-lock.json'), { force: true });
  neutralise(join(dir, 'tree/packages'));
}

function layout(size, dir) {
  const tree = join(dir, 'tree');
  const eslintDir = join(dir, 'eslint');
  rmSync(join(tree, 'planted'), { recursive: true, force: true });
  rmSync(eslintDir, { recursive: true, force: true });

  const { files, credentials } = plant(SEED);
  for (const file of files) {
    const path = join(tree, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, encodePlanted(file));
  }

  // ESLint's subset: real sources (no .d.ts, no minified bundles), then the planted files.
  const packages = join(tree, 'packages');
  for (const [from, pattern, depth] of ESLINT_SOURCES[size]) {
    const base = join(packages, from);
    for (const [path] of walkFiles(base)) {
      const rel = relative(base, path);
      if (depth !== undefined && rel.split('/').length > depth) continue;
      if (!pattern.test(path) || /\.d\.[cm]?ts$|\.min\.js$/.test(path)) continue;
      const target = join(eslintDir, from, rel);
      mkdirSync(dirname(target), { recursive: true });
      cpSync(path, target);
    }
  }
  cpSync(join(tree, 'planted'), join(eslintDir, 'planted'), { recursive: true });

  return { credentials, tree: count(tree), eslint: count(eslintDir) };
}

/**
 * Builds the corpus of `size`, or reuses it when its manifest says it was built from the same
 * lockfile and the same planting code. Returns the manifest.
 */
export function ensureCorpus(size, { refresh = false, log = console.error } = {}) {
  const dir = join(CACHE, `corpus-${size}`);
  const manifestPath = join(dir, 'manifest.json');
  const { packageJson, lock } = spec(size);
  const installKey = sha256(packageJson, lock);
  const layoutKey = sha256(
    String(LAYOUT_VERSION),
    String(SEED),
    readFileSync(new URL('./planted.mjs', import.meta.url)),
    JSON.stringify(ESLINT_SOURCES[size], (_key, value) => (value instanceof RegExp ? value.source : value)),
  );
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  } catch {
    manifest = undefined;
  }
  if (!refresh && manifest?.installKey === installKey && manifest.layoutKey === layoutKey) {
    return { ...manifest, dir };
  }
  rmSync(manifestPath, { force: true });
  if (refresh || manifest?.installKey !== installKey || !existsSync(join(dir, 'tree/packages'))) {
    install(size, dir, log);
  } else {
    log(`Re-planting the ${size} corpus (planting code changed)…`);
  }
  const laid = layout(size, dir);
  manifest = {
    size,
    installKey,
    layoutKey,
    packages: JSON.parse(packageJson).dependencies,
    installedPackages: Object.keys(JSON.parse(lock).packages).filter((p) => p.startsWith('node_modules/')).length,
    builtAt: new Date().toISOString(),
    ...laid,
  };
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  return { ...manifest, dir };
}

/**
 * Regenerates bench/corpus/<size>/package-lock.json from its package.json (network needed): the
 * lockfile pins every transitive dependency. Registry URLs are left out of it (`npm ci` finds the
 * packages by name and checks them by integrity), and it is formatted with Prettier.
 */
export function updateLock(size, log = console.error) {
  const dir = join(SPEC_DIR, size);
  const work = join(tmpdir(), `mwsguard-bench-lock-${size}-${process.pid}`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  try {
    cpSync(join(dir, 'package.json'), join(work, 'package.json'));
    log(`Resolving the ${size} corpus…`);
    run(
      'npm',
      [
        'install',
        '--package-lock-only',
        '--ignore-scripts',
        '--no-audit',
        '--no-fund',
        '--omit-lockfile-registry-resolved',
        '--loglevel=error',
        '--prefix',
        work,
      ],
      { cwd: work },
    );
    cpSync(join(work, 'package-lock.json'), join(dir, 'package-lock.json'));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const prettier = join(ROOT, 'node_modules/prettier/bin/prettier.cjs');
  run(process.execPath, [prettier, '--log-level=warn', '--write', join(dir, 'package-lock.json')], { cwd: ROOT });
}
