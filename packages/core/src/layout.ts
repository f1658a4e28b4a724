/**
 * The structure of a text as brackets, indentation, list items and INI/TOML sections: enough to
 * tell which field names belong to one record in any language, computed in two linear passes.
 */
import {
  ASCII_END,
  ASTERISK,
  BACKSLASH,
  BACKTICK,
  CARRIAGE_RETURN,
  CLOSE_BRACE,
  CLOSE_BRACKET,
  CLOSE_PAREN,
  DOUBLE_QUOTE,
  HASH,
  HYPHEN,
  LESS_THAN,
  LINE_FEED,
  NO_BREAK_SPACE,
  OPEN_BRACE,
  OPEN_BRACKET,
  OPEN_PAREN,
  SEMICOLON,
  SINGLE_QUOTE,
  SLASH,
  SPACE,
  TAB,
  isWordChar,
} from './char-codes.js';
import type { LineIndex } from './locate.js';
import { trimChars } from './strings.js';

/** Bracket containers, indentation parents, list items and sections, computed once per text. */
// A non-blank character (`#firstInk`); a global regex, searched from a line's start.
const INK = /\S/g;

export class Layout {
  // Container changes in text order, two per bracket pair in typed arrays (a minified bundle has
  // millions of brackets): an opener at `o` makes an event at `o + 1` whose `#eventRef` is its
  // closer (-1: never closed); a closer at `c` makes one at `c + 1` whose `#eventRef` is the
  // container it returns to (-1: none). The text tells them apart: `text[offset - 1]`.
  #eventOffset = new Int32Array(1024);
  #eventRef = new Int32Array(1024);
  #events = 0;
  readonly #lineParent: Int32Array;
  readonly #lineItem: Int32Array;
  readonly #lineSection: Int32Array;
  #forms: number[] | undefined;
  /** Per line, the offset of its first non-blank character (or its end), read once (`#firstInk`). */
  readonly #inkAt = new Map<number, number>();

  constructor(
    private readonly text: string,
    private readonly index: LineIndex,
  ) {
    const n = index.lineCount;
    this.#lineParent = new Int32Array(n).fill(-1);
    this.#lineItem = new Int32Array(n).fill(-1);
    this.#lineSection = new Int32Array(n).fill(-1);
    this.#scanBrackets();
    this.#scanIndentation();
  }

  #scanBrackets(): void {
    const { text } = this;
    // Event indexes of the open brackets, innermost last (`depth` of them).
    let stack = new Int32Array(256);
    let depth = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      // Most characters are none of the ones below: one table lookup sends them on.
      if (c >= ASCII_END || BRACKET_SCAN[c] !== 1) continue;
      if (c === DOUBLE_QUOTE || c === BACKTICK || (c === SINGLE_QUOTE && !isWordChar(text.charCodeAt(i - 1)))) {
        // The loop goes on after the character that ended the quoted text.
        i = quotedEnd(text, i + 1, c);
      } else if (
        (c === HASH || (c === SLASH && text.charCodeAt(i + 1) === SLASH)) &&
        (i === 0 || isSpace(text.charCodeAt(i - 1)))
      ) {
        const nl = text.indexOf('\n', i);
        i = (nl === -1 ? text.length : nl) - 1;
      } else if (isOpener(c)) {
        if (depth === stack.length) {
          const grown = new Int32Array(depth * 2);
          grown.set(stack);
          stack = grown;
        }
        stack[depth++] = this.#events;
        this.#addEvent(i + 1, -1);
      } else if (c === CLOSE_BRACE || c === CLOSE_PAREN || c === CLOSE_BRACKET) {
        const open = c === CLOSE_BRACE ? OPEN_BRACE : c === CLOSE_PAREN ? OPEN_PAREN : OPEN_BRACKET;
        // Look at most 3 levels down: mismatched brackets in prose must not cost a stack walk.
        let match = -1;
        for (let k = depth - 1; k >= Math.max(0, depth - 3); k--) {
          if (text.charCodeAt((this.#eventOffset[stack[k] ?? 0] ?? 0) - 1) === open) {
            match = k;
            break;
          }
        }
        if (match !== -1) {
          this.#eventRef[stack[match] ?? 0] = i;
          depth = match;
          const top = depth > 0 ? (stack[depth - 1] ?? -1) : -1;
          this.#addEvent(i + 1, top === -1 ? -1 : (this.#eventOffset[top] ?? 0) - 1);
        }
      }
    }
  }

