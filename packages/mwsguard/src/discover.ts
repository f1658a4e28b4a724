import { readdirSync } from 'node:fs';
import type { Dirent } from 'node:fs';
import { lstat, realpath, stat } from 'node:fs/promises';
import { dirname, isAbsolute, resolve, sep } from 'node:path';
import type { GlobList } from './globs.js';
import { toDisplayPath } from './display-path.js';
import { GitignoreRules } from './gitignore.js';
import type { GitignoreEnv } from './gitignore.js';
import { describeFailure, errnoCode, isMissing, skipReasonOf } from './errno.js';
import { skippedFile } from './result.js';
import type { SkipReason } from './result.js';
import { UsageError } from './usage-error.js';

/** Options of {@link discover}. */
export interface DiscoverOptions {
  /** Directory the paths are relative to, and display paths are computed from. */
  readonly cwd: string;
  /** Leave out files ignored by `.gitignore` files (default in the CLI: `true`). */
  readonly gitignore: boolean;
  /** Follow symbolic links found in directory walks (default `false`: they are skipped). */
  readonly followSymlinks: boolean;
  /** User ignores (`--ignore`, the config's `ignore`): they apply to every file, named or found. */
  readonly ignore: readonly GlobList[];
  /** The config's `include`: when not empty, a walk keeps only the files that match it. */
  readonly include?: GlobList;
  /** Environment for finding the user's git ignore file (`HOME`, `XDG_CONFIG_HOME`, git's own). */
  readonly env?: GitignoreEnv;
}

/** A path to scan and where it came from: stdin lists tolerate missing files, arguments do not. */
export interface PathArgument {
  readonly path: string;
  readonly origin: 'argument' | 'stdin';
}

/** A file to scan. */
export interface SourceFile {
  readonly absolutePath: string;
  /** Relative to `cwd`, with `/` separators: the path every output shows. */
  readonly displayPath: string;
  /**
   * The path's bytes, when a name in it is not valid UTF-8: `absolutePath` then holds U+FFFD in
   * its place and names no file, so the file is opened by these bytes.
   */
  readonly pathBytes?: Uint8Array;
}

/** What discovery yields: files to scan, files it will not scan (with why), and notes. */
export type Discovered =
  | ({ readonly type: 'file' } & SourceFile)
  | { readonly type: 'skip'; readonly file: string; readonly reason: SkipReason; readonly detail?: string }
  | { readonly type: 'note'; readonly message: string };

/**
 * Names a directory walk never enters or lists: git's own store is never source (even with
 * `--no-gitignore`), and installed dependencies are not the project's code, unless the walk
 * starts inside a `node_modules` directory (one named on the command line).
 */
const GIT_DIR = '.git';
const NODE_MODULES = 'node_modules';

/**
 * Checks that every command-line path exists before anything is scanned: a typo is a usage error
 * (exit 2), not a half-done scan.
 */
export async function checkArguments(paths: readonly string[], cwd: string): Promise<void> {
  for (const path of paths) {
    try {
      await lstat(resolve(cwd, path));
    } catch (error) {
      throw argumentError(path, error);
    }
  }
}

/**
 * Expands paths into the files to scan, as a stream (so scanning starts while the walk goes on).
 * Directories are walked with dotfiles on and the ignores above; a file named explicitly is
 * kept even when `.gitignore` or the `node_modules` rule would leave it out, since asking for it by
 * name is the clearest possible intent (user ignores still apply, and say so). Order is not
 * guaranteed: callers sort results by display path.
 */
export async function* discover(
  paths: AsyncIterable<PathArgument> | Iterable<PathArgument>,
  options: DiscoverOptions,
): AsyncGenerator<Discovered> {
  const seen = new Set<string>();
  for await (const argument of paths) {
    yield* discoverOne(argument, options, seen);
  }
}

async function* discoverOne(
  argument: PathArgument,
  options: DiscoverOptions,
  seen: Set<string>,
): AsyncGenerator<Discovered> {
  const absolutePath = resolve(options.cwd, argument.path);
  const displayPath = toDisplayPath(options.cwd, absolutePath);
  let entry;
  try {
    entry = await lstat(absolutePath);
  } catch (error) {
    if (argument.origin === 'argument') throw argumentError(argument.path, error);
    if (!seen.has(absolutePath)) {
      seen.add(absolutePath);
      const { reason, detail } = skipReasonOf(error, 'notFound');
      yield skip(displayPath, reason, detail);
    }
    return;
  }
  let kind: 'file' | 'directory' | 'other' = entry.isFile() ? 'file' : entry.isDirectory() ? 'directory' : 'other';
  if (entry.isSymbolicLink()) {
    // A link named explicitly is followed: the user asked for what it points to.
    const target = await statTarget(absolutePath);
    if (target.type === 'error') {
      if (!seen.has(absolutePath)) {
        seen.add(absolutePath);
        yield skip(displayPath, target.reason, target.detail);
      }
      return;
    }
    kind = target.type;
  }
  if (kind === 'directory') {
    yield* walkArgument(absolutePath, argument.path, options, seen);
    return;
  }
  if (kind === 'other') {
    // Reading a FIFO or a device could block forever or never end.
    if (argument.origin === 'argument') throw new UsageError(`Not a regular file or directory: ${argument.path}`);
    if (!seen.has(absolutePath)) {
      seen.add(absolutePath);
      yield skip(displayPath, 'unreadable', 'not a regular file');
    }
    return;
  }
  if (seen.has(absolutePath)) return;
  seen.add(absolutePath);
  if (options.ignore.some((list) => list.matches(absolutePath))) {
    yield skip(displayPath, 'ignored');
    return;
  }
  yield { type: 'file', absolutePath, displayPath };
}

