import { OPEN_BRACE, OPEN_PAREN } from './char-codes.js';
import {
  declaresEntity,
  DJANGO_ADD_FIELD,
  DRUPAL_ELEMENT,
  EF_COLUMN,
  EF_PROPERTY,
  FORM_ATTRIBUTE,
  FORM_CONTROL,
  FORM_HELPER,
  GETTER_CHAIN,
  JAVA_COLUMN_ANNOTATION,
  PHP_PROPERTY,
  QUOTED_INSERT,
  RAILS_FORM_INPUT,
  RAILS_FORM_LABEL,
  RAZOR_INPUT,
  showsOwnSettings,
  VALIDATION_LIST,
  VALIDATION_RULES,
} from './field-idioms.js';
import { inClientCall } from './client-calls.js';
import { actionParameterAt } from './action-params.js';
import { formDataAt } from './form-data.js';
import { declaresFormEntry } from './form-entries.js';
import { recordHeaderAt } from './record-components.js';
import { isJsonBlobRead } from './json-blobs.js';
import { Layout } from './layout.js';
import type { LineIndex } from './locate.js';
import { KEY_NAME_WORDS, SECRET_WORD_SOURCE, nameRole } from './names.js';
import type { NameRole } from './names.js';
import { trimChars } from './strings.js';
import { ReadBudget } from './read-budget.js';
import { asSubmitted, isSubmittedRead } from './submitted.js';
import { roleWithRead } from './read-roles.js';
import { oneLineTable } from './sql-columns.js';
import { headerFields } from './header-fields.js';
import { classifyValue, cutValue, fieldValue, isSellerHolder } from './value-shape.js';
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
  /** The field is one entry of a form or settings list declared as data (`'id' => 'seller_id'`). */
  readonly isFormField?: boolean;
  /** The field is declared in a stored record: a table column, an ORM model or schema field. */
  readonly persisted?: boolean;
  /** The field is an input of a form (`<input name="secret">`, `v-model="form.secret"`). */
  readonly formInput?: boolean;
  /** The object the field is set on or keyed under (`params` of `params["MWSAuthToken"] = …`). */
  readonly receiver?: string;
}

