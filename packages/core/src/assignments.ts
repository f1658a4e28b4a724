import { cutValue } from './value-shape.js';

/**
 * A name's first assignment in a text, as the resolvers read it (the `shared-credentials`
 * detector's `text-resolver.ts`, the untokened-requests judge's seller resolver in
 * `mws-requests.ts`): `name = …`, `const name: string = …`, or a destructuring pattern
 * (`const { sellerId } = account`).
 */

// A declaration that cannot be assigned again: JS/TS/C#/C++ `const`, Java `final`, C# `readonly`,
// Kotlin/Scala `val`; or one value for the whole program: a `static` field
// (`public static string SellerId = "";`, filled from its settings at start-up).
const CONSTANT_DECLARATION = /\b(?:const|final|readonly|val|static)\b[^=;\n]{0,80}$/;

/**
 * The value of the first assignment to `name` (`name = …`, `const name: string = …`), and whether
 * it declares a constant.
 */
export function firstAssignment(text: string, name: string): { value: string; constant: boolean } | undefined {
  let uses = 0;
  for (let at = text.indexOf(name); at !== -1 && uses < 50; at = text.indexOf(name, at + name.length)) {
    uses++;
    if (at > 0 && /[\w$.]/.test(text.charAt(at - 1))) continue;
    let i = at + name.length;
    if (/[\w$]/.test(text.charAt(i))) continue;
    while (text.charAt(i) === ' ' || text.charAt(i) === '\t') i++;
    if (text.charAt(i) === ':') {
      const eq = text.indexOf('=', i);
      if (eq === -1 || eq - i > 40 || text.slice(i, eq).includes('\n')) continue;
      i = eq;
    }
    if (text.charAt(i) === ',' || text.charAt(i) === '}') {
      const source = destructuredFrom(text, i);
      if (source !== undefined) return { value: `${source}.${name}`, constant: false };
      continue;
    }
    if (text.charAt(i) !== '=' || /[=>]/.test(text.charAt(i + 1))) continue;
    const value = statement(cutValue(text.slice(i + 1, i + 160)));
    if (value === '') return undefined;
    const lineStart = text.lastIndexOf('\n', at) + 1;
    return { value, constant: at - lineStart <= 160 && CONSTANT_DECLARATION.test(text.slice(lineStart, at)) };
  }
  return undefined;
}

// A first line that leaves its statement open: a bracket, or a trailing operator or backslash.
const CONTINUED = /[+\-*/.=&|,\\]\s*$/;

/**
 * A value cut at the end of the first line that closes every bracket opened so far and ends on no
 * operator: without a `;` (Ruby, Python, Go) a statement ends with its line, and the next line's
 * `sid = account.seller_id` is not part of `marketplace = "ATVPDKIKX0DER"`.
 */
function statement(value: string): string {
  let depth = 0;
  let start = 0;
  for (let nl = value.indexOf('\n'); nl !== -1; start = nl + 1, nl = value.indexOf('\n', start)) {
    const line = value.slice(start, nl);
    depth += (line.match(/[([{]/g) ?? []).length - (line.match(/[)\]}]/g) ?? []).length;
    if (depth <= 0 && value.slice(0, nl).trim() !== '' && !CONTINUED.test(line)) return value.slice(0, nl).trimEnd();
  }
  return value;
}

// The end of a destructuring pattern and the object it reads: `} = this`, `} = account;`.
const DESTRUCTURED_FROM = /^\}\s{0,4}=\s{0,4}([\w$.]{1,60})/;

/**
 * The object a name is destructured from, when the name at `from` sits in a pattern closed
 * within 200 characters on its line (`const { AWSAccessKeyId, SellerId } = this;`).
 */
function destructuredFrom(text: string, from: number): string | undefined {
  for (let i = from; i < text.length && i < from + 200; i++) {
    const c = text.charAt(i);
    if (c === '\n' || c === '{' || c === ';' || c === '=' || c === '(') return undefined;
    if (c === '}') return DESTRUCTURED_FROM.exec(text.slice(i, i + 70))?.[1];
  }
  return undefined;
}