async function* walkArgument(
  root: string,
  argument: string,
  options: DiscoverOptions,
  seen: Set<string>,
): AsyncGenerator<Discovered> {
  let found = 0;
  for await (const item of walk(root, [await realpathOr(root)], options, seen)) {
    if (item.type === 'file') found += 1;
    yield item;
  }
  if (found > 0) return;
  // Say which rule left nothing to scan: a config `ignore: ["*"]` is not .gitignore's doing.
  const files = filesWithoutGitignore(root, options);
  if (files.wanted && options.gitignore) {
    yield {
      type: 'note',
      message: `every file under ${argument} is ignored by .gitignore; --no-gitignore scans them.`,
    };
  } else if (files.any && !files.wanted) {
    yield {
      type: 'note',
      message: `every file under ${argument} is excluded by --ignore or the configuration's ignore or include patterns.`,
    };
  }
}

/**
 * Walks one directory. Symbolic links are reported as skipped unless `followSymlinks` is set;
 * followed links to directories are walked in turn, unless that would lead back into a directory
 * already on the way (a loop), which is reported instead of followed.
 */
async function* walk(
  root: string,
  chain: readonly string[],
  options: DiscoverOptions,
  seen: Set<string>,
): AsyncGenerator<Discovered> {
  for (const entry of readdirEntries(root, options)) {
    if (entry.type !== 'entry') {
      yield entry;
      continue;
    }
    const { absolutePath, displayPath, isLink, pathBytes } = entry;
    const file: Discovered = pathBytes
      ? { type: 'file', absolutePath, displayPath, pathBytes }
      : { type: 'file', absolutePath, displayPath };
    if (seen.has(absolutePath) || !isWanted(absolutePath, options)) continue;
    seen.add(absolutePath);
    if (!isLink) {
      yield file;
      continue;
    }
    if (!options.followSymlinks) {
      yield skip(displayPath, 'symlink');
      continue;
    }
    const target = await statTarget(absolutePath);
    if (target.type === 'error') {
      yield skip(displayPath, target.reason, target.detail);
    } else if (target.type === 'file') {
      yield file;
    } else if (target.type === 'directory') {
      const real = await realpathOr(absolutePath);
      const here = await realpathOr(dirname(absolutePath));
      const ancestors = [...chain, here];
      if (ancestors.some((dir) => dir === real || dir.startsWith(real + sep))) {
        yield skip(displayPath, 'symlinkLoop', 'leads back into a directory it is in');
      } else {
        yield* walk(absolutePath, ancestors, options, seen);
      }
    }
  }
}

/** A directory entry found by a walk: a file or a symbolic link (directories are walked). */
interface WalkEntry {
  readonly type: 'entry';
  readonly absolutePath: string;
  readonly displayPath: string;
  readonly isLink: boolean;
  /** The path's bytes when it is not valid UTF-8 (see {@link SourceFile.pathBytes}). */
  readonly pathBytes?: Buffer;
}

/**
 * The walk itself: one `readdir` per directory, `.gitignore` files applied as git does (see
 * `gitignore.ts`). A glob engine was ten times slower on a large tree (58k files: globby took
 * 1.25 s without `.gitignore` files and 2.7 s with them, this walk 0.14 s and about 0.3 s), and
 * the walk feeds the scan workers. It leaves out `.git` always, `node_modules` unless the walk
 * starts inside one, and directories that a user ignore list matches (their files would all be
 * dropped by {@link isWanted} anyway). An unreadable directory is reported and the walk goes on.
 */
