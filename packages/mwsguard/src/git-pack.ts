import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { constants, inflateSync } from 'node:zlib';
import { UnsupportedGit, require } from './git-unsupported.js';

/** The four kinds of object git stores. */
export type ObjectType = 'commit' | 'tree' | 'blob' | 'tag';

/** An object's type and content. */
export interface GitObject {
  readonly type: ObjectType;
  readonly bytes: Buffer;
}

/** An object's type and size, without its content (a blob over the size limit is not read). */
export interface ObjectHeader {
  readonly type: ObjectType;
  readonly size: number;
}

/** Reads an object of any pack or loose by its binary id: how a delta names its base. */
export type ObjectSource = (id: Buffer, maxSize: number) => GitObject | ObjectHeader;

const TYPES: readonly (ObjectType | undefined)[] = [undefined, 'commit', 'tree', 'blob', 'tag'];
const OFS_DELTA = 6;
const REF_DELTA = 7;
const ID_BYTES = 20;
const IDX_SIGNATURE = 0xff744f63; // "\377tOc"
const FANOUT = 8;
const NAMES = FANOUT + 256 * 4;
/** A delta chain deeper than this is taken for a damaged pack (git's own default limit is 50). */
const MAX_CHAIN = 10_000;
/** The bases kept for the deltas that follow (trees of one directory delta on each other). */
const BASE_CACHE_BYTES = 16 * 1024 * 1024;

/**
 * One pack of a repository (`objects/pack/pack-*.pack` and its `.idx`, version 2), read as git's
 * `gitformat-pack` documents it: the index is searched with a few small reads, never loaded
 * whole (a large repository's is tens of megabytes), and an object's compressed bytes are read
 * from the pack at its offset and inflated; deltas (by offset or by id) are applied to their
 * bases. Anything unexpected throws {@link UnsupportedGit}.
 */
export class Pack {
  readonly #idx: number;
  readonly #pack: number;
  readonly #count: number;
  readonly #fanout: Buffer;
  readonly #packEnd: number;
  readonly #bases = new Map<number, GitObject>();
  #baseBytes = 0;

