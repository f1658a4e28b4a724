import type { Allow } from '@mwsguard/core';
import type { SourceFile } from './discover.js';
import { readBytes } from './read.js';
import { scanBytes } from './isolated-scan.js';
import type { ByteScanOptions } from './isolated-scan.js';
import { skipReasonOf } from './errno.js';
import type { FileOutcome, SourceScanOptions } from './scan-source.js';
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