function* readdirEntries(root: string, options: DiscoverOptions): Generator<WalkEntry | Discovered> {
  const insideNodeModules = isInNodeModules(root);
  const prefix = displayPrefix(options.cwd, root);
  const rootRules = options.gitignore ? GitignoreRules.forRoot(root, options.env) : undefined;
  if (options.gitignore && rootRules === undefined) return; // the root itself is ignored
  // Directories still to read: path, path relative to `root` ('' or ending in `/`), rules above,
  // and the path's bytes when a name in it is not valid UTF-8.
  const pending: [string, string, GitignoreRules | undefined, Buffer | undefined][] = [
    [root, '', rootRules, undefined],
  ];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [dir, relativeDir, rulesAbove, dirBytes] = next;
    let dirents: Dirent[];
    let rawNames: Map<string, Buffer[]> | undefined;
    try {
      dirents = readdirSync(dirBytes ?? dir, { withFileTypes: true });
      if (dirents.some((d) => d.name.includes(REPLACEMENT))) rawNames = undecodableNames(dirBytes ?? dir);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (typeof code !== 'string') throw error;
      yield skip(toDisplayPath(options.cwd, dir), 'unreadable', code);
      continue;
    }
    const rules = rulesAbove && dirents.some((d) => d.name === '.gitignore') ? rulesAbove.withFile(dir) : rulesAbove;
    for (const dirent of dirents) {
      const { name } = dirent;
      if (name === GIT_DIR || (!insideNodeModules && name === NODE_MODULES)) continue;
      const absolutePath = dir + sep + name;
      // A name that is not valid UTF-8 reads as U+FFFD and names no file: keep its bytes.
      const raw = rawNames?.get(name)?.shift();
      const bytes =
        raw || dirBytes
          ? Buffer.concat([dirBytes ?? Buffer.from(dir), Buffer.from(sep), raw ?? Buffer.from(name)])
          : undefined;
      const isDirectory = dirent.isDirectory();
      if (rules?.ignores(absolutePath, isDirectory) === true) continue;
      if (isDirectory) {
        if (!options.ignore.some((list) => list.matches(absolutePath))) {
          pending.push([absolutePath, `${relativeDir}${name}/`, rules, bytes]);
        }
      } else if (dirent.isFile() || dirent.isSymbolicLink()) {
        const displayPath = displayPathOf(options.cwd, prefix, relativeDir + name, absolutePath);
        const entry: WalkEntry = { type: 'entry', absolutePath, displayPath, isLink: dirent.isSymbolicLink() };
        yield bytes ? { ...entry, pathBytes: bytes } : entry;
      }
    }
  }
}

const REPLACEMENT = '\ufffd';

/** The names of `dir` that are not valid UTF-8, as bytes, by the string `readdir` gives for them. */
function undecodableNames(dir: string | Buffer): Map<string, Buffer[]> {
  const names = new Map<string, Buffer[]>();
  for (const raw of readdirSync(dir, { encoding: 'buffer' })) {
    const name = raw.toString('utf8');
    if (!name.includes(REPLACEMENT) || Buffer.from(name).equals(raw)) continue;
    names.set(name, [...(names.get(name) ?? []), raw]);
  }
  return names;
}

/**
 * What display paths of the files under `root` start with (`''` when `root` is `cwd`), so a walk
 * joins names instead of computing a relative path per file. `undefined` when `root` is outside
 * `cwd`: a path under `..` may lead back into `cwd` (`../config/x` is shown as `x`).
 */
function displayPrefix(cwd: string, root: string): string | undefined {
  const path = toDisplayPath(cwd, root);
  if (path === '') return '';
  return path === '..' || path.startsWith('../') || isAbsolute(path) ? undefined : `${path}/`;
}

/** A walked file's display path: its directory's prefix and its name, or computed in full. */
function displayPathOf(cwd: string, prefix: string | undefined, relativePath: string, absolutePath: string): string {
  return prefix === undefined ? toDisplayPath(cwd, absolutePath) : prefix + relativePath;
}

function isWanted(absolutePath: string, options: DiscoverOptions): boolean {
  if (options.ignore.some((list) => list.matches(absolutePath))) return false;
  return !options.include || options.include.isEmpty || options.include.matches(absolutePath);
}

type TargetType =
  | { readonly type: 'file' | 'directory' | 'other' }
  | { readonly type: 'error'; readonly reason: SkipReason; readonly detail: string };

async function statTarget(path: string): Promise<TargetType> {
  try {
    const target = await stat(path);
    return { type: target.isFile() ? 'file' : target.isDirectory() ? 'directory' : 'other' };
  } catch (error) {
    return { type: 'error', ...skipReasonOf(error, 'brokenSymlink') };
  }
}

async function realpathOr(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    return path;
  }
}

/** Whether `root` holds any file when .gitignore files are not applied, and any that is wanted. */
function filesWithoutGitignore(root: string, options: DiscoverOptions): { any: boolean; wanted: boolean } {
  let any = false;
  for (const entry of readdirEntries(root, { ...options, gitignore: false, ignore: [] })) {
    if (entry.type !== 'entry') continue;
    any = true;
    if (isWanted(entry.absolutePath, options)) return { any, wanted: true };
  }
  return { any, wanted: false };
}

function isInNodeModules(path: string): boolean {
  return path.split(sep).includes(NODE_MODULES);
}

/** A command-line path that cannot be scanned: a usage error (exit 2), not a half-done scan. */
function argumentError(path: string, error: unknown): UsageError {
  return isMissing(errnoCode(error))
    ? new UsageError(`No such file or directory: ${path}`)
    : new UsageError(`Cannot access ${path} (${describeFailure(error)}).`);
}

const skip = (file: string, reason: SkipReason, detail?: string): Discovered => ({
  type: 'skip',
  ...skippedFile(file, reason, detail),
});
