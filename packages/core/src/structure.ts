import type { LineIndex } from './locate.js';
import { nameRole } from './names.js';
import { trimChars } from './strings.js';
import { isPlaceholder } from './values.js';
import type { NameRole } from './names.js';

/**
 * A text-level view of records and their fields, for the structural `shared-credentials` check.
 * It reads any language the way a reviewer skims it: a record is the set of key/field names
 * that share a bracket container (`{…}`, `(…)`, `[…]`), an indentation parent (YAML, Python,
 * Ruby), a list item (`- `), an INI/TOML section or a dotted/indexed key prefix
 * (`sellers.acme.secret_key`, `$store['Acme']['secretKey']`). Fields keep the shape of their
 * value (declared, literal, environment read, reference), which is what separates the type-A
 * anti-pattern from the correct pattern. AST adapters build {@link Field}s from their own trees.
 */

/** How a field gets its value. */
export type ValueShape =
  | 'decl' // declared only: a column, property, form input, schema entry, type annotation
  | 'literal' // a hard-coded value
  | 'empty' // '', null, None, a placeholder
  | 'env' // environment, config or secret-store read (the integrator's own keys)
  | 'ref' // a reference to another value: `seller.secretKey`, `row['secret_key']`, `accessKey`
  | 'other';

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
  /** The field is a read of a seller record's key (`seller.secretKey`), not a key position. */
  readonly isRead?: boolean;
}

