#!/usr/bin/env node
// Writes bundle/: the CLI as the bin loads it (dist/cli.js, everything it imports, and
// @mwsguard/core) in a few files instead of about 50 modules. Lazily imported commands stay
// separate chunks, loaded when they run; the scan worker is an entry of its own. Loading 27
// modules of core cost about 31 ms of CPU, one file 12 ms: most of a commit hook's run is start-up.
// `pnpm build` runs it after `tsc -b`. The bin uses the bundle only while it is newer than the
// compiled modules it was made from (bin/entry.js); the package's `exports` and types are dist's.
//
// The chunks are CommonJS (bundle/package.json says so) so that the bin can compile them itself
// with V8's code cache (bin/code-cache.js), which Node 20 offers no ES module; every chunk the bin
// loads that way is named by its content's hash (the main entry too: package.json's `main` names
// it), so a cached compilation can never be applied to another text. The package's version is
// written in, so no run reads package.json, and `--version` and `--help` alone are answered from
// the manifest and help.txt without loading any chunk.

import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { rolldown } from 'rolldown';

const dist = (name) => fileURLToPath(new URL(`../dist/${name}`, import.meta.url));
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

/** dist/version.js reads package.json; the bundle's knows its version. */
const versionWrittenIn = {
  name: 'version-written-in',
  load(id) {
    if (id !== dist('version.js')) return null;
    return `/** The version of the mwsguard package (written in by scripts/bundle.js). */
export function readVersion() {
  return Promise.resolve(${JSON.stringify(version)});
}
`;
  },
};

/** Worker entries: the modules start them by file name, so their names carry no hash. */
const WORKERS = new Set(['scan-worker', 'isolated-scan-worker']);

/** Bundles dist/cli.js and the two workers (dist/scan-worker.js, dist/isolated-scan-worker.js) into `outDir` (emptied first). */
export async function bundle(outDir = fileURLToPath(new URL('../bundle/', import.meta.url))) {
  const build = await rolldown({
    input: {
      cli: dist('cli.js'),
      'scan-worker': dist('scan-worker.js'),
      'isolated-scan-worker': dist('isolated-scan-worker.js'),
    },
    platform: 'node',
    // Dependencies stay packages (picomatch and ignore are required on first use); the config
    // validator stays a file of the package, next to its schema.
    external: (id) =>
      id.startsWith('node:') || /^(?:ajv|ignore|picomatch)(?:\/|$)/.test(id) || id.endsWith('.validate.js'),
    plugins: [versionWrittenIn],
    logLevel: 'warn',
  });
  rmSync(outDir, { recursive: true, force: true });
  const { output } = await build.write({
    dir: outDir,
    format: 'cjs',
    // `require` in place of `import()` for what the chunks load on demand (the config validator,
    // an ES module that Node >= 20.19 requires; worker_threads): a script compiled through
    // `vm` cannot `import()` without an experimental flag.
    dynamicImportInCjs: false,
    // The workers are started by their names (scan-pool.ts, isolated-scan.ts); Node's own loader runs them.
    entryFileNames: (chunk) => (WORKERS.has(chunk.name) ? '[name].js' : '[name]-[hash].js'),
    chunkFileNames: '[name]-[hash].js',
    // No comments and only ASCII: every run reads and decodes each chunk it loads. Comments made
    // a fifth of the engine's chunk, and a single non-ASCII character in it made V8 hold the
    // whole text as two bytes per character; together 9 of the 80 million instructions a staged
    // scan of 5 files ran beyond Node's own start-up (callgrind, docs/performance.md#start-up).
    comments: false,
    charset: 'ascii',
  });
  await build.close();
  const main = output.find((chunk) => chunk.type === 'chunk' && chunk.isEntry && chunk.name === 'cli')?.fileName;
  if (main === undefined) throw new Error('the bundle has no cli entry');
  // `version` and help.txt: the bin answers `--version` and `--help` from them (bin/entry.js).
  const { HELP_TEXT } = await import(pathToFileURL(dist('help.js')).href);
  writeFileSync(join(outDir, 'help.txt'), HELP_TEXT);
  // Written last: the bin takes the bundle for fresh while this file is newer than dist/.
  const manifest = { private: true, type: 'commonjs', main: `./${main}`, version };
  writeFileSync(join(outDir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await bundle();
