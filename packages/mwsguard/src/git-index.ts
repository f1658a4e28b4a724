import { require } from './git-unsupported.js';

/**
 * One entry of git's index (the staging area): a path at stage 0 with its mode. Its id and its
 * path as text are read on demand ({@link GitIndex.id}, {@link entryPath}): a commit hook
 * compares a handful of a large index's entries with the last commit, and decoding every one
 * of them cost more than git's whole comparison.
 */
export interface IndexEntry {
  /** The path's bytes as Latin-1 (one character per byte), `/`-separated, relative to the top. */
  readonly key: string;
  /** `0o100644`, `0o100755`, `0o120000` (symbolic link) or `0o160000` (submodule). */
  readonly mode: number;
  /** `git add -N`: the path is known, its content not staged yet. */
  readonly intentToAdd: boolean;
  /** Where the entry's object id is in the index file. */
  readonly idAt: number;
}

/** An entry's path as git prints it (its bytes read as UTF-8). */
export function entryPath(entry: IndexEntry): string {
  return Buffer.from(entry.key, 'latin1').toString('utf8');
}

/**
 * A node of the index's cache of tree ids (the `TREE` extension): for a directory whose entries
 * have not changed since its tree was last written, the id of that tree and how many entries it
 * covers. `id` is `undefined` where the cache was invalidated (a `git add` below it). Children are
 * keyed by their name's bytes as Latin-1, like {@link IndexEntry.key}.
 */
export interface CacheTree {
  readonly id: string | undefined;
  readonly entryCount: number;
  readonly children: ReadonlyMap<string, CacheTree>;
}

/** What {@link parseIndex} reads of an index file. */
export interface GitIndex {
  /** Every entry, in the index's order (sorted by path bytes). */
  readonly entries: readonly IndexEntry[];
  readonly cacheTree: CacheTree | undefined;
  /** An entry's object id, 40 hex digits. */
  id(entry: IndexEntry): string;
}

const SIGNATURE = 0x44495243; // "DIRC"
const ID_BYTES = 20;
/** ctime, mtime (seconds and nanoseconds each), dev, ino, mode, uid, gid, size: 32-bit each. */
const STAT_BYTES = 40;
const FLAG_EXTENDED = 0x4000;
const FLAG_STAGE = 0x3000;
const NAME_LENGTH_MASK = 0x0fff;
const EXTENDED_INTENT_TO_ADD = 0x2000;
/** The index's trailing checksum (SHA-1). */
const TRAILER_BYTES = 20;
const MODES = new Set([0o100644, 0o100755, 0o120000, 0o160000]);

/**
 * Parses a git index file (versions 2, 3 and 4, SHA-1), as documented in git's
 * `gitformat-index`. Throws `UnsupportedGit` for what git would read differently or this
 * does not handle: another version or signature, an entry in conflict (stage 1–3), a sparse
 * directory entry, a mandatory extension (a split or sparse index: its lower-case signature), a
 * file cut short. Optional extensions other than the tree cache are skipped, as git allows.
 */
