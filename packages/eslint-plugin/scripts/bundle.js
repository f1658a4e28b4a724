#!/usr/bin/env node
// Writes bundle/: what the published package runs. `bundle/index.js` is dist/index.js with every
// module it imports, the plugin's and @mwsguard/core's, in one ES module; `bundle/formatter.js`
// the same for dist/formatter.js. Importing the plugin from dist/ made Node's module loader
// resolve, read and link about 50 files (16 of the plugin's, 35 of core's), which cost about
// 30 ms of CPU in a fresh ESLint process, more than the plugin's rules take on a handful of files;
// one file takes about 8 ms (docs/performance.md, "Start-up").
//
// The package's `prepack` runs it (after `tsc -b`), and `publishConfig` points the packed
// manifest's `main` and `exports` here; in the workspace they stay dist/'s, so tests and tools
// run the compiled sources. The types are dist/'s in both. Core's code is inlined as it is, not
// changed: detection still lives in core alone. `@eslint-community/eslint-utils` stays a
// dependency, required on first use (src/util/eslint-utils.ts); `node:` builtins stay imports.

import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const dist = (name) => fileURLToPath(new URL(`../dist/${name}`, import.meta.url));
const { name, version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

/** The entries `publishConfig.exports` names: each becomes one file of the bundle. */
export const ENTRIES = ['index', 'formatter'];

/**
 * dist/util/package.js reads `../../package.json`, which from bundle/ would be the wrong file: the
 * bundle has the manifest's name and version written in.
 */
const manifestWrittenIn = {
  name: 'manifest-written-in',
  load(id) {
    if (id !== dist('util/package.js')) return null;
    return `/** \`${name}\` (written in by scripts/bundle.js). */
export const PLUGIN_NAME = ${JSON.stringify(name)};
/** The plugin's version (written in by scripts/bundle.js). */
export const PLUGIN_VERSION = ${JSON.stringify(version)};
`;
  },
};

/** Bundles each of {@link ENTRIES} from dist/ into one file of `outDir` (emptied first). */
export async function bundle(outDir = fileURLToPath(new URL('../bundle/', import.meta.url))) {
  rmSync(outDir, { recursive: true, force: true });
  // One build per entry: a build with both would move the code they share into a third file,
  // which the plugin's import would then load as well.
  for (const entry of ENTRIES) {
    const build = await rolldown({
      input: dist(`${entry}.js`),
      cwd: packageDir,
      platform: 'node',
      external: (id) => id.startsWith('node:') || /^@eslint-community\/eslint-utils(?:\/|$)/.test(id),
      plugins: [manifestWrittenIn],
      logLevel: 'warn',
    });
    await build.write({ file: `${outDir}/${entry}.js`, format: 'esm' });
    await build.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await bundle();
