// process.stdout and process.stderr are Node streams: the first use of either loads Node's stream
// modules (for a pipe also `net`), 2 to 9 million instructions of a commit hook's run of about
// 140 (docs/performance.md#start-up). Where the descriptor is a regular file, a pipe or a socket,
// Node writes to it synchronously anyway; there the report is written with `fs.writeSync`, and
// the Node stream is created only if a write fails, which then goes on exactly as before.

const { fstatSync, writeSync } = require('node:fs');

/**
 * An output stream (src/io.ts `OutputStream`) for descriptor `fd`: `nodeStream()` (called once,
 * when first needed) where the descriptor is a terminal or anything but a file, pipe or socket,
 * or on Windows; otherwise a writer that calls `fs.writeSync` until a write fails (a full
 * non-blocking pipe, a reader gone, a full disk), and from then on hands everything, the failed
 * write's rest first, to `nodeStream()`, which reports or waits as it always did.
 * @template {{ write(chunk: Buffer | string): boolean }} S
 * @param {number} fd
 * @param {() => S} nodeStream
 * @param {string} [platform]
 * @returns {S | FdWriter}
 */
function outputStream(fd, nodeStream, platform = process.platform) {
  if (platform === 'win32' || !isFileOrPipe(fd)) return nodeStream();
  /** @type {S | undefined} */
  let stream;
  const handOver = () => (stream ??= nodeStream());
  return {
    isTTY: false,
    get destroyed() {
      return stream?.destroyed === true;
    },
    write(chunk) {
      if (stream !== undefined) return stream.write(chunk);
      const bytes = Buffer.from(chunk);
      let written = 0;
      while (written < bytes.length) {
        try {
          written += writeSync(fd, bytes, written);
        } catch {
          return handOver().write(bytes.subarray(written));
        }
      }
      return true;
    },
    // writeToStream waits for `drain` when a write returns false: only the Node stream does.
    once(event, listener) {
      stream?.once(event, listener);
      return this;
    },
    removeListener(event, listener) {
      stream?.removeListener(event, listener);
      return this;
    },
  };
}

/**
 * @typedef {object} FdWriter
 * @property {false} isTTY
 * @property {boolean} destroyed
 * @property {(chunk: string) => boolean} write
 * @property {(event: 'drain' | 'close', listener: () => void) => FdWriter} once
 * @property {(event: 'drain' | 'close', listener: () => void) => FdWriter} removeListener
 */

/** @param {number} fd */
function isFileOrPipe(fd) {
  try {
    const stat = fstatSync(fd);
    return stat.isFile() || stat.isFIFO() || stat.isSocket();
  } catch {
    return false;
  }
}

module.exports = { outputStream };