// Value expressions that declare a stored field: ORM columns and schema types.
const STORED_TYPE =
  /^(?:models\.|fields\.|db\.Column|Column|mapped_column|DataTypes|Sequelize\.|Schema\.Types|\{\s*type\s*:|(?:\w*\.)*[A-Z]\w*(?:Field|Column|Attribute)\b|String\b(?!\s*\()|sa\.)/;

// The type after a column or field name in DDL, Prisma and Go structs: `mws_secret_key VARCHAR(64)`.
const STORED_COLUMN_TYPE =
  /^["'`\]]?\s+(?:n?varchar|n?char|character|(?:tiny|medium|long)?text|bytea|(?:var)?binary|blob|jsonb?|uuid|encrypted|(?:big|small)?int|integer)\b/i;
// Prisma's `String`, and a Go struct field with a storage tag (`string \`gorm:"column:secret_key"\``):
// a Go struct without one is a program's own type (a client's config), not a table.
const STORED_FIELD_TYPE =
  /^["'`\]]?\s+(?:String\b(?!\s*\()|(?:\*?string|\[\]byte|sql\.\w+)\s+`[^`\n]{0,200}\b(?:gorm|db|bson|json):)/;

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
const KOTLIN_GETTER = /^\r?\n[ \t]{0,40}get\(\)[ \t]{0,4}=[ \t]{0,4}([^\n]{1,160})/;

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
  if (options.requireKeyField === true && tabular === undefined && !holdsTelltaleKey(text, index, generic)) return [];
  const hits = collectTokens(text, index, generic);
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

const isKeyRole = (role: NameRole): boolean =>
  role === 'secret-key' || role === 'access-key' || role === 'lwa-client-secret';

/** Value shapes of a key field that can make its record type A (`shared-credentials.ts`). */
const TELLTALE_SHAPES: ReadonlySet<ValueShape> = new Set(['decl', 'ref', 'literal', 'empty']);

/**
 * True when some key field's value could show the type-A pattern, read without the layout: in
 * most large texts (bundles, generated typings) every key field is an environment read or an
 * expression, and the token pass over all words and the layout are then not needed at all.
 */
function holdsTelltaleKey(text: string, index: LineIndex, generic: boolean): boolean {
  for (const hit of tokens(text, index, generic ? KEY_WORDS_GENERIC : KEY_WORDS, generic)) {
    if (!isKeyRole(hit.role)) continue;
    const draft = readField(text, hit, index);
    if (draft === 'shorthand' || (draft !== undefined && TELLTALE_SHAPES.has(draft.shape))) return true;
  }
  return false;
}

interface TokenHit {
  readonly start: number;
  readonly end: number;
  readonly full: string;
  readonly leaf: string;
  readonly prefix: string;
  readonly role: NameRole;
  /** Where the whole key starts (`$store` in `$store['Acme']['secretKey']`). */
  readonly keyStart: number;
  /** A generic name (`key`, `secret`) given a key role (see {@link isMwsGenericField}). */
  readonly generic: boolean;
}

function collectTokens(text: string, index: LineIndex, generic: boolean): TokenHit[] {
  return [...tokens(text, index, generic ? INTERESTING_GENERIC : INTERESTING, generic)];
}

// Texts that name MWS or Amazon somewhere: only there can a bare `key` or `secret` be an MWS key.
const MWS_NAMED = /mws|amazon/i;
// A value read from submitted input: `body.secret` (see `readField`), `$request->secret`,
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
    // Indexed keys: $store['Acme']['secretKey'] → full `$store.Acme.secretKey`.
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
    lastEnd = e;
    full = trimChars(full, '.$-');
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
 * What the text around a name says about its field, before the layout places it in a record:
 * the value's shape and where the record is read from (an offset, the bracket around the name,
 * or the HTML form before it).
 */
interface FieldDraft {
  readonly shape: ValueShape;
  readonly value: string;
  readonly recordAt: number | 'container' | 'form';
  readonly prefix: string;
  readonly declLine: string;
  readonly isRead: boolean;
  readonly clientArgument?: boolean;
  readonly isFormField: boolean;
  readonly persisted: boolean;
  readonly formInput: boolean;
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
    ...(draft.isFormField ? { isFormField: true } : {}),
    ...(draft.persisted ? { persisted: true } : {}),
    ...(recordAt === 'form' || draft.formInput ? { formInput: true } : {}),
    ...(draft.prefix !== '' ? { receiver: draft.prefix } : {}),
  };
}

/** A form input's record: the `<form` before it, else its line (`value={secretKey}`: not the braces). */
function formAnchor(layout: Layout, start: number, index: LineIndex): number {
  const form = layout.formBefore(start);
  return form !== -1 ? form : index.lineStart(index.lineOf(start));
}

/** Reads a field from the text around its name; `shorthand`: only the layout can tell. */
function readField(text: string, hit: TokenHit, index: LineIndex): FieldDraft | 'shorthand' | undefined {
  const line = index.lineOf(hit.start);
  const lineStart = index.lineStart(line);
  const lineEnd = index.lineEnd(line, text);
  const before = text.slice(Math.max(lineStart, hit.start - 80), hit.start);
  const after = text.slice(hit.end, Math.min(lineEnd, hit.end + 160));
  // Query-string parameters are judged per URL by the request check.
  if (/[?&]$/.test(before)) return undefined;
  const sep = /^["'`]?\]?[?!]?\s*(=>|:=|(?<![=!<>])=(?!=)|:(?!:)|,)/.exec(after);
  let shape: ValueShape;
  let value = '';
  let recordAt: FieldDraft['recordAt'] = hit.keyStart;
  let prefix = hit.prefix;
  let declLine = '';
  let isRead = false;
  let clientArgument = false;
  let isFormField = false;
  let persisted = false;
  let formInput = false;
  // A field commented out (`// Text::make('MWS Auth Token', …)`, `# "secret_key": "…",`) is not
  // part of the live record around it: old keys left in a comment do not make a record type A,
  // nor does a commented-out token make one type B. (The literal keys stay their own findings.)
  // (A line of a block comment, ` * @TableField("secret_key") private String secretKey;`, too.)
  if (/^\s*(?:\/\/|#(?!\[)|\/?\*(?!\*?\s*[\w$]+\s*[=:]))/.test(text.slice(lineStart, hit.start))) return undefined;
  if (
    /\b(?:add_index|remove_column|remove_index|drop_column|dropColumn|dropIndex|index|unique|references|foreign)\b/i.test(
      text.slice(Math.max(lineStart, hit.start - 160), hit.start),
    )
  ) {
    return undefined; // an index or a removal names a column; it does not hold one
  }
  // A `switch` label names a value (`case 'secret-key':`), it declares no field.
  if (/\b(?:case|when)\s+["'`]?$/.test(before)) return undefined;
  // A method's parameters (Ruby `def initialize(aws_access_key_id:, …)`, Python `def f(secret_key: str)`): a parameter list.
  if (/\bdef\s+[\w.]{1,60}[!?]?\s*\([^()\n]{0,200}$/.test(text.slice(Math.max(lineStart, hit.start - 280), hit.start)))
    return mayBeShorthand(text, hit);
  // A comparison reads a field to test it (`assert params["AWSAccessKeyId"] == KEY`): no value is stored.
  if (/^["'`\]]{0,2}\s*[!=]==?/.test(after)) return undefined;
  const addedTo = DJANGO_ADD_FIELD.exec(text.slice(Math.max(0, hit.start - 200), hit.start))?.[1];
  if (isSubmittedRead(before, text) && sep?.[1] !== '=') {
    // A read of a submitted field: `req.body.secretKey`, `request.form['secret_key']`, `params[:secret_key]`.
    shape = 'ref';
    value = `body.${hit.leaf}`;
    recordAt = lineStart;
    prefix = '';
  } else if (prefix !== '' && sep === null && FORM_ATTRIBUTE.test(before)) {
    shape = 'decl'; // a form input bound to a model's member: `v-model="form.secretKey"`
    recordAt = 'form';
  } else if (EF_PROPERTY.test(before)) {
    if (!EF_COLUMN.test(text.slice(hit.end, hit.end + 200))) return undefined;
    shape = 'decl';
    persisted = true;
    recordAt = 'container';
    prefix = '';
  } else if (RAZOR_INPUT.test(before)) {
    shape = 'decl'; // `@Html.PasswordFor(m => m.SecretKey)`: one record per form
    recordAt = 'form';
    prefix = '';
  } else if (
    prefix !== '' &&
    (isSellerHolder(
      prefix
        .split('.')
        .filter((p) => !/^\d+$/.test(p))
        .at(-1) ?? '',
    ) ||
      // Any object's keys passed straight to an MWS client (`getAsyncClient(marketPlace.getAccessKey(), …)`):
      // the judge decides whose they are (see `type-a-records.ts`).
      ((sep === null || sep[1] === ',') && inClientCall(text, index, line, hit.keyStart))) &&
    (sep === null || sep[1] === ',')
  ) {
    // A read of a seller record's key: `amazonMws(seller.accessKey, seller.secretKey)`. Passed to
    // an MWS client's constructor, it shares a record with the seller id passed beside it
    // (`MWSConnection(account.access_key, account.secret_key, Merchant=account.merchant_id)`).
    isRead = true;
    shape = 'ref';
    value = hit.full;
    // (Read before the whole key: a getter's own paren, `shop.get("…")`, opens no client.)
    clientArgument = inClientCall(text, index, line, hit.keyStart);
    recordAt = clientArgument ? hit.keyStart : lineStart;
    prefix = '';
  } else if (
    /(?:->|\.)(?:string|text|binary|char|varchar|column|addColumn|mediumText|longText|json|encrypted\w*|specificType)\(\s*["']$/i.test(
      before,
    ) &&
    /^["']\s*[,)]/.test(after)
  ) {
    // Schema builders: Laravel `$table->text('mws_secret_key')`, knex `table.string('secret_key')`.
    shape = 'decl';
    persisted = true;
    recordAt = 'container';
  } else if (/::make\(\s*(?:["'][^"'\n]{0,60}["']\s*,\s*)?["']$/.test(before) && /^["']\s*[,)]/.test(after)) {
    // Admin panel fields: Laravel Nova `Text::make('Secret Key', 'secret_key')`, Filament
    // `TextInput::make('secret_key')`. The fields of one resource form are one record.
    shape = 'decl';
    recordAt = 'container';
    formInput = true;
  } else if (addedTo !== undefined) {
    shape = 'decl';
    persisted = true;
    recordAt = 'container';
    prefix = addedTo;
  } else if (/\badd\s+(?:column\s+)?(?:if\s+not\s+exists\s+)?["'`]?$/i.test(before)) {
    shape = 'decl'; // SQL: ALTER TABLE merchants ADD COLUMN mws_secret_key BYTEA
    persisted = true;
    declLine = text.slice(lineStart, hit.start);
  } else if (/\bt\.\w{1,20}\s+["']$/.test(before) && /^["']/.test(after)) {
    shape = 'decl'; // Rails schema.rb: t.string "aws_secret_access_key"
    persisted = true;
  } else if (FORM_HELPER.test(before) && /^["']\s*[,)]/.test(after)) {
    shape = 'decl'; // Form::password('secret_key', …), form_input('secret_key', …): one record per form
    recordAt = 'form';
  } else if (RAILS_FORM_LABEL.test(before)) {
    return undefined; // `f.label :secret_key, "Secret key"` names an input; the input is the field
  } else if (RAILS_FORM_INPUT.test(before)) {
    shape = 'decl'; // Rails form builders: `f.text_field :secret_key`, `password_field_tag :secret_key`
    recordAt = 'form';
    // A `_tag` input showing the installation's settings (`text_field_tag :x, Spree::Config[:x]`)
    // edits that configuration, as an HTML input's `value` from it does (`showsOwnSettings`).
    if (/^\s{0,4},\s{0,4}[\w:]{0,40}\b(?:Config|Settings?|Preferences?)\s{0,4}[[(.]/.test(after)) shape = 'env';
  } else if (/\[\s*(?::\w{1,40}\s*,\s*){0,12}:$/.test(before)) {
    return undefined; // a list of option names, `[:merchant_id, :aws_secret_access_key]`: it holds no value
  } else if (/\.(?:dig|fetch|values_at)\([^()\n]{0,80}:$/.test(before)) {
    return undefined; // a lookup by key, `credentials.dig(:mws, :secret_access_key)`: it reads a store
  } else if (/(?:^|[\s(,{|%]):$/.test(before) && !/^\s*=>/.test(after)) {
    // (A symbol that keys a hash, `:secret_key => x`, is judged by its value below; `params[:x]` reads.)
    shape = 'decl'; // Ruby symbol: t.string :secret_key, attr_encrypted :secret_key
    // `add_column :amazon_credentials, :secret_access_key, :string`: a column of that table.
    const table = /\badd_column\s+:(\w{1,64}),\s*:$/.exec(before)?.[1];
    persisted = table !== undefined || /\bt\.\w+\s+:$|attr_encrypted\s+:$/.test(before);
    if (table !== undefined) prefix = table;
  } else if (JAVA_COLUMN_ANNOTATION.test(before)) {
    // A column named in a Java annotation (JPA `@Column(name = "secret_key")`, MyBatis-Plus
    // `@TableField("secret_key")`) names the column of the field or getter declared after it,
    // which is the entity's field (see `declaresEntity`); it is no form input's `name=`.
    return undefined;
  } else if (/@\w+\(\s*\{[^}]{0,80}\bname\s*:\s*["']$/.test(before)) {
    // A column named in its decorator: `@Column({ name: 'mws_secret_key' }) secret: string;`.
    shape = 'decl';
    persisted = true;
    recordAt = lineStart;
  } else if (QUOTED_INSERT.test(text.slice(Math.max(lineStart, hit.start - 300), hit.start))) {
    // An INSERT in a string names the table's columns: `"INSERT INTO stores (seller_id, secret_key) …"`
    // (the layout does not look into strings; a bare SQL column list is a container, see `shorthand`).
    shape = 'decl';
    persisted = true;
    recordAt = lineStart;
    declLine = text.slice(lineStart, Math.min(lineEnd, lineStart + 400));
  } else if (STORED_COLUMN_TYPE.test(after) && oneLineTable(text, lineStart, lineEnd, hit.start)) {
    // A column of a CREATE TABLE on one line, in a string or not (`sql-columns.ts`): one row per statement.
    const table = oneLineTable(text, lineStart, lineEnd, hit.start) ?? { start: lineStart, name: '' };
    shape = 'decl';
    persisted = true;
    recordAt = table.start;
    prefix = table.name;
    declLine = text.slice(table.start, Math.min(lineEnd, table.start + 80));
  } else if (/\bselect\s[^;()]{0,200}$/i.test(before) && /\bfrom\s/i.test(after)) {
    // A SELECT list names the table's columns: `SELECT tenant_id, secret_key FROM tenants`.
    shape = 'decl';
    persisted = true;
    recordAt = lineStart;
    declLine = text.slice(lineStart, Math.min(lineEnd, lineStart + 400));
  } else if (declaresFormEntry(before, text.slice(lineStart, Math.min(lineEnd, lineStart + 400)))) {
    // A settings or form field declared as data (`form-entries.ts`): `array('id' => 'wcas_mws_secret_key', …)`.
    shape = 'decl';
    isFormField = true;
  } else if (/^\s*[,)]/.test(after) && actionParameterAt(text, hit.start) !== -1) {
    shape = 'ref'; // a web action's parameter, bound from the request (`action-params.ts`)
    value = `body.${hit.leaf}`;
    recordAt = actionParameterAt(text, hit.start);
  } else if (/^\s*[,)]/.test(after) && recordHeaderAt(text, hit.start) !== -1) {
    shape = 'decl'; // a component of a Java or C# record: `record SellerKeys(String sellerId, String secretKey)`
    recordAt = recordHeaderAt(text, hit.start);
  } else if (sep?.[1] !== undefined) {
    if (sep[1] === ',' && formDataAt(text, before) !== -1) {
      // An entry of a browser form's data (`fd.append('SecretKey', key)`, `form-data.ts`): one form.
      shape = 'decl';
      formInput = true;
      recordAt = formDataAt(text, before);
      return { shape, value, recordAt, prefix: '', declLine, isRead, isFormField, persisted, formInput };
    }
    if (sep[1] === ',') {
      // `v.Add("AWSAccessKeyId", value)`, `define('X', value)`: a key/value call; its record is
      // the code around the call, shared with the sibling calls.
      // (Not a tuple of names: Django `fields = ('seller_id', 'secret_key')`.)
      if (!/\(\s*["']$/.test(before) || /\bfields\s*=\s*\(\s*["']$/.test(before)) return mayBeShorthand(text, hit);
      recordAt = 'container';
    }
    value = asSubmitted(fieldValue(after.slice(sep[0].length)), text);
    // A constructor keeping its parameter (`self.secret_key = secret_key`, `this.secretKey = secretKey`,
    // `$this->secret_key = $secret_key`, `@secret_key = secret_key`): the caller's value, not a record.
    if (
      sep[1] === '=' &&
      trimChars(value, '$') === hit.leaf &&
      (/^(?:self|this)$/.test(prefix) || before.endsWith('@'))
    )
      return undefined;
    // A name whose value opens a block names a section (`'secret-key': {` in a table keyed by
    // kind names, `mws: {`), not a field; a schema's field block says its type (`secretKey: {`
    // then `type: String`).
    if (value === '{') {
      if (!opensSchemaField(text, hit.end)) return undefined;
      persisted = true;
    }
    // Validation rules name the fields a form submits: `'secret_key' => 'required|string|size:40'`.
    if (VALIDATION_RULES.test(value) || VALIDATION_LIST.test(value))
      return {
        shape: 'decl',
        value: '',
        recordAt,
        prefix,
        declLine,
        isRead,
        isFormField: false,
        persisted: false,
        formInput: true,
      };
    // An annotation with a default (`mws_secret_key: SecretStr = Field(..., env="…")`): the default is the value.
    const annotated = sep[1] === ':' ? /^[\w.[\]|, ]{1,60}=(?![=>])\s*(\S.{0,119})$/.exec(value) : null;
    if (annotated?.[1] !== undefined) value = annotated[1];
    // A Kotlin property's getter on the next line is its value: `val clientSecret: String` above
    // `get() = System.getenv("AMAZON_CLIENT_SECRET")`.
    const getter = sep[1] === ':' ? KOTLIN_GETTER.exec(text.slice(lineEnd, lineEnd + 200))?.[1] : undefined;
    if (getter !== undefined) value = cutValue(getter);
    shape = classifyValue(value);
    // A member of a JSON blob decoded in place reads the record that stores it (`json-blobs.ts`).
    if (shape === 'other' && isJsonBlobRead(value)) shape = 'ref';
    // ORM and schema fields: `models.CharField(…)`, `fields.Char(…)`, `Column(String)`, Mongoose `{ type: String }`.
    // (An ORM field declared not stored, Odoo's `fields.Char(store=False)`, holds nothing between calls.)
    if (shape === 'decl' && /\bstore\s*=\s*False\b/.test(value)) return undefined;
    persisted ||= shape === 'decl' && STORED_TYPE.test(value);
    // A typed member of an ORM entity class (TypeORM/MikroORM `@Entity() class Client { clientSecret: string }`).
    persisted ||= shape === 'decl' && sep[1] === ':' && declaresEntity(text);
    if (sep[1] === ':' && /^\[?(?:String|ID|Int|string|str|number|text|bytes)!?\]?[!?]?$/.test(value)) shape = 'decl';
    // A validation schema's field (zod `z.string()`, Yup, Joi) is a field a form or request submits;
    // not an environment variable's (`SP_API_CLIENT_SECRET: z.string()` validates the program's own).
    if (shape === 'decl' && /^(?:z|[yY]up|Joi)\./.test(value) && !/^[A-Z][A-Z\d_]+$/.test(hit.leaf)) formInput = true;
    // A Drupal Form API element: `$form['credentials']['secret_key'] = ['#type' => 'textfield', …]`.
    if (value === '[' && DRUPAL_ELEMENT.test(text.slice(hit.end, hit.end + 120))) {
      shape = 'decl';
      formInput = true;
    }
    if (sep[1] === ':' && FORM_CONTROL.test(value)) {
      shape = 'decl';
      formInput = true;
    }
  } else if (FORM_ATTRIBUTE.test(before) || /register\(\s*["']$/.test(before)) {
    shape = 'decl'; // form input: one record per <form>
    recordAt = 'form';
    // An input showing the program's own configuration (`value="<?php echo $amzConfig['X'] ?>"`,
    // `value="' . get_option('x') . '"`) edits that configuration, not a seller's record.
    if (showsOwnSettings(after)) shape = 'env';
  } else if (PHP_PROPERTY.test(text.slice(lineStart, hit.start)) && /^\s{0,4}(?:[;=]|$)/.test(after)) {
    // A PHP property (`private $secretKey;`) of a Doctrine entity is a stored column. A plain
    // class's property is a program's own state (a client wrapper's `public $AWS_SECRET_ACCESS_KEY;`).
    if (!declaresEntity(text)) return undefined;
    shape = 'decl';
    persisted = true;
  } else if (
    hit.start - lineStart < 160 &&
    // eslint-disable-next-line regexp/no-super-linear-backtracking -- `after` is at most 160 characters
    /^\s*(?:["'`]\s*)?\??\s*(?:[;{]|$)/.test(after) &&
    /^\s*(?:(?:public|private|protected|internal|readonly|static|final|val|var|let|const|declare|required|optional|abstract|override|virtual|@\w+(?:\([^)]*\))?)\s+|\[[^\]\n]{1,80}\]\s*)*[\w<>[\]?,.]+\s+$/.test(
      text.slice(lineStart, hit.start),
    ) &&
    // `return secretKey;` (a getter's body) reads the field; it declares nothing.
    !/^\s*(?:return|throw|yield|await|new|else|delete|typeof|void|echo|print)\s+$/.test(
      text.slice(lineStart, hit.start),
    )
  ) {
    shape = 'decl'; // Java/C#/TS field: private String secretKey; public string SecretKey { get; set; }
    persisted = declaresEntity(text);
  } else if (/^\s*["'`[]?$/.test(text.slice(lineStart, hit.start)) && /^["'`\]]?\s+[A-Z[]/i.test(after)) {
    shape = 'decl'; // SQL column, Prisma/Go/GraphQL field: mws_secret_key VARCHAR(64)
    persisted = STORED_COLUMN_TYPE.test(after) || STORED_FIELD_TYPE.test(after);
  } else if (/^\s*[,)}\]]/.test(after) || /^\s*$/.test(after) || /^["'`]\s*(?:[)\]]|$)/.test(after)) {
    // (The last name of a quoted list too: `…, 'secret_key']`, or `` `secret_key` `` above its `)`.)
    return mayBeShorthand(text, hit);
  } else return undefined;
  return { shape, value, recordAt, prefix, declLine, isRead, clientArgument, isFormField, persisted, formInput };
}

/** True when the block opened after `from` starts with a schema field's `type:` (Mongoose `{ type: String }`). */
function opensSchemaField(text: string, from: number): boolean {
  const open = text.indexOf('{', from);
  return open !== -1 && open - from < 80 && /^[^}]{0,120}?\btype\s*:/.test(text.slice(open + 1, open + 160));
}

/**
 * What the text alone says about a shorthand: only a name of its own (no `a.b` prefix) that
 * follows `{`, `(` or `,` can be one. The layout decides the rest ({@link shorthand}).
 */
function mayBeShorthand(text: string, hit: TokenHit): 'shorthand' | undefined {
  if (hit.prefix !== '') return undefined;
  // (`[` too: the first name of a quoted list, `fields = ['seller_id', …]`; and a column a MyBatis
  // condition adds to the list, `<if test="secretKey != null">` above `` `secret_key` ``.)
  const near = text.slice(Math.max(0, hit.start - 40), hit.start);
  if (/[[{(,]\s*["'`]?$/.test(near)) return 'shorthand';
  // (The tag is read only when the name follows a `>`: the wider slice is the rare case.)
  if (!/>\s*["'`]?$/.test(near)) return undefined;
  const tagged = /<(?:(?:if|when)\s[^<>]{0,200}|otherwise)>\s*["'`]?$/;
  return tagged.test(text.slice(Math.max(0, hit.start - 240), hit.start)) ? 'shorthand' : undefined;
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
  const opener = text.charCodeAt(container);
  if (opener !== OPEN_BRACE && opener !== OPEN_PAREN) return undefined;
  const close = layout.closerOf(container);
  let value = hit.leaf;
  if (close !== undefined) {
    const m = /^\s*(?::\s*[\w<>[\]|]+\s*)?=\s*([^;\n]{1,120})/.exec(text.slice(close + 1, close + 200));
    if (m?.[1] !== undefined && opener === OPEN_BRACE) value = `${cutValue(m[1])}.${hit.leaf}`;
    else if (opener === OPEN_PAREN) {
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
  const where = layout.describe(hit.start, '');
  return { name: hit.leaf, role: hit.role, start: hit.start, end: hit.end, shape: 'ref', value, ...where };
}
