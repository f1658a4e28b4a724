/**
 * Greedy line wrapping for terminal output, in display columns. English breaks at spaces;
 * Chinese (and other wide scripts) has no spaces, so a line may also break between two wide
 * characters, never before closing punctuation (`，。：；、）」`), which stays with the character
 * before it. A wide character takes two columns, as terminals draw it.
 */

// Punctuation that must not start a line (the usual kinsoku set, full-width and ASCII closers).
const NO_LINE_START: ReadonlySet<string> = new Set(Array.from('，。、：；！？）」』】》〉…—,.;:!?)]}%'));

/** True for characters a terminal draws two columns wide (East Asian Wide and Fullwidth). */
function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf && code !== 0x303f) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}

/** Display width of a string in terminal columns. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const c of text) width += isWide(c.codePointAt(0) ?? 0) ? 2 : 1;
  return width;
}

/** A piece a line may break before: `spaced` when a space separated it from the one before. */
interface Piece {
  readonly text: string;
  readonly spaced: boolean;
}

/** Splits one space-free word next to each wide character, closing punctuation kept attached. */
function pieces(word: string, spaced: boolean): Piece[] {
  const out: Piece[] = [];
  let current = '';
  let previousWide = false;
  for (const c of word) {
    const wide = isWide(c.codePointAt(0) ?? 0);
    if (current !== '' && (wide || previousWide) && !NO_LINE_START.has(c)) {
      out.push({ text: current, spaced: out.length === 0 && spaced });
      current = '';
    }
    current += c;
    previousWide = wide;
  }
  if (current !== '') out.push({ text: current, spaced: out.length === 0 && spaced });
  return out;
}

/**
 * Wraps `text` into lines of at most `width` display columns. Runs of whitespace become one
 * space; a piece wider than `width` (a long URL) gets a line of its own.
 */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  let firstWord = true;
  for (const word of text.split(/\s+/)) {
    if (word === '') continue;
    for (const piece of pieces(word, !firstWord)) {
      const pieceWidth = displayWidth(piece.text);
      const gap = piece.spaced && line !== '' ? 1 : 0;
      if (line !== '' && lineWidth + gap + pieceWidth > width) {
        lines.push(line);
        line = piece.text;
        lineWidth = pieceWidth;
      } else {
        line += gap === 1 ? ` ${piece.text}` : piece.text;
        lineWidth += gap + pieceWidth;
      }
    }
    firstWord = false;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** `text` padded with spaces to `width` display columns. */
export function padToWidth(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/**
 * `text` cut to at most `width` display columns with `…` in the middle, so both its start (what
 * was found) and its end (the masked value's last characters, a name's tail) stay visible.
 */
export function truncateToWidth(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  const chars = Array.from(text);
  const budget = Math.max(0, width - 1);
  let head = '';
  let headWidth = 0;
  let tail = '';
  let tailWidth = 0;
  let i = 0;
  let j = chars.length - 1;
  // Alternate from both ends so the cut lands in the middle, by display width.
  while (i <= j) {
    const fromHead = headWidth <= tailWidth;
    const c = fromHead ? (chars[i] ?? '') : (chars[j] ?? '');
    const w = displayWidth(c);
    if (headWidth + tailWidth + w > budget) break;
    if (fromHead) {
      head += c;
      headWidth += w;
      i++;
    } else {
      tail = c + tail;
      tailWidth += w;
      j--;
    }
  }
  return `${head}…${tail}`;
}
