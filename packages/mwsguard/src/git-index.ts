import { UnsupportedGit, require } from './git-unsupported.js';

/** One entry of git's index (the staging area): a path at stage 0 with its mode and blob id. */
export interface IndexEntry {
  /** Path relative to the top of the work tree, `/`-separated, as git stores it (bytes as UTF-8). */
  readonly path: string;
  /** The path's bytes as Latin-1 (one character per byte): a key that two names never share. */
  readonly key: string;
  /** `0o100644`, `0o100755`, `0o120000` (symbolic link) or `0o160000` (submodule). */
  readonly mode: number;
  /** The object id, 40 hex digits. */
  readonly id: string;
  /** `git add -N`: the path is known, its content not staged yet. */
  readonly intentToAdd: boolean;
}

/**
 * A node of the index's cache of tree ids (the `TREE` extension): for a directory whose entries
 * have not changed since its tree was last written, the id of that tree. `id` is `undefined`
 * where the cache was invalidated (a `git add` below it). Children are keyed by their name's bytes
 * as Latin-1, like {@link IndexEntry.key}.
 */
export interface CacheTree {
  readonly id: string | undefined;
  readonly children: ReadonlyMap<string, CacheTree>;
}

/** What {@link parseIndex} reads of an index file. */
export interface GitIndex {
  /** Every entry, in the index's order (sorted by path bytes). */
  readonly entries: readonly IndexEntry[];
  readonly cacheTree: CacheTree | undefined;
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
 * `gitformat-index`. Throws {@link UnsupportedGit} for what git would read differently or this
 * does not handle: another version or signature, an entry in conflict (stage 1–3), a sparse
 * directory entry, a mandatory extension (a split or sparse index: its lower-case signature), a
 * file cut short. Optional extensions other than the tree cache are skipped, as git allows.
 */
export function parseIndex(data: Buffer): GitIndex {
  require(data.length >= 12 + TRAILER_BYTES && data.readUInt32BE(0) === SIGNATURE, 'not an index file');
  const version = data.readUInt32BE(4);
  require(version >= 2 && version <= 4, `index version ${String(version)}`);
  const count = data.readUInt32BE(8);
  const end = data.length - TRAILER_BYTES;
  const entries: IndexEntry[] = [];
  let offset = 12;
  let previous: Buffer = Buffer.alloc(0);
  for (let i = 0; i < count; i++) {
    const start = offset;
    require(start + STAT_BYTES + ID_BYTES + 2 <= end, 'index cut short');
    const mode = data.readUInt32BE(start + 24);
    const id = data.toString('hex', start + STAT_BYTES, start + STAT_BYTES + ID_BYTES);
    const flags = data.readUInt16BE(start + STAT_BYTES + ID_BYTES);
    offset = start + STAT_BYTES + ID_BYTES + 2;
    let extended = 0;
    if ((flags & FLAG_EXTENDED) !== 0) {
      require(version >= 3, 'extended flags in a version 2 index');
      extended = data.readUInt16BE(offset);
      offset += 2;
    }
    require((flags & FLAG_STAGE) === 0, 'an entry in conflict');
    // A sparse index's directory entries (mode 040000) are refused here as well as by their
    // mandatory `sdir` extension.
    require(MODES.has(mode), `index entry mode ${mode.toString(8)}`);
    const nul = data.indexOf(0, version === 4 ? offset + varintLength(data, offset) : offset);
    require(nul !== -1 && nul < end, 'index entry name not terminated');
    let pathBytes: Buffer;
    if (version === 4) {
      // The name is the previous one less `strip` bytes, then this suffix.
      const [strip, bytes] = readVarint(data, offset);
      require(strip <= previous.length, 'index v4 prefix longer than the previous name');
      pathBytes = Buffer.concat([previous.subarray(0, previous.length - strip), data.subarray(offset + bytes, nul)]);
      offset = nul + 1;
    } else {
      pathBytes = data.subarray(offset, nul);
      require((flags & NAME_LENGTH_MASK) === Math.min(pathBytes.length, NAME_LENGTH_MASK), 'index entry name length');
      // Entries are padded with 1–8 NULs to a multiple of 8 bytes.
      offset = start + ((nul - start + 8) & ~7);
    }
    require(pathBytes.length > 0 && pathBytes[pathBytes.length - 1] !== 0x2f, 'a directory entry');
    previous = pathBytes;
    entries.push({
      path: pathBytes.toString('utf8'),
      key: pathBytes.toString('latin1'),
      mode,
      id,
      intentToAdd: (extended & EXTENDED_INTENT_TO_ADD) !== 0,
    });
  }
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
  return { entries, cacheTree };
}

/** The `TREE` extension: nodes in pre-order, `name\0count subtrees\n[id]`. */
function parseCacheTree(data: Buffer): CacheTree | undefined {
  if (data.length === 0) return undefined;
  let offset = 0;
  const node = (): { name: string; tree: CacheTree } => {
    const nul = data.indexOf(0, offset);
    const newline = data.indexOf(10, nul);
    require(nul !== -1 && newline !== -1, 'tree cache cut short');
    const name = data.toString('latin1', offset, nul);
    const match = /^(-?\d+) (\d+)$/.exec(data.toString('latin1', nul + 1, newline));
    require(match !== null, 'tree cache node');
    offset = newline + 1;
    let id: string | undefined;
    if (Number(match[1]) >= 0) {
      require(offset + ID_BYTES <= data.length, 'tree cache cut short');
      id = data.toString('hex', offset, offset + ID_BYTES);
      offset += ID_BYTES;
    }
    const children = new Map<string, CacheTree>();
    for (let i = Number(match[2]); i > 0; i--) {
      const child = node();
      children.set(child.name, child.tree);
    }
    return { name, tree: { id, children } };
  };
  try {
    return node().tree;
  } catch (error) {
    if (error instanceof UnsupportedGit) throw error;
    throw new UnsupportedGit('tree cache');
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

function varintLength(data: Buffer, offset: number): number {
  return readVarint(data, offset)[1];
}
