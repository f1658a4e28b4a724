import type { Finding, SuppressReason } from '@mwsguard/core';

/**
 * Severity as the CLI reports it: core's `error` or `warning`, or `info` when the configuration
 * lowers a kind to it (see `severity` in docs/cli.md#configuration).
 */
export type ReportSeverity = 'error' | 'warning' | 'info';

/** The severities in decreasing order of gravity. */
export const SEVERITIES: readonly ReportSeverity[] = ['error', 'warning', 'info'];

/** Where a history finding was first added (`--history` only). */
export interface CommitInfo {
  /** Full commit id. */
  readonly sha: string;
  /** Author name and e-mail address, as git records them. */
  readonly author: string;
  readonly email: string;
  /** Author date, ISO 8601 with the author's offset. */
  readonly date: string;
  /** Number of commits that added this same secret (same fingerprint) to this file, this one included. */
  readonly count: number;
}

/** A core finding plus the file it was found in. */
export interface FileFinding extends Omit<Finding, 'severity'> {
  readonly severity: ReportSeverity;
  /** Display path: relative to the working directory, POSIX separators. */
  readonly file: string;
  /** `--history` only: the first commit that added the secret. */
  readonly commit?: CommitInfo;
}

/** Why a file was not scanned. The first three are deliberate; the others make a scan incomplete. */
export type SkipReason =
  'binary' | 'tooLarge' | 'symlink' | 'ignored' | 'unreadable' | 'brokenSymlink' | 'symlinkLoop' | 'notFound';

/** Every skip reason, in the order summaries list them. */
export const SKIP_REASONS: readonly SkipReason[] = [
  'binary',
  'tooLarge',
  'symlink',
  'ignored',
  'unreadable',
  'brokenSymlink',
  'symlinkLoop',
  'notFound',
];

/** Skip reasons that mean some content may hold a credential nobody looked at. */
export const INCOMPLETE_REASONS: ReadonlySet<SkipReason> = new Set([
  'unreadable',
  'brokenSymlink',
  'symlinkLoop',
  'notFound',
]);

/** A file that was not scanned, and why. */
export interface SkippedFile {
  readonly file: string;
  readonly reason: SkipReason;
  /** The errno code or a short explanation, for warnings and `--verbose`. */
  readonly detail?: string;
}

/** A {@link SkippedFile}, without a `detail` key when there is no detail. */
export const skippedFile = (file: string, reason: SkipReason, detail?: string): SkippedFile =>
  detail === undefined ? { file, reason } : { file, reason, detail };

// Why a finding was not reported: core's one suppression policy defines the reasons and their order.
export type { SuppressReason } from '@mwsguard/core';
export { SUPPRESS_REASONS } from '@mwsguard/core';

/** A finding that an inline directive or the allowlist suppressed: counted, never dropped silently. */
export interface SuppressedFinding {
  readonly finding: FileFinding;
  readonly reason: SuppressReason;
}

/** A baseline entry that no longer matches anything (listed with `--verbose`). */
export interface StaleBaselineEntry {
  readonly fingerprint: string;
  readonly kind: string;
  /** Display path (relative to the working directory). */
  readonly file: string;
}

/** What a scan produced; the input of every formatter. Only the first three fields are required. */
export interface ScanResult {
  /** Sorted by {@link compareFindings}. */
  readonly findings: readonly FileFinding[];
  /** Files (or, with `--staged`/`--history`, blobs) read and scanned as text. */
  readonly filesScanned: number;
  /** Files not scanned, whatever the reason. */
  readonly filesSkipped: number;
  /** The skipped files with their reasons, sorted by path. */
  readonly skipped?: readonly SkippedFile[];
  /** Findings suppressed by inline directives or the allowlist, sorted. */
  readonly suppressed?: readonly SuppressedFinding[];
  /** Findings left out because the baseline already lists them. */
  readonly baselined?: number;
  /** Baseline entries that matched nothing. */
  readonly staleBaseline?: readonly StaleBaselineEntry[];
  /** `--history` only: commits visited. */
  readonly commitsScanned?: number;
  /** When the scan started and ended (the GitLab report needs both). */
  readonly startedAt?: Date;
  readonly finishedAt?: Date;
}

// Code-unit order, not localeCompare: output must not depend on the machine's locale.
export const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Orders findings by file, line, column, then kind (the order every format prints). */
export function compareFindings(
  a: Pick<FileFinding, 'file' | 'line' | 'column' | 'kind'>,
  b: Pick<FileFinding, 'file' | 'line' | 'column' | 'kind'>,
): number {
  return compareStrings(a.file, b.file) || a.line - b.line || a.column - b.column || compareStrings(a.kind, b.kind);
}

/** Whether the scan missed content it should have read (exit code 3 when nothing else is found). */
export function isIncomplete(result: ScanResult): boolean {
  return (result.skipped ?? []).some((s) => INCOMPLETE_REASONS.has(s.reason));
}
