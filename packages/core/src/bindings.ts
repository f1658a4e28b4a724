import type { LineIndex } from './locate.js';
import { normalizeName, nameRole } from './names.js';
import { trimChars } from './strings.js';

/**
 * Finds the name a value is bound to by reading the text just before it, the way a reader does:
 * `secretKey: "…"`, `SECRET_KEY=…`, `define('AWS_SECRET_ACCESS_KEY', '…')`, `<add key="SecretKey"
 * value="…"/>`, `<SecretKey>…`, `setSecretKey("…")`, `ENV AWS_SECRET_ACCESS_KEY …`, `--secret-key …`,
 * `{"name": "AWS_SECRET_ACCESS_KEY", "value": "…"}`, a Markdown table row. (CSV headers: `tabular.ts`.)
 *
 * Every pattern runs on a bounded window (at most {@link WINDOW} characters) anchored at the value,
 * so the cost per value is constant and the scan stays linear in the text.
 */
const WINDOW = 240;

// `<add key="SecretKey" value="` and `<setting name="SecretKey" serializeAs="String"><value>`.
const XML_ATTRIBUTE = /\b(?:key|name)\s*=\s*["']([^"'<>]{1,100})["'][^<>]{0,200}?\bvalue\s*=\s*$/i;
// `<SecretKey>` or `<SecretKey encrypted="false">`.
const XML_ELEMENT = /<([A-Z_][\w.:-]{0,100})(?:\s[^<>]{0,200})?>$/i;
// `define('AWS_SECRET_ACCESS_KEY', `, `v.Add("AWSAccessKeyId", `, `put("secretKey", `.
const PAIR_CALL = /["']([A-Z_][\w.\- ]{0,100})["']\s*,\s*$/i;
// `setSecretKey(`, `withSecretKey(`, `.secret_key(`.
const SETTER = /\b(?:set|with|put)_?([A-Za-z]\w{0,100})\s*\(\s*$/;
// `.clientSecret(` in a builder chain.
const BUILDER_STEP = /\.([a-z_]\w{0,60})\(\s*$/i;
// `name = `, `name: `, `"name": `, `name => `, `name := `, `name: string = `, `['name'] = `.
const ASSIGNMENT =
  // eslint-disable-next-line regexp/no-super-linear-backtracking -- runs on a window of at most WINDOW characters
  /(?:([A-Z_$@][\w.\-$]{0,100})|["']([^"'\n]{1,100})["'])\s*(?:\]\s*)?(?::\s*[\w.<>[\]|&?, ]{1,60}?\s*)?(?:=>|:=|\|\|=|\?\?=|(?<![=!<>])=|:|->)\s*$/i;
// `name: `, `"name": `, `name = ` with nothing between the name and its separator.
const LAST_KEY = /(?:(?<![\w.\-$])([A-Z_$@][\w.\-$]{0,100})|["']([^"'\n]{1,100})["'])\s*(?:=>|:=|=|:)\s*$/i;
// `ENV NAME `, `ARG NAME `, `--secret-key `, `-e NAME `, a Ruby DSL `secret_key ` (the prefix
// arrives with its trailing space trimmed).
const SPACED = /(?:^|\s)(?:ENV|ARG|export|setx?|--?)\s*([A-Z_][\w.-]{0,100})$|^\s*([a-z_]\w{0,60})$/i;
// `| Secret Key | ` in a Markdown table.
// eslint-disable-next-line regexp/no-super-linear-backtracking -- runs on a window of at most WINDOW characters
const TABLE_CELL = /\|\s*([^|]{1,60}?)\s*\|\s*$/;
// `MWS Secret Key: ` in prose or a form label.
const LOOSE = /([A-Z][\w .-]{0,60})\s*[:=]\s*$/i;
// Indirection: `{"name": "AWS_SECRET_ACCESS_KEY", "value": …}`, `- name: X` + `value: …`,
// `{"ParameterKey": "X", "ParameterValue": …}`, Terraform `variable "x" { default = … }`.
const INDIRECT_NAMES = new Set(['value', 'val', 'parametervalue', 'default', 'secretstring', 'defaultvalue']);
const INDIRECT =
  /(?:["']?(?:name|key|ParameterKey|variable|id)["']?\s*[:=]\s*|variable\s+)["']?([A-Z_][\w.-]{0,100})/gi;

// All-caps letters and digits without separators, 16 or more: a key id or token, never a name.
const VALUE_LIKE = /^[A-Z0-9]{16,}$/;

/** The name bound to the value starting at `start`, or `undefined` when none is visible. */
export function bindingName(text: string, index: LineIndex, start: number): string | undefined {
  const line = index.lineOf(start);
  const lineStart = index.lineStart(line);

  let prefix = stripOpening(text.slice(Math.max(lineStart, start - WINDOW), start));
  if (/^[\s([{]*$/.test(prefix) && line > 0) {
    // The name is on the line above: `SECRET_KEY = (` / `secret_key:` + indented value.
    const prev = previousNonBlankLine(text, index, line);
    // `secret_key: >-` / `secret_key: |` (YAML block scalars) and `SECRET_KEY = (` lines.
    if (prev !== undefined) prefix = trimChars(prev.replace(/:\s*[|>][-+]?\d?\s*$/, ':'), ' \t([{', { start: false });
  }
  // `<add value="…" key="SecretKey" />`: attributes in the other order name the value after it.
  if (/\bvalue\s*=$/i.test(prefix)) {
    const rest = text.slice(start, Math.min(text.length, start + WINDOW));
    const after = /^[^<>]{0,200}?\b(?:key|name)\s*=\s*["']([^"'<>]{1,100})["']/i.exec(rest)?.[1];
    if (after !== undefined) return after;
  }
  // `secretKey={"…"}` (JSX), `SECRET = ("…"`, `keys: ["…"`: the name is before the bracket.
  const name = nameFromPrefix(prefix) ?? nameFromPrefix(trimChars(prefix, ' \t([{', { start: false }));
  if (name !== undefined && INDIRECT_NAMES.has(normalizeName(name))) {
    return indirectName(text, index, line, start) ?? name;
  }
  return name;
}

function nameFromPrefix(prefix: string): string | undefined {
  const tail = prefix.length > WINDOW ? prefix.slice(-WINDOW) : prefix;
  let m = XML_ATTRIBUTE.exec(tail) ?? XML_ELEMENT.exec(tail);
  if (m?.[1] !== undefined) return m[1];
  // The key right before the value wins over a longer reading that takes the pairs before it for a
  // type annotation (`{ accessKeyId: x, secretKey: '…' }` on one line).
  const last = LAST_KEY.exec(tail);
  const lastName = last ? (last[1] ?? last[2]) : undefined;
  if (lastName !== undefined && !VALUE_LIKE.test(lastName) && nameRole(lastName) !== 'none') return lastName;
  m = ASSIGNMENT.exec(tail);
  let strict = m ? (m[1] ?? m[2]) : undefined;
  if (strict === undefined) {
    m = PAIR_CALL.exec(tail) ?? SETTER.exec(tail) ?? SPACED.exec(tail) ?? TABLE_CELL.exec(tail);
    if (m) strict = m[1] ?? m[2];
  }
  // `new Client("AKIA…", "…")`: the first argument is a value, not the second one's name.
  if (strict !== undefined && VALUE_LIKE.test(strict)) strict = undefined;
  if (strict !== undefined && nameRole(strict) !== 'none') return strict;
  const loose = LOOSE.exec(tail)?.[1];
  if (loose !== undefined && nameRole(loose) !== 'none') return loose;
  // A builder's named step: `.clientSecret("…")`, `.accessKeyId("…")` (Java, Kotlin, C#).
  const step = BUILDER_STEP.exec(tail)?.[1];
  if (step !== undefined && ['secret-key', 'access-key', 'lwa-client-secret'].includes(nameRole(step))) return step;
  // `aws configure set aws_secret_access_key …`, `| aws_secret_access_key  …` in prose.
  const spaced = /(?:^|\s)([A-Z_][\w.-]{2,100})$/i.exec(tail)?.[1];
  if (spaced !== undefined && ['secret-key', 'access-key', 'lwa-client-secret'].includes(nameRole(spaced)))
    return spaced;
  return strict;
}

/** Drops the value's opening quote (`"`, `'`, `` ` ``, `\"` in JSON-escaped code, `b"`, `@"`). */
function stripOpening(prefix: string): string {
  let p = prefix.trimEnd();
  if (/["'`]$/.test(p)) {
    p = p.slice(0, -1);
    if (p.endsWith('\\')) p = p.slice(0, -1);
    p = p.replace(/(?<!\w)[bruf@]$/i, '');
  }
  return p.trimEnd();
}

function previousNonBlankLine(text: string, index: LineIndex, line: number): string | undefined {
  for (let l = line - 1; l >= Math.max(0, line - 2); l--) {
    const s = text.slice(index.lineStart(l), index.lineEnd(l, text));
    if (s.trim() !== '') return s.length > WINDOW ? s.slice(-WINDOW) : s;
  }
  return undefined;
}

function indirectName(text: string, index: LineIndex, line: number, start: number): string | undefined {
  const from = index.lineStart(Math.max(0, line - 3));
  const window = text.slice(Math.max(from, start - WINDOW * 2), start);
  let found: string | undefined;
  for (const m of window.matchAll(INDIRECT)) {
    if (m[1] !== undefined && normalizeName(m[1]) !== 'value') found = m[1];
  }
  return found;
}
