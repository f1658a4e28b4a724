import { OPEN_BRACE, OPEN_PAREN } from './char-codes.js';
import { GETTER_CHAIN } from './field-idioms.js';
import { readField } from './field-readers.js';
import { CONFIG_BAG } from './stored-rows.js';
import { mayReadStoredRows } from './tenant-lookups.js';
import type { TokenHit } from './field-draft.js';
import { Layout } from './layout.js';
import type { LineIndex } from './locate.js';
import { isKeyRole, KEY_NAME_WORDS, SECRET_WORD_SOURCE, nameRole } from './names.js';
import type { NameRole } from './names.js';
import { trimChars } from './strings.js';
import { ReadBudget } from './read-budget.js';
import { roleWithRead } from './read-roles.js';
import { headerFields } from './header-fields.js';
import { htmlLabels, labelledEntryHits, mergeHits, NO_HTML_LABELS, withLabelledRoles } from './labelled-entries.js';
import { cutValue } from './value-shape.js';
import type { ValueShape } from './value-shape.js';

export { classifyValue, isSellerHolder, isSellerish } from './value-shape.js';
export type { ValueShape } from './value-shape.js';

/**
 * A text-level view of records and their fields, for the structural `shared-credentials` check.
 * It reads any language the way a reviewer skims it: a record is the set of key/field names
 * that share a bracket container (`{…}`, `(…)`, `[…]`), an indentation parent (YAML, Python,
 * Ruby), a list item (`- `), an INI/TOML section or a dotted/indexed key prefix
 * (`sellers.acme.secret_key`, `$store['Acme']['secretKey']`). Fields keep the shape of their
 * value (declared, literal, environment read, reference), which is what separates the type-A
 * anti-pattern from the correct pattern. AST adapters build {@link Field}s from their own trees.
 */

/** One field of a record. */
export interface Field {
  /** The field name as written (its last segment for dotted keys). */
  readonly name: string;
  readonly role: NameRole;
  /** Offset of the first character of the name. */
  readonly start: number;
  readonly end: number;
  readonly shape: ValueShape;
  /** The value expression as written (trimmed, at most 120 characters). */
  readonly value: string;
  /** Identity of the record holding the field. */
  readonly record: string;
  /** Identity of the collection holding the record (siblings are other sellers). */
  readonly collection: string;
  /** Text that names the record and its parent: class, table, parent key, section, key prefix. */
  readonly recordName: string;
  /** Identity of the enclosing record (`tenant` around a nested `mws: {…}` object). */
  readonly parentRecord: string;
  /** Identity of the record around the enclosing one, when the layout knows it. */
  readonly grandparentRecord?: string;
  /** The field is a read of a seller record's key (`seller.secretKey`), not a key position. */
  readonly isRead?: boolean;
  /** The read is an argument of a call that builds an MWS or SP-API client (`new MwsClient(shop.secretKey)`). */
  readonly clientArgument?: boolean;
  /**
   * The read is only passed on as a call's argument, from an object nothing names a seller's
   * (`signer.sign(…, credential.getSecretKey())`): the record judge leaves it to the project pass,
   * which reports it when the project keeps that object's record per seller (`project-candidates.ts`).
   */
  readonly passedOn?: boolean;
  /** The field is one entry of a form or settings list declared as data (`'id' => 'seller_id'`). */
  readonly isFormField?: boolean;
  /** The field is declared in a stored record: a table column, an ORM model or schema field. */
  readonly persisted?: boolean;
  /** The field is an input of a form (`<input name="secret">`, `v-model="form.secret"`). */
  readonly formInput?: boolean;
  /** The object the field is set on or keyed under (`params` of `params["MWSAuthToken"] = …`). */
  readonly receiver?: string;
  /** The label that gave a vague name its role (`{ key: 'apiSecret', label: 'MWS Secret Key' }`). */
  readonly label?: string;
}

