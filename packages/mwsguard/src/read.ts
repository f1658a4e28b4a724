import { Buffer, isAscii } from 'node:buffer';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

/** Archive formats recognised by their first bytes: listed as skipped, never read as text. */
type ArchiveFormat = 'gzip' | 'zip';

/**
 * A file's content as the scanner sees it: decoded text, `binary` or an `archive` (not scanned:
 * a credential inside a compressed archive cannot be read without unpacking it).
 */
export type SourceText =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'binary' }
  | { readonly kind: 'archive'; readonly format: ArchiveFormat };

/** Why a file was not read. */
type NotRead =
  | { readonly kind: 'tooLarge'; readonly size: number }
  /** The path was swapped for a FIFO, socket or device after discovery: not opened for reading. */
  | { readonly kind: 'notRegular' };

/** What reading a file gave: its text, or why it was not read. */
export type ReadOutcome = SourceText | NotRead;

/** What reading a file gave before decoding: its bytes, or why it was not read. */
export type BytesOutcome = { readonly kind: 'bytes'; readonly bytes: Buffer } | NotRead;

/** How far to look for a NUL byte; git's own binary heuristic looks at the first 8000 bytes. */
const BINARY_SNIFF_BYTES = 8 * 1024;

/** Default `--max-file-size`: 5 MiB. */
export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;

/**
 * Opens the file once, checks its size against `maxFileSize` (0: no limit) before reading
 * anything, then reads it and decodes it. Errors (ENOENT, EACCES, ELOOP…) propagate. Synchronous
 * on purpose: for the many small files of a tree, the four event-loop round trips of an async
 * open/stat/read/close left the scanning thread idle half the time (CPU profile of 13k files:
 * 8 s idle of 15.7 s). The size comes from the open descriptor: a `stat` by path walked the path
 * again and cost as much as the `open` (58k files: 0.63 s against 0.37 s).
 *
 * The open is non-blocking and the open descriptor's own type is checked: a path swapped for a
 * FIFO between discovery and the open would otherwise block the scan forever (opening a FIFO for
 * reading waits for a writer). `path` may be bytes: a name that is not valid UTF-8.
 */
// eslint-disable-next-line @typescript-eslint/require-await -- async for callers that may await other I/O
export async function readLimited(path: string | Uint8Array, maxFileSize: number): Promise<ReadOutcome> {
  const read = readBytes(path, maxFileSize);
  return read.kind === 'bytes' ? decodeSource(read.bytes) : read;
}

/**
 * {@link readLimited} without the decoding: a large file's bytes can then be handed to a worker
 * thread of its own (`isolated-scan.ts`) and decoded there.
 */
export function readBytes(path: string | Uint8Array, maxFileSize: number): BytesOutcome {
  // A Buffer sent to a worker arrives as a plain Uint8Array, which `fs` types do not accept.
  const target = typeof path === 'string' ? path : Buffer.from(path.buffer, path.byteOffset, path.byteLength);
  const fd = openSync(target, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { kind: 'notRegular' };
    if (maxFileSize > 0 && stats.size > maxFileSize) return { kind: 'tooLarge', size: stats.size };
    const bytes = readAll(fd, stats.size, maxFileSize);
    if (bytes === undefined) return { kind: 'tooLarge', size: maxFileSize + 1 };
    return { kind: 'bytes', bytes };
  } finally {
    closeSync(fd);
  }
}

/** Read size for files that report no size (`/proc` files, some FUSE mounts). */
const UNSIZED_CHUNK = 64 * 1024;

/**
 * Reads an open file: `size` bytes when it has them (a file that shrank meanwhile ends early),
 * and to its end when it reports no size (`/proc` files, some FUSE mounts). The limit applies to
 * the bytes actually read, not the reported size: `undefined` as soon as more than `maxFileSize`
 * (0: no limit) bytes came (`/proc/self/` read without a cap grew past 600 MB).
 */