  #addEvent(offset: number, ref: number): void {
    if (this.#events === this.#eventOffset.length) {
      const offsets = new Int32Array(this.#events * 2);
      offsets.set(this.#eventOffset);
      this.#eventOffset = offsets;
      const refs = new Int32Array(this.#events * 2);
      refs.set(this.#eventRef);
      this.#eventRef = refs;
    }
    this.#eventOffset[this.#events] = offset;
    this.#eventRef[this.#events] = ref;
    this.#events++;
  }

  #scanIndentation(): void {
    const { text, index } = this;
    // The open indentation frames, outermost first: indent, line and list item of each.
    const indents: number[] = [];
    const lines: number[] = [];
    const items: number[] = [];
    let section = -1;
    // The indents of the open MyBatis dynamic-SQL tags (`<if test="…">`, `<when>`, `<otherwise>`)
    // that sit alone on their lines: a condition around one column, not a record of its own.
    const wraps: number[] = [];
    for (let l = 0; l < index.lineCount; l++) {
      // Read like `lineText(l)`: the first 200 characters of the line.
      const start = index.lineStart(l);
      const end = Math.min(start + 200, index.lineEnd(l, text));
      let i = start;
      while (i < end && isJsSpace(text.charCodeAt(i))) i++;
      const raw = i - start;
      const c = text.charCodeAt(i);
      const next = i + 1 < end ? text.charCodeAt(i + 1) : -1;
      if (
        i === end ||
        c === HASH ||
        c === SEMICOLON ||
        c === ASTERISK ||
        (c === SLASH && next === SLASH) ||
        (c === HYPHEN && next === HYPHEN)
      ) {
        // Blank and comment lines belong to the frame around them.
        this.#lineSection[l] = section;
        this.#lineParent[l] = lines.length > 0 ? (lines[lines.length - 1] ?? -1) : -1;
        continue;
      }
      if (raw === 0 && c === OPEN_BRACKET && /^\[[^\]]+\]\]?\s*$/.test(text.slice(start, end).trim())) {
        section = l;
        indents.length = 0;
        lines.length = 0;
        items.length = 0;
        this.#lineSection[l] = section;
        continue;
      }
      const wrap = c === LESS_THAN ? dynamicSqlTag(text.slice(i, end)) : 0;
      if (wrap !== 0) {
        // The tag's lines belong to the frame around them, and the columns inside line up with it.
        if (wrap === 1) wraps.push(raw);
        else wraps.pop();
        this.#lineSection[l] = section;
        this.#lineParent[l] = lines.length > 0 ? (lines[lines.length - 1] ?? -1) : -1;
        continue;
      }
      // A list item's `- ` counts as indentation: its keys line up with the text after it.
      let dash = 0;
      if (c === HYPHEN && next === SPACE) {
        dash = 1;
        while (i + dash < end && text.charCodeAt(i + dash) === SPACE) dash++;
      }
      const outer = wraps[0];
      const indent = outer !== undefined && raw + dash > outer ? outer : raw + dash;
      let item = dash > 0 ? l : -1;
      while (indents.length > 0 && (indents[indents.length - 1] ?? 0) >= indent) {
        const topIndent = indents.pop();
        lines.pop();
        const topItem = items.pop() ?? -1;
        if (topIndent === indent && item === -1) item = topItem;
      }
      this.#lineParent[l] = lines.length > 0 ? (lines[lines.length - 1] ?? -1) : -1;
      this.#lineItem[l] = item;
      this.#lineSection[l] = section;
      indents.push(indent);
      lines.push(l);
      items.push(item);
    }
  }