// The objects before a PHP member name: `$rows[0]->`, `$this->shop->` (at most 6 steps).
const PHP_CHAIN = /((?:\$?\w{1,40}(?:\[\s*\d{1,4}\s*\])?->){1,6})$/;
const INTERESTING = new RegExp(
  `${SECRET_WORD_SOURCE}|access|key_?id|[am]ws[-_]?key|skey|seller|selling|merchant|token|account_?id`,
  'gi',
);
// The words of every key-field name (`KEY_NAME_WORDS`): a token holding none of them cannot be a
// key field. Fewer and rarer words than INTERESTING, so this pass costs about half as much.
const KEY_WORDS = new RegExp(KEY_NAME_WORDS.source, 'gi');
// With the generic names of an MWS-named record (`key`, `secret`).
const INTERESTING_GENERIC = new RegExp(`${INTERESTING.source}|\\bkey\\b`, 'gi');
const KEY_WORDS_GENERIC = new RegExp(`${KEY_NAME_WORDS.source}|\\bkey\\b`, 'gi');
const TOKEN_CHAR = /[\w$.-]/;

/** Options of {@link extractFields}. */
export interface ExtractOptions {
  /**
   * Return nothing unless some field outside a CSV header is a key field (`secret-key` or
   * `access-key` role) whose value could show the type-A pattern: declared, hard-coded, blank or
   * a reference, not an environment read or another expression (a record is only ever judged
   * by such a key). Callers that only judge records holding keys set it: the token pass and the
   * layout (passes over every character) then run only for texts that can hold such a record.
   */
  readonly requireKeyField?: boolean;
  /**
   * The file's path names MWS or Amazon (`resources/views/mws/settings.blade.php`): generic field
   * names (`key`, `secret`) are key fields anywhere in it. Without it they are key fields only in
   * a record whose own name says MWS or Amazon (`CREATE TABLE mws_credentials`, `MwsAccount`).
   */
  readonly mwsPath?: boolean;
}

/**
 * Extracts key/field occurrences with their record and value shape. Linear in the text.
 * `tabular` is the delimiter of a CSV/TSV export: its header cells are one record.
 */
export function extractFields(text: string, index: LineIndex, tabular?: string, options: ExtractOptions = {}): Field[] {
  // Generic names (`key`, `secret`) are read only where MWS or Amazon is named at all.
  const generic = options.mwsPath === true || MWS_NAMED.test(text);
  // (Labels name a generic field's role only where generic names count at all.)
  const labelled = generic ? labelledEntryHits(text) : [];
  const html = generic ? htmlLabels(text) : NO_HTML_LABELS;
  if (
    options.requireKeyField === true &&
    tabular === undefined &&
    !holdsTelltaleKey(text, index, generic) &&
    !labelled.some((hit) => isKeyRole(hit.role)) &&
    html.keys.size === 0
  )
    return [];
  const hits = mergeHits(withLabelledRoles(text, collectTokens(text, index, generic), labelled, html), labelled);
  if (hits.length === 0) return [];
  const layout = new Layout(text, index);
  const fields: Field[] = tabular === undefined ? [] : headerFields(text, index, layout, tabular);
  const headerEnd = tabular === undefined ? -1 : index.lineEnd(0, text);
  for (const hit of hits) {
    if (hit.start < headerEnd) continue;
    const f = toField(text, hit, layout, index);
    if (f && (!hit.generic || isMwsGenericField(f, options.mwsPath === true))) fields.push(f);
  }
  return fields;
}

/** Value shapes of a key field that can make its record type A (`shared-credentials.ts`). */
const TELLTALE_SHAPES: ReadonlySet<ValueShape> = new Set(['decl', 'ref', 'literal', 'empty']);

/**
 * True when some key field's value could show the type-A pattern, read without the layout: in
 * most large texts (bundles, generated typings) every key field is an environment read or an
 * expression, and the token pass over all words and the layout are then not needed at all.
 */
function holdsTelltaleKey(text: string, index: LineIndex, generic: boolean): boolean {
  let rows: boolean | undefined;
  for (const hit of tokens(text, index, generic ? KEY_WORDS_GENERIC : KEY_WORDS, generic)) {
    if (!isKeyRole(hit.role)) continue;
    const draft = readField(text, hit, index);
    if (draft === 'shorthand' || (draft !== undefined && TELLTALE_SHAPES.has(draft.shape))) return true;
    // (A configuration-named bag read in a text that fetches rows may be a stored row's:
    // `$config['client_secret']` after `$config = json_decode($integration->settings, true)`.)
    if (draft?.shape === 'env' && CONFIG_BAG.test(draft.value.trim()) && (rows ??= mayReadStoredRows(text)))
      return true;
  }
  return false;
}

