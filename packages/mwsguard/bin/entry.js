// Which build the bin starts: bundle/ (scripts/bundle.js, run by `pnpm build`) while it is newer
// than the compiled modules it was made from, otherwise dist/cli.js. A `tsc -b` alone rebuilds
// dist/ and leaves the bundle stale: its build info is then newer than the bundle.
// A published package has no build info: its bundle is the one it was packed with.

const { readFileSync, statSync } = require('node:fs');
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');

const BUNDLE = join(__dirname, '../bundle');
const BUNDLE_MANIFEST = join(BUNDLE, 'package.json');
const DIST = join(__dirname, '../dist/cli.js');
/** tsc's build info of this package and of core (in this repository's layout). */
const BUILD_INFO = [join(__dirname, '../dist/.tsbuildinfo'), join(__dirname, '../../core/dist/.tsbuildinfo')];

const modified = (path) => statSync(path, { throwIfNoEntry: false })?.mtimeMs;

/** Whether the bundle is there and newer than what it was made from. */
function bundleIsFresh() {
  const bundled = modified(BUNDLE_MANIFEST);
  return bundled !== undefined && BUILD_INFO.every((info) => (modified(info) ?? 0) <= bundled);
}

/**
 * The whole output of `mwsguard --version` or `mwsguard --help` (or `-h`) given alone, read from
 * what scripts/bundle.js wrote beside the bundle (its manifest's `version`, `help.txt`), so that
 * neither loads a line of the CLI; `undefined` for any other command line or without a fresh
 * bundle (the CLI answers then).
 */
function quickAnswer(argv) {
  if (argv.length !== 1 || !['--version', '--help', '-h'].includes(argv[0]) || !bundleIsFresh()) return undefined;
  if (argv[0] === '--version') return `${JSON.parse(readFileSync(BUNDLE_MANIFEST, 'utf8')).version}\n`;
  return readFileSync(join(BUNDLE, 'help.txt'), 'utf8');
}

/**
 * The CLI's `runCli`, from the bundle when it is fresh (compiled with the code cache for `argv`'s
 * command, code-cache.js), else from dist/cli.js; `save()` writes the code caches the run made
 * (call it after the run).
 */
async function loadCli(argv, env) {
  if (bundleIsFresh()) {
    // Required here: `--version` and `--help` need neither it nor the `node:vm` it loads.
    const { cacheDirectory, loadBundle } = require('./code-cache.js');
    const bundle = loadBundle(BUNDLE, cacheDirectory(env, argv));
    return { runCli: bundle.exports.runCli, save: bundle.save };
  }
  // Node 22.1+ keeps V8's compiled code of the modules loaded after this call between runs. The
  // cache lives where Node puts it by default, under the OS temporary directory (or
  // $NODE_COMPILE_CACHE), never in the user's repository; older Nodes have no such call. Only
  // here: the bundle has its own cache (code-cache.js), and turning Node's on cost a bundled run
  // about a million instructions for nothing.
  require('node:module').enableCompileCache?.();
  const { runCli } = await import(pathToFileURL(DIST).href);
  return { runCli, save: () => undefined };
}

module.exports = { loadCli, quickAnswer };
