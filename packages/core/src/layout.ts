/**
 * The structure of a text as brackets, indentation, list items and INI/TOML sections: enough to
 * tell which field names belong to one record in any language, computed in two linear passes.
 */
import type { LineIndex } from './locate.js';
import { trimChars } from './strings.js';

/** Bracket containers, indentation parents, list items and sections, computed once per text. */
export class Layout {
  /** For each bracket-opening offset, the offset of its enclosing opener (or -1). */
  readonly parentOf = new Map<number, number>();
  readonly #containerAt: Int32Array; // per line: innermost open bracket at line start
  readonly #lineParent: Int32Array;
  readonly #lineItem: Int32Array;
  readonly #lineSection: Int32Array;
  readonly #events: { offset: number; container: number }[] = [];
  readonly #closers = new Map<number, number>();
  #forms: number[] | undefined;

  constructor(
    private readonly text: string,
    private readonly index: LineIndex,
  ) {
    const n = index.lineCount;
    this.#containerAt = new Int32Array(n).fill(-1);
    this.#lineParent = new Int32Array(n).fill(-1);
    this.#lineItem = new Int32Array(n).fill(-1);
    this.#lineSection = new Int32Array(n).fill(-1);
    this.#scanBrackets();
    this.#scanIndentation();
  }

  #scanBrackets(): void {
    const { text } = this;
    const stack: number[] = [];
    let quote = 0;
    let line = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) {
        line++;
        this.#containerAt[line] = stack.at(-1) ?? -1;
        if (quote !== 96) quote = 0; // only template literals span lines
        continue;
      }
      if (quote !== 0) {
        if (c === 92) i++;
        else if (c === quote) quote = 0;
        continue;
      }
      if (c === 34 || c === 96 || (c === 39 && !isWordChar(text.charCodeAt(i - 1)))) quote = c;
      else if (
        (c === 35 || (c === 47 && text.charCodeAt(i + 1) === 47)) &&
        (i === 0 || isSpace(text.charCodeAt(i - 1)))
      ) {
        const nl = text.indexOf('\n', i);
        i = (nl === -1 ? text.length : nl) - 1;
      } else if (c === 123 || c === 40 || c === 91) {
        this.parentOf.set(i, stack.at(-1) ?? -1);
        stack.push(i);
        this.#events.push({ offset: i + 1, container: i });
      } else if (c === 125 || c === 41 || c === 93) {
        const open = c === 125 ? 123 : c === 41 ? 40 : 91;
        // Look at most 3 levels down: mismatched brackets in prose must not cost a stack walk.
        let depth = -1;
        for (let k = stack.length - 1; k >= Math.max(0, stack.length - 3); k--) {
          if (text.charCodeAt(stack[k] ?? 0) === open) {
            depth = k;
            break;
          }
        }
        if (depth !== -1) {
          const opener = stack[depth] ?? -1;
          this.#closers.set(opener, i);
          stack.length = depth;
          this.#events.push({ offset: i + 1, container: stack.at(-1) ?? -1 });
        }
      }
    }
  }

  #scanIndentation(): void {
    const frames: { indent: number; line: number; item: number }[] = [];
    let section = -1;
    for (let l = 0; l < this.index.lineCount; l++) {
      const s = this.lineText(l);
      const m = /^(\s*)(- +)?/.exec(s);
      const raw = m?.[1]?.length ?? 0;
      if (raw === s.length || /^\s*(?:[#;*]|\/\/|--)/.test(s)) {
        this.#lineSection[l] = section;
        this.#lineParent[l] = frames.at(-1)?.line ?? -1;
        continue;
      }
      if (/^\[[^\]]+\]\]?\s*$/.test(s.trim()) && raw === 0) {
        section = l;
        frames.length = 0;
        this.#lineSection[l] = section;
        continue;
      }
      const indent = raw + (m?.[2]?.length ?? 0);
      let item = m?.[2] !== undefined ? l : -1;
      while (frames.length > 0 && (frames.at(-1)?.indent ?? 0) >= indent) {
        const top = frames.pop();
        if (top?.indent === indent && item === -1) item = top.item;
      }
      this.#lineParent[l] = frames.at(-1)?.line ?? -1;
      this.#lineItem[l] = item;
      this.#lineSection[l] = section;
      frames.push({ indent, line: l, item });
    }
  }

  /** Offset of the last `<form` tag before `offset`, or -1 (HTML forms are one record). */
  formBefore(offset: number): number {
    this.#forms ??= [...this.text.matchAll(/<form\b/gi)].map((m) => m.index);
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
    const ev = this.#events;
    let lo = 0;
    let hi = ev.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const e = ev[mid];
      if (e !== undefined && e.offset <= offset) {
        found = e.container;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  closerOf(opener: number): number | undefined {
    return this.#closers.get(opener);
  }

  /** The first 200 characters of a line: enough to name a record, bounded on minified lines. */
  lineText(line: number): string {
    const start = this.index.lineStart(line);
    return this.text.slice(start, Math.min(start + 200, this.index.lineEnd(line, this.text)));
  }

  describe(
    offset: number,
    prefix: string,
  ): { record: string; collection: string; recordName: string; parentRecord: string } {
    const line = this.index.lineOf(offset);
    const container = this.containerAt(offset);
    const section = this.#lineSection[line] ?? -1;
    const sectionText = section >= 0 ? this.lineText(section) : '';
    if (container >= 0) {
      const cLine = this.index.lineOf(container);
      const fullHead = this.text.slice(this.index.lineStart(cLine), container).slice(-100);
      const head = lastClause(fullHead);
      const parent = this.parentOf.get(container) ?? -1;
      const parentHead =
        parent >= 0
          ? lastClause(this.text.slice(this.index.lineStart(this.index.lineOf(parent)), parent).slice(-100))
          : '';
      const keyed =
        // eslint-disable-next-line regexp/no-super-linear-move -- `fullHead` is at most 100 characters
        /["']?([\w$-]+)["']?\s*[:=]\s*$|["']([\w$-]+)["']\s*,\s*$/.exec(fullHead)?.slice(1).find(Boolean) ?? '';
      const item = this.#lineItem[line] ?? -1;
      return {
        record: `c${container}|${prefix}|${item >= 0 && this.containerAt(this.index.lineStart(item)) === container ? item : ''}`,
        collection: prefix ? `c${container}|${prefix.split('.').slice(0, -1).join('.')}` : `c${parent}`,
        recordName: `${parentHead} ${head} ${prefix} ${keyed}`,
        parentRecord: prefix ? `c${container}||` : `c${parent}||`,
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
 * The part of a line that names the bracket after it: after the last `,`, `;` or `{`, so sibling
 * keys earlier on a minified line (`{"requestId":0,"aws":{`) do not name the record.
 */
function lastClause(head: string): string {
  const cut = Math.max(head.lastIndexOf(','), head.lastIndexOf(';'), head.lastIndexOf('{'));
  return head.slice(cut + 1);
}

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}
function isSpace(c: number): boolean {
  return c === 32 || c === 9;
}
