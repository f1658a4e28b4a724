/** Markdown helpers shared by the merged report and the GitHub Action's job summary. */

/** Escapes text for a Markdown table cell: no markup, links or HTML, and no stray `|`. */
export const cell = (text: string): string => text.replace(/[\\`*_[\]<>|#~]/g, '\\$&').replace(/\r?\n/g, ' ');

/** A Markdown table; `numeric` marks the columns to align right. */
export function table(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  numeric: readonly boolean[],
): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |\n`;
  return line(header) + line(numeric.map((n) => (n ? '---:' : '---'))) + rows.map(line).join('');
}

/** The note under a table cut to `shown` of `total` rows. */
export const cutNote = (shown: number, total: number, where: string): string =>
  total > shown ? `\n… and ${String(total - shown)} more (${where}).\n` : '';

/**
 * Text as a code span in a table cell (masked values, fingerprints): `*` needs no escaping there;
 * the delimiter is longer than any run of backticks inside, and `|` is escaped as GFM tables need.
 */
export function code(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const body = text.replace(/\r?\n/g, ' ').replaceAll('|', '\\|');
  return longest > 0 ? `${fence} ${body} ${fence}` : `${fence}${body}${fence}`;
}