  constructor(idxPath: string) {
    this.#idx = openSync(idxPath, 'r');
    try {
      this.#pack = openSync(`${idxPath.slice(0, -'.idx'.length)}.pack`, 'r');
    } catch (error) {
      closeSync(this.#idx);
      throw error;
    }
    const head = readAt(this.#idx, 0, NAMES);
    require(head.readUInt32BE(0) === IDX_SIGNATURE && head.readUInt32BE(4) === 2, 'pack index version');
    this.#fanout = head.subarray(FANOUT);
    this.#count = this.#fanout.readUInt32BE(255 * 4);
    // The pack ends with its own checksum.
    this.#packEnd = fstatSync(this.#pack).size - ID_BYTES;
  }

  close(): void {
    closeSync(this.#idx);
    closeSync(this.#pack);
  }

  /** The offset in the pack of object `id`, or `undefined` when this pack does not hold it. */
  find(id: Buffer): number | undefined {
    const first = id[0] ?? 0;
    const low = first === 0 ? 0 : this.#fanout.readUInt32BE((first - 1) * 4);
    const high = this.#fanout.readUInt32BE(first * 4);
    if (high <= low) return undefined;
    // The ids of this first byte: a few kilobytes even for a million objects.
    const names = readAt(this.#idx, NAMES + low * ID_BYTES, (high - low) * ID_BYTES);
    let lo = 0;
    let hi = high - low;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const order = names.compare(id, 0, ID_BYTES, mid * ID_BYTES, (mid + 1) * ID_BYTES);
      if (order === 0) return this.#offset(low + mid);
      if (order > 0) hi = mid;
      else lo = mid + 1;
    }
    return undefined;
  }

  #offset(position: number): number {
    const offsets = NAMES + this.#count * (ID_BYTES + 4);
    const small = readAt(this.#idx, offsets + position * 4, 4).readUInt32BE(0);
    if ((small & 0x80000000) === 0) return small;
    const large = readAt(this.#idx, offsets + this.#count * 4 + (small & 0x7fffffff) * 8, 8);
    return large.readUInt32BE(0) * 2 ** 32 + large.readUInt32BE(4);
  }

  /**
   * The object at `offset`; its header only when its size is over `maxSize` (0: no limit).
   * `source` reads the base of a delta by id (it may be in another pack, or loose).
   */
  read(offset: number, maxSize: number, source: ObjectSource, depth = 0): GitObject | ObjectHeader {
    require(depth < MAX_CHAIN && offset >= 12 && offset < this.#packEnd, 'pack offset');
    const cached = this.#bases.get(offset);
    if (cached) return cached;
    const head = readAt(this.#pack, offset, Math.min(32, this.#packEnd - offset));
    let byte = head[0] ?? 0;
    const kind = (byte >> 4) & 7;
    let size = byte & 15;
    let at = 1;
    for (let shift = 4; (byte & 0x80) !== 0; shift += 7) {
      require(at < head.length && shift < 53, 'pack object header');
      byte = head[at++] ?? 0;
      size += (byte & 0x7f) * 2 ** shift;
    }
    let base: (limit: number) => GitObject | ObjectHeader;
    if (kind === OFS_DELTA) {
      byte = head[at++] ?? 0;
      let distance = byte & 0x7f;
      while ((byte & 0x80) !== 0) {
        require(at < head.length, 'pack delta offset');
        byte = head[at++] ?? 0;
        distance = (distance + 1) * 128 + (byte & 0x7f);
      }
      base = (limit) => this.read(offset - distance, limit, source, depth + 1);
    } else if (kind === REF_DELTA) {
      require(at + ID_BYTES <= head.length, 'pack delta base');
      const baseId = Buffer.from(head.subarray(at, at + ID_BYTES));
      at += ID_BYTES;
      base = (limit) => source(baseId, limit);
    } else {
      const type = TYPES[kind];
      require(type !== undefined, `pack object type ${String(kind)}`);
      if (maxSize > 0 && size > maxSize) return { type, size };
      return this.#keep(offset, { type, bytes: this.#inflate(offset + at, size) });
    }
    const delta = this.#inflate(offset + at, size);
    const [baseSize, afterBase] = deltaSize(delta, 0);
    const [resultSize] = deltaSize(delta, afterBase);
    const found = base(0);
    require('bytes' in found && found.bytes.length === baseSize, 'delta base size');
    if (maxSize > 0 && resultSize > maxSize) return { type: found.type, size: resultSize };
    return this.#keep(offset, { type: found.type, bytes: applyDelta(found.bytes, delta) });
  }

  /** Keeps trees and commits for the deltas that may follow (blobs are read once). */
  #keep(offset: number, object: GitObject): GitObject {
    if (object.type !== 'blob' && this.#baseBytes + object.bytes.length <= BASE_CACHE_BYTES) {
      this.#bases.set(offset, object);
      this.#baseBytes += object.bytes.length;
    }
    return object;
  }

  /** Inflates the zlib stream at `start` that holds `size` bytes. */
  #inflate(start: number, size: number): Buffer {
    // Deflate adds at most a few bytes per block and 6 of framing: read that much, and on the
    // rare stream that needs more (an encoder with tiny blocks), the rest of the pack.
    const bound = size + (size >>> 10) + 64;
    for (const length of [Math.min(bound, this.#packEnd - start), this.#packEnd - start]) {
      const out = inflateSync(readAt(this.#pack, start, length), { finishFlush: constants.Z_SYNC_FLUSH });
      if (out.length === size) return out;
      require(out.length < size && length < this.#packEnd - start, 'pack object size');
    }
    throw new UnsupportedGit('pack object size');
  }
}

/** Reads exactly `length` bytes at `position`, or throws. */
function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.allocUnsafe(length);
  let done = 0;
  while (done < length) {
    const read = readSync(fd, buffer, done, length - done, position + done);
    require(read > 0, 'file cut short');
    done += read;
  }
  return buffer;
}

/** A size at the start of a delta: little-endian groups of 7 bits. */
function deltaSize(delta: Buffer, offset: number): [number, number] {
  let value = 0;
  let at = offset;
  for (let shift = 0; ; shift += 7) {
    require(at < delta.length && shift < 53, 'delta header');
    const byte = delta[at++] ?? 0;
    value += (byte & 0x7f) * 2 ** shift;
    if ((byte & 0x80) === 0) return [value, at];
  }
}

/** Applies a git delta (copy-from-base and insert instructions) to `base`. */
function applyDelta(base: Buffer, delta: Buffer): Buffer {
  const [, afterBase] = deltaSize(delta, 0);
  const [size, start] = deltaSize(delta, afterBase);
  const out = Buffer.allocUnsafe(size);
  let written = 0;
  let at = start;
  while (at < delta.length) {
    const op = delta[at++] ?? 0;
    if ((op & 0x80) !== 0) {
      // Copy: which of 4 offset and 3 size bytes follow is told by the low 7 bits.
      let from = 0;
      let length = 0;
      for (let bit = 0; bit < 7; bit++) {
        if ((op & (1 << bit)) === 0) continue;
        require(at < delta.length, 'delta copy');
        const value = delta[at++] ?? 0;
        if (bit < 4) from += value * 2 ** (8 * bit);
        else length += value << (8 * (bit - 4));
      }
      if (length === 0) length = 0x10000;
      require(from + length <= base.length && written + length <= size, 'delta copy range');
      base.copy(out, written, from, from + length);
      written += length;
    } else {
      require(op !== 0 && at + op <= delta.length && written + op <= size, 'delta insert');
      delta.copy(out, written, at, at + op);
      written += op;
      at += op;
    }
  }
  require(written === size, 'delta result size');
  return out;
}