function collectTokens(text: string, index: LineIndex, generic: boolean): TokenHit[] {
  return [...tokens(text, index, generic ? INTERESTING_GENERIC : INTERESTING, generic)];
}

// Texts that name MWS or Amazon somewhere: only there can a bare `key` or `secret` be an MWS key.
const MWS_NAMED = /mws|amazon/i;
// A value read from submitted input: `body.secret` (see `readField` in `field-readers.ts`), `$request->secret`,
// `$request->input('secret')`, `req.body.secret`, `request.form['secret']`.
const SUBMITTED_VALUE = /^(?:body\.|\$request->|req\.body\b|request\.(?:form|POST|data|json)\b)/;
// Generic field names and the key they stand for in an MWS-named record.
const GENERIC_ROLES: ReadonlyMap<string, NameRole> = new Map([
  ['key', 'access-key'],
  ['secret', 'secret-key'],
]);

/**
 * A generic field (`key`, `secret`) counts when it is declared (a column, a struct field, a form
 * input) or read from a record, in a record named for MWS or Amazon (or anywhere in a file whose
 * path is): `CREATE TABLE mws_credentials (merchant_id …, key …, secret …)`.
 */
function isMwsGenericField(f: Field, mwsPath: boolean): boolean {
  // A stored column or struct field, a form input, a read, or a field filled from submitted input
  // (`$account->secret = $request->secret`): never a word in a label or prose.
  if (f.persisted !== true && f.isRead !== true && f.formInput !== true && !SUBMITTED_VALUE.test(f.value)) return false;
  return mwsPath || /mws|amazon|amz/i.test(f.recordName);
}

/**
 * The names holding a match of `words` (a global regex), each whole name once, in text order.
 * A name is the run of name characters around a match, so the matches that find it do not
 * change what it is. Names past the pass's reading budget are left out (`read-budget.ts`).
 */
function* tokens(text: string, index: LineIndex, words: RegExp, generic = false): Generator<TokenHit> {
  const budget = new ReadBudget();
  let lastEnd = -1;
  words.lastIndex = 0;
  for (let m = words.exec(text); m !== null; m = words.exec(text)) {
    if (m.index < lastEnd) continue;
    let s = m.index;
    let e = m.index + m[0].length;
    while (s > 0 && TOKEN_CHAR.test(text[s - 1] ?? '')) s--;
    while (e < text.length && TOKEN_CHAR.test(text[e] ?? '')) e++;
    const { full: whole, fullStart } = wholeKey(text, index, s, e);
    lastEnd = e;
    const full = trimChars(whole, '.$-');
    const parts = full.split('.').filter((p) => p !== '');
    const leaf = parts.pop() ?? full;
    let role = nameRole(leaf);
    const genericRole =
      generic && (role === 'none' || role === 'generic-secret') ? GENERIC_ROLES.get(leaf.toLowerCase()) : undefined;
    if (genericRole) role = genericRole;
    // LWA client secrets and refresh tokens stay: a seller's own SP-API app kept per seller is type A.
    if (role === 'none' || role === 'not-secret' || role === 'lwa-client-id') continue;
    const line = index.lineOf(s);
    if (!budget.take(s, e, index.lineStart(line), index.lineEnd(line, text))) continue;
    // Report at the leaf name itself (`secretKey` in `seller.secretKey` or in
    // `$store['Acme']['secretKey']`); whether a read is a field is decided in toField.
    yield {
      start: fullStart === s ? s + Math.max(0, text.slice(s, e).lastIndexOf(leaf)) : s,
      end: e,
      full,
      leaf,
      prefix: parts.join('.'),
      role,
      keyStart: fullStart,
      generic: genericRole !== undefined,
    };
  }
}

/**
 * The whole key around the name at `s`..`e`, with its place: indexed keys
 * (`$store['Acme']['secretKey']` → `$store.Acme.secretKey`), getters by name and PHP member chains
 * name the record the key belongs to, which the name alone does not.
 */
