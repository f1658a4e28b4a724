import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { getHeapStatistics } from 'node:v8';
import { DEFAULT_MAX_FILE_SIZE, decodeSource } from './read.js';
import { scanDecoded } from './scan-source.js';
import type { FileOutcome, SourceScanOptions } from './scan-source.js';

/** A text's scan options, plus what a worker of its own needs to compile the same allowlist. */
export interface ByteScanOptions extends SourceScanOptions {
  /** Sources of the `allowlist.values` regexes (compiled with the `u` flag), for the worker. */
  readonly allowValueSources: readonly string[];
  /**
   * Contents larger than this many bytes are scanned in a worker of their own; 0: always in the
   * calling thread (a pool worker, whose own running out of memory is caught). Default
   * {@link IN_THREAD_LIMIT}.
   */
  readonly isolateAbove?: number;
}

/** What {@link scanBytes} sends its worker: plain data (the bytes are transferred, not copied). */
export interface IsolatedInput {
  readonly bytes: Uint8Array;
  readonly file: string;
  readonly options: Pick<ByteScanOptions, 'kinds' | 'locale' | 'project' | 'allowValueSources'>;
}

/**
 * Contents up to the default `--max-file-size` (5 MiB) are scanned in the calling thread. A
 * scan's memory grows with what the text holds, not only its size: one line of 80 MB packed with
 * access key IDs made 3.8 million findings, and the main thread ran out of its 4 GB heap after
 * 54 s; V8 then aborts the process (exit 134) and every other file's findings are lost. A thread
 * cannot catch its own heap running out, but the main thread can catch a worker's. So a file
 * larger than any the default limit lets through (`--max-file-size` raised or 0) gets a worker of
 * its own, with the heap the main thread would have had ({@link isolatedHeapMb}): what used to be
 * scanned still is, and what used to abort the run becomes that file's `scanFailed` skip.
 */
const IN_THREAD_LIMIT = DEFAULT_MAX_FILE_SIZE;

/** The worker; absent when running from sources (tests), where every scan stays in-process. */
const WORKER_URL = new URL('./isolated-scan-worker.js', import.meta.url);

/**
 * Decodes and scans one file's content (from disk, the index or history); never throws (a
 * failure becomes the file's `scanFailed` skip). Large contents run in a worker of their own
 * ({@link IN_THREAD_LIMIT}), one at a time since every caller awaits each file.
 */
export async function scanBytes(bytes: Uint8Array, file: string, options: ByteScanOptions): Promise<FileOutcome> {
  const limit = options.isolateAbove ?? IN_THREAD_LIMIT;
  if (limit === 0 || bytes.byteLength <= limit || !existsSync(fileURLToPath(WORKER_URL))) {
    return scanDecoded(decodeSource(bytes), file, options);
  }
  const { Worker } = await import('node:worker_threads');
  // Transferred when the bytes own their whole buffer; a view into a larger one is copied.
  const own =
    bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer
      ? bytes
      : new Uint8Array(bytes);
  const { kinds, locale, project, allowValueSources } = options;
  const input: IsolatedInput = {
    bytes: own,
    file,
    options: {
      allowValueSources,
      ...(kinds ? { kinds } : {}),
      ...(locale === undefined ? {} : { locale }),
      ...(project === undefined ? {} : { project }),
    },
  };
  const heapMb = isolatedHeapMb();
  const worker = new Worker(WORKER_URL, {
    workerData: input,
    transferList: [own.buffer as ArrayBuffer],
    resourceLimits: { maxOldGenerationSizeMb: heapMb },
  });
  return new Promise<FileOutcome>((resolve) => {
    const failed = (detail: string): void => {
      resolve({ status: 'skipped', reason: 'scanFailed', detail });
    };
    worker.once('message', (outcome: FileOutcome) => {
      resolve(outcome);
    });
    worker.once('error', (error: Error & { code?: string }) => {
      failed(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? `out of memory: its scan needs more than the ${String(heapMb)} MiB heap`
          : (error.message.split('\n', 1)[0] ?? 'error'),
      );
    });
    // After a message or an error this settles nothing more; alone, the worker died silently.
    worker.once('exit', (code) => {
      failed(`the scan stopped with exit code ${String(code)}`);
    });
  });
}

/**
 * The heap of a large file's worker, in MiB: the main thread's own limit (Node's default for
 * this machine's memory, or `NODE_OPTIONS=--max-old-space-size`), so that no file the main
 * thread could scan fails in the worker.
 */
function isolatedHeapMb(): number {
  return Math.max(1, Math.floor(getHeapStatistics().heap_size_limit / 1024 / 1024));
}
