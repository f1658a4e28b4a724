import type { Finding } from '@mwsguard/core';

/** A core finding plus the file it was found in. */
export interface FileFinding extends Finding {
  /** Display path: relative to the working directory, POSIX separators. */
  readonly file: string;
}

/** What a scan produced; the input of every formatter. */
export interface ScanResult {
  /** Sorted by {@link compareFindings}. */
  readonly findings: readonly FileFinding[];
  /** Files read and scanned as text. */
  readonly filesScanned: number;
  /** Files not scanned: binary or unreadable. */
  readonly filesSkipped: number;
}

// Code-unit order, not localeCompare: output must not depend on the machine's locale.
const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Orders findings by file, line, column, then kind (the order every format prints). */
export function compareFindings(a: FileFinding, b: FileFinding): number {
  return compareStrings(a.file, b.file) || a.line - b.line || a.column - b.column || compareStrings(a.kind, b.kind);
}
