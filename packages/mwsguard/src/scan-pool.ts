import type { ResourceLimits, Worker } from 'node:worker_threads';
import type { Allow } from '@mwsguard/core';
import type { Discovered, SourceFile } from './discover.js';
import { scanOneFile } from './scan-one-file.js';
import type { FileScanOptions } from './scan-one-file.js';
import type { FileOutcome } from './scan-source.js';
import { appendAll } from './append.js';

/** Options of the worker pool, beyond one file's scan. */
export interface PoolOptions extends FileScanOptions {
  /** Old-generation heap cap of each worker in MiB (`MWSGUARD_WORKER_HEAP_MB`); default 192. */
  readonly workerHeapMb?: number;
  /** Called when a worker ran out of memory, with the number of its files the main thread rescans. */
  readonly onRescue?: (files: number) => void;
}

/** Files per message to a worker; each worker holds at most two batches of paths. */
const BATCH_SIZE = 32;
/** Paths buffered ahead of the workers before discovery is paused. */
const QUEUE_HIGH_WATER = 4096;

/** The compiled worker; absent when running from sources (tests), where scans stay in-process. */
export const WORKER_URL = new URL('./scan-worker.js', import.meta.url);

/**
 * Old-generation heap of each scan worker, in MiB (`workerHeapMb` overrides it). V8
 * otherwise lets an idle-looking heap grow far past what a scan needs (two workers peaked at
 * 410 MB on the 58k-file benchmark tree, 270 MB with this cap). A file too large for the cap
 * is not lost: the worker runs out of memory, and its unfinished files are scanned again by the
 * main thread (one larger than the default `--max-file-size` in a worker of its own, with the
 * main thread's heap: `scanBytes`).
 */
const WORKER_HEAP_MB = 192;
/** Young generation of each scan worker, in MiB: short-lived per-file garbage stays small. */
const WORKER_YOUNG_HEAP_MB = 16;

/** A worker of the pool and the batches it has not answered yet, oldest first. */
interface PoolSlot {
  worker?: Worker;
  readonly batches: SourceFile[][];
  inFlight: number;
  /** Ran out of memory before any file: not restarted (its work goes to the others). */
  retired: boolean;
}

/** Where the pool's results go: each file's outcome, and discovery's notes and skips. */
type RecordFile = (file: SourceFile, outcome: FileOutcome) => void;
type RecordOther = (item: Exclude<Discovered, { type: 'file' }>) => void;

/**
 * Streams `first`, then the rest of `iterator`'s paths, to `count` worker threads, pausing
 * discovery while {@link QUEUE_HIGH_WATER} paths wait; resolves once every file is recorded.
 */
export async function runPool(
  count: number,
  first: SourceFile[],
  iterator: AsyncIterator<Discovered>,
  options: PoolOptions,
  allow: Allow,
  record: RecordFile,
  other: RecordOther,
): Promise<void> {
  // Loaded here: a scan of fewer files than WORKER_THRESHOLD never starts a worker.
  const { Worker } = await import('node:worker_threads');
  const pool = new ScanPool(Worker, count, first, options, allow, record);
  // Keep the rejection observed while the producer below is still running.
  pool.finished.catch(() => undefined);
  try {
    pool.feedAll();
    await pool.produce(iterator, other);
    await pool.finished;
  } finally {
    await pool.terminate();
  }
}

/** The thread options of a pool worker: the scan options it is given, and its heap caps. */
function workerOptions(options: PoolOptions): { workerData: FileScanOptions; resourceLimits: ResourceLimits } {
  return {
    workerData: {
      maxFileSize: options.maxFileSize,
      allowValueSources: options.allowValueSources,
      // A pool worker scans large files itself: its heap is capped, and when it runs out, the main
      // thread takes its files over (a large one in a worker of its own, see `scanBytes`).
      isolateAbove: 0,
      ...(options.kinds ? { kinds: options.kinds } : {}),
      ...(options.locale === undefined ? {} : { locale: options.locale }),
    },
    resourceLimits: {
      maxOldGenerationSizeMb: options.workerHeapMb ?? WORKER_HEAP_MB,
      maxYoungGenerationSizeMb: WORKER_YOUNG_HEAP_MB,
    },
  };
}

/**
 * The workers, the queue of paths waiting for them, and the files the main thread scans when a
 * worker fails. `finished` resolves when discovery is done and every file is recorded; it rejects
 * when a worker stops with an error exit code or a rescued scan throws.
 */
class ScanPool {
  readonly finished: Promise<void>;
  private readonly queue: SourceFile[];
  private sourceDone = false;
  private outstanding = 0;
  private wakeProducer: (() => void) | undefined;
  private readonly slots: PoolSlot[] = [];
  // Files whose worker ran out of memory, waiting to be scanned in the main thread.
  private readonly rescue: SourceFile[] = [];
  private rescuing = false;
  private readonly threadOptions: ReturnType<typeof workerOptions>;
  // Replaced by `finished`'s executor, which runs at once.
  private resolve: () => void = () => undefined;
  private reject: (error: unknown) => void = () => undefined;
  /** False when a worker could not be created: `finished` has rejected, and no batch is handed out. */
  private hasStarted = false;