const INTERESTING = /secret|access|key_?id|seller|merchant|token|account_?id/gi;
const TOKEN_CHAR = /[\w$.-]/;
const ENV_VALUE =
  /process\.env|import\.meta\.env|os\.environ|getenv|\bENV\[|\bENV\.fetch|System\.getenv|Environment\.GetEnvironmentVariable|ConfigurationManager|\$\{|^\$[A-Z_]|\bconfig\b|\bsettings\b|\bsecrets?\b|vault|ssm|SecretsManager|getSecret|Configuration\[|\benv\(|\benv\.|Deno\.env|credentials?Provider|keychain|KeyVault/i;
const DECL_VALUE =
  /^(?:string|String|str|number|bool|Optional|text|varchar|char|VARCHAR|TEXT|CHAR|NVARCHAR|z\.|yup\.|Joi\.|t\.|DataTypes|Sequelize\.|Column|db\.Column|models\.|Field\(|fields\.|\{\s*type\s*:|Mapped\[|Schema\.Types|types?\.|serializers\.|forms\.|sa\.|mapped_column|relationship|\[\]|\{\s*$|@)/;
// ORM/schema field constructors: EncryptedCharField(…), Column(String), StringAttribute(…).
const FIELD_TYPE = /^(?:[\w.]*(?:Field|Column|Attribute|Property|Type)\b|String\b(?!\s*\()|str\b(?!\s*\())/;
const SELLERISH =
  /\b(?:sellers?|merchants?|tenants?|shops?|vendors?|customers?|stores|rows?|records?|req|request|body|input|forms?|payload|dto|onboard\w*)\b/i;

/** Extracts key/field occurrences with their record and value shape. Linear in the text. */
export function extractFields(text: string, index: LineIndex, isCsv: boolean): Field[] {
  const hits = collectTokens(text);
  if (hits.length === 0) return [];
  const layout = new Layout(text, index);
  const fields: Field[] = [];
  for (const hit of hits) {
    const f = isCsv && index.lineOf(hit.start) === 0 ? csvField(hit, layout) : toField(text, hit, layout, index);
    if (f) fields.push(f);
  }
  return fields;
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
}

function collectTokens(text: string): TokenHit[] {
  const hits: TokenHit[] = [];
  let lastEnd = -1;
  INTERESTING.lastIndex = 0;
  for (let m = INTERESTING.exec(text); m !== null; m = INTERESTING.exec(text)) {
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
      const lineStart = text.lastIndexOf('\n', s) + 1;
      // eslint-disable-next-line regexp/no-super-linear-move, regexp/no-super-linear-backtracking -- runs on one line's last 200 characters
      const chain = /([$\w.]*(?:\[\s*["']?[^"'\]\n]{1,60}["']?\s*\])+)$/.exec(
        text.slice(Math.max(lineStart, s - 200), e + 2),
      );
      if (chain?.[1] !== undefined) {
        fullStart = e + 2 - chain[1].length;
        // eslint-disable-next-line regexp/no-super-linear-backtracking, regexp/no-super-linear-move -- `chain` is at most ~260 characters
        full = chain[1].replace(/\[\s*["']?([^"'\]]*)["']?\s*\]/g, '.$1');
      }
    }
    lastEnd = e;
    full = trimChars(full, '.$-');
    const parts = full.split('.').filter((p) => p !== '');
    const leaf = parts.pop() ?? full;
    const role = nameRole(leaf);
    if (
      role === 'none' ||
      role === 'not-secret' ||
      role === 'refresh-token' ||
      role === 'lwa-client-id' ||
      role === 'lwa-client-secret'
    )
      continue;
    // `seller.secretKey` read in an expression is a value, not a field: keep only key positions
    // (decided in toField), but keep the prefix for dotted config keys.
    // Report at the leaf name itself (`secretKey` in `$store['Acme']['secretKey']`).
    const leafStart =
      fullStart === s ? s + (text.slice(s, e).length - text.slice(s, e).replace(/^[.$-]+/, '').length) : s;
    hits.push({
      start: fullStart === s ? leafStart + Math.max(0, text.slice(leafStart, e).lastIndexOf(leaf)) : s,
      end: e,
      full,
      leaf,
      prefix: parts.join('.'),
      role,
      keyStart: fullStart,
    });
  }
  return hits;
}

/** Bracket containers, indentation parents, list items and sections, computed once per text. */
class Layout {
  /** For each bracket-opening offset, the offset of its enclosing opener (or -1). */
  readonly parentOf = new Map<number, number>();
  readonly #containerAt: Int32Array; // per line: innermost open bracket at line start
  readonly #lineParent: Int32Array;
  readonly #lineItem: Int32Array;
  readonly #lineSection: Int32Array;
  readonly #events: { offset: number; container: number }[] = [];
  readonly #closers = new Map<number, number>();

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
      const head = this.text.slice(this.index.lineStart(cLine), container).slice(-100);
      const parent = this.parentOf.get(container) ?? -1;
      const parentHead =
        parent >= 0 ? this.text.slice(this.index.lineStart(this.index.lineOf(parent)), parent).slice(-100) : '';
      // eslint-disable-next-line regexp/no-super-linear-move -- `head` is at most 100 characters
      const keyed = /["']?([\w$-]+)["']?\s*[:=]\s*$/.exec(head)?.[1] ?? '';
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

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}
function isSpace(c: number): boolean {
  return c === 32 || c === 9;
}

function toField(text: string, hit: TokenHit, layout: Layout, index: LineIndex): Field | undefined {
  const line = index.lineOf(hit.start);
  const lineStart = index.lineStart(line);
  const lineEnd = index.lineEnd(line, text);
  const before = text.slice(Math.max(lineStart, hit.start - 80), hit.start);
  // A read (`seller.secretKey`, `req.body.secretKey`) is a value, not a field: skip unless it is
  // the key of an assignment (`config.secretKey = …`, handled as a dotted prefix).
  const after = text.slice(hit.end, Math.min(lineEnd, hit.end + 160));
  // Query-string parameters are judged per URL by the request check.
  if (/[?&]$/.test(before)) return undefined;
  const sep = /^["'`]?\]?[?!]?\s*(=>|:=|(?<![=!<>])=(?!=)|:(?!:)|,)/.exec(after);
  let shape: ValueShape;
  let value = '';
  let at = hit.keyStart;
  let prefix = hit.prefix;
  let declLine = '';
  let isRead = false;
  if (
    /\b(?:add_index|remove_column|remove_index|drop_column|dropColumn|dropIndex|index|unique|references|foreign)\b/i.test(
      text.slice(Math.max(lineStart, hit.start - 160), hit.start),
    )
  ) {
    return undefined; // an index or a removal names a column; it does not hold one
  }
  if (/(?:body|form|query|params|payload|input)(?:\.|\[\s*["':]{1,2})$/i.test(before)) {
    // A read of a submitted field: `req.body.secretKey`, `request.form['secret_key']`, `params[:secret_key]`.
    shape = 'ref';
    value = `body.${hit.leaf}`;
    at = lineStart;
    prefix = '';
  } else if (prefix !== '' && isSellerish(prefix.split('.').at(-1) ?? '') && (sep === null || sep[1] === ',')) {
    // A read of a seller record's key: `amazonMws(seller.accessKey, seller.secretKey)`.
    isRead = true;
    shape = 'ref';
    value = hit.full;
    at = lineStart;
    prefix = '';
  } else if (
    /(?:->|\.)(?:string|text|binary|char|varchar|column|addColumn|mediumText|longText|json|encrypted\w*|specificType)\(\s*["']$/i.test(
      before,
    ) &&
    /^["']\s*[,)]/.test(after)
  ) {
    // Schema builders: Laravel `$table->text('mws_secret_key')`, knex `table.string('secret_key')`.
    shape = 'decl';
    at = Math.max(0, layout.containerAt(hit.start) - 1);
  } else if (/\badd\s+(?:column\s+)?(?:if\s+not\s+exists\s+)?["'`]?$/i.test(before)) {
    shape = 'decl'; // SQL: ALTER TABLE merchants ADD COLUMN mws_secret_key BYTEA
    declLine = text.slice(lineStart, hit.start);
  } else if (/(?<!:):$/.test(before)) {
    shape = 'decl'; // Ruby symbol: t.string :secret_key, attr_encrypted :secret_key
  } else if (sep?.[1] !== undefined) {
    if (sep[1] === ',') {
      // `v.Add("AWSAccessKeyId", value)`, `define('X', value)`: a key/value call; its record is
      // the code around the call, shared with the sibling calls.
      if (!/\(\s*["']$/.test(before)) return shorthand(text, hit, layout);
      at = Math.max(0, layout.containerAt(hit.start) - 1);
    }
    value = cutValue(after.slice(sep[0].length));
    shape = classifyValue(value);
    if (sep[1] === ':' && /^\[?(?:String|ID|Int|string|str|number|text|bytes)!?\]?[!?]?$/.test(value)) shape = 'decl';
  } else if (
    /\b(?:name|id|for|formControlName|v-model|ng-model|field|column)\s*=\s*["'{][^"']{0,40}$/i.test(before) ||
    /register\(\s*["']$/.test(before)
  ) {
    shape = 'decl'; // form input: one record per <form>
    const form = text.lastIndexOf('<form', hit.start);
    if (form !== -1) at = form;
  } else if (
    hit.start - lineStart < 160 &&
    // eslint-disable-next-line regexp/no-super-linear-backtracking -- `after` is at most 160 characters
    /^\s*(?:["'`]\s*)?\??\s*(?:[;{]|$)/.test(after) &&
    /^\s*(?:(?:public|private|protected|internal|readonly|static|final|val|var|let|const|declare|required|optional|abstract|override|virtual|@\w+(?:\([^)]*\))?)\s+)*[\w<>[\]?,.]+\s+$/.test(
      text.slice(lineStart, hit.start),
    )
  ) {
    shape = 'decl'; // Java/C#/TS field: private String secretKey; public string SecretKey { get; set; }
  } else if (/^\s*["'`[]?$/.test(text.slice(lineStart, hit.start)) && /^["'`\]]?\s+[A-Z[]/i.test(after)) {
    shape = 'decl'; // SQL column, Prisma/Go/GraphQL field: mws_secret_key VARCHAR(64)
  } else if (/^\s*[,)}\]]/.test(after) || /^\s*$/.test(after)) {
    return shorthand(text, hit, layout);
  } else return undefined;
  const where = layout.describe(at, prefix);
  return {
    name: hit.leaf,
    role: hit.role,
    start: hit.start,
    end: hit.end,
    shape,
    value,
    ...where,
    recordName: `${where.recordName} ${declLine}`,
    ...(isRead ? { isRead } : {}),
  };
}

/** `{ sellerId, secretKey }` (shorthand) or `const { sellerId, secretKey } = req.body`. */
function shorthand(text: string, hit: TokenHit, layout: Layout): Field | undefined {
  const container = layout.containerAt(hit.start);
  if (container < 0 || hit.prefix !== '') return undefined;
  if (!/[{(,]\s*["'`]?$/.test(text.slice(Math.max(0, hit.start - 40), hit.start))) return undefined;
  const head = text.slice(Math.max(0, container - 80), container);
  if (/\b(?:insert\s+into|create\s+table(?:\s+if\s+not\s+exists)?)\s+[\w."`[\]]+\s*$/i.test(head)) {
    const where = layout.describe(hit.start, '');
    return { name: hit.leaf, role: hit.role, start: hit.start, end: hit.end, shape: 'decl', value: '', ...where };
  }
  const opener = text.charCodeAt(container);
  if (opener !== 123 && opener !== 40) return undefined;
  const close = layout.closerOf(container);
  let value = hit.leaf;
  if (close !== undefined) {
    const m = /^\s*(?::\s*[\w<>[\]|]+\s*)?=\s*([^;\n]{1,120})/.exec(text.slice(close + 1, close + 200));
    if (m?.[1] !== undefined && opener === 123) value = `${cutValue(m[1])}.${hit.leaf}`;
    else if (opener === 40) {
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

function csvField(hit: TokenHit, layout: Layout): Field {
  const where = layout.describe(hit.start, '');
  return {
    name: hit.leaf,
    role: hit.role,
    start: hit.start,
    end: hit.end,
    shape: 'decl',
    value: '',
    ...where,
    record: 'csv-header',
    recordName: 'csv header',
  };
}

function cutValue(rest: string): string {
  let depth = 0;
  let quote = '';
  let i = 0;
  for (; i < rest.length && i < 120; i++) {
    const c = rest[i] ?? '';
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      if (depth === 0) break;
      depth--;
    } else if ((c === ',' || c === ';' || c === '&') && depth === 0) break;
  }
  return rest.slice(0, i).trim();
}

/** Classifies a value expression. */
export function classifyValue(value: string): ValueShape {
  const v = value.trim();
  if (v === '') return 'decl';
  if (/^(?:null|None|nil|undefined|''|""|``|NULL|0)$/.test(v)) return 'empty';
  if (DECL_VALUE.test(v) || FIELD_TYPE.test(v)) return 'decl';
  if (ENV_VALUE.test(v.replace(/(["'`])(?:(?!\1).){0,200}\1/g, '""'))) return 'env';
  if (/^["'`]/.test(v) || /^[A-Z0-9+/]{16,}$/i.test(v)) {
    const inner = v.replace(/^["'`]|["'`][,;]?$/g, '');
    if (inner === '' || /^(?:YOUR|<|TODO|%\()/i.test(inner) || isPlaceholder(inner)) return 'empty';
    return 'literal';
  }
  if (DECL_VALUE.test(v)) return 'decl';
  if (
    /^(?:this\.|self\.|@)?[A-Za-z_$][\w$]*(?:\??\.[A-Za-z_$][\w$]*|\[[^\]]{1,60}\]|\.get\([^)]{1,60}\))*(?:\s*(?:\|\||\?\?|or)\s*(?:\S.*)?)?$/.test(
      v,
    )
  )
    return 'ref';
  return 'other';
}

/** True when a record or value name points at a seller/tenant record or a request body. */
export function isSellerish(text: string): boolean {
  return SELLERISH.test(text.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/_/g, ' '));
}
