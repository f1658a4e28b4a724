/** 1-based line and column (UTF-16 code units, as editors and ESLint count them). */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/**
 * Maps string offsets to line/column. Line starts are computed once per text, so each lookup is
 * a binary search: the hot path never splits the text into lines. `\r\n`, `\n` and `\r` all end
 * a line.
 */
export class LineIndex {
  readonly #text: string;
  #lines: number[] | undefined;

  constructor(text: string) {
    this.#text = text;
  }

  /** Line starts, computed on first use: a text with nothing to report never needs them. */
  get #starts(): number[] {
    return (this.#lines ??= lineStarts(this.#text));
  }

  /** Number of lines. */
  get lineCount(): number {
    return this.#starts.length;
  }

  /** 0-based index of the line holding `offset`. */
  lineOf(offset: number): number {
    const starts = this.#starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Offset of the first character of 0-based line `line`. */
  lineStart(line: number): number {
    return this.#starts[Math.max(0, Math.min(line, this.#starts.length - 1))] ?? 0;
  }

  /** Offset just past the last character of 0-based line `line`, before its line break. */
  lineEnd(line: number, text: string): number {
    let end = line + 1 < this.#starts.length ? (this.#starts[line + 1] ?? text.length) : text.length;
    while (end > this.lineStart(line) && (text.charCodeAt(end - 1) === 10 || text.charCodeAt(end - 1) === 13)) end--;
    return end;
  }

  /** 1-based position of `offset`. */
  position(offset: number): Position {
    const line = this.lineOf(offset);
    return { line: line + 1, column: offset - (this.#starts[line] ?? 0) + 1 };
  }
}

/** Offsets where lines start: 0, then after every `\r\n`, `\n` and `\r`. */
function lineStarts(text: string): number[] {
  const starts = [0];
  if (!text.includes('\r')) {
    // The common case: native `indexOf` finds `\n` far faster than a loop over every character.
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  // `\r` too: the next of each break found the same way, the earlier one taken first.
  let nl = text.indexOf('\n');
  let cr = text.indexOf('\r');
  while (cr !== -1) {
    if (nl !== -1 && nl < cr) {
      starts.push(nl + 1);
      nl = text.indexOf('\n', nl + 1);
      continue;
    }
    // `\r\n` is one break: then `nl` is `cr + 1`.
    const end = nl === cr + 1 ? cr + 2 : cr + 1;
    starts.push(end);
    if (end === cr + 2) nl = text.indexOf('\n', end);
    cr = text.indexOf('\r', cr + 1);
  }
  for (; nl !== -1; nl = text.indexOf('\n', nl + 1)) starts.push(nl + 1);
  return starts;
}
