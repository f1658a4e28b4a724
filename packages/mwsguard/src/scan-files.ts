import { scanText } from '@mwsguard/core';
import type { SourceFile } from './discover.js';
import { readSource } from './read.js';
import { compareFindings } from './result.js';
import type { FileFinding, ScanResult } from './result.js';

/**
 * Reads and scans the files one at a time, so only one file's text is held in memory; binary
 * and unreadable files are counted as skipped (the latter reported through `warn`).
 */
export async function scanFiles(files: readonly SourceFile[], warn: (message: string) => void): Promise<ScanResult> {
  const findings: FileFinding[] = [];
  let filesScanned = 0;
  let filesSkipped = 0;
  for (const file of files) {
    let source;
    try {
      source = await readSource(file.absolutePath);
    } catch (error) {
      warn(`cannot read ${file.displayPath} (${describeError(error)}); skipped.`);
      filesSkipped += 1;
      continue;
    }
    if (source.kind === 'binary') {
      filesSkipped += 1;
      continue;
    }
    filesScanned += 1;
    for (const finding of scanText(source.text, { path: file.displayPath })) {
      findings.push({ ...finding, file: file.displayPath });
    }
  }
  return { findings: findings.sort(compareFindings), filesScanned, filesSkipped };
}

// The errno code names the problem without repeating the absolute path Node puts in the message.
function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code === 'string') return code;
  return error instanceof Error ? error.message : String(error);
}
