import { KINDS } from '@mwsguard/core';
import type { Kind } from '@mwsguard/core';
import { SEVERITIES, SKIP_REASONS, SUPPRESS_REASONS, compareStrings, isIncomplete } from './result.js';
import type { FileFinding, ReportSeverity, ScanResult, SkipReason, SuppressReason } from './result.js';

/** One secret found in several places: one key to rotate, however many files hold it. */
export interface ReusedSecret {
  readonly fingerprint: string;
  readonly kind: Kind;
  /** Masked value. */
  readonly secret: string;
  /** Number of findings with this fingerprint. */
  readonly count: number;
  /** `file:line` of each, in output order. */
  readonly places: readonly string[];
}

/** Everything a summary says, derived from a {@link ScanResult}. */
export interface Summary {
  readonly filesScanned: number;
  readonly filesSkipped: number;
  readonly findings: number;
  readonly findingsByKind: Readonly<Record<Kind, number>>;
  readonly findingsBySeverity: Readonly<Record<ReportSeverity, number>>;
  readonly skippedByReason: Readonly<Record<SkipReason, number>>;
  readonly suppressed: number;
  readonly suppressedByReason: Readonly<Record<SuppressReason, number>>;
  readonly baselined: number;
  readonly staleBaselineEntries: number;
  readonly reused: readonly ReusedSecret[];
  readonly incomplete: boolean;
  readonly commitsScanned?: number;
}

const zeros = <K extends string>(keys: readonly K[]): Record<K, number> =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** Computes the summary of a scan result; pure and cheap (one pass over findings). */
export function summarize(result: ScanResult): Summary {
  const findingsByKind = zeros(KINDS);
  const findingsBySeverity = zeros(SEVERITIES);
  for (const f of result.findings) {
    findingsByKind[f.kind] += 1;
    findingsBySeverity[f.severity] += 1;
  }
  const skippedByReason = zeros(SKIP_REASONS);
  for (const s of result.skipped ?? []) skippedByReason[s.reason] += 1;
  const suppressedByReason = zeros(SUPPRESS_REASONS);
  for (const s of result.suppressed ?? []) suppressedByReason[s.reason] += 1;
  return {
    filesScanned: result.filesScanned,
    filesSkipped: result.filesSkipped,
    findings: result.findings.length,
    findingsByKind,
    findingsBySeverity,
    skippedByReason,
    suppressed: result.suppressed?.length ?? 0,
    suppressedByReason,
    baselined: result.baselined ?? 0,
    staleBaselineEntries: result.staleBaseline?.length ?? 0,
    reused: findReuse(result.findings),
    incomplete: isIncomplete(result),
    ...(result.commitsScanned === undefined ? {} : { commitsScanned: result.commitsScanned }),
  };
}

/**
 * Secrets reported in more than one place. `shared-credentials` findings are about a design, not
 * a value, so they never count as reuse.
 */
function findReuse(findings: readonly FileFinding[]): ReusedSecret[] {
  const groups = new Map<string, FileFinding[]>();
  for (const f of findings) {
    if (f.kind === 'shared-credentials') continue;
    const group = groups.get(f.fingerprint);
    if (group) group.push(f);
    else groups.set(f.fingerprint, [f]);
  }
  const reused: ReusedSecret[] = [];
  for (const [fingerprint, group] of groups) {
    const first = group[0];
    if (first === undefined || group.length < 2) continue;
    reused.push({
      fingerprint,
      kind: first.kind,
      secret: first.secret,
      count: group.length,
      places: group.map((f) => `${f.file}:${String(f.line)}`),
    });
  }
  // Most reused first: those are the keys whose rotation touches the most places.
  return reused.sort((a, b) => b.count - a.count || compareStrings(a.places[0] ?? '', b.places[0] ?? ''));
}

/** `1 file`, `2 files`. */
export const plural = (count: number, noun: string): string => `${String(count)} ${noun}${count === 1 ? '' : 's'}`;

/** Human words for skip reasons (stylish summary, `--verbose`). */
export const SKIP_REASON_TEXT: Readonly<Record<SkipReason, string>> = {
  binary: 'binary',
  archive: 'compressed archive (not unpacked)',
  tooLarge: 'too large',
  symlink: 'symbolic link not followed',
  ignored: 'ignored by --ignore or the config',
  unreadable: 'unreadable',
  brokenSymlink: 'broken symbolic link',
  symlinkLoop: 'symbolic link loop',
  notFound: 'not found',
  scanFailed: 'scan failed',
};

/** Human words for suppression reasons. */
export const SUPPRESS_REASON_TEXT: Readonly<Record<SuppressReason, string>> = {
  inline: 'inline mwsguard-ignore',
  allowlistValue: 'allowlist value',
  allowlistPath: 'allowlist path',
  allowlistFingerprint: 'allowlist fingerprint',
};
