import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { compileAllow } from '@mwsguard/core';
import type { Allow } from '@mwsguard/core';
import type { Discovered, SourceFile } from './discover.js';
import { readBytes } from './read.js';
import { scanBytes } from './isolated-scan.js';
import type { ByteScanOptions } from './isolated-scan.js';
import { skipReasonOf } from './errno.js';
import { skippedFile } from './result.js';
import type { FileFinding, SkippedFile, SuppressedFinding } from './result.js';
import { ProjectPass, emptyScan } from './scan-source.js';
import type { FileOutcome, SourceScanOptions } from './scan-source.js';
import { appendAll } from './append.js';
import { formatSize } from './size.js';

/** Options of one file's scan; plain data, so they can be handed to a worker thread. */
export interface FileScanOptions {
  /** Files larger than this many bytes are skipped; 0: no limit. */
  readonly maxFileSize: number;
  readonly kinds?: SourceScanOptions['kinds'];
  readonly locale?: string;
  /** Sources of the `allowlist.values` regexes (compiled with the `u` flag). */
  readonly allowValueSources: readonly string[];
  /** Files larger than this many bytes get a worker of their own (`isolated-scan.ts`); 0: never. */
  readonly isolateAbove?: ByteScanOptions['isolateAbove'];
}

export type { FileOutcome } from './scan-source.js';

/** Everything a directory/file scan produced, unsorted. */
export interface FilesScan {
  readonly findings: FileFinding[];
  readonly suppressed: SuppressedFinding[];
  readonly skipped: SkippedFile[];
  readonly notes: string[];
  /** Display paths of the files scanned as text (baselines need them to tell stale entries). */
  readonly scannedFiles: string[];
  filesScanned: number;
  /** The scanned files' summaries for the project pass (`run.ts` judges them); none for history. */
  readonly project?: ProjectPass;
}

/** Options of {@link scanDiscovered}. */
export interface ScanScheduleOptions extends FileScanOptions {
  /** Worker threads: 0 picks one per core; 1 scans in the main thread. */
  readonly jobs: number;
  /** Called after each file (scanned or skipped), for progress. */
  readonly onFile?: () => void;
  /** Old-generation heap cap of each worker in MiB (`MWSGUARD_WORKER_HEAP_MB`); default 192. */
  readonly workerHeapMb?: number;
  /** Called when a worker ran out of memory, with the number of its files the main thread rescans. */
  readonly onRescue?: (files: number) => void;
  /** Called once with the number of worker threads used (0: the scan ran in the main thread). */
  readonly onSchedule?: (workers: number) => void;
}

/** Below this many files, worker start-up costs more than it saves: scan in the main thread. */
const WORKER_THRESHOLD = 256;
/** Files per message to a worker; each worker holds at most two batches of paths. */
const BATCH_SIZE = 32;
/** Paths buffered ahead of the workers before discovery is paused. */
const QUEUE_HIGH_WATER = 4096;

/** The compiled worker; absent when running from sources (tests), where scans stay in-process. */
const WORKER_URL = new URL('./scan-worker.js', import.meta.url);

/** Reads, decodes and scans one file; never throws (failures become a skip reason). */
export async function scanOneFile(file: SourceFile, options: FileScanOptions, allow: Allow): Promise<FileOutcome> {
  let source;
  try {
    source = readBytes(file.pathBytes ?? file.absolutePath, options.maxFileSize);
  } catch (error) {
    // Discovery saw the file: one that is gone by now could not be read.
    return { status: 'skipped', ...skipReasonOf(error, 'unreadable') };
  }
  if (source.kind === 'tooLarge') return { status: 'skipped', reason: 'tooLarge', detail: formatSize(source.size) };
  if (source.kind === 'notRegular') return { status: 'skipped', reason: 'unreadable', detail: 'not a regular file' };
  return scanBytes(source.bytes, file.displayPath, {
    ...(options.kinds ? { kinds: options.kinds } : {}),
    ...(options.locale === undefined ? {} : { locale: options.locale }),
    ...(options.isolateAbove === undefined ? {} : { isolateAbove: options.isolateAbove }),
    allow,
    allowValueSources: options.allowValueSources,
    project: true,
  });
}

