import { closeSync, existsSync, openSync, readFileSync, readSync, readdirSync, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { joinPath } from './join-path.js';
import { entryPath, parseIndex } from './git-index.js';
import type { CacheTree, GitIndex, IndexSummary } from './git-index.js';
import { ObjectStore } from './git-objects.js';
import { UnsupportedGit, require } from './git-unsupported.js';
import { commonDirectory, configText, gitDirectory, plainWorkTree, readOptional } from './work-tree.js';

/** A staged path: what `git diff --cached --raw` lists as added, modified or type-changed. */
export interface StagedEntry {
  /** Six octal digits, as git prints them: `100644`, `100755`, `120000`, `160000`. */
  readonly mode: string;
  /** The staged blob's id (the submodule's commit for `160000`). */
  readonly id: string;
  /** Relative to the top of the work tree. */
  readonly path: string;
}

/** What is staged, read from the repository's files by {@link readStagedFiles}. */
export interface IndexStaged {
  /** The top of the work tree. */
  readonly root: string;
  /** In the index's order, which is `git diff`'s. */
  readonly entries: readonly StagedEntry[];
  /** The object database the staged blobs are read from (close it when done). */
  readonly objects: ObjectStore;
  /** How many tree objects of the last commit were read (the index's tree cache spares the rest). */
  readonly treesRead: number;
}

/**
 * `GIT_*` variables that change neither which repository, index and objects git reads nor what
 * `git diff --cached` lists: those git sets for a hook (`GIT_INDEX_FILE` is handled apart; `-c`
 * settings, `GIT_CONFIG_PARAMETERS`, are looked at), those about identity, editors, transport
 * and tracing, and those naming the user's and system's configuration (which cannot change what
 * is staged: the settings that matter here, `extensions.*`, are the repository's own). Any other
 * `GIT_*` variable sends the scan to git itself.
 */
const HARMLESS_VARIABLES = new Set(
  [
    'INDEX_FILE',
    'CONFIG_PARAMETERS',
    'EDITOR',
    'SEQUENCE_EDITOR',
    'PAGER',
    'EXEC_PATH',
    'PREFIX',
    'AUTHOR_NAME',
    'AUTHOR_EMAIL',
    'AUTHOR_DATE',
    'COMMITTER_NAME',
    'COMMITTER_EMAIL',
    'COMMITTER_DATE',
    'REFLOG_ACTION',
    'TERMINAL_PROMPT',
    'ASKPASS',
    'SSH',
    'SSH_COMMAND',
    'SSH_VARIANT',
    'SSL_CAINFO',
    'SSL_NO_VERIFY',
    'PROTOCOL',
    'FLUSH',
    'OPTIONAL_LOCKS',
    'CONFIG_NOSYSTEM',
    'CONFIG_GLOBAL',
    'CONFIG_SYSTEM',
    'MERGE_AUTOEDIT',
    'MERGE_VERBOSITY',
    'ADVICE',
    'INDEX_VERSION',
  ].map((name) => `GIT_${name}`),
);
/** The families of harmless variables: `GIT_HTTP_*` (transport) and `GIT_TRACE*`. */
const HARMLESS_FAMILY = /^GIT_(?:HTTP_\w+|TRACE\w*)$/;

// A set and a small pattern rather than one alternation of all the names: V8 compiles a regular
// expression at its first use, and a commit hook always has some `GIT_*` variable to test.
const isHarmless = (name: string): boolean => HARMLESS_VARIABLES.has(name) || HARMLESS_FAMILY.test(name);

/**
 * Settings under which git reads a repository in ways this does not: other object formats and
 * ref stores (`extensions.*`), replaced objects, included files that could hold any of these,
 * a work tree named elsewhere, partial clones, sparse and split indexes.
 */
const UNUSUAL_WORDS = [
  'extensions',
  'include',
  'worktree',
  'replace',
  'graft',
  'alternate',
  'promisor',
  'partialclone',
  'sparse',
  'splitindex',
  'objectformat',
  'refstorage',
];
/** A repository format version other than 0. */
const FORMAT_VERSION = /repositoryformatversion\s*=\s*[^0\s]/i;

/**
 * Whether `text` (configuration) mentions an {@link UNUSUAL_WORDS unusual setting}, in any case.
 * Words found in the lowercased text rather than by one case-insensitive alternation, which cost
 * about a million instructions to compile at the first test of a run; lowercasing can only add
 * matches (a non-ASCII letter whose lowercase is ASCII), and a match only sends the scan to git.
 */
function mentionsUnusualSetting(text: string): boolean {
  const lower = text.toLowerCase();
  return UNUSUAL_WORDS.some((word) => lower.includes(word)) || FORMAT_VERSION.test(text);
}

/**
 * The largest index read in process. Beyond it git's own comparison, in C, costs less than this
 * one in a JavaScript process that has just started (its code not yet compiled to machine code):
 * decoding 1,500 entries and their tree cache took 5–8 ms on first run against well under 1 ms
 * once warm, and the cost grows with the index (docs/performance.md#start-up).
 */
const MAX_INDEX_ENTRIES = 2000;

/**
 * The most tree objects of the last commit read before the work is left to git: a commit hook
 * after `git add` of a few files reads the trees along their paths (the index's tree cache
 * vouches for the others); a fresh clone's index has no valid cache, and reading a thousand trees
 * in JavaScript costs more than starting git.
 */
const MAX_TREES = 100;

/**
 * The staged files of the repository `cwd` is in, read from its index and objects as
 * `git diff --cached --raw --no-renames --diff-filter=ACMRT` would list them, without starting
 * git; `undefined` wherever this could answer differently from git or cannot tell: pathspecs
 * (git's matching rules), a variable or setting that moves or changes what git reads, an index
 * or object this does not handle, a commit with more trees to read than {@link MAX_TREES}.
 */
export function readStagedFiles(
  cwd: string,
  pathspecs: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): IndexStaged | undefined {
  if (pathspecs.length > 0) return undefined;
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && name.startsWith('GIT_') && !isHarmless(name)) return undefined;
  }
  if (mentionsUnusualSetting(env.GIT_CONFIG_PARAMETERS ?? '')) return undefined;
  const root = plainWorkTree(cwd, env);
  if (root === undefined) return undefined;
  const gitDir = gitDirectory(joinPath(root, '.git'));
  if (gitDir === undefined) return undefined;
  if (!ownedByUser([root, joinPath(root, '.git'), gitDir], env)) return undefined;
  const common = commonDirectory(gitDir);
  if (mentionsUnusualSetting(configText(gitDir) ?? '')) return undefined;
  if (existsSync(joinPath(common, 'info/grafts')) || hasReplacements(common)) return undefined;
  // A relative GIT_INDEX_FILE (a plain `git commit` sets `.git/index`) is taken from the top of
  // the work tree, where git runs hooks; from anywhere else, git's reading of it is left to git.
  const indexFile = env.GIT_INDEX_FILE;
  if (indexFile !== undefined && !isAbsolute(indexFile) && cwd !== root) return undefined;
  let objects: ObjectStore | undefined;
  try {
    const head = headCommit(gitDir, common);
    // Trees the cache does not vouch for: past the limit, git compares faster than this would,
    // and the index's names are not even decoded.
    const data = readIndexFile(indexFile === undefined ? joinPath(gitDir, 'index') : resolve(root, indexFile));
    if (data === undefined) return undefined;
    const index = parseIndex(data, (summary) => head === undefined || uncachedTrees(summary) <= MAX_TREES);
    if (index === undefined) return undefined;
    objects = new ObjectStore(joinPath(common, 'objects'));
    const entries: StagedEntry[] = [];
    const tree = head === undefined ? undefined : commitTree(objects.readWhole(head, 'commit'));
    const comparison = new TreeComparison(index, objects, entries);
    comparison.walk('', 0, index.entries.length, tree, index.cacheTree);
    return { root, entries, objects, treesRead: comparison.treesRead };
  } catch {
    // UnsupportedGit, a file that cannot be read, or anything unforeseen: git will know.
    objects?.close();
    return undefined;
  }
}

