import { KINDS } from '@mwsguard/core';
import type { Kind } from '@mwsguard/core';
import { SEVERITIES, compareStrings } from '../result.js';
import type { ReportSeverity, ReportedFinding } from '../result.js';
import type { ReportSummary } from './read-report.js';

/** Totals of one repository (all its reports: working tree and history). */
export interface RepositoryTotals {
  readonly repository: string;
  /** Reports merged for it. */
  reports: number;
  findings: number;
  /** Distinct fingerprints: the keys to rotate, however often each was reported. */
  secrets: number;
  readonly findingsByKind: Record<Kind, number>;
  filesScanned: number;
  /** Sum over its history reports; `undefined` when it has none. */
  commitsScanned: number | undefined;
  incomplete: boolean;
}

/** One fingerprint found in more than one repository: the same key leaked in several places. */
export interface CrossRepositoryReuse {
  readonly fingerprint: string;
  readonly kind: Kind;
  /** Masked value. */
  readonly secret: string;
  /** Findings with this fingerprint, in all repositories. */
  readonly count: number;
  /** Sorted. */
  readonly repositories: readonly string[];
}

interface FingerprintEntry {
  readonly kind: Kind;
  readonly secret: string;
  count: number;
  /** Indexes into the repository list; reports arrive grouped by repository, so no duplicates. */
  readonly repositories: number[];
}

const zeros = <K extends string>(keys: readonly K[]): Record<K, number> =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/**
 * Merge totals, built in one pass over reports that arrive grouped by repository. Memory is one
 * entry per distinct fingerprint plus one per repository; no finding is kept.
 */
export class MergeTotals {
  reports = 0;
  findings = 0;
  readonly findingsByKind = zeros(KINDS);
  readonly findingsBySeverity = zeros(SEVERITIES);
  readonly repositories: RepositoryTotals[] = [];
  private readonly fingerprints = new Map<string, FingerprintEntry>();
  /** Fingerprints of the current repository, for its `secrets` count; cleared at the next one. */
  private current = new Set<string>();

  /** Starts a repository, or continues it when its previous report was the last one added. */
  repository(name: string): RepositoryTotals {
    const last = this.repositories.at(-1);
    if (last?.repository === name) return last;
    this.current = new Set();
    const totals: RepositoryTotals = {
      repository: name,
      reports: 0,
      findings: 0,
      secrets: 0,
      findingsByKind: zeros(KINDS),
      filesScanned: 0,
      commitsScanned: undefined,
      incomplete: false,
    };
    this.repositories.push(totals);
    return totals;
  }

  /** Counts one report's summary against its repository. */
  addReport(repository: RepositoryTotals, summary: ReportSummary): void {
    this.reports += 1;
    repository.reports += 1;
    repository.filesScanned += summary.filesScanned;
    if (summary.commitsScanned !== undefined) {
      repository.commitsScanned = (repository.commitsScanned ?? 0) + summary.commitsScanned;
    }
    repository.incomplete ||= summary.incomplete;
  }

  /** Counts one finding of the current repository. */
  addFinding(repository: RepositoryTotals, f: ReportedFinding): void {
    this.findings += 1;
    this.findingsByKind[f.kind] += 1;
    this.findingsBySeverity[f.severity satisfies ReportSeverity] += 1;
    repository.findings += 1;
    repository.findingsByKind[f.kind] += 1;
    if (!this.current.has(f.fingerprint)) {
      this.current.add(f.fingerprint);
      repository.secrets += 1;
    }
    // `shared-credentials` names a design, not a value: its fingerprint is no key to rotate.
    if (f.kind === 'shared-credentials') return;
    const index = this.repositories.length - 1;
    const entry = this.fingerprints.get(f.fingerprint);
    if (entry === undefined) {
      this.fingerprints.set(f.fingerprint, { kind: f.kind, secret: f.secret, count: 1, repositories: [index] });
      return;
    }
    entry.count += 1;
    if (entry.repositories.at(-1) !== index) entry.repositories.push(index);
  }

  /** Whether any report was incomplete. */
  get incomplete(): boolean {
    return this.repositories.some((r) => r.incomplete);
  }

  /** Fingerprints in two or more repositories, the most widespread first. */
  reusedAcrossRepositories(): CrossRepositoryReuse[] {
    const reused: CrossRepositoryReuse[] = [];
    for (const [fingerprint, entry] of this.fingerprints) {
      if (entry.repositories.length < 2) continue;
      const repositories = entry.repositories.map((i) => this.repositories[i]?.repository ?? '').sort(compareStrings);
      reused.push({ fingerprint, kind: entry.kind, secret: entry.secret, count: entry.count, repositories });
    }
    return reused.sort(
      (a, b) =>
        b.repositories.length - a.repositories.length ||
        b.count - a.count ||
        compareStrings(a.fingerprint, b.fingerprint),
    );
  }
}