export function parseIndex(
  data: Buffer,
  wanted: (summary: IndexSummary) => boolean = () => true,
): GitIndex | undefined {
  require(data.length >= 12 + TRAILER_BYTES && data.readUInt32BE(0) === SIGNATURE, 'not an index file');
  const version = data.readUInt32BE(4);
  require(version >= 2 && version <= 4, `index version ${String(version)}`);
  const count = data.readUInt32BE(8);
  const end = data.length - TRAILER_BYTES;
  // The extensions follow the entries: found first by the entries' sizes alone, so that a caller
  // who would not use a large index (`wanted`) does not pay for decoding its names.
  const extensions = entriesEnd(data, version, count, end);
  let offset = extensions;
  let cacheTree: CacheTree | undefined;
  while (offset < end) {
    require(offset + 8 <= end, 'index extension cut short');
    const signature = data.toString('latin1', offset, offset + 4);
    const size = data.readUInt32BE(offset + 4);
    const body = offset + 8;
    require(body + size <= end, 'index extension cut short');
    // Upper-case first letter: optional, git itself skips what it does not know.
    require(/^[A-Z]/.test(signature), `index extension ${signature}`);
    if (signature === 'TREE') cacheTree = parseCacheTree(data.subarray(body, body + size));
    offset = body + size;
  }
  if (!wanted({ entryCount: count, cacheTree })) return undefined;
  const entries: IndexEntry[] = [];
  offset = 12;
  let previous = '';
  for (let i = 0; i < count; i++) {
    const start = offset;
    const mode = data.readUInt32BE(start + 24);
    const flags = ((data[start + STAT_BYTES + ID_BYTES] ?? 0) << 8) | (data[start + STAT_BYTES + ID_BYTES + 1] ?? 0);
    offset = start + STAT_BYTES + ID_BYTES + 2;
    let extended = 0;
    if ((flags & FLAG_EXTENDED) !== 0) {
      require(version >= 3, 'extended flags in a version 2 index');
      extended = ((data[offset] ?? 0) << 8) | (data[offset + 1] ?? 0);
      offset += 2;
    }
    require((flags & FLAG_STAGE) === 0, 'an entry in conflict');
    // A sparse index's directory entries (mode 040000) are refused here as well as by their
    // mandatory `sdir` extension.
    require(MODES.has(mode), `index entry mode ${mode.toString(8)}`);
    let key: string;
    if (version === 4) {
      // The name is the previous one less `strip` bytes, then this suffix up to a NUL.
      const [strip, bytes] = readVarint(data, offset);
      require(strip <= previous.length, 'index v4 prefix longer than the previous name');
      const nul = data.indexOf(0, offset + bytes);
      key = previous.slice(0, previous.length - strip) + data.toString('latin1', offset + bytes, nul);
      offset = nul + 1;
    } else {
      const length = nameLength(data, offset, flags);
      key = data.toString('latin1', offset, offset + length);
      // Entries are padded with 1–8 NULs to a multiple of 8 bytes.
      offset = start + ((offset + length - start + 8) & ~7);
    }
    require(key !== '' && !key.endsWith('/'), 'a directory entry');
    previous = key;
    entries.push({ key, mode, intentToAdd: (extended & EXTENDED_INTENT_TO_ADD) !== 0, idAt: start + STAT_BYTES });
  }
  require(offset === extensions, 'index entries');
  return { entries, cacheTree, id: (entry) => data.toString('hex', entry.idAt, entry.idAt + ID_BYTES) };
}

/** What an index holds, known before its entries are decoded. */
export interface IndexSummary {
  readonly entryCount: number;
  readonly cacheTree: CacheTree | undefined;
}

/** Where the `count` entries starting at byte 12 end: their sizes, read without their names. */
function entriesEnd(data: Buffer, version: number, count: number, end: number): number {
  let offset = 12;
  for (let i = 0; i < count; i++) {
    const start = offset;
    require(start + STAT_BYTES + ID_BYTES + 2 <= end, 'index cut short');
    const flags = ((data[start + STAT_BYTES + ID_BYTES] ?? 0) << 8) | (data[start + STAT_BYTES + ID_BYTES + 1] ?? 0);
    offset = start + STAT_BYTES + ID_BYTES + 2 + ((flags & FLAG_EXTENDED) === 0 ? 0 : 2);
    if (version === 4) {
      const nul = data.indexOf(0, offset + readVarint(data, offset)[1]);
      require(nul !== -1 && nul < end, 'index entry name not terminated');
      offset = nul + 1;
    } else {
      const length = nameLength(data, offset, flags);
      require(length > 0 && offset + length < end, 'index entry name length');
      offset = start + ((offset + length - start + 8) & ~7);
    }
  }
  return offset;
}