function wholeKey(text: string, index: LineIndex, s: number, e: number): { full: string; fullStart: number } {
  let full = text.slice(s, e);
  let fullStart = s;
  const q = text[s - 1];
  if ((q === '"' || q === "'") && text[s - 2] === '[') {
    const lineStart = index.lineStart(index.lineOf(s));
    // eslint-disable-next-line regexp/no-super-linear-move, regexp/no-super-linear-backtracking -- runs on one line's last 200 characters
    const chain = /([$\w.]*(?:\[\s*["']?[^"'\]\n]{1,60}["']?\s*\])+)$/.exec(
      text.slice(Math.max(lineStart, s - 200), e + 2),
    );
    if (chain?.[1] !== undefined) {
      fullStart = e + 2 - chain[1].length;
      // eslint-disable-next-line regexp/no-super-linear-backtracking, regexp/no-super-linear-move -- `chain` is at most ~260 characters
      full = chain[1].replace(/\[\s*["']?([^"'\]]*)["']?\s*\]/g, '.$1');
    }
  } else if ((q === '"' || q === "'") && text[s - 2] === '(') {
    // A getter by name: Java `shop.get("SECRET_KEY")`, `json.getString("secretKey")`, Python
    // `account.get('secret_key')`, Ruby `row.fetch('secret_key')` → full `shop.SECRET_KEY`.
    const getter = GETTER_CHAIN.exec(text.slice(Math.max(index.lineStart(index.lineOf(s)), s - 120), s - 1));
    if (getter?.[1] !== undefined) {
      fullStart = s - 1 - getter[0].length;
      full = `${getter[1]}.${full}`;
    }
  } else if (q === '>' && text[s - 2] === '-') {
    // PHP members: `$rows[0]->secret_key` → `rows.0.secret_key`, `$this->shop->secret_key`.
    const chain = PHP_CHAIN.exec(text.slice(Math.max(index.lineStart(index.lineOf(s)), s - 120), s));
    if (chain?.[1] !== undefined) {
      fullStart = s - chain[1].length;
      full = `${chain[1].replace(/\[\s*(\d{1,4})\s*\]/g, '.$1').replace(/->/g, '.')}${full}`;
    }
  }
  return { full, fullStart };
}

function toField(text: string, hit: TokenHit, layout: Layout, index: LineIndex): Field | undefined {
  const draft = readField(text, hit, index);
  if (draft === undefined) return undefined;
  if (draft === 'shorthand') return shorthand(text, hit, layout);
  const { recordAt } = draft;
  const at =
    recordAt === 'container'
      ? Math.max(0, layout.containerAt(hit.start) - 1)
      : recordAt === 'form'
        ? formAnchor(layout, hit.start, index)
        : recordAt;
  const where = layout.describe(at, draft.prefix);
  return {
    name: hit.leaf,
    role: roleWithRead(hit.role, draft.value, draft.shape),
    start: hit.start,
    end: hit.end,
    shape: draft.shape,
    value: draft.value,
    ...where,
    recordName: `${where.recordName} ${draft.declLine}`,
    ...(draft.isRead ? { isRead: true } : {}),
    ...(draft.clientArgument === true ? { clientArgument: true } : {}),
    ...(draft.passedOn === true ? { passedOn: true } : {}),
    ...(draft.isFormField ? { isFormField: true } : {}),
    ...(draft.persisted ? { persisted: true } : {}),
    ...(recordAt === 'form' || draft.formInput ? { formInput: true } : {}),
    ...(draft.prefix !== '' ? { receiver: draft.prefix } : {}),
    ...(hit.label !== undefined ? { label: hit.label } : {}),
  };
}

/** A form input's record: the `<form` before it, else its line (`value={secretKey}`: not the braces). */
function formAnchor(layout: Layout, start: number, index: LineIndex): number {
  const form = layout.formBefore(start);
  return form !== -1 ? form : index.lineStart(index.lineOf(start));
}

