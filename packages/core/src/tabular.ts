import type { LineIndex } from './locate.js';

/**
 * CSV/TSV exports (credentials.csv from IAM, seller lists from a spreadsheet): values are bound
 * to the header cell of their column. Quoted cells may hold the delimiter (`"Acme, Inc."`).
 */

const DELIMITERS = [',', '\t', ';', '|'] as const;
const CSV_PATH = /\.(?:csv|tsv)$/i;
/** Longest header line and longest first row read when telling a tabular text by its content. */
const MAX_HEADER = 2000;
const MAX_SECOND_LINE = 4000;

/** One header cell: its text (unquoted, trimmed) and the offset of its first character. */
export interface HeaderCell {
  readonly text: string;
  readonly start: number;
}

/** Splits one line into cells, honouring double quotes. Offsets are relative to the line. */
export function splitCells(line: string, delimiter: string): HeaderCell[] {
  const cells: HeaderCell[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i <= line.length; i++) {
    const c = line.charAt(i);
    if (c === '"') quoted = !quoted;
    else if (i === line.length || (c === delimiter && !quoted)) {
      const raw = line.slice(start, i);
      const lead = raw.length - raw.trimStart().length + (raw.trimStart().startsWith('"') ? 1 : 0);
      cells.push({ text: raw.trim().replace(/^"|"$/g, ''), start: start + lead });
      start = i + 1;
    }
  }
  return cells;
}

/**
 * Header names of the values of a tabular text. The header and each row's cell boundaries are
 * computed once, so a row with thousands of values costs one pass, not one pass per value.
 */
export class TabularIndex {
  #header: HeaderCell[] | undefined;
  readonly #rows = new Map<number, number[]>();

  constructor(
    private readonly text: string,
    private readonly index: LineIndex,
    private readonly delimiter: string,
  ) {}

  /** The header cell above the value at `offset`; nothing on the header line itself. */
  headerName(offset: number): string | undefined {
    const line = this.index.lineOf(offset);
    if (line === 0) return undefined;
    this.#header ??= splitCells(this.text.slice(0, this.index.lineEnd(0, this.text)), this.delimiter);
    let delimiters = this.#rows.get(line);
    if (delimiters === undefined) {
      delimiters = [];
      let quoted = false;
      for (let i = this.index.lineStart(line), end = this.index.lineEnd(line, this.text); i < end; i++) {
        const c = this.text.charAt(i);
        if (c === '"') quoted = !quoted;
        else if (c === this.delimiter && !quoted) delimiters.push(i);
      }
      this.#rows.set(line, delimiters);
    }
    // The cell index is the number of delimiters before the value.
    let lo = 0;
    for (let hi = delimiters.length; lo < hi;) {
      const mid = (lo + hi) >> 1;
      if ((delimiters[mid] ?? 0) < offset) lo = mid + 1;
      else hi = mid;
    }
    return this.#header[lo]?.text;
  }
}

/**
 * The delimiter of a tabular text, or `undefined`. `.csv`/`.tsv` files are tabular; other files
 * are when their first two lines have the same number (at least 2) of the same delimiter and the
 * header reads like column names (no `=`, `:` or braces), as in a `.txt` export.
 */
export function detectTabular(text: string, path: string): string | undefined {
  // Only the first 2,001 characters are searched: a longer header is never tabular, and a
  // minified file would otherwise be read to its end for a line break it does not have.
  const firstEnd = text.slice(0, MAX_HEADER + 1).search(/\r?\n|\r/);
  const header = firstEnd === -1 ? text : text.slice(0, firstEnd);
  if (header.length > MAX_HEADER) return undefined;
  const count = (line: string, d: string): number => splitCells(line, d).length - 1;
  const best = DELIMITERS.reduce((a, d) => (count(header, d) > count(header, a) ? d : a));
  if (CSV_PATH.test(path)) return best;
  if (firstEnd === -1 || count(header, best) < 2 || /[={}:]/.test(header)) return undefined;
  const rest = text.slice(firstEnd).replace(/^[\r\n]+/, '');
  const secondEnd = rest.slice(0, MAX_SECOND_LINE + 1).search(/\r?\n|\r/);
  const second = secondEnd === -1 ? rest : rest.slice(0, secondEnd);
  return second.length <= MAX_SECOND_LINE && count(second, best) === count(header, best) ? best : undefined;
}
