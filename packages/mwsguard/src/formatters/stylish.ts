import { DOCS_BASE_URL, KINDS, KIND_INFO, renderAdvice, renderFinding } from '@mwsguard/core';
import type { Kind, MessageFacts } from '@mwsguard/core';
import { createStyles } from '../color.js';
import type { Styles } from '../color.js';
import { displayWidth, padToWidth, truncateToWidth, wrap } from '../wrap.js';
import { SKIP_REASONS, SUPPRESS_REASONS } from '../result.js';
import type { FileFinding, ReportSeverity, ScanResult } from '../result.js';
import { summarize } from '../summary.js';
import type { Summary } from '../summary.js';
import { ignoreComment, stylishTexts } from './stylish-texts.js';
import type { StylishTexts } from './stylish-texts.js';
import type { Renderer } from './types.js';

/** Widest finding line: a terminal, an editor's output pane or a CI log shows it unwrapped. */
const LINE_WIDTH = 120;
// Advice is wrapped narrower: it reads as a paragraph rather than a terminal-wide line.
const WRAP_WIDTH = 100;
const MIN_WRAP_WIDTH = 40;
/** Reused secrets listed in the summary; the JSON report has them all. */
const MAX_REUSED = 10;
/** Places listed per reused secret. */
const MAX_PLACES = 5;
/** Where the three ways to silence a false positive are documented. */
const FALSE_POSITIVES_URL = `${DOCS_BASE_URL}/guide/configuration.md#inline-ignores`;

/**
 * The `stylish` format, for people in a failing hook: findings grouped under their file, one line
 * each (`line:col  severity  what was found  kind`, the value masked, the line within 120
 * columns); then, once per kind present, what to do instead and the kind's docs link, each piece
 * of advice printed once even when several kinds share it; then the summary and how to silence a
 * false positive. `--verbose` prints each finding's advice under it instead.
 */
export const renderStylish: Renderer = function* (result, options) {
  const styles = createStyles(options.color);
  const texts = stylishTexts(options.locale);
  const verbose = options.verbose === true;
  let first = true;
  for (const [file, findings] of groupByFile(result.findings)) {
    yield `${first ? '' : '\n\n'}${renderFile(file, findings, { styles, texts, verbose, locale: options.locale })}`;
    first = false;
  }
  if (options.quiet === true) {
    if (!first) yield '\n';
    return;
  }
  if (!first && !verbose) yield `\n\n${renderAdviceBlocks(result.findings, texts, options.locale, styles)}`;
  yield `${first ? '' : '\n\n'}${renderSummary(result, summarize(result), texts, styles)}\n`;
};

interface FileContext {
  readonly styles: Styles;
  readonly texts: StylishTexts;
  readonly verbose: boolean;
  readonly locale: string | undefined;
}

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

/** A masked value shortened for a report line: `kl3V****…****Vkno` → `kl3V…Vkno`. */
const compactMask = (masked: string): string => masked.replace(/\*{2,}/, '…');

/**
 * What was found, as the report line shows it: core's finding clause in the report's language,
 * within `width` columns. A long line first shows its masked value compacted, then is cut in
 * the middle; it never shows more of a secret than the mask does.
 */
function findingText(f: FileFinding, width: number, locale: string | undefined): string {
  const facts: MessageFacts = f.messageFacts;
  const text = renderFinding(facts, locale);
  if (displayWidth(text) <= width) return text;
  const compact =
    f.kind === 'shared-credentials' ? text : renderFinding({ ...facts, masked: compactMask(facts.masked) }, locale);
  return truncateToWidth(compact, width);
}

function renderFile(file: string, findings: readonly FileFinding[], ctx: FileContext): string {
  const { styles: s, texts, verbose, locale } = ctx;
  const positions = findings.map((f) => `${String(f.line)}:${String(f.column)}`);
  const positionWidth = Math.max(...positions.map((p) => p.length));
  const severityWidth = Math.max(...findings.map((f) => f.severity.length));
  const kindWidth = Math.max(...findings.map((f) => f.kind.length));
  const indent = ' '.repeat(2 + positionWidth + 2 + severityWidth + 2);
  // The message column takes what the position, severity and kind columns leave of the line.
  const room = Math.max(MIN_WRAP_WIDTH, LINE_WIDTH - indent.length - 2 - kindWidth);
  const messages = findings.map((f) => findingText(f, room, locale));
  const messageWidth = Math.max(...messages.map(displayWidth));
  const wrapWidth = Math.max(MIN_WRAP_WIDTH, WRAP_WIDTH - indent.length);
  const lines = [s.underline(file)];
  findings.forEach((f, i) => {
    const severity = paintSeverity(f.severity, s)(f.severity.padEnd(severityWidth));
    const position = (positions[i] ?? '').padEnd(positionWidth);
    lines.push(`  ${position}  ${severity}  ${padToWidth(messages[i] ?? '', messageWidth)}  ${s.dim(f.kind)}`);
    if (f.commit) {
      const c = f.commit;
      lines.push(indent + s.dim(texts.firstAdded(c.sha.slice(0, 12), c.author, c.email, c.date, c.count)));
    }
    if (!verbose) return;
    for (const line of wrap(f.recommendation, wrapWidth)) lines.push(indent + s.dim(line));
    lines.push(indent + s.dim(`${texts.see} ${KIND_INFO[f.kind].docsUrl}`));
  });
  return lines.join('\n');
}

