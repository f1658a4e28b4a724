import { KIND_INFO } from '@mwsguard/core';
import type { Severity } from '@mwsguard/core';
import { createStyles } from '../color.js';
import type { Styles } from '../color.js';
import type { FileFinding, ScanResult } from '../result.js';
import type { Formatter } from './types.js';

// Recommendations run to several sentences; wrapped under the message column they read as a
// paragraph instead of a terminal-wide line that wraps back to column 0.
const WRAP_WIDTH = 100;
const MIN_WRAP_WIDTH = 40;

/**
 * The `stylish` format, for people: findings grouped under their file, one line each
 * (`line:col  severity  message  kind`, the message showing the masked secret), the
 * recommendation below its first finding in the file, and a summary line.
 */
export const formatStylish: Formatter = (result, options) => {
  const styles = createStyles(options.color);
  const blocks = [...groupByFile(result.findings)].map(([file, findings]) => renderFile(file, findings, styles));
  return `${[...blocks, renderSummary(result, styles)].join('\n\n')}\n`;
};

function groupByFile(findings: readonly FileFinding[]): Map<string, FileFinding[]> {
  const groups = new Map<string, FileFinding[]>();
  for (const f of findings) {
    const group = groups.get(f.file);
    if (group) group.push(f);
    else groups.set(f.file, [f]);
  }
  return groups;
}

function renderFile(file: string, findings: readonly FileFinding[], s: Styles): string {
  const rows = findings.map((f) => ({ finding: f, position: `${String(f.line)}:${String(f.column)}` }));
  const positionWidth = Math.max(...rows.map((r) => r.position.length));
  const severityWidth = Math.max(...findings.map((f) => f.severity.length));
  const messageWidth = Math.max(...findings.map((f) => f.message.length));
  const indent = ' '.repeat(2 + positionWidth + 2 + severityWidth + 2);
  const wrapWidth = Math.max(MIN_WRAP_WIDTH, WRAP_WIDTH - indent.length);
  // Two findings of one kind in a file share their advice: print it once, under the first.
  const advised = new Set<string>();
  const lines = [s.underline(file)];
  for (const { finding: f, position } of rows) {
    const severity = paintSeverity(f.severity, s)(f.severity.padEnd(severityWidth));
    lines.push(`  ${position.padEnd(positionWidth)}  ${severity}  ${f.message.padEnd(messageWidth)}  ${s.dim(f.kind)}`);
    if (advised.has(f.recommendation)) continue;
    advised.add(f.recommendation);
    const advice = `${f.recommendation} See ${KIND_INFO[f.kind].docsUrl}`;
    for (const line of wrap(advice, wrapWidth)) lines.push(indent + s.dim(line));
  }
  return lines.join('\n');
}

function paintSeverity(severity: Severity, s: Styles): (text: string) => string {
  switch (severity) {
    case 'error':
      return s.red;
    case 'warning':
      return s.yellow;
  }
}

function renderSummary(result: ScanResult, s: Styles): string {
  const scanned = `${plural(result.filesScanned, 'file')} scanned`;
  if (result.findings.length === 0) {
    const skipped = result.filesSkipped > 0 ? `, ${String(result.filesSkipped)} skipped` : '';
    return s.green(`✔ No credentials found (${scanned}${skipped})`);
  }
  const files = new Set(result.findings.map((f) => f.file)).size;
  const found = `${plural(result.findings.length, 'finding')} in ${plural(files, 'file')}`;
  return s.red(s.bold(`✖ ${found} (${scanned}, ${String(result.filesSkipped)} skipped)`));
}

const plural = (count: number, noun: string): string => `${String(count)} ${noun}${count === 1 ? '' : 's'}`;

/** Greedy word wrap; a word longer than `width` (a URL) gets a line of its own. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}
