import { KINDS } from '@mwsguard/core';
import type { MergeInput } from './inputs.js';
import { MergeTotals } from './totals.js';
import { walkReports, withRepository } from './walk.js';

/** `format` of the merged JSON document; `version` changes with its shape (docs/integrations/org-scale.md). */
const MERGED_FORMAT = 'mwsguard-merged-report';
const MERGED_VERSION = 1;

/**
 * The merged report as one JSON document: every finding with its `repository`, written as each
 * report is read, then the totals (by kind, severity and repository) and the fingerprints found
 * in more than one repository.
 */
export function* renderMergedJson(inputs: readonly MergeInput[]): Generator<string> {
  const totals = new MergeTotals();
  yield `{"format":"${MERGED_FORMAT}","version":${String(MERGED_VERSION)},"findings":[`;
  let first = true;
  for (const { report, repository } of walkReports(inputs, totals)) {
    for (const f of report.findings) {
      yield `${first ? '\n' : ',\n'}${JSON.stringify(withRepository(f, repository.repository))}`;
      first = false;
    }
  }
  const summary = {
    reports: totals.reports,
    repositories: totals.repositories.length,
    findings: totals.findings,
    findingsByKind: totals.findingsByKind,
    findingsBySeverity: totals.findingsBySeverity,
    byRepository: totals.repositories.map((r) => ({
      repository: r.repository,
      reports: r.reports,
      findings: r.findings,
      secrets: r.secrets,
      findingsByKind: Object.fromEntries(KINDS.map((k) => [k, r.findingsByKind[k]])),
      filesScanned: r.filesScanned,
      ...(r.commitsScanned === undefined ? {} : { commitsScanned: r.commitsScanned }),
      incomplete: r.incomplete,
    })),
    reusedAcrossRepositories: totals.reusedAcrossRepositories(),
    incomplete: totals.incomplete,
  };
  yield `${first ? '' : '\n'}],"summary":${JSON.stringify(summary)}}\n`;
}
