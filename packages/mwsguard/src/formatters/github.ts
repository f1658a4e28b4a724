import { KIND_INFO } from '@mwsguard/core';
import type { FileFinding, ReportSeverity } from '../result.js';
import { plural, summarize } from '../summary.js';
import type { Renderer } from './types.js';

const COMMAND: Readonly<Record<ReportSeverity, string>> = { error: 'error', warning: 'warning', info: 'notice' };

/**
 * The `github` format: one GitHub Actions workflow command per finding
 * (`::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`), which the runner turns
 * into an annotation on the line, then a plain summary line for the log. An annotation is short:
 * the rule id as title, core's one-sentence message and the kind's docs link; the full advice is
 * on that page (and in `mwsguard explain`), not repeated on every annotated line.
 */
export const renderGithub: Renderer = function* (result) {
  for (const f of result.findings) yield `${annotation(f)}\n`;
  const s = summarize(result);
  const files = new Set(result.findings.map((f) => f.file)).size;
  const found =
    s.findings === 0 ? 'no credentials found' : `${plural(s.findings, 'finding')} in ${plural(files, 'file')}`;
  const incomplete = s.incomplete ? '; scan incomplete' : '';
  yield `mwsguard: ${found} (${plural(s.filesScanned, 'file')} scanned, ${String(s.filesSkipped)} skipped${incomplete}).\n`;
};

function annotation(f: FileFinding): string {
  const properties = [
    `file=${property(f.file)}`,
    `line=${String(f.line)}`,
    `col=${String(f.column)}`,
    `endLine=${String(f.endLine)}`,
    `endColumn=${String(f.endColumn)}`,
    `title=${property(f.ruleId)}`,
  ];
  const commit = f.commit ? ` First added in commit ${f.commit.sha.slice(0, 12)} by ${f.commit.author}.` : '';
  return `::${COMMAND[f.severity]} ${properties.join(',')}::${data(`${f.message}${commit} ${KIND_INFO[f.kind].docsUrl}`)}`;
}

/** Escapes a command's message as the runner expects (`%`, CR, LF). */
const data = (text: string): string => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

/** Escapes a property value: as {@link data}, plus `:` and `,`. */
const property = (text: string): string => data(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
