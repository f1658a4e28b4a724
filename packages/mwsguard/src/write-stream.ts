import type { OutputStream } from './io.js';

/** Chunks are gathered up to this size before a write: thousands of findings, few syscalls. */
const CHUNK_BYTES = 64 * 1024;

/** Joins small strings into chunks of about {@link CHUNK_BYTES}. */
export function* coalesce(parts: Iterable<string>): Generator<string> {
  let buffer = '';
  for (const part of parts) {
    buffer += part;
    if (buffer.length >= CHUNK_BYTES) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer !== '') yield buffer;
}

/**
 * Writes a report to a stream chunk by chunk, waiting for `drain` when the stream asks for it,
 * so a report with many findings is never built as one string. A stream closed by its reader
 * (`| head`) ends the writing: the wait ends on `close` too, so the run still returns its exit code.
 */
export async function writeToStream(parts: Iterable<string>, stream: OutputStream): Promise<void> {
  for (const chunk of coalesce(parts)) {
    if (stream.destroyed === true) return;
    const ok = stream.write(chunk);
    if (ok === false && typeof stream.once === 'function') await drainOrClose(stream);
  }
}

function drainOrClose(stream: OutputStream): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = (): void => {
      stream.removeListener?.('drain', done);
      stream.removeListener?.('close', done);
      resolve();
    };
    stream.once?.('drain', done);
    stream.once?.('close', done);
  });
}