function readAll(fd: number, size: number, maxFileSize: number): Buffer | undefined {
  if (size > 0) {
    const buffer = Buffer.allocUnsafe(size);
    let filled = 0;
    while (filled < size) {
      const n = readSync(fd, buffer, filled, size - filled, null);
      if (n === 0) break;
      filled += n;
    }
    return filled === size ? buffer : buffer.subarray(0, filled);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(UNSIZED_CHUNK);
    const n = readSync(fd, chunk, 0, UNSIZED_CHUNK, null);
    if (n === 0) break;
    chunks.push(chunk.subarray(0, n));
    total += n;
    if (maxFileSize > 0 && total > maxFileSize) return undefined;
  }
  return Buffer.concat(chunks, total);
}

/**
 * Decodes file bytes: UTF-32 and UTF-16 (LE/BE) when they open with a byte order mark, otherwise
 * UTF-8 (a leading BOM dropped). gzip and zip archives are recognised by their signature. A NUL
 * byte near the start of any other file marks it binary. Invalid UTF-8 becomes U+FFFD instead of
 * failing: a stray Latin-1 byte must not hide the rest of a file.
 */
export function decodeSource(bytes: Uint8Array): SourceText {
  // UTF-32 before UTF-16: the UTF-32 LE mark (FF FE 00 00) starts with the UTF-16 LE one, and
  // read as UTF-16 the text came out as NUL-separated pairs that no detector matches ("clean").
  if (bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0) return text(decodeUtf32(bytes, true));
  if (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff)
    return text(decodeUtf32(bytes, false));
  // UTF-16 next: its text is full of NUL bytes and would otherwise look binary.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return text(new TextDecoder('utf-16le').decode(bytes));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return text(new TextDecoder('utf-16be').decode(bytes));
  const archive = archiveFormat(bytes);
  if (archive !== undefined) return { kind: 'archive', format: archive };
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return { kind: 'binary' };
  // Most source files are pure ASCII: checking that (SIMD) and copying the bytes as Latin-1 is
  // several times faster than decoding UTF-8, and gives the same string.
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (isAscii(bytes)) return text(buffer.toString('latin1'));
  // The same string as `new TextDecoder('utf-8').decode(bytes)` (the WHATWG decoder: a leading
  // BOM dropped, each invalid sequence one U+FFFD; a test holds them equal), 5-10% faster on
  // Node 20 (the corpus's 278 MB of non-ASCII files: 0.88 s against 0.99 s, medians of five).
  return text(buffer.toString('utf8', hasUtf8Bom(bytes) ? 3 : 0));
}

const hasUtf8Bom = (bytes: Uint8Array): boolean => bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;

const text = (value: string): SourceText => ({ kind: 'text', text: value });

/** gzip (`1F 8B`) or zip (`PK\x03\x04`, or `PK\x05\x06` for an empty one) by signature. */
function archiveFormat(bytes: Uint8Array): ArchiveFormat | undefined {
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return 'gzip';
  if (
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6))
  )
    return 'zip';
  return undefined;
}

/** Code units per `String.fromCharCode` call: well under the engine's argument limit. */
const DECODE_CHUNK = 8192;

/**
 * UTF-32 (after its 4-byte mark) to a string; neither Node nor the WHATWG decoder supports it.
 * A code point past U+10FFFF or a surrogate becomes U+FFFD, as in the other decoders, and a
 * trailing partial unit is dropped.
 */
function decodeUtf32(bytes: Uint8Array, littleEndian: boolean): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: string[] = [];
  let units: number[] = [];
  for (let i = 4; i + 4 <= bytes.length; i += 4) {
    const cp = view.getUint32(i, littleEndian);
    if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) units.push(0xfffd);
    else if (cp > 0xffff) units.push(0xd800 + ((cp - 0x10000) >> 10), 0xdc00 + ((cp - 0x10000) & 0x3ff));
    else units.push(cp);
    if (units.length >= DECODE_CHUNK) {
      parts.push(String.fromCharCode(...units));
      units = [];
    }
  }
  parts.push(String.fromCharCode(...units));
  return parts.join('');
}
