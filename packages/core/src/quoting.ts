import type { ScanContext } from './types.js';

/** Source files where a value outside quotes and comments is an expression, never a literal. */
export const CODE_PATH = /\.(?:[cm]?[jt]sx?|py|rb|php|java|cs|go|kts?|rs|swift|scala|groovy|dart)$/i;

/**
 * True when the value at `start` in a code file is bare code: not in a string literal and not in
 * a comment (`secretKey: validateSecretKeyV2` is an identifier, `a/b/c` a division). Config
 * files, logs and prose have unquoted values, so this only applies to {@link CODE_PATH} files.
 * Reads at most one line's last 300 characters.
 */
export function isBareCode(ctx: ScanContext, start: number): boolean {
  if (!ctx.isCode) return false;
  const prev = ctx.text.charAt(start - 1);
  if (prev === '"' || prev === "'" || prev === '`') return false;
  const lineStart = ctx.index.lineStart(ctx.index.lineOf(start));
  // On a longer line the window may start inside a string: quote parity would lie, so only a
  // value on a line we can read whole is judged bare.
  if (start - lineStart > 300) return /[:=,(!&|?]/.test(prev); // minified: `secretKey:validateKeyV2`
  const before = ctx.text.slice(lineStart, start);
  let quote = '';
  for (let i = 0; i < before.length; i++) {
    const c = before.charAt(i);
    if (quote !== '') {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '#' || (c === '/' && (before.charAt(i + 1) === '/' || before.charAt(i + 1) === '*'))) return false;
    else if (c === '*' && before.slice(0, i).trim() === '')
      return false; // a block comment's body
    else if (c === '-' && before.charAt(i + 1) === '-' && before.slice(0, i).trim() === '') return false;
  }
  return quote === '';
}

/**
 * Walks code one character at a time (parameter lists and bodies in `parameter-bindings.ts`, a
 * statement's end in `assignments.ts`), knowing whether the character it stands on is quoted
 * (inside a string, or a line comment: neither is code). A `'` or `"` string ends at its line's
 * end at the latest, so that a quote in a comment or a typo never swallows what follows.
 */
export class CodeScanner {
  readonly #text: string;
  #quote = '';
  #comment = false;
  /** Whether the character `next` stopped on is quoted (a string's or a comment's). */
  quoted = false;

  /** Whether the character `next` stopped on is in a line comment. */
  get inComment(): boolean {
    return this.#comment;
  }

  /** Whether a string is open where `next` stopped (at a line's end: one still unclosed there). */
  get inString(): boolean {
    return this.#quote !== '';
  }

  constructor(text: string) {
    this.#text = text;
  }

  /** Reads the character at `i` and returns the index of the next one to read. */
  next(i: number): number {
    const text = this.#text;
    const c = text[i];
    if (c === '\n') {
      this.#comment = false;
      if (this.#quote !== '`') this.#quote = '';
    } else if (this.#comment) {
      /* the rest of a line comment */
    } else if (this.#quote !== '') {
      if (c === '\\') return this.#stand(i + 2);
      if (c === this.#quote) this.#quote = '';
    } else if (c === '"' || c === "'" || c === '`') this.#quote = c;
    else if ((c === '/' && text[i + 1] === '/') || (c === '#' && /\s|^$/.test(text[i - 1] ?? ''))) this.#comment = true;
    return this.#stand(i + 1);
  }

  /** Says whether the character at `i` is quoted, as `next` will read it. */
  #stand(i: number): number {
    const c = this.#text[i];
    this.quoted =
      this.#comment ||
      (this.#quote !== '' && c !== '\n') ||
      (this.#quote === '' && (c === '"' || c === "'" || c === '`'));
    return i;
  }
}