/** A v2/v3 entry's name length: in its flags up to 0xFFF, longer names end at their NUL. */
function nameLength(data: Buffer, offset: number, flags: number): number {
  const length = flags & NAME_LENGTH_MASK;
  const actual = length === NAME_LENGTH_MASK ? data.indexOf(0, offset + length) - offset : length;
  require(actual > 0 && data[offset + actual] === 0, 'index entry name length');
  return actual;
}

/**
 * The `TREE` extension: nodes in pre-order, `name\0count subtrees\n[id]`. One pass reads each
 * node's numbers only; names, ids and child maps are made for the nodes a comparison visits (a
 * large repository has thousands of directories, a commit hook looks at a few).
 */
function parseCacheTree(data: Buffer): CacheTree | undefined {
  if (data.length === 0) return undefined;
  const nodes: CacheNode[] = [];
  let offset = 0;
  /** A decimal number (`-1` for an invalidated node) ending at the byte `stop`. */
  const number = (stop: number): number => {
    const negative = data[offset] === 0x2d;
    if (negative) offset += 1;
    let value = 0;
    const first = offset;
    for (let byte = data[offset]; byte !== stop; byte = data[++offset]) {
      require(byte !== undefined && byte >= 0x30 && byte <= 0x39, 'tree cache node');
      value = value * 10 + byte - 0x30;
    }
    require(offset > first, 'tree cache node');
    offset += 1;
    return negative ? -value : value;
  };
  /** Reads the node at `offset` and its subtrees; returns its index in `nodes`. */
  const read = (): number => {
    const at = nodes.length;
    const nameStart = offset;
    const nul = data.indexOf(0, offset);
    require(nul !== -1, 'tree cache cut short');
    offset = nul + 1;
    const entryCount = number(0x20);
    const subtrees = number(0x0a);
    const idAt = entryCount >= 0 ? offset : -1;
    if (entryCount >= 0) offset += ID_BYTES;
    require(offset <= data.length, 'tree cache cut short');
    const node: CacheNode = { nameStart, nameEnd: nul, entryCount, idAt, children: [] };
    nodes.push(node);
    for (let i = subtrees; i > 0; i--) node.children.push(read());
    return at;
  };
  read();
  return new LazyCacheTree(data, nodes, 0);
}

interface CacheNode {
  readonly nameStart: number;
  readonly nameEnd: number;
  readonly entryCount: number;
  /** Where the node's tree id is, -1 for an invalidated node. */
  readonly idAt: number;
  readonly children: number[];
}

class LazyCacheTree implements CacheTree {
  readonly id: string | undefined;
  readonly entryCount: number;
  #children: Map<string, CacheTree> | undefined;

  constructor(
    private readonly data: Buffer,
    private readonly nodes: readonly CacheNode[],
    private readonly at: number,
  ) {
    const node = nodes[at];
    require(node !== undefined, 'tree cache node');
    this.entryCount = node.entryCount;
    this.id = node.idAt < 0 ? undefined : data.toString('hex', node.idAt, node.idAt + ID_BYTES);
  }

  get children(): ReadonlyMap<string, CacheTree> {
    if (this.#children === undefined) {
      this.#children = new Map();
      for (const child of this.nodes[this.at]?.children ?? []) {
        const node = this.nodes[child];
        if (node === undefined) continue;
        const name = this.data.toString('latin1', node.nameStart, node.nameEnd);
        this.#children.set(name, new LazyCacheTree(this.data, this.nodes, child));
      }
    }
    return this.#children;
  }
}

/** Index v4's variable-length integer (git's `decode_varint`): value and length in bytes. */
function readVarint(data: Buffer, offset: number): [number, number] {
  let at = offset;
  let byte = data[at++] ?? 0;
  let value = byte & 0x7f;
  while ((byte & 0x80) !== 0) {
    require(at < data.length && value < 2 ** 40, 'index v4 name prefix');
    byte = data[at++] ?? 0;
    value = (value + 1) * 128 + (byte & 0x7f);
  }
  return [value, at - offset];
}
