import { CodeScanner } from './quoting.js';
import { cutValue } from './value-shape.js';

/**
 * A name's first assignment in a text, as the resolvers read it (the `shared-credentials`
 * detector's `text-resolver.ts`, the untokened-requests judge's seller resolver in
 * `mws-requests.ts`): `name = …`, `const name: string = …`, or a destructuring pattern
 * (`const { sellerId } = account`).
 */

// What stands between a name and its `=` in a typed declaration (`: string`, `: Record<string, X>`, `:`).
const TYPE_ANNOTATION = /^:[\w$<>[\]|?., \t'"&{}]{0,40}$/;

// A declaration that cannot be assigned again: JS/TS/C#/C++ `const`, Java `final`, C# `readonly`,
// Kotlin/Scala `val`; or one value for the whole program: a `static` field
// (`public static string SellerId = "";`, filled from its settings at start-up).
const CONSTANT_DECLARATION = /\b(?:const|final|readonly|val|static)\b[^=;\n]{0,80}$/;

/**
 * The value of the first assignment to `name` (`name = …`, `const name: string = …`), and whether
 * it declares a constant.
 */
export function firstAssignment(text: string, name: string): { value: string; constant: boolean } | undefined {
  return assignmentsOf(text, name).next().value;
}

/** The values of the first (at most 10) assignments to `name` in `text`, read as {@link firstAssignment} reads them. */
export function assignmentValues(text: string, name: string): string[] {
  const values: string[] = [];
  for (const { value } of assignmentsOf(text, name)) if (values.push(value) >= 10) break;
  return values;
}

/** The assignments to `name` in text order (see {@link firstAssignment}; at most 50 mentions read). */
function* assignmentsOf(text: string, name: string): Generator<{ value: string; constant: boolean }, undefined> {
  let uses = 0;
  for (let at = text.indexOf(name); at !== -1 && uses < 50; at = text.indexOf(name, at + name.length)) {
    uses++;
    if (at > 0 && /[\w$.]/.test(text.charAt(at - 1))) continue;
    let i = at + name.length;
    if (/[\w$]/.test(text.charAt(i))) continue;
    while (text.charAt(i) === ' ' || text.charAt(i) === '\t') i++;
    if (text.charAt(i) === ':') {
      const eq = text.indexOf('=', i);
      // (Only a type stands between: `name: string =`, Go's `name :=`; not an object's next entry,
      // `sellerId: row.id, url: "a?b=c"`.)
      if (eq === -1 || eq - i > 40 || !TYPE_ANNOTATION.test(text.slice(i, eq))) continue;
      i = eq;
    }
    if (text.charAt(i) === ',' || text.charAt(i) === '}') {
      const source = destructuredFrom(text, i, name);
      if (source !== undefined) yield { value: source, constant: false };
      continue;
    }
    if (text.charAt(i) !== '=' || /[=>]/.test(text.charAt(i + 1))) continue;
    const value = statement(cutValue(text.slice(i + 1, i + 160)));
    if (value === '') return undefined;
    const lineStart = text.lastIndexOf('\n', at) + 1;
    yield { value, constant: at - lineStart <= 160 && CONSTANT_DECLARATION.test(text.slice(lineStart, at)) };
  }
  return undefined;
}

// A line that leaves its statement open: a trailing operator or backslash (its comment dropped).
const CONTINUED = /[+\-*/.=&|,\\]\s*$/;
// A next line that carries the statement on: a chained call or an operator (`.sellerId(…)`, `->x`, `&& …`).
const CARRIED_ON = /^\s*(?:\??\.|->|&&|\|\||[+?:])/;

/**
 * A value cut at the end of the first line that closes every bracket opened so far (outside
 * strings), ends on no operator and is not carried on by the next: without a `;` (Ruby, Python,
 * Go) a statement ends with its line, and the next line's `sid = account.seller_id` is not part of
 * `marketplace = "ATVPDKIKX0DER"  # US`. (`cutValue` already ended it at a `;`.)
 */
function statement(value: string): string {
  const scan = new CodeScanner(value);
  let depth = 0;
  let comment = -1; // where the current line's comment starts
  let lineStart = 0;
  for (let i = 0; i < value.length; i = scan.next(i)) {
    const c = value.charAt(i);
    if (c === '\n') {
      const end = comment === -1 ? i : comment;
      if (
        depth <= 0 &&
        !scan.inString &&
        value.slice(0, i).trim() !== '' &&
        !CONTINUED.test(value.slice(lineStart, end)) &&
        !CARRIED_ON.test(value.slice(i + 1, i + 40))
      )
        return value.slice(0, end).trimEnd();
      comment = -1;
      lineStart = i + 1;
    } else if (scan.inComment) {
      // (The scanner stands past the comment's first character: `#`, or the first `/` of `//`.)
      if (comment === -1) comment = i - 1;
    } else if (!scan.quoted) {
      if (c === '(' || c === '[' || c === '{') depth++;
      else if (c === ')' || c === ']' || c === '}') depth--;
    }
  }
  return value;
}

// The end of a destructuring pattern and the object it reads: `} = this`, `} = account;`, or
// the call whose result it reads (`} = await supabase.from("accounts").select(…)`).
const DESTRUCTURED_FROM = /^\}\s{0,4}=\s{0,4}(?:await\s{1,4})?([\w$.]{1,60})/;

/**
 * What a name is destructured from, when the name at `from` (its own or its property's, `data:
 * contas`) sits in a pattern closed within 200 characters on its line: the member it reads
 * (`this.SellerId` of `const { AWSAccessKeyId, SellerId } = this;`), or the call whose result holds
 * it, whole (`supabase.from("contas").select(…)` of `const { data: contas } = await supabase…`).
 */
function destructuredFrom(text: string, from: number, name: string): string | undefined {
  for (let i = from; i < text.length && i < from + 200; i++) {
    const c = text.charAt(i);
    if (c === '\n' || c === '{' || c === ';' || c === '=' || c === '(') return undefined;
    if (c !== '}') continue;
    const end = DESTRUCTURED_FROM.exec(text.slice(i, i + 70));
    if (end?.[1] === undefined) return undefined;
    const at = text.indexOf(end[1], i);
    const source = statement(cutValue(text.slice(at, at + 300)));
    return source.includes('(') ? source : `${end[1]}.${name}`;
  }
  return undefined;
}