/**
 * Scans what discovery yields. Small scans run in the main thread, one file at a time; past
 * {@link WORKER_THRESHOLD} files the paths are streamed to a pool of worker threads (one per core),
 * each reading one file at a time. Each file's summary is kept for the project pass
 * ({@link ProjectPass}: one project per repository), which the caller runs once all are scanned.
 * Results are collected unsorted: the caller sorts them, so the output is the same whatever the
 * scheduling.
 */
export async function scanDiscovered(
  source: AsyncIterable<Discovered>,
  options: ScanScheduleOptions,
): Promise<FilesScan> {
  const project = new ProjectPass();
  const scan = emptyScan(project);
  const allow = compileAllow({ patterns: options.allowValueSources });
  const record = (file: SourceFile, outcome: FileOutcome): void => {
    if (outcome.status === 'scanned') {
      scan.filesScanned += 1;
      scan.scannedFiles.push(file.displayPath);
      appendAll(scan.findings, outcome.findings);
      appendAll(scan.suppressed, outcome.suppressed);
      project.add(file.displayPath, outcome);
    } else {
      scan.skipped.push(skippedFile(file.displayPath, outcome.reason, outcome.detail));
    }
    options.onFile?.();
  };
  const other = (item: Exclude<Discovered, { type: 'file' }>): void => {
    if (item.type === 'note') scan.notes.push(item.message);
    else {
      scan.skipped.push(skippedFile(item.file, item.reason, item.detail));
      options.onFile?.();
    }
  };

  const iterator = source[Symbol.asyncIterator]();
  const workers = options.jobs === 1 || !existsSync(fileURLToPath(WORKER_URL)) ? 1 : workerCount(options.jobs);
  // Fill the first batch: a small tree is done before any worker would have started.
  const first: SourceFile[] = [];
  let exhausted = false;
  while (workers > 1 && first.length < WORKER_THRESHOLD) {
    const next = await iterator.next();
    if (next.done === true) {
      exhausted = true;
      break;
    }
    if (next.value.type === 'file') first.push(next.value);
    else other(next.value);
  }
  options.onSchedule?.(workers > 1 && !exhausted ? workers : 0);
  if (workers > 1 && !exhausted) {
    await runPool(workers, first, iterator, options, allow, record, other);
  } else {
    for (const file of first) record(file, await scanOneFile(file, options, allow));
    for (let next = await iterator.next(); next.done !== true; next = await iterator.next()) {
      const item = next.value;
      if (item.type === 'file') record(item, await scanOneFile(item, options, allow));
      else other(item);
    }
  }
  return scan;
}

function workerCount(jobs: number): number {
  return Math.max(1, jobs > 0 ? jobs : availableParallelism());
}

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

