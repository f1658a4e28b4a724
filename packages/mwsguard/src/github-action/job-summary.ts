import { KIND_INFO } from '@mwsguard/core';
import type { Kind } from '@mwsguard/core';
import { compareStrings } from '../result.js';
import type { ReportedFinding } from '../result.js';
import { cell, code, cutNote, table } from '../report-merge/markdown.js';
import type { Report } from '../report-merge/read-report.js';
import { plural } from '../summary.js';
import type { Mode } from './inputs.js';

/** Rows of the table at most: a job summary holds 1 MiB, and a long table helps nobody. */
const SUMMARY_MAX_ROWS = 200;

/** What the summary says besides the report. */
export interface SummaryContext {
  readonly mode: Mode;
  /** `pull-request` mode: the revision the scan started from. */
  readonly since?: string | undefined;
  readonly exitCode: number;
  /** `https://github.com/owner/repo`, to link files; absent outside a workflow. */
  readonly repositoryUrl?: string | undefined;
  /** The commit the working tree is at (`GITHUB_SHA`). */
  readonly sha?: string | undefined;
}

const SCOPE: Readonly<Record<Mode, string>> = {
  'working-tree': 'the working tree',
  'pull-request': "the pull request's commits",
  history: 'the whole history',
};

interface Row {
  readonly kind: Kind;
  readonly file: string;
  readonly lines: number[];
  readonly secrets: Set<string>;
  readonly first: ReportedFinding;
}

/**
 * The job summary (`GITHUB_STEP_SUMMARY`): a headline, then one row per kind and file with the
 * lines and the masked values, the kind linked to its docs page and the file to its line.
 * Nothing in it is a whole secret: values are the report's masked ones.
 */
export function renderJobSummary(report: Report, context: SummaryContext): string {
  const rows = new Map<string, Row>();
  for (const f of report.findings) {
    const key = `${f.kind}\0${f.file}`;
    const row = rows.get(key);
    if (row === undefined)
      rows.set(key, { kind: f.kind, file: f.file, lines: [f.line], secrets: new Set([f.secret]), first: f });
    else {
      row.lines.push(f.line);
      row.secrets.add(f.secret);
    }
  }
  const files = new Set(report.findings.map((f) => f.file)).size;
  const since = context.since === undefined ? '' : ` since ${code(context.since.slice(0, 12))}`;
  const scanned = [
    plural(report.summary.filesScanned, 'file'),
    ...(report.summary.commitsScanned === undefined ? [] : [plural(report.summary.commitsScanned, 'commit')]),
  ].join(' in ');
  let text = `### mwsguard: ${report.findings.length === 0 ? 'no credentials found' : `${plural(report.findings.length, 'finding')} in ${plural(files, 'file')}`}\n\n`;
  text += `Scanned ${SCOPE[context.mode]}${since}: ${scanned}.`;
  if (report.summary.incomplete) text += ' **The scan is incomplete**: some files could not be read (see the log).';
  text += '\n';
  if (rows.size > 0) {
    const sorted = [...rows.values()].sort((a, b) => compareStrings(a.file, b.file) || compareStrings(a.kind, b.kind));
    const shown = sorted.slice(0, SUMMARY_MAX_ROWS);
    text += '\n';
    text += table(
      ['Kind', 'File', 'Findings', 'Lines', 'Values (masked)'],
      shown.map((row) => [
        `[${row.kind}](${KIND_INFO[row.kind].docsUrl})`,
        fileLink(row, context),
        String(row.lines.length),
        row.lines.slice(0, 10).join(', ') + (row.lines.length > 10 ? ', …' : ''),
        [...row.secrets].slice(0, 3).map(code).join(' ') + (row.secrets.size > 3 ? ' …' : ''),
      ]),
      [false, false, true, false, false],
    );
    text += cutNote(shown.length, sorted.length, 'see the SARIF file or the log');
  }
  text += `\nExit code ${String(context.exitCode)}: ${EXIT_MEANING[context.exitCode] ?? 'error'}.\n`;
  return text;
}

const EXIT_MEANING: Readonly<Record<number, string>> = {
  0: 'nothing at or above the fail-on level',
  1: 'findings at or above the fail-on level',
  2: 'usage or configuration error',
  3: 'incomplete scan',
};

/** The file, linked to its first line at the commit that holds it, when the repository is known. */
function fileLink(row: Row, context: SummaryContext): string {
  const ref = row.first.commit?.sha ?? context.sha;
  if (context.repositoryUrl === undefined || ref === undefined) return cell(row.file);
  const path = row.file.split('/').map(encodeURIComponent).join('/');
  return `[${cell(row.file)}](${context.repositoryUrl}/blob/${ref}/${path}#L${String(row.first.line)})`;
}
