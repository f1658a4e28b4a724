import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { constants, inflateSync } from 'node:zlib';
import { joinPath } from './join-path.js';
import { Pack } from './git-pack.js';
import type { GitObject, ObjectHeader, ObjectType } from './git-pack.js';
import { UnsupportedGit, require } from './git-unsupported.js';

export type { GitObject, ObjectHeader, ObjectType } from './git-pack.js';

const LOOSE_TYPES = new Set<string>(['commit', 'tree', 'blob', 'tag']);

/**
 * A repository's object database (`objects/`): loose objects and packs, read in this process
 * (`git cat-file` without starting git). An object found nowhere, an alternate object store or a
 * promisor pack (a partial clone, whose missing objects git would fetch) throws
 * {@link UnsupportedGit}: the caller asks git instead.
 */
export class ObjectStore {
  readonly #dir: string;
  #packs: Pack[] | undefined;

  constructor(objectsDir: string) {
    this.#dir = objectsDir;
    require(!existsSync(join(objectsDir, 'info', 'alternates')) &&
      !existsSync(join(objectsDir, 'info', 'http-alternates')), 'alternate object stores');
  }

  /** Object `id` (40 hex digits); its header only when it is over `maxSize` bytes (0: no limit). */
  read(id: string, maxSize = 0): GitObject | ObjectHeader {
    require(/^[0-9a-f]{40}$/.test(id), 'object id');
    return this.#read(Buffer.from(id, 'hex'), id, maxSize);
  }

  /** Object `id`, whole, of `type`. */
  readWhole(id: string, type: ObjectType): Buffer {
    const object = this.read(id);
    require('bytes' in object && object.type === type, `${id} is not a ${type}`);
    return object.bytes;
  }

  close(): void {
    for (const pack of this.#packs ?? []) pack.close();
    this.#packs = [];
  }

  #read(binary: Buffer, hex: string, maxSize: number): GitObject | ObjectHeader {
    const loose = readLoose(joinPath(this.#dir, `${hex.slice(0, 2)}/${hex.slice(2)}`), maxSize);
    if (loose !== undefined) return loose;
    for (const pack of this.#openPacks()) {
      const offset = pack.find(binary);
      if (offset !== undefined)
        return pack.read(offset, maxSize, (base, limit) => this.#read(base, base.toString('hex'), limit));
    }
    throw new UnsupportedGit(`object ${hex} not found`);
  }

  #openPacks(): Pack[] {
    if (this.#packs) return this.#packs;
    const dir = join(this.#dir, 'pack');
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      names = [];
    }
    require(!names.some((name) => name.endsWith('.promisor')), 'a partial clone');
    this.#packs = [];
    // Newest first is what git prefers; any order finds the same bytes for an id.
    for (const name of names.sort().reverse())
      if (/^pack-[0-9a-f]+\.idx$/.test(name)) this.#packs.push(new Pack(join(dir, name)));
    return this.#packs;
  }
}

/** A loose object (`objects/ab/cdef…`: zlib of `type size\0content`), or `undefined` if absent. */
function readLoose(path: string, maxSize: number): GitObject | ObjectHeader | undefined {
  // Asked first, without an exception: most of a packed repository's objects are not loose, and
  // an ENOENT error costs more than the check.
  if (!existsSync(path)) return undefined;
  let compressed: Buffer;
  try {
    compressed = readFileSync(path);
  } catch {
    throw new UnsupportedGit(`loose object ${path}`);
  }
  let data: Buffer;
  try {
    data = inflateSync(compressed, maxSize > 0 ? { maxOutputLength: maxSize + 64 } : {});
  } catch (error) {
    require((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE', `loose object ${path}`);
    // Over the limit: only the header is wanted.
    data = inflateSync(compressed.subarray(0, 256), { finishFlush: constants.Z_SYNC_FLUSH });
    const { type, size } = looseHeader(data, path);
    return { type, size };
  }
  const { type, size, start } = looseHeader(data, path);
  require(data.length - start === size, `loose object ${path} size`);
  if (maxSize > 0 && size > maxSize) return { type, size };
  return { type, bytes: data.subarray(start) };
}

function looseHeader(data: Buffer, path: string): { type: ObjectType; size: number; start: number } {
  const nul = data.indexOf(0);
  const match = nul === -1 ? null : /^([a-z]+) (\d+)$/.exec(data.toString('latin1', 0, nul));
  require(match !== null && LOOSE_TYPES.has(match[1] ?? ''), `loose object ${path} header`);
  return { type: match[1] as ObjectType, size: Number(match[2]), start: nul + 1 };
}
