import { KINDS, KIND_INFO } from '@mwsguard/core';
import { plural } from '../summary.js';
import type { MergeInput } from './inputs.js';
import { cell, code, cutNote, table } from './markdown.js';
import { MergeTotals } from './totals.js';
import { walkReports } from './walk.js';

/** Rows per table, so the page stays readable (and within GitHub's 1 MiB job summary). */
const MARKDOWN_MAX_ROWS = 100;

/**
 * The merged report as Markdown (a job summary, an issue, a wiki page): totals by kind, by
 * repository (most findings first) and the secrets found in more than one repository. Totals
 * only, never a finding's place: those stay in the JSON and SARIF reports. Values are masked.
 */
export function* renderMergedMarkdown(inputs: readonly MergeInput[]): Generator<string> {
  const totals = new MergeTotals();
  // The totals are all this format prints: walk the reports for them alone.
  const walk = walkReports(inputs, totals);
  while (walk.next().done !== true);
  const repositories = totals.repositories.length;
  const where = `${String(repositories)} ${repositories === 1 ? 'repository' : 'repositories'}`;
  yield `## mwsguard: ${plural(totals.findings, 'finding')} in ${where}\n\n`;
  yield `${plural(totals.reports, 'report')} merged`;
  yield totals.incomplete ? '; some scans were incomplete (see the table).\n\n' : '.\n\n';

  yield '### By kind\n\n';
  yield table(
    ['Kind', 'Findings'],
    KINDS.filter((k) => totals.findingsByKind[k] > 0).map((k) => [kindLink(k), String(totals.findingsByKind[k])]),
    [false, true],
  );

  const byFindings = [...totals.repositories].sort((a, b) => b.findings - a.findings);
  const shown = byFindings.slice(0, MARKDOWN_MAX_ROWS);
  yield '\n### By repository\n\n';
  yield table(
    ['Repository', 'Findings', 'Secrets', 'Files scanned', 'Commits scanned', 'Complete'],
    shown.map((r) => [
      cell(r.repository),
      String(r.findings),
      String(r.secrets),
      String(r.filesScanned),
      r.commitsScanned === undefined ? '–' : String(r.commitsScanned),
      r.incomplete ? 'no' : 'yes',
    ]),
    [false, true, true, true, true, false],
  );
  yield cutNote(shown.length, byFindings.length, 'see the JSON report');

  const reused = totals.reusedAcrossRepositories();
  yield '\n### The same secret in several repositories\n\n';
  if (reused.length === 0) {
    yield 'None: no fingerprint appears in more than one repository.\n';
    return;
  }
  yield 'One key to rotate for each row, wherever it appears.\n\n';
  const listed = reused.slice(0, MARKDOWN_MAX_ROWS);
  yield table(
    ['Kind', 'Value (masked)', 'Fingerprint', 'Repositories', 'Findings'],
    listed.map((r) => [
      kindLink(r.kind),
      code(r.secret),
      code(r.fingerprint.slice(0, 16)),
      `${String(r.repositories.length)}: ${r.repositories.slice(0, 5).map(cell).join(', ')}${r.repositories.length > 5 ? ', …' : ''}`,
      String(r.count),
    ]),
    [false, false, false, false, true],
  );
  yield cutNote(listed.length, reused.length, 'see the JSON report');
}

/** A kind's id linked to its docs page. */
const kindLink = (kind: (typeof KINDS)[number]): string => `[${kind}](${KIND_INFO[kind].docsUrl})`;