/**
 * Whether the user owns the work tree and the git directory, which is where git works without a
 * `safe.directory` setting: elsewhere git refuses ("dubious ownership"), and the scan must say
 * what git says. Where ownership is not a uid (Windows), or under `sudo` (git then compares with
 * `SUDO_UID`), git decides.
 */
function ownedByUser(paths: readonly string[], env: Readonly<Record<string, string | undefined>>): boolean {
  const uid = process.getuid?.();
  if (uid === undefined || (uid === 0 && env.SUDO_UID !== undefined)) return false;
  return paths.every((path) => statSync(path, { throwIfNoEntry: false })?.uid === uid);
}

/**
 * The index file, or `undefined` when it has more than {@link MAX_INDEX_ENTRIES} entries (its
 * header says how many, before the rest is read).
 */
function readIndexFile(path: string): Buffer | undefined {
  const fd = openSync(path, 'r');
  try {
    const header = Buffer.alloc(12);
    if (readSync(fd, header, 0, 12, 0) !== 12 || header.readUInt32BE(8) > MAX_INDEX_ENTRIES) return undefined;
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * How many trees of the last commit a comparison would read at least: the directories whose
 * cached tree id was invalidated (a `git add` below them), or, without a tree cache, a bound
 * from the number of entries.
 */
function uncachedTrees(index: IndexSummary): number {
  if (index.cacheTree === undefined) return index.entryCount;
  let count = 0;
  const visit = (node: CacheTree): void => {
    if (node.id !== undefined || count > MAX_TREES) return;
    count += 1;
    for (const child of node.children.values()) visit(child);
  };
  visit(index.cacheTree);
  return count;
}

/** Whether objects are replaced (`git replace`): git would read the replacements. */
function hasReplacements(common: string): boolean {
  let names: string[] = [];
  try {
    const replace = joinPath(common, 'refs/replace');
    if (statSync(replace, { throwIfNoEntry: false }) !== undefined) names = readdirSync(replace);
  } catch {
    // none
  }
  return names.length > 0 || (readOptional(joinPath(common, 'packed-refs')) ?? '').includes(' refs/replace/');
}

/** Refs kept per worktree (in the worktree's git directory); every other ref is shared. */
const PER_WORKTREE = /^(?:HEAD|refs\/(?:bisect|worktree|rewritten)\/)/;

/** The commit HEAD names, or `undefined` on a branch not born yet (nothing committed). */
function headCommit(gitDir: string, common: string): string | undefined {
  let name = 'HEAD';
  for (let depth = 0; depth < 5; depth++) {
    const dir = PER_WORKTREE.test(name) ? gitDir : common;
    let value = readRef(joinPath(dir, name));
    if (value === undefined) {
      require(name.startsWith('refs/heads/'), `ref ${name}`);
      value = packedRef(common, name);
      if (value === undefined) return undefined;
    }
    const target = /^ref: (refs\/heads\/\S+)$/.exec(value)?.[1];
    if (target === undefined) {
      require(/^[0-9a-f]{40}$/.test(value), `ref ${name}`);
      return value;
    }
    name = target;
  }
  throw new UnsupportedGit('symbolic refs too deep');
}

/** A loose ref's content, `undefined` when there is no such file. */
function readRef(path: string): string | undefined {
  try {
    if (statSync(path, { throwIfNoEntry: false }) === undefined) return undefined;
    return readFileSync(path, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new UnsupportedGit(`ref ${path}`);
  }
}

function packedRef(common: string, name: string): string | undefined {
  for (const line of (readOptional(joinPath(common, 'packed-refs')) ?? '').split('\n')) {
    const match = /^([0-9a-f]{40}) (\S+)$/.exec(line);
    if (match?.[2] === name) return match[1];
  }
  return undefined;
}

/** The root tree of a commit object. */
function commitTree(commit: Buffer): string {
  const match = /^tree ([0-9a-f]{40})\n/.exec(commit.toString('latin1', 0, 64));
  require(match?.[1] !== undefined, 'commit without a tree');
  return match[1];
}

interface TreeEntry {
  readonly mode: number;
  readonly id: string;
}

/** A tree object's entries (`mode name\0id`), keyed by name as Latin-1, modes as git canonicalizes them. */
function parseTree(data: Buffer): Map<string, TreeEntry> {
  const entries = new Map<string, TreeEntry>();
  let at = 0;
  while (at < data.length) {
    const space = data.indexOf(0x20, at);
    const nul = data.indexOf(0, space);
    require(space !== -1 && nul !== -1 && nul + 21 <= data.length, 'tree object');
    const mode = Number.parseInt(data.toString('latin1', at, space), 8);
    require(Number.isInteger(mode), 'tree entry mode');
    entries.set(data.toString('latin1', space + 1, nul), {
      mode: canonicalMode(mode),
      id: data.toString('hex', nul + 1, nul + 21),
    });
    at = nul + 21;
  }
  return entries;
}

const TYPE_MASK = 0o170000;
const REGULAR = 0o100000;
const SYMLINK = 0o120000;
const DIRECTORY = 0o040000;
const GITLINK = 0o160000;

/** git's `canon_mode`: an old tree's `100664` is `100644`; any other type is a submodule. */
function canonicalMode(mode: number): number {
  switch (mode & TYPE_MASK) {
    case REGULAR:
      return (mode & 0o100) === 0 ? 0o100644 : 0o100755;
    case SYMLINK:
    case DIRECTORY:
      return mode & TYPE_MASK;
    default:
      return GITLINK;
  }
}

/**
 * Compares the index with the last commit's trees, one directory at a time, as `git diff
 * --cached` does: a directory whose cached tree id (the index's `TREE` extension) is the
 * commit's is skipped without reading it, so a commit hook reads only the trees along the paths
 * that were staged.
 */
class TreeComparison {
  treesRead = 0;

  constructor(
    private readonly index: GitIndex,
    private readonly objects: ObjectStore,
    private readonly out: StagedEntry[],
  ) {}

  /** Entries `[from, to)`, all under `prefix` (`''` or `dir/`, as Latin-1), against tree `tree`. */
  walk(prefix: string, from: number, to: number, tree: string | undefined, cache: CacheTree | undefined): void {
    if (tree !== undefined && cache?.id === tree) return;
    let committed = new Map<string, TreeEntry>();
    if (tree !== undefined) {
      require(++this.treesRead <= MAX_TREES, 'too many trees to read');
      committed = parseTree(this.objects.readWhole(tree, 'tree'));
    }
    const { entries } = this.index;
    let i = from;
    for (let entry = entries[i]; i < to && entry !== undefined; entry = entries[i]) {
      const slash = entry.key.indexOf('/', prefix.length);
      if (slash === -1) {
        const name = entry.key.slice(prefix.length);
        const before = committed.get(name);
        const id = this.index.id(entry);
        if (!entry.intentToAdd && (before?.mode !== entry.mode || before.id !== id)) {
          this.out.push({ mode: entry.mode.toString(8).padStart(6, '0'), id, path: entryPath(entry) });
        }
        i += 1;
        continue;
      }
      const name = entry.key.slice(prefix.length, slash);
      const inner = entry.key.slice(0, slash + 1);
      const child = cache?.children.get(name);
      const end = this.#groupEnd(inner, i, to, child);
      const before = committed.get(name);
      this.walk(inner, i, end, before?.mode === DIRECTORY ? before.id : undefined, child);
      i = end;
    }
  }

  /**
   * Where the entries under `inner` (`dir/`) that start at `from` end: by the count the tree
   * cache gives for the directory when it is valid (a directory skipped whole costs nothing per
   * entry), checked at both ends; otherwise one entry at a time.
   */
  #groupEnd(inner: string, from: number, to: number, cache: CacheTree | undefined): number {
    const { entries } = this.index;
    if (cache?.id !== undefined) {
      const end = from + cache.entryCount;
      if (
        end <= to &&
        entries[end - 1]?.key.startsWith(inner) === true &&
        entries[end]?.key.startsWith(inner) !== true
      ) {
        return end;
      }
    }
    let end = from + 1;
    while (end < to && entries[end]?.key.startsWith(inner) === true) end += 1;
    return end;
  }
}
