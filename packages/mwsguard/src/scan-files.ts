import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { compileAllow } from '@mwsguard/core';
import type { Discovered, SourceFile } from './discover.js';
import { skippedFile } from './result.js';
import type { FileFinding, SkippedFile, SuppressedFinding } from './result.js';
import { ProjectPass, emptyScan } from './scan-source.js';
import type { FileOutcome } from './scan-source.js';
import { scanOneFile } from './scan-one-file.js';
import { WORKER_URL, runPool } from './scan-pool.js';
import type { PoolOptions } from './scan-pool.js';
import { appendAll } from './append.js';

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
export interface ScanScheduleOptions extends PoolOptions {
  /** Worker threads: 0 picks one per core; 1 scans in the main thread. */
  readonly jobs: number;
  /** Called after each file (scanned or skipped), for progress. */
  readonly onFile?: () => void;
  /** Called once with the number of worker threads used (0: the scan ran in the main thread). */
  readonly onSchedule?: (workers: number) => void;
}

/** Below this many files, worker start-up costs more than it saves: scan in the main thread. */
const WORKER_THRESHOLD = 256;

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