/**
 * One block per kind present: its advice, less any piece an earlier block already printed (the
 * type-B paragraph is shared by three kinds), and its docs link.
 */
function renderAdviceBlocks(
  findings: readonly FileFinding[],
  texts: StylishTexts,
  locale: string | undefined,
  s: Styles,
): string {
  const present = new Set<Kind>(findings.map((f) => f.kind));
  const printed = new Set<string>();
  const indent = '    ';
  const lines = [s.bold(texts.adviceHeading)];
  // Type A first: its block carries the Seller ID + MWS Auth Token steps the key kinds share.
  const order: readonly Kind[] = ['shared-credentials', ...KINDS.filter((k) => k !== 'shared-credentials')];
  for (const kind of order.filter((k) => present.has(k))) {
    const pieces = renderAdvice(kind, locale).filter((p) => !printed.has(p.id));
    for (const p of pieces) printed.add(p.id);
    lines.push(`  ${kind}`);
    const paragraph = pieces.map((p) => p.text).join(texts.comma === '，' ? '' : ' ');
    for (const line of wrap(paragraph, WRAP_WIDTH - indent.length)) lines.push(indent + line);
    lines.push(indent + s.dim(`${texts.see} ${KIND_INFO[kind].docsUrl}`));
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

function renderSummary(result: ScanResult, summary: Summary, texts: StylishTexts, s: Styles): string {
  const counts = {
    findings: result.findings.length,
    files: new Set(result.findings.map((f) => f.file)).size,
    scanned: result.filesScanned,
    skipped: result.filesSkipped,
    commits: summary.commitsScanned,
  };
  const headline = result.findings.length === 0 ? s.green(texts.clean(counts)) : s.red(s.bold(texts.found(counts)));
  const footer: string[] = [];
  const first = result.findings[0];
  if (first !== undefined) footer.push(texts.falsePositive(ignoreComment(first.file)), s.dim(FALSE_POSITIVES_URL));
  // Long summary lines (every kind, a reused secret's places) wrap under their first word.
  const details = [...detailLines(summary, texts, s), ...footer].flatMap((line) =>
    (Array.isArray(line) ? line : wrap(line, LINE_WIDTH - 2)).map((l, i) => `${i === 0 ? '  ' : '    '}${l}`),
  );
  return [headline, ...details].join('\n');
}

/** Places a reused secret is in; past five, the JSON report has the rest. */
function listPlaces(places: readonly string[], texts: StylishTexts): string {
  const shown = places.slice(0, MAX_PLACES).join(', ');
  return places.length > MAX_PLACES ? texts.andMore(shown, places.length - MAX_PLACES) : shown;
}

/** `label` and counted items, broken between items (never inside `1 shared-credentials`). */
function itemLines(label: string, items: readonly string[], comma: string): string[] {
  const lines: string[] = [];
  let line = label;
  items.forEach((item, i) => {
    const piece = `${item}${i < items.length - 1 ? comma.trimEnd() : ''}`;
    const gap = line === label || comma.trim() !== comma ? (line === label ? '' : ' ') : '';
    if (line !== label && displayWidth(line) + gap.length + displayWidth(piece) > LINE_WIDTH - 4) {
      lines.push(line);
      line = piece;
    } else line += `${gap}${piece}`;
  });
  lines.push(line);
  return lines;
}

/** The summary's detail lines; an array is one item already broken into lines. */
function detailLines(summary: Summary, texts: StylishTexts, s: Styles): (string | string[])[] {
  const lines: (string | string[])[] = [];
  const items = <K extends string>(keys: readonly K[], counts: Readonly<Record<K, number>>, text: (k: K) => string) =>
    keys.filter((k) => counts[k] > 0).map((k) => `${String(counts[k])} ${text(k)}`);
  const counted = <K extends string>(keys: readonly K[], counts: Readonly<Record<K, number>>, text: (k: K) => string) =>
    items(keys, counts, text).join(texts.comma);
  if (summary.findings > 0) {
    lines.push(
      itemLines(
        texts.byKind,
        items(KINDS, summary.findingsByKind, (k) => k),
        texts.comma,
      ),
    );
  }
  if (summary.filesSkipped > 0) {
    lines.push(`${texts.skipped}${counted(SKIP_REASONS, summary.skippedByReason, (r) => texts.skipReasons[r])}`);
  }
  if (summary.suppressed > 0) {
    const reasons = counted(SUPPRESS_REASONS, summary.suppressedByReason, (r) => texts.suppressReasons[r]);
    lines.push(texts.suppressed(summary.suppressed, reasons));
  }
  if (summary.baselined > 0 || summary.staleBaselineEntries > 0) {
    lines.push(texts.baseline(summary.baselined, summary.staleBaselineEntries));
  }
  for (const r of summary.reused.slice(0, MAX_REUSED)) {
    lines.push(texts.reused(r.secret, r.kind, r.count, listPlaces(r.places, texts)));
  }
  if (summary.reused.length > MAX_REUSED) lines.push(texts.moreReused(summary.reused.length - MAX_REUSED));
  if (summary.incomplete) lines.push(s.yellow(texts.incomplete));
  return lines;
}