async function runPool(
  count: number,
  first: SourceFile[],
  iterator: AsyncIterator<Discovered>,
  options: ScanScheduleOptions,
  allow: Allow,
  record: (file: SourceFile, outcome: FileOutcome) => void,
  other: (item: Exclude<Discovered, { type: 'file' }>) => void,
): Promise<void> {
  // Loaded here: a scan of fewer files than WORKER_THRESHOLD never starts a worker.
  const { Worker } = await import('node:worker_threads');
  const queue: SourceFile[] = [...first];
  let sourceDone = false;
  let outstanding = 0;
  let wakeProducer: (() => void) | undefined;
  const workerData: FileScanOptions = {
    maxFileSize: options.maxFileSize,
    allowValueSources: options.allowValueSources,
    // A pool worker scans large files itself: its heap is capped, and when it runs out, the main
    // thread takes its files over (a large one in a worker of its own, see `scanBytes`).
    isolateAbove: 0,
    ...(options.kinds ? { kinds: options.kinds } : {}),
    ...(options.locale === undefined ? {} : { locale: options.locale }),
  };
  const resourceLimits = {
    maxOldGenerationSizeMb: options.workerHeapMb ?? WORKER_HEAP_MB,
    maxYoungGenerationSizeMb: WORKER_YOUNG_HEAP_MB,
  };
  const slots: PoolSlot[] = [];
  // Files whose worker ran out of memory, waiting to be scanned in the main thread.
  const rescue: SourceFile[] = [];
  let rescuing = false;
  let feedAll = (): void => undefined;
  const finished = new Promise<void>((resolve, reject) => {
    const check = (): void => {
      if (sourceDone && queue.length === 0 && outstanding === 0) resolve();
    };
    const wakeIfLow = (): void => {
      if (queue.length < QUEUE_HIGH_WATER / 2 && wakeProducer) {
        const wake = wakeProducer;
        wakeProducer = undefined;
        wake();
      }
    };
    const feed = (slot: PoolSlot): void => {
      const { worker } = slot;
      if (slot.retired || !worker) {
        // With no worker left, the main thread scans what remains.
        if (slots.every((other) => other.retired) && queue.length > 0) {
          outstanding += queue.length;
          appendAll(rescue, queue.splice(0));
          scanRescued().catch(reject);
        }
        return;
      }
      while (slot.inFlight < 2 * BATCH_SIZE && queue.length > 0) {
        const batch = queue.splice(0, BATCH_SIZE);
        slot.batches.push(batch);
        slot.inFlight += batch.length;
        outstanding += batch.length;
        worker.postMessage(batch);
      }
      wakeIfLow();
      check();
    };
    const scanRescued = async (): Promise<void> => {
      if (rescuing) return;
      rescuing = true;
      for (let file = rescue.shift(); file !== undefined; file = rescue.shift()) {
        record(file, await scanOneFile(file, options, allow));
        outstanding -= 1;
      }
      rescuing = false;
      wakeIfLow();
      check();
    };
    const start = (slot: PoolSlot): void => {
      const worker = new Worker(WORKER_URL, { workerData, resourceLimits });
      slot.worker = worker;
      // Outcomes come back per batch, in the order of the batch: no paths are sent back.
      worker.on('message', (outcomes: readonly FileOutcome[]) => {
        const batch = slot.batches.shift() ?? [];
        slot.inFlight -= batch.length;
        outstanding -= batch.length;
        batch.forEach((file, i) => {
          const outcome = outcomes[i];
          if (outcome) record(file, outcome);
        });
        feed(slot);
      });
      // A worker that runs out of memory (or fails in any other way) loses no file: its
      // unanswered batches hold the file it stopped on, and the main thread scans them all, where
      // a file that fails again is reported by name (`scanFailed`) instead of ending the run.
      worker.on('error', () => {
        slot.retired = slot.batches.length === 0;
        const unanswered = slot.batches.flat();
        options.onRescue?.(unanswered.length);
        appendAll(rescue, unanswered);
        slot.batches.length = 0;
        slot.inFlight = 0;
        if (slot.retired) slot.worker = undefined;
        else start(slot);
        feed(slot);
        scanRescued().catch(reject);
      });
      worker.on('exit', (code) => {
        if (code !== 0 && slot.worker === worker)
          reject(new Error(`a scan worker stopped with exit code ${String(code)}`));
      });
    };
    for (let i = 0; i < count; i++) {
      const slot: PoolSlot = { batches: [], inFlight: 0, retired: false };
      slots.push(slot);
      start(slot);
    }
    feedAll = (): void => {
      for (const slot of slots) feed(slot);
    };
  });
  // Keep the rejection observed while the producer below is still running.
  finished.catch(() => undefined);
  try {
    feedAll();
    for (;;) {
      if (queue.length >= QUEUE_HIGH_WATER) {
        await Promise.race([new Promise<void>((resolve) => (wakeProducer = resolve)), finished]);
        continue;
      }
      const next = await iterator.next();
      if (next.done === true) break;
      if (next.value.type === 'file') {
        queue.push(next.value);
        if (queue.length % BATCH_SIZE === 0) feedAll();
      } else other(next.value);
    }
    sourceDone = true;
    feedAll();
    await finished;
  } finally {
    await Promise.all(slots.flatMap((slot) => (slot.worker ? [slot.worker.terminate()] : [])));
  }
}
