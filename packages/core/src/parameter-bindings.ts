/**
 * A parameter's value where the text calls its function: `function call_mws($seller_id,
 * $aws_access_key_id, …)` called as `call_mws($row['merchant_id'], $AWS_ACCESS_KEY_ID, …)` binds
 * `$aws_access_key_id` to `$AWS_ACCESS_KEY_ID`, and so to the literal key assigned to it. A
 * script's signing helper takes the keys it signs with as parameters; what they are is written
 * where it is called. Read by the `shared-credentials` detector's resolver, after an assignment.
 */

// A function's header with its parameter list on one line or a few (PHP, JS, Python, Go).
const HEADER = /\b(?:function|def|func)\s+([A-Za-z_$][\w$]{0,60})\s*\(([^()]{0,400})\)/g;
// At most this many headers are read: a text with more is a library, not a script.
const MAX_HEADERS = 200;
// At most this many mentions of a function's name are read looking for its call.
const MAX_MENTIONS = 50;
// How far a call's arguments are read.
const ARGUMENTS_REACH = 400;

/** A function header: its name, its parameters' names, and where the header ends. */
interface Header {
  readonly name: string;
  readonly params: readonly string[];
  readonly end: number;
}

/** The headers of the functions `text` declares (at most {@link MAX_HEADERS}). */
function headersOf(text: string): Header[] {
  const headers: Header[] = [];
  HEADER.lastIndex = 0;
  for (let m = HEADER.exec(text); m !== null && headers.length < MAX_HEADERS; m = HEADER.exec(text)) {
    headers.push({ name: m[1] ?? '', params: (m[2] ?? '').split(',').map(parameterName), end: m.index + m[0].length });
  }
  return headers;
}

/** A parameter's name without its type, default or modifiers: `string $key = ''` is `$key`. */
function parameterName(param: string): string {
  const head = param.split('=')[0] ?? '';
  const words = head.trim().split(/[\s:]+/);
  // (Python and Go put the name first, `key: str`, `key string`; PHP and TS put it last or first.)
  const named = words.find((w) => w.startsWith('$')) ?? (head.includes(':') ? words[0] : words.at(-1));
  return (named ?? '').replace(/^[&.]+/, '');
}

/** The arguments of the call whose `(` is at `open`, split at top-level commas, or undefined when it does not close. */
function argumentsAt(text: string, open: number): string[] | undefined {
  const args: string[] = [];
  let depth = 0;
  let from = open + 1;
  for (let i = open + 1; i < text.length && i <= open + ARGUMENTS_REACH; i++) {
    const c = text[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if ((c === ')' || c === ']' || c === '}') && depth > 0) depth--;
    else if (c === ',' && depth === 0) {
      args.push(text.slice(from, i).trim());
      from = i + 1;
    } else if (c === ')') {
      args.push(text.slice(from, i).trim());
      return args;
    }
  }
  return undefined;
}

/**
 * Reads parameter bindings of one text, its function headers read once. `bound(name)` is the
 * argument the first call in the text passes for the parameter `name`, or undefined.
 */
export class ParameterBindings {
  readonly #text: string;
  #headers: Header[] | undefined;

  constructor(text: string) {
    this.#text = text;
  }

  bound(name: string): string | undefined {
    this.#headers ??= headersOf(this.#text);
    // (The first function declaring the parameter only: one search of the text per name.)
    const header = this.#headers.find((h) => h.params.includes(name));
    return header === undefined ? undefined : this.#firstCallArgument(header, header.params.indexOf(name));
  }

  /** The `index`-th argument of the first call of `header`'s function outside its own header (at most {@link MAX_MENTIONS} mentions read). */
  #firstCallArgument(header: Header, index: number): string | undefined {
    const text = this.#text;
    let mentions = 0;
    for (
      let at = text.indexOf(header.name);
      at !== -1 && mentions < MAX_MENTIONS;
      at = text.indexOf(header.name, at + 1), mentions++
    ) {
      if (at > 0 && /[\w$]/.test(text.charAt(at - 1))) continue;
      const after = at + header.name.length;
      if (/[\w$]/.test(text.charAt(after))) continue;
      // (The header itself, `function call_mws(`, is no call.)
      if (/\b(?:function|def|func)\s+$/.test(text.slice(Math.max(0, at - 12), at))) continue;
      const open = text.slice(after, after + 4).search(/\S/);
      if (open === -1 || text.charAt(after + open) !== '(') continue;
      const args = argumentsAt(text, after + open);
      const argument = args?.[index];
      if (argument !== undefined && argument !== '') return argument;
    }
    return undefined;
  }
}