/** `{ sellerId, secretKey }` (shorthand) or `const { sellerId, secretKey } = req.body`. */
function shorthand(text: string, hit: TokenHit, layout: Layout): Field | undefined {
  const container = layout.containerAt(hit.start);
  if (container < 0) return undefined;
  const head = text.slice(Math.max(0, container - 80), container);
  // A table's column list (`INSERT INTO sellers (…)`), or an Eloquent model's attribute list
  // (`protected $fillable = ['seller_id', 'secret_key']`, `$hidden`, `$casts`).
  // (Also a hand-written active record's or a table's column list: `public $attributes = [`, `columns = [`.)
  const modelList =
    /(?:\$(?:fillable|hidden|guarded|visible|casts|encryptable|encrypted)|\b(?:attributes|columns))\s*=\s*$/.test(head);
  if (/\b(?:insert\s+into|create\s+table(?:\s+if\s+not\s+exists)?)\s+[\w."`[\]]+\s*$/i.test(head) || modelList) {
    // An Eloquent model's lists all describe its one table: the class, not each list, is the record.
    const where = layout.describe(modelList ? Math.max(0, container - 1) : hit.start, '');
    return {
      name: hit.leaf,
      role: hit.role,
      start: hit.start,
      end: hit.end,
      shape: 'decl',
      value: '',
      ...where,
      persisted: true,
    };
  }
  // The fields a form or serializer takes (Django `class Meta: fields = ['seller_id', 'secret_key']`),
  // or the submitted fields a handler keeps (Laravel `$request->only(['seller_id', 'secret_key'])`).
  const formList = /\bfields\s*=\s*$/.test(head);
  if (formList || /\$request->only\(?\s*$/.test(head)) {
    const where = layout.describe(hit.start, '');
    const base = { name: hit.leaf, role: hit.role, start: hit.start, end: hit.end, ...where };
    return formList
      ? { ...base, shape: 'decl', value: '', formInput: true }
      : { ...base, shape: 'ref', value: `body.${hit.leaf}` };
  }
  return destructured(text, hit, layout, container, head);
}

// The environment as a whole object: Node's, Vite's, Deno's, Python's.
const ENVIRONMENT = /^(?:process\.env|import\.meta\.env|Deno\.env(?:\.toObject\(\))?|os\.environ)$/;

/**
 * A name inside braces or a parameter list: `const { sellerId, secretKey } = req.body` reads the
 * object after `=`, `{ sellerId, secretKey }` reads variables of those names, and a function's
 * parameter list (`function onboard(sellerId, accessKey, secretKey)`) holds values of any shape.
 */
function destructured(text: string, hit: TokenHit, layout: Layout, container: number, head: string): Field | undefined {
  const opener = text.charCodeAt(container);
  if (opener !== OPEN_BRACE && opener !== OPEN_PAREN) return undefined;
  const close = layout.closerOf(container);
  let value = hit.leaf;
  if (close !== undefined) {
    const m = /^\s*(?::\s*[\w<>[\]|]+\s*)?=\s*([^;\n]{1,120})/.exec(text.slice(close + 1, close + 200));
    if (m?.[1] !== undefined && opener === OPEN_BRACE) value = `${cutValue(m[1])}.${hit.leaf}`;
    else if (opener === OPEN_PAREN) {
      // (A quoted name in an annotation or attribute, `@JsonProperty("client_secret")`,
      // `[JsonPropertyName("client_secret")]`, names the serialized key of the member declared
      // with it: that member is the field.)
      if (/["'`]/.test(text.charAt(hit.start - 1)) && /(?:@|\[)[\w.]{1,60}\s*$/.test(head)) return undefined;
      // A parameter list: `function onboard(sellerId, accessKey, secretKey)`.
      // eslint-disable-next-line regexp/no-super-linear-backtracking, regexp/no-super-linear-move -- `head` is at most 80 characters
      if (!/(?:function\s*[\w$]*|def\s+\w+|=>|\bfunc\s+\w*|[\w$]+)\s*$/.test(head)) return undefined;
      return {
        name: hit.leaf,
        role: hit.role,
        start: hit.start,
        end: hit.end,
        shape: 'other',
        value,
        ...layout.describe(hit.start, ''),
      };
    }
  }
  // (A quoted name in braces read by nothing is a set of names, Python's `{"lwa_client_id",
  // "lwa_client_secret"}`: no property is written so, and no value goes with it.)
  if (value === hit.leaf && opener === OPEN_BRACE && /["'`]/.test(text.charAt(hit.start - 1))) return undefined;
  const where = layout.describe(hit.start, '');
  // (Destructured from the environment itself, `const { LWA_CLIENT_SECRET } = process.env`: the
  // program's own. A request's `settings` or `config` member is still submitted input.)
  const shape = ENVIRONMENT.test(value.slice(0, value.length - hit.leaf.length - 1)) ? 'env' : 'ref';
  return { name: hit.leaf, role: hit.role, start: hit.start, end: hit.end, shape, value, ...where };
}
