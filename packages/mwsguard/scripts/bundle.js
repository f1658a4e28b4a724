#!/usr/bin/env node
// Writes bundle/: the CLI as the bin loads it (dist/cli.js, everything it imports, and
// @mwsguard/core) in a few files instead of about 50 modules. Lazily imported commands stay
// separate chunks, loaded when they run; the scan worker is an entry of its own. Loading 27
// modules of core cost about 31 ms of CPU, one file 12 ms: most of a commit hook's run is start-up.
// `pnpm build` runs it after `tsc -b`. The bin uses the bundle only while it is newer than the
// compiled modules it was made from (bin/entry.js); the package's `exports` and types are dist's.

import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';

const dist = (name) => fileURLToPath(new URL(`../dist/${name}`, import.meta.url));

/** Bundles dist/cli.js and dist/scan-worker.js into `outDir` (emptied first). */
export async function bundle(outDir = fileURLToPath(new URL('../bundle/', import.meta.url))) {
  const build = await rolldown({
    input: { cli: dist('cli.js'), 'scan-worker': dist('scan-worker.js') },
    platform: 'node',
    // Dependencies stay packages (picomatch and ignore are required on first use); the config
    // validator stays a file of the package, next to its schema.
    external: (id) =>
      id.startsWith('node:') || /^(?:ajv|ignore|picomatch)(?:\/|$)/.test(id) || id.endsWith('.validate.js'),
    logLevel: 'warn',
  });
  rmSync(outDir, { recursive: true, force: true });
  await build.write({ dir: outDir, format: 'esm', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' });
  await build.close();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await bundle();
