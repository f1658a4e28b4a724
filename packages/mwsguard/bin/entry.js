// Which module the bin starts: bundle/cli.js (scripts/bundle.js, run by `pnpm build`) while it
// is newer than the compiled modules it was made from, otherwise dist/cli.js. A `tsc -b` alone
// rebuilds dist/ and leaves the bundle stale: its build info is then newer than the bundle.
// A published package has no build info: its bundle is the one it was packed with.

import { statSync } from 'node:fs';

const BUNDLE = new URL('../bundle/cli.js', import.meta.url);
const DIST = new URL('../dist/cli.js', import.meta.url);
/** tsc's build info of this package and of core (in this repository's layout). */
const BUILD_INFO = [
  new URL('../dist/.tsbuildinfo', import.meta.url),
  new URL('../../core/dist/.tsbuildinfo', import.meta.url),
];

const modified = (url) => statSync(url, { throwIfNoEntry: false })?.mtimeMs;

/** The URL of the entry module to import. */
export function entryModule() {
  const bundled = modified(BUNDLE);
  if (bundled === undefined) return DIST.href;
  return BUILD_INFO.every((info) => (modified(info) ?? 0) <= bundled) ? BUNDLE.href : DIST.href;
}
