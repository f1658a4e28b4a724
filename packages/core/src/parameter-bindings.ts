import { CodeScanner } from './quoting.js';

/**
 * A parameter's value where the text calls its function: `function call_mws($seller_id,
 * $aws_access_key_id, …)` called as `call_mws($row['merchant_id'], $AWS_ACCESS_KEY_ID, …)` binds
 * `$aws_access_key_id` to `$AWS_ACCESS_KEY_ID`, and so to the literal key assigned to it. A
 * script's signing helper takes the keys it signs with as parameters; what they are is written
 * where it is called. Read by the `shared-credentials` detector's resolver, after an assignment.
 * Only functions declared with a keyword are read (PHP and JS `function`, Python `def`, Go `func`),
 * and only the first function declaring a name, at its first call outside its own body.
 */

// A function's header up to its parameter list's `(`: its keyword and name (a Go method's
// receiver skipped: `func (c *Client) Sign(`).
// (Also a JS/TS class's `constructor(`, which no call names: what `new` passes it is its caller's.)
const HEADER = /\b(function|def|func)\s+(?:\([^()\n]{0,80}\)\s*)?([A-Za-z_$][\w$]{0,60})\s*\(|\b(constructor)\s*\(/g;
// At most this many headers are read: a text with more is a library, not a script.
const MAX_HEADERS = 200;
// How far a parameter or argument list is read, and how far a function's body.
const LIST_REACH = 600;
const BODY_REACH = 20_000;
// At most this many calls of a function are looked at.
const MAX_CALLS = 50;
// A named argument: Python `key=value`, PHP 8 `key: value`.
const NAMED_ARGUMENT = /^\$?([a-z_]\w{0,60})\s{0,4}(?:=(?![=>])|:(?!:))/i;
// The receiver a method is declared with and never passed positionally: Python's `self` and
// `cls`, a TypeScript `this` parameter.
const RECEIVER = /^(?:self|cls|this)$/;

/** A function header: its keyword, name and parameters' names, where it starts and where its parameter list closes. */
interface Header {
  readonly keyword: string;
  readonly name: string;
  readonly params: readonly string[];
  readonly start: number;
  readonly close: number;
}

/**
 * The top-level items of the bracketed list whose opener is at `open` (`(`), split at commas
 * outside quotes and brackets, and where the list closes; undefined when it does not close within
 * {@link LIST_REACH}.
 */
function listAt(text: string, open: number): { items: string[]; close: number } | undefined {
  const items: string[] = [];
  let depth = 0;
  let from = open + 1;
  const scan = new CodeScanner(text);
  for (let i = open + 1; i < text.length && i <= open + LIST_REACH; i = scan.next(i)) {
    if (scan.quoted) continue;
    const c = text[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if ((c === ')' || c === ']' || c === '}') && depth > 0) depth--;
    else if (c === ',' && depth === 0) {
      items.push(withoutComments(text.slice(from, i)));
      from = i + 1;
    } else if (c === ')') {
      const last = withoutComments(text.slice(from, i));
      if (last !== '' || items.length > 0) items.push(last);
      return { items, close: i };
    }
  }
  return undefined;
}

/** An item of a list without the line comments written in it (`$seller_id, // the merchant's id`). */
function withoutComments(item: string): string {
  return item.replace(/(?:\/\/|#)[^\n]{0,600}/g, '').trim();
}

/** A parameter's name by its language's order: `string $key = ''` is `$key`, Go's `key string` and Python's `key: str` are `key`. */
export function parameterName(keyword: string, param: string): string {
  const head = (param.split('=')[0] ?? '').trim();
  if (keyword === 'func') return head.split(/\s+/)[0] ?? '';
  if (keyword === 'def') return (head.split(':')[0] ?? '').trim().replace(/^\*{1,2}/, '');
  // PHP names its parameters with `$` (`?string &$key`, `...$rest`); JS and TS first (`key?: string`).
  const php = /&?(?:\.\.\.)?(\$[a-z_]\w{0,60})/i.exec(head)?.[1];
  return php ?? /^(?:\.\.\.)?([a-z_$][\w$]{0,60})/i.exec(head)?.[1] ?? '';
}

/** Where the body of the function whose parameter list closes at `close` ends (`{ … }`, or Python's indented block). */
function bodyEnd(text: string, keyword: string, headerStart: number, close: number): number {
  const limit = Math.min(text.length, close + BODY_REACH);
  if (keyword === 'def') {
    const lineStart = text.lastIndexOf('\n', headerStart) + 1;
    const indent = /^[ \t]*/.exec(text.slice(lineStart, headerStart))?.[0].length ?? 0;
    for (let at = text.indexOf('\n', close); at !== -1 && at < limit; at = text.indexOf('\n', at + 1)) {
      const line = /^([ \t]*)(\S?)/.exec(text.slice(at + 1, at + 1 + 200));
      if (line?.[2] !== '' && line?.[2] !== '#' && (line?.[1]?.length ?? 0) <= indent) return at;
    }
    return limit;
  }
  // (The body's brace follows the list within a return type's reach: `): string {`.)
  const brace = text.slice(close, close + 200).indexOf('{');
  if (brace === -1) return close;
  let depth = 0;
  const scan = new CodeScanner(text);
  for (let i = close + brace; i < limit; i = scan.next(i)) {
    if (scan.quoted) continue;
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return limit;
}

/** The headers of the functions `text` declares (at most {@link MAX_HEADERS}). */
function headersOf(text: string): Header[] {
  const headers: Header[] = [];
  HEADER.lastIndex = 0;
  for (let m = HEADER.exec(text); m !== null && headers.length < MAX_HEADERS; m = HEADER.exec(text)) {
    const keyword = m[1] ?? m[3] ?? '';
    const list = listAt(text, m.index + m[0].length - 1);
    if (list === undefined) continue;
    const params = list.items.map((p) => parameterName(keyword, p)).filter((p, i) => i > 0 || !RECEIVER.test(p));
    headers.push({ keyword, name: m[2] ?? '', params, start: m.index, close: list.close });
  }
  return headers;
}

/** True when `at` on its line sits in a comment or inside a quoted string (read up to 200 characters back). */
function inCommentOrString(text: string, at: number): boolean {
  const lineStart = Math.max(text.lastIndexOf('\n', at - 1) + 1, at - 200);
  // (A comment line's other forms: ` * f()` in a block comment, `/* f() */`, `<!-- f() -->`.)
  if (/^\s*(?:\*|\/\*|<!--)/.test(text.slice(lineStart, at))) return true;
  const scan = new CodeScanner(text);
  let i = lineStart;
  while (i < at) i = scan.next(i);
  return scan.quoted;
}

/**
 * Reads parameter bindings of one text, its function headers read once. `bound(name)` is the
 * argument the text's calls pass for the parameter `name`, when they all pass the same one (a
 * smoke test for one fixed seller above a loop over every seller binds nothing).
 */
export class ParameterBindings {
  readonly #text: string;
  #headers: Header[] | undefined;

  constructor(text: string) {
    this.#text = text;
  }

  #allHeaders(): Header[] {
    this.#headers ??= headersOf(this.#text);
    return this.#headers;
  }

  /** True when a function of the text declares `name` as a parameter. */
  isParameter(name: string): boolean {
    return this.#allHeaders().some((h) => h.params.includes(name));
  }

  bound(name: string): string | undefined {
    // (The first function declaring the parameter only: one search of the text per name.)
    const header = this.#allHeaders().find((h) => h.params.includes(name));
    if (header === undefined) return undefined;
    const index = header.params.indexOf(name);
    let bound: string | undefined;
    for (const args of this.#calls(header)) {
      const argument = argumentFor(args, index, name);
      if (argument === undefined || (bound !== undefined && argument !== bound)) return undefined;
      bound = argument;
    }
    return bound;
  }

  /** The arguments of the calls of `header`'s function outside its own header and body (at most {@link MAX_CALLS}). */
  #calls(header: Header): string[][] {
    const text = this.#text;
    const { name } = header;
    // (A constructor is called by its class's name, through `new`: no call of the text binds it.)
    if (name === '') return [];
    // (Its body's own calls are recursion, not a binding: read once, for this header only.)
    const end = bodyEnd(text, header.keyword, header.start, header.close);
    const calls: string[][] = [];
    let mentions = 0;
    for (let at = text.indexOf(name); at !== -1 && mentions < MAX_CALLS; at = text.indexOf(name, at + 1)) {
      if (at >= header.start && at <= end) continue;
      if (at > 0 && /[\w$]/.test(text.charAt(at - 1))) continue;
      const after = at + name.length;
      const open = after + (/^\s{0,4}/.exec(text.slice(after, after + 4))?.[0].length ?? 0);
      if (text.charAt(open) !== '(') continue;
      mentions++;
      if (/\b(?:function|def|func)\s+$/.test(text.slice(Math.max(0, at - 12), at))) continue;
      if (inCommentOrString(text, at)) continue;
      const list = listAt(text, open);
      if (list !== undefined) calls.push(list.items);
    }
    return calls;
  }
}

/** The argument a call passes for the parameter at `index` named `name`: by name when it names any. */
function argumentFor(args: readonly string[], index: number, name: string): string | undefined {
  const bare = name.replace(/^\$/, '');
  const firstNamed = args.findIndex((a) => NAMED_ARGUMENT.test(a));
  if (firstNamed !== -1) {
    const named = args.find((a) => NAMED_ARGUMENT.exec(a)?.[1] === bare);
    if (named !== undefined) return named.replace(NAMED_ARGUMENT, '').trim() || undefined;
    if (index >= firstNamed) return undefined;
  }
  const argument = args[index];
  return argument === undefined || argument === '' ? undefined : argument;
}
