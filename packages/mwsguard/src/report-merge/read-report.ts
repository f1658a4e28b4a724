import { readFileSync } from 'node:fs';
import { isKind } from '@mwsguard/core';
import { JSON_FORMAT_VERSION } from '../formatters/json.js';
import { SEVERITIES } from '../result.js';
import type { CommitInfo, ReportSeverity, ReportedFinding } from '../result.js';
import { UsageError } from '../usage-error.js';

/** What `report merge` keeps of a `json` report's summary. */
export interface ReportSummary {
  readonly filesScanned: number;
  readonly filesSkipped: number;
  readonly incomplete: boolean;
  /** Present in `--history` reports. */
  readonly commitsScanned?: number;
}

/** One `mwsguard scan --format json` report, checked field by field. */
export interface Report {
  readonly findings: readonly ReportedFinding[];
  readonly summary: ReportSummary;
}

const STRING_FIELDS = ['ruleId', 'file', 'secret', 'fingerprint', 'message', 'recommendation'] as const;
const NUMBER_FIELDS = ['line', 'column', 'endLine', 'endColumn'] as const;

/**
 * Reads one JSON report (version {@link JSON_FORMAT_VERSION}) whole: reports are per repository,
 * so one is small next to the merge; only one is held at a time. Anything that is not such a
 * report is a {@link UsageError} naming the file, never a partial merge.
 */
export function readReport(path: string, displayName: string): Report {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`Cannot read report ${displayName} (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new UsageError(`Report ${displayName} is not JSON: write it with "mwsguard scan --format json".`);
  }
  const bad = (what: string): UsageError => new UsageError(`Report ${displayName}: ${what}.`);
  if (!isRecord(data) || data.version !== JSON_FORMAT_VERSION) {
    throw bad(`expected an mwsguard JSON report of version ${String(JSON_FORMAT_VERSION)}`);
  }
  const { findings, summary } = data;
  if (!Array.isArray(findings)) throw bad('"findings" is not an array');
  if (!isRecord(summary)) throw bad('"summary" is not an object');
  const checked = findings.map((f: unknown, i) => checkFinding(f, () => bad(`finding ${String(i + 1)} is malformed`)));
  return { findings: checked, summary: checkSummary(summary, bad) };
}

function checkFinding(value: unknown, bad: () => UsageError): ReportedFinding {
  if (!isRecord(value) || typeof value.kind !== 'string' || !isKind(value.kind)) throw bad();
  if (!(SEVERITIES as readonly unknown[]).includes(value.severity)) throw bad();
  for (const key of STRING_FIELDS) if (typeof value[key] !== 'string') throw bad();
  for (const key of NUMBER_FIELDS) if (!Number.isInteger(value[key])) throw bad();
  const commit = value.commit;
  if (commit !== undefined && !isCommit(commit)) throw bad();
  return {
    ruleId: value.ruleId as string,
    kind: value.kind,
    severity: value.severity as ReportSeverity,
    file: value.file as string,
    line: value.line as number,
    column: value.column as number,
    endLine: value.endLine as number,
    endColumn: value.endColumn as number,
    secret: value.secret as string,
    fingerprint: value.fingerprint as string,
    message: value.message as string,
    recommendation: value.recommendation as string,
    ...(commit === undefined ? {} : { commit }),
  };
}

function checkSummary(summary: Record<string, unknown>, bad: (what: string) => UsageError): ReportSummary {
  const { filesScanned, filesSkipped, incomplete, commitsScanned } = summary;
  if (!Number.isInteger(filesScanned) || !Number.isInteger(filesSkipped) || typeof incomplete !== 'boolean') {
    throw bad('"summary" lacks filesScanned, filesSkipped or incomplete');
  }
  if (commitsScanned !== undefined && !Number.isInteger(commitsScanned)) throw bad('"commitsScanned" is not a number');
  return {
    filesScanned: filesScanned as number,
    filesSkipped: filesSkipped as number,
    incomplete,
    ...(commitsScanned === undefined ? {} : { commitsScanned: commitsScanned as number }),
  };
}

function isCommit(value: unknown): value is CommitInfo {
  return (
    isRecord(value) &&
    typeof value.sha === 'string' &&
    typeof value.author === 'string' &&
    typeof value.email === 'string' &&
    typeof value.date === 'string' &&
    Number.isInteger(value.count)
  );
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
