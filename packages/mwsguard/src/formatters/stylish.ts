import { KINDS, KIND_INFO } from '@mwsguard/core';
import { createStyles } from '../color.js';
import type { Styles } from '../color.js';
import { wrap } from '../wrap.js';
import { SKIP_REASONS, SUPPRESS_REASONS } from '../result.js';
import type { FileFinding, ReportSeverity, ScanResult } from '../result.js';
import { SKIP_REASON_TEXT, SUPPRESS_REASON_TEXT, plural, summarize } from '../summary.js';
import type { Summary } from '../summary.js';
import type { Renderer } from './types.js';
import { escapeControl } from '../escape.js';

// Recommendations run to several sentences; wrapped under the message column they read as a
// paragraph instead of a terminal-wide line that wraps back to column 0.
const WRAP_WIDTH = 100;
const MIN_WRAP_WIDTH = 40;
/** Reused secrets listed in the summary; the JSON report has them all. */
const MAX_REUSED = 10;
/** Places listed per reused secret. */
const MAX_PLACES = 5;

/**
 * The `stylish` format, for people: findings grouped under their file, one line each
 * (`line:col  severity  message  kind`, the message showing the masked secret), the
 * recommendation below its first finding in the file, then the summary: a headline and, when
 * there is something to say, findings by kind, skipped files by reason, suppressed findings,
 * baseline counts, reused secrets and whether the scan was incomplete.
 */
export const renderStylish: Renderer = function* (result, options) {
  const styles = createStyles(options.color);
  let first = true;
  for (const [file, findings] of groupByFile(result.findings)) {
    yield `${first ? '' : '\n\n'}${renderFile(file, findings, styles)}`;
    first = false;
  }
  if (options.quiet === true) {
    if (!first) yield '\n';
    return;
  }
  yield `${first ? '' : '\n\n'}${renderSummary(result, summarize(result), styles)}\n`;
};

function* groupByFile(findings: readonly FileFinding[]): Generator<[string, FileFinding[]]> {
  let group: FileFinding[] = [];
  for (const f of findings) {
    if (group.length > 0 && group[0]?.file !== f.file) {
      yield [group[0]?.file ?? '', group];
      group = [];
    }
    group.push(f);
  }
  if (group.length > 0) yield [group[0]?.file ?? '', group];
}

function renderFile(file: string, findings: readonly FileFinding[], s: Styles): string {
  const rows = findings.map((f) => ({ finding: f, position: `${String(f.line)}:${String(f.column)}` }));
  const positionWidth = widest(rows.map((r) => r.position));
  const severityWidth = widest(findings.map((f) => f.severity));
  const messageWidth = widest(findings.map((f) => f.message));
  const indent = ' '.repeat(2 + positionWidth + 2 + severityWidth + 2);
  const wrapWidth = Math.max(MIN_WRAP_WIDTH, WRAP_WIDTH - indent.length);
  // Two findings of one kind in a file share their advice: print it once, under the first.
  const advised = new Set<string>();
  const lines = [s.underline(escapeControl(file))];
  for (const { finding: f, position } of rows) {
    const severity = paintSeverity(f.severity, s)(f.severity.padEnd(severityWidth));
    lines.push(`  ${position.padEnd(positionWidth)}  ${severity}  ${f.message.padEnd(messageWidth)}  ${s.dim(f.kind)}`);
    if (f.commit) {
      const c = f.commit;
      const also = c.count > 1 ? `; added in ${plural(c.count, 'commit')} in all` : '';
      lines.push(
        indent +
          s.dim(
            `first added in commit ${c.sha.slice(0, 12)} by ${escapeControl(`${c.author} <${c.email}>`)} on ${c.date}${also}`,
          ),
      );
    }
    if (advised.has(f.recommendation)) continue;
    advised.add(f.recommendation);
    const advice = `${f.recommendation} See ${KIND_INFO[f.kind].docsUrl}`;
    for (const line of wrap(advice, wrapWidth)) lines.push(indent + s.dim(line));
  }
  return lines.join('\n');
}