  /**
   * Offset of the last `<form` tag before `offset`, or -1 (HTML forms are one record). A client-side
   * template (knockout `<script type="text/html">`, Vue `text/x-template`) is one form too.
   */
  formBefore(offset: number): number {
    this.#forms ??= [
      ...this.text.matchAll(
        /<(?:[a-z]{1,4}-)?form\b|\bBeginForm\b|\bForm::open\b|\$this->Form->create\b|\bform_open|\b(?:simple_)?form_(?:for|with|tag)\b|<script\s[^>]{0,80}\btype\s*=\s*["']text\/(?:html|x-template|ng-template)["']/gi,
      ),
    ].map((m) => m.index);
    let found = -1;
    for (let lo = 0, hi = this.#forms.length - 1; lo <= hi;) {
      const mid = (lo + hi) >> 1;
      const f = this.#forms[mid] ?? 0;
      if (f < offset) {
        found = f;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  /** Innermost open bracket at `offset` (binary search over bracket events). */
  containerAt(offset: number): number {
    const at = lastAtOrBefore(this.#eventOffset, this.#events, offset);
    if (at === -1) return -1;
    const opener = (this.#eventOffset[at] ?? 0) - 1;
    return isOpener(this.text.charCodeAt(opener)) ? opener : (this.#eventRef[at] ?? -1);
  }

  /** Offset of the bracket that closes the one opened at `opener`. */
  closerOf(opener: number): number | undefined {
    const at = lastAtOrBefore(this.#eventOffset, this.#events, opener + 1);
    if (at === -1 || this.#eventOffset[at] !== opener + 1 || !isOpener(this.text.charCodeAt(opener))) return undefined;
    const closer = this.#eventRef[at] ?? -1;
    return closer === -1 ? undefined : closer;
  }

  /** Offset of the bracket enclosing the one opened at `opener`, or -1: the container just before it. */
  #parentOf(opener: number): number {
    return this.containerAt(opener);
  }

  /**
   * The text before a bracket on its line (its last 100 characters), or, for a bracket alone on
   * its line (Allman style: `public class Store` above `{`), the line above it.
   */
  #headOf(opener: number): string {
    const line = this.index.lineOf(opener);
    // Only the last 100 characters are sliced, and whether anything stands before the bracket is
    // read from the line's first non-blank character, found once per line: trimming the whole
    // head at every bracket of a minified line cost its length at each one (quadratic).
    const start = this.index.lineStart(line);
    if (line === 0 || this.#firstInk(line) < opener) return this.text.slice(Math.max(start, opener - 100), opener);
    const above = this.index.lineStart(line - 1);
    const end = this.index.lineEnd(line - 1, this.text);
    return this.text.slice(Math.max(above, end - 100), end);
  }

  /** Offset of the first non-blank character of `line`, or its end. */
  #firstInk(line: number): number {
    let at = this.#inkAt.get(line);
    if (at === undefined) {
      const end = this.index.lineEnd(line, this.text);
      INK.lastIndex = this.index.lineStart(line);
      const m = INK.exec(this.text);
      at = m === null || m.index > end ? end : m.index;
      this.#inkAt.set(line, at);
    }
    return at;
  }

  /** The first 200 characters of a line: enough to name a record, bounded on minified lines. */
  lineText(line: number): string {
    const start = this.index.lineStart(line);
    return this.text.slice(start, Math.min(start + 200, this.index.lineEnd(line, this.text)));
  }

  describe(
    offset: number,
    prefix: string,
  ): { record: string; collection: string; recordName: string; parentRecord: string; grandparentRecord?: string } {
    const line = this.index.lineOf(offset);
    const container = this.containerAt(offset);
    const section = this.#lineSection[line] ?? -1;
    const sectionText = section >= 0 ? this.lineText(section) : '';
    if (container >= 0) {
      const fullHead = this.#headOf(container);
      const head = lastClause(fullHead);
      const parent = this.#parentOf(container);
      const parentHead = parent >= 0 ? lastClause(this.#headOf(parent)) : '';
      const keyed =
        // eslint-disable-next-line regexp/no-super-linear-move -- `fullHead` is at most 100 characters
        /["']?([\w$-]+)["']?\s*[:=]\s*$|["']([\w$-]+)["']\s*,\s*$/.exec(fullHead)?.slice(1).find(Boolean) ?? '';
      const item = this.#lineItem[line] ?? -1;
      // A schema builder names its table before the closure: `Schema::create('sellers', function (…) {`.
      const table = /\b(?:create|table)\(\s*["']([\w.]{1,64})["']\s*,/i.exec(fullHead)?.[1] ?? '';
      return {
        record: `c${container}|${prefix}|${item >= 0 && this.containerAt(this.index.lineStart(item)) === container ? item : ''}`,
        collection: prefix ? `c${container}|${prefix.split('.').slice(0, -1).join('.')}` : `c${parent}`,
        recordName: `${parentHead} ${head} ${prefix} ${keyed} ${table}`,
        parentRecord: prefix ? `c${container}||` : `c${parent}||`,
        // (The record around the parent: a key object two levels in, `tokenConfig: { type: { … } }`.)
        // (Only through an object: the items of a list are siblings, not fields of what holds the list.)
        ...(!prefix && parent >= 0 && this.text.charCodeAt(parent) === OPEN_BRACE
          ? { grandparentRecord: `c${this.#parentOf(parent)}||` }
          : {}),
      };
    }
    const parentLine = this.#lineParent[line] ?? -1;
    const item = this.#lineItem[line] ?? -1;
    const grand = parentLine >= 0 ? (this.#lineParent[parentLine] ?? -1) : -1;
    const parentText = parentLine >= 0 ? this.lineText(parentLine) : '';
    const grandText = grand >= 0 ? this.lineText(grand) : '';
    const sectionName = trimChars(sectionText.trim(), '[]');
    const sectionParent = sectionName.includes('.')
      ? sectionName.slice(0, sectionName.lastIndexOf('.'))
      : sectionText.startsWith('[[')
        ? sectionName
        : '';
    return {
      record: `i${parentLine}|${item}|${section}|${prefix}`,
      collection:
        item >= 0
          ? `i${parentLine}|${section}`
          : prefix
            ? `i${parentLine}|${section}|${prefix.split('.').slice(0, -1).join('.')}`
            : section >= 0
              ? `s${sectionParent}`
              : `i${grand}`,
      recordName: `${grandText} ${parentText} ${sectionText} ${prefix}`,
      parentRecord: `i${grand}|-1|${section}|`,
    };
  }
}

/**
 * 1 for a line that only opens a MyBatis dynamic-SQL condition (`<if test="secretKey != null">`,
 * `<when …>`, `<otherwise>`), -1 for one that only closes it, 0 for any other line.
 */
function dynamicSqlTag(line: string): number {
  if (/^<\/(?:if|when|otherwise)>\s*$/.test(line)) return -1;
  return /^<(?:(?:if|when)\s[^<>]{0,200}|otherwise)>\s*$/.test(line) ? 1 : 0;
}

/**
 * The part of a line that names the bracket after it: after the last `,`, `;` or `{`, so sibling
 * keys earlier on a minified line (`{"requestId":0,"aws":{`) do not name the record.
 */
function lastClause(head: string): string {
  const cut = Math.max(head.lastIndexOf(','), head.lastIndexOf(';'), head.lastIndexOf('{'));
  return head.slice(cut + 1);
}

/** Characters read in a loop before a quoted string is handed to {@link QUOTED_BODY}. */
const SHORT_QUOTED = 48;

/**
 * Offset of the character that ends the quoted text starting at `from` (just after the opening
 * `quote`): the closing quote, the line break that leaves a `'` or `"` string unclosed, or the
 * end of the text. Most strings are short (`"a" | "b"` in a `.d.ts`, JSON keys), and a loop ends
 * them sooner than a regex call; a long one (a source map's `sourcesContent`) goes to the regex,
 * several times faster per character. Both read the same grammar, so the result is one.
 */
export function quotedEnd(text: string, from: number, quote: number): number {
  const n = text.length;
  const stop = Math.min(n, from + SHORT_QUOTED);
  let j = from;
  while (j < stop) {
    const d = text.charCodeAt(j);
    if (d === quote || (d === LINE_FEED && quote !== BACKTICK)) return j;
    if (d === BACKSLASH) {
      if (j + 1 >= n) return j; // a backslash with nothing to escape ends the text
      j += 2;
    } else j++;
  }
  if (j >= n) return n;
  const body = QUOTED_BODY[quote] ?? DOUBLE_QUOTED;
  body.lastIndex = j;
  body.test(text);
  return body.lastIndex;
}

/**
 * The inside of a quoted string from just after its opening quote: everything up to the closing
 * quote, where a backslash escapes any character (a newline too). A line break ends a `'` or `"`
 * string unclosed; only template literals span lines. Unrolled (`a*(?:\\.a*)*`), so linear.
 */
const DOUBLE_QUOTED = /[^"\\\n]*(?:\\[\s\S][^"\\\n]*)*/y;
const QUOTED_BODY: Readonly<Record<number, RegExp>> = {
  [DOUBLE_QUOTE]: DOUBLE_QUOTED,
  [SINGLE_QUOTE]: /[^'\\\n]*(?:\\[\s\S][^'\\\n]*)*/y,
  [BACKTICK]: /[^`\\]*(?:\\[\s\S][^`\\]*)*/y,
};

/** The characters `#scanBrackets` acts on outside quotes: quotes, comment starts and brackets. */
const BRACKET_SCAN = new Uint8Array(ASCII_END);
for (const c of '"\'`#/{}()[]') BRACKET_SCAN[c.charCodeAt(0)] = 1;

/** Index of the last of the first `count` ascending `values` that is <= `at`, or -1. */
function lastAtOrBefore(values: Int32Array, count: number, at: number): number {
  let lo = 0;
  let hi = count - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((values[mid] ?? 0) <= at) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

const isOpener = (c: number): boolean => c === OPEN_BRACE || c === OPEN_PAREN || c === OPEN_BRACKET;

/** JavaScript's `\s`: the whitespace a `^\s*` prefix takes. */
function isJsSpace(c: number): boolean {
  if (c <= SPACE) return c === SPACE || (c >= TAB && c <= CARRIAGE_RETURN);
  if (c < NO_BREAK_SPACE) return false;
  return (
    c === NO_BREAK_SPACE ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

function isSpace(c: number): boolean {
  return c === SPACE || c === TAB;
}
