// Loads the bundle's CommonJS chunks with V8's code cache: the compiled code of the functions a
// run used is kept between runs, so the next run neither parses nor compiles them again (a commit
// hook runs on every commit). Node 20 keeps no such cache for modules (module.enableCompileCache
// arrived in Node 22.1, and caches only what is compiled before a module runs); this does the
// same through `vm.Script`'s `cachedData` on every Node.
//
// Safe by construction: each chunk's file name holds its content's hash (scripts/bundle.js), so a
// cache is only ever offered for the text it was made from, and V8 itself rejects a cache from
// another V8 version or other flags. The cache lives under the user's cache directory, never in
// their repository; it is written once (to a temporary file, then renamed) and read as a hint:
// any failure to read, use or write it is silent, and the chunk is compiled as usual.

const { mkdirSync, readFileSync, renameSync, writeFileSync } = require('node:fs');
// The class of this very module is node:module's `Module`; taken from here, because requiring
// the public `node:module` loads Node's ES module loader and source maps (1.4 million instructions).
const Module = module.constructor.createRequire === undefined ? require('node:module') : module.constructor;
const { basename, dirname, isAbsolute, join, sep } = require('node:path');

/** A chunk's name as the chunks require each other: `./name-hash.js`. */
const SIMPLE_NAME = /^\.\/[\w.-]+$/;
const vm = require('node:vm');

/**
 * Where this Node's caches go: `$XDG_CACHE_HOME/mwsguard` or `~/.cache/mwsguard`
 * (`~/Library/Caches` on macOS, `%LOCALAPPDATA%` on Windows), one folder per V8 version and
 * command, since a cache holds what the run that wrote it compiled. `undefined` (no cache) under
 * NODE_DISABLE_COMPILE_CACHE, Node's own switch for its cache, or without a home directory.
 */
function cacheDirectory(env, argv, platform = process.platform) {
  if (env.NODE_DISABLE_COMPILE_CACHE) return undefined;
  const home = env.HOME || env.USERPROFILE;
  const root =
    platform === 'win32'
      ? env.LOCALAPPDATA
      : platform === 'darwin'
        ? home && join(home, 'Library', 'Caches')
        : // The XDG specification has relative paths ignored.
          env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME)
          ? env.XDG_CACHE_HOME
          : home && join(home, '.cache');
  if (!root) return undefined;
  const command = argv.includes('--staged') ? 'staged' : argv.includes('--history') ? 'history' : argv[0];
  const kind = /^[a-z-]{1,20}$/.test(command ?? '') ? command : 'other';
  return join(root, 'mwsguard', `v8-${process.versions.v8}-${process.arch}`, kind);
}

/**
 * Loads the bundle's main chunk (bundle/package.json's `main`) and what it requires of its
 * siblings, each compiled with the cache in `cacheDir` (`undefined`: no cache). Resolves `exports`
 * of the main chunk; `save()` writes the caches that were missing or rejected, with every function
 * compiled so far: call it after the run.
 */
function loadBundle(dir, cacheDir) {
  const { main } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const nodeRequire = Module.createRequire(join(dir, 'package.json'));
  const unsaved = [];
  // The chunks require each other as './name.js', all in `dir`. Joined by hand: about a hundred
  // `path.join` calls in a run made V8 compile `path.normalize` with TurboFan (8 million
  // instructions on a background thread), a third of them here.
  const sibling = (id) => (SIMPLE_NAME.test(id) ? `${dir}${sep}${id.slice(2)}` : join(dir, id));
  const load = (file) => {
    const cached = nodeRequire.cache[file];
    if (cached) return cached.exports;
    const source = readFileSync(file, 'utf8');
    const cacheFile = cacheDir && `${cacheDir}${sep}${basename(file)}.cache`;
    let cachedData;
    try {
      if (cacheFile) cachedData = readFileSync(cacheFile);
    } catch {
      // none yet
    }
    const script = new vm.Script(`${Module.wrapper[0]}${source}${Module.wrapper[1]}`, {
      filename: file,
      cachedData,
    });
    if (cacheFile && (cachedData === undefined || script.cachedDataRejected)) unsaved.push({ script, cacheFile });
    // In require.cache like any CommonJS module: loaded once, and listed where tools look.
    const record = new Module(file);
    record.filename = file;
    record.loaded = true;
    nodeRequire.cache[file] = record;
    const localRequire = (id) => (id.startsWith('./') ? load(sibling(id)) : nodeRequire(id));
    script.runInThisContext().call(record.exports, record.exports, localRequire, record, file, dirname(file));
    return record.exports;
  };
  return {
    exports: load(join(dir, main)),
    save() {
      for (const { script, cacheFile } of unsaved.splice(0)) {
        try {
          mkdirSync(dirname(cacheFile), { recursive: true });
          const temporary = `${cacheFile}.${process.pid}.tmp`;
          writeFileSync(temporary, script.createCachedData());
          renameSync(temporary, cacheFile);
        } catch {
          // A cache is a hint: a run without one is only slower.
        }
      }
    },
  };
}

module.exports = { cacheDirectory, loadBundle };
