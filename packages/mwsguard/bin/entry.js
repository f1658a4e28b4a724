// Which build the bin starts: bundle/ (scripts/bundle.js, run by `pnpm build`) while it is newer
// than the compiled modules it was made from, otherwise dist/cli.js. A `tsc -b` alone rebuilds
// dist/ and leaves the bundle stale: its build info is then newer than the bundle.
// A published package has no build info: its bundle is the one it was packed with.

import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cacheDirectory, loadBundle } from './code-cache.js';

const BUNDLE = new URL('../bundle/', import.meta.url);
const BUNDLE_MANIFEST = new URL('package.json', BUNDLE);
const DIST = new URL('../dist/cli.js', import.meta.url);
/** tsc's build info of this package and of core (in this repository's layout). */
const BUILD_INFO = [
  new URL('../dist/.tsbuildinfo', import.meta.url),
  new URL('../../core/dist/.tsbuildinfo', import.meta.url),
];

const modified = (url) => statSync(url, { throwIfNoEntry: false })?.mtimeMs;

/**
 * The CLI's `runCli`, from the bundle when it is fresh (compiled with the code cache for `argv`'s
 * command, code-cache.js), else from dist/cli.js; `save()` writes the code caches the run made
 * (call it after the run).
 */
export async function loadCli(argv, env) {
  const bundled = modified(BUNDLE_MANIFEST);
  if (bundled !== undefined && BUILD_INFO.every((info) => (modified(info) ?? 0) <= bundled)) {
    const bundle = loadBundle(fileURLToPath(BUNDLE), cacheDirectory(env, argv));
    return { runCli: bundle.exports.runCli, save: bundle.save };
  }
  const { runCli } = await import(DIST.href);
  return { runCli, save: () => undefined };
}