  constructor(
    private readonly WorkerClass: typeof Worker,
    count: number,
    first: SourceFile[],
    private readonly options: PoolOptions,
    private readonly allow: Allow,
    private readonly record: RecordFile,
  ) {
    this.queue = [...first];
    this.threadOptions = workerOptions(options);
    this.finished = new Promise<void>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
      for (let i = 0; i < count; i++) {
        const slot: PoolSlot = { batches: [], inFlight: 0, retired: false };
        this.slots.push(slot);
        this.start(slot);
      }
      this.hasStarted = true;
    });
  }

  feedAll(): void {
    if (!this.hasStarted) return;
    for (const slot of this.slots) this.feed(slot);
  }

  /** Queues discovery's files, waiting while the queue is full; then feeds what remains. */
  async produce(iterator: AsyncIterator<Discovered>, other: RecordOther): Promise<void> {
    const { queue } = this;
    for (;;) {
      if (queue.length >= QUEUE_HIGH_WATER) {
        await Promise.race([new Promise<void>((resolve) => (this.wakeProducer = resolve)), this.finished]);
        continue;
      }
      const next = await iterator.next();
      if (next.done === true) break;
      if (next.value.type === 'file') {
        queue.push(next.value);
        if (queue.length % BATCH_SIZE === 0) this.feedAll();
      } else other(next.value);
    }
    this.sourceDone = true;
    this.feedAll();
  }

  async terminate(): Promise<void> {
    await Promise.all(this.slots.flatMap((slot) => (slot.worker ? [slot.worker.terminate()] : [])));
  }

  private check(): void {
    if (this.sourceDone && this.queue.length === 0 && this.outstanding === 0) this.resolve();
  }

  private wakeIfLow(): void {
    if (this.queue.length < QUEUE_HIGH_WATER / 2 && this.wakeProducer) {
      const wake = this.wakeProducer;
      this.wakeProducer = undefined;
      wake();
    }
  }

  private feed(slot: PoolSlot): void {
    const { worker } = slot;
    const { queue } = this;
    if (slot.retired || !worker) {
      // With no worker left, the main thread scans what remains.
      if (this.slots.every((other) => other.retired) && queue.length > 0) {
        this.outstanding += queue.length;
        appendAll(this.rescue, queue.splice(0));
        this.scanRescued().catch(this.reject);
      }
      return;
    }
    while (slot.inFlight < 2 * BATCH_SIZE && queue.length > 0) {
      const batch = queue.splice(0, BATCH_SIZE);
      slot.batches.push(batch);
      slot.inFlight += batch.length;
      this.outstanding += batch.length;
      worker.postMessage(batch);
    }
    this.wakeIfLow();
    this.check();
  }

  private async scanRescued(): Promise<void> {
    if (this.rescuing) return;
    this.rescuing = true;
    for (let file = this.rescue.shift(); file !== undefined; file = this.rescue.shift()) {
      this.record(file, await scanOneFile(file, this.options, this.allow));
      this.outstanding -= 1;
    }
    this.rescuing = false;
    this.wakeIfLow();
    this.check();
  }

  private start(slot: PoolSlot): void {
    const worker = new this.WorkerClass(WORKER_URL, this.threadOptions);
    slot.worker = worker;
    // Outcomes come back per batch, in the order of the batch: no paths are sent back.
    worker.on('message', (outcomes: readonly FileOutcome[]) => {
      this.answered(slot, outcomes);
    });
    // A worker that runs out of memory (or fails in any other way) loses no file: its
    // unanswered batches hold the file it stopped on, and the main thread scans them all, where
    // a file that fails again is reported by name (`scanFailed`) instead of ending the run.
    worker.on('error', () => {
      this.failed(slot);
    });
    worker.on('exit', (code) => {
      if (code !== 0 && slot.worker === worker)
        this.reject(new Error(`a scan worker stopped with exit code ${String(code)}`));
    });
  }

  /** A worker's answer to its oldest batch. */
  private answered(slot: PoolSlot, outcomes: readonly FileOutcome[]): void {
    const batch = slot.batches.shift() ?? [];
    slot.inFlight -= batch.length;
    this.outstanding -= batch.length;
    batch.forEach((file, i) => {
      const outcome = outcomes[i];
      if (outcome) this.record(file, outcome);
    });
    this.feed(slot);
  }

  /** A worker failed: its unanswered files go to the main thread, and it is replaced unless it never answered. */
  private failed(slot: PoolSlot): void {
    slot.retired = slot.batches.length === 0;
    const unanswered = slot.batches.flat();
    this.options.onRescue?.(unanswered.length);
    appendAll(this.rescue, unanswered);
    slot.batches.length = 0;
    slot.inFlight = 0;
    if (slot.retired) slot.worker = undefined;
    else this.start(slot);
    this.feed(slot);
    this.scanRescued().catch(this.reject);
  }
}