function paintSeverity(severity: ReportSeverity, s: Styles): (text: string) => string {
  switch (severity) {
    case 'error':
      return s.red;
    case 'warning':
      return s.yellow;
    case 'info':
      return s.dim;
  }
}

function renderSummary(result: ScanResult, summary: Summary, s: Styles): string {
  const commits = summary.commitsScanned === undefined ? '' : `${plural(summary.commitsScanned, 'commit')}, `;
  const scanned = `${commits}${plural(result.filesScanned, 'file')} scanned`;
  let headline: string;
  if (result.findings.length === 0) {
    const skipped = result.filesSkipped > 0 ? `, ${String(result.filesSkipped)} skipped` : '';
    headline = s.green(`✔ No credentials found (${scanned}${skipped})`);
  } else {
    const files = new Set(result.findings.map((f) => f.file)).size;
    const found = `${plural(result.findings.length, 'finding')} in ${plural(files, 'file')}`;
    headline = s.red(s.bold(`✖ ${found} (${scanned}, ${String(result.filesSkipped)} skipped)`));
  }
  return [headline, ...detailLines(summary, s)].join('\n');
}

/** Places a reused secret is in; past five, the JSON report has the rest. */
function listPlaces(places: readonly string[]): string {
  const shown = places.slice(0, MAX_PLACES).map(escapeControl).join(', ');
  return places.length > MAX_PLACES ? `${shown} and ${String(places.length - MAX_PLACES)} more` : shown;
}

function detailLines(summary: Summary, s: Styles): string[] {
  const lines: string[] = [];
  const counted = <K extends string>(keys: readonly K[], counts: Readonly<Record<K, number>>, text: (k: K) => string) =>
    keys.filter((k) => counts[k] > 0).map((k) => `${String(counts[k])} ${text(k)}`);
  if (summary.findings > 0) lines.push(`By kind: ${counted(KINDS, summary.findingsByKind, (k) => k).join(', ')}`);
  if (summary.filesSkipped > 0) {
    lines.push(`Skipped: ${counted(SKIP_REASONS, summary.skippedByReason, (r) => SKIP_REASON_TEXT[r]).join(', ')}`);
  }
  if (summary.suppressed > 0) {
    const reasons = counted(SUPPRESS_REASONS, summary.suppressedByReason, (r) => SUPPRESS_REASON_TEXT[r]);
    lines.push(`Suppressed: ${String(summary.suppressed)} (${reasons.join(', ')})`);
  }
  if (summary.baselined > 0 || summary.staleBaselineEntries > 0) {
    const stale =
      summary.staleBaselineEntries > 0
        ? `; ${String(summary.staleBaselineEntries)} stale ${summary.staleBaselineEntries === 1 ? 'entry' : 'entries'} (--verbose lists them)`
        : '';
    lines.push(`Baseline: ${plural(summary.baselined, 'known finding')} not shown${stale}`);
  }
  for (const r of summary.reused.slice(0, MAX_REUSED)) {
    lines.push(
      `Reused: ${r.secret} (${r.kind}) in ${String(r.count)} places: ${listPlaces(r.places)}. One secret to rotate, ${String(r.count)} places to fix.`,
    );
  }
  if (summary.reused.length > MAX_REUSED) {
    lines.push(`Reused: ${String(summary.reused.length - MAX_REUSED)} more reused secrets (see --format json).`);
  }
  if (summary.incomplete) {
    lines.push(s.yellow('Scan incomplete: some files could not be read (see the warnings).'));
  }
  return lines.map((l) => `  ${l}`);
}

/** Length of the longest string; a loop, since `Math.max(...lengths)` throws past ~120k findings in a file. */
function widest(texts: readonly string[]): number {
  let width = 0;
  for (const t of texts) width = Math.max(width, t.length);
  return width;
}
