import { entrySpan } from './form-entries.js';
import type { TokenHit } from './field-draft.js';
import { isKeyRole, nameRole, nameWords } from './names.js';
import type { NameRole } from './names.js';

/**
 * A form field declared as data whose key is generic and whose label says what it holds:
 * `{ key: 'apiSecret', label: 'Client Secret (LWA)', secret: true }`,
 * `{ name: 'storeId', label: 'Seller ID' }`, `{ key: 'accessToken', label: 'Refresh Token (SP-API)' }`.
 * Multi-marketplace tools keep one `apiKey` / `apiSecret` / `accessToken` column for every
 * platform and tell the person, per platform, what to type in: for Amazon the label is the only
 * place the field's meaning is written. The field is read under its key, with the label's role.
 * Read only in texts that name MWS or Amazon, as generic names are (`structure.ts`).
 */

// A label shown beside the input, on one line: `label: 'Client Secret (LWA)'`, `'title' => "Seller ID"`.
const LABEL = /\b(?:label|title|fieldLabel|displayName)["']?\s*(?:=>|:)\s*(["'])([^"'\n\\]{2,60})\1/g;
// The entry's naming key and its value: `key: 'apiSecret'`, `"name": "storeId"`.
const NAMING = /["']?\b(?:key|name|prop|dataIndex|fieldName)["']?\s*(?:=>|:)\s*(["'])([\w.-]{1,60})\1/;
// The roles a label may give: what a type-A record or its type-B counterpart is judged by.
const LABEL_ROLES: ReadonlySet<NameRole> = new Set([
  'access-key',
  'secret-key',
  'lwa-client-secret',
  'seller-id',
  'auth-token',
  'refresh-token',
]);
// Roles a key keeps over its label's: its own name already says what it holds.
const NAMED_ROLES: ReadonlySet<NameRole> = new Set([...LABEL_ROLES, 'not-secret', 'lwa-client-id', 'weak-seller-id']);
// The words of a vague credential field's name (`apiSecret`, `storeId`, `accessToken`, `password`);
// a tab, menu or page item labelled like one (`{ key: 'sellerTab', label: 'Seller ID' }`) holds no value.
const VAGUE_WORDS: ReadonlySet<string> = new Set([
  'key',
  'secret',
  'token',
  'id',
  'pass',
  'password',
  'pwd',
  'cred',
  'creds',
  'credential',
  'credentials',
  'auth',
  'code',
  'sid',
]);
const ITEM_WORDS: ReadonlySet<string> = new Set(['tab', 'menu', 'page', 'panel', 'step', 'section', 'route', 'link']);

/** True when `name` may be a credential field whose label alone says which (see {@link VAGUE_WORDS}). */
function isVagueField(name: string): boolean {
  const words = nameWords(name);
  return words.some((w) => VAGUE_WORDS.has(w)) && !words.some((w) => ITEM_WORDS.has(w));
}

/**
 * The naming keys of form entries whose label gives them a role their name does not, in text
 * order, each once. Linear: one pass over the labels, and each entry read within 300 characters.
 */
export function labelledEntryHits(text: string): TokenHit[] {
  const hits: TokenHit[] = [];
  let lastEntryEnd = -1;
  LABEL.lastIndex = 0;
  for (let m = LABEL.exec(text); m !== null; m = LABEL.exec(text)) {
    if (m.index < lastEntryEnd) continue;
    const label = m[2] ?? '';
    const role = nameRole(label);
    if (!LABEL_ROLES.has(role)) continue;
    const span = entrySpan(text, m.index);
    // (An object around entries already read, `{ fields: [{ key, label }], title: 'Seller ID' }`, is none.)
    if (span === undefined || span.start < lastEntryEnd) continue;
    const naming = NAMING.exec(ownLevel(text.slice(span.start, span.end)));
    const name = naming?.[2];
    if (naming === null || name === undefined) continue;
    const leaf = name.slice(name.lastIndexOf('.') + 1);
    if (NAMED_ROLES.has(nameRole(leaf)) || !isVagueField(leaf)) continue;
    lastEntryEnd = span.end;
    const start = span.start + naming.index + naming[0].length - 1 - leaf.length;
    const prefix = name.slice(0, Math.max(0, name.length - leaf.length - 1));
    hits.push({
      start,
      end: start + leaf.length,
      full: name,
      leaf,
      prefix,
      role,
      keyStart: start,
      generic: false,
      label,
    });
  }
  return hits;
}

/** `entry` (an object's text) with its nested objects blanked out, so that only its own keys are read. */
function ownLevel(entry: string): string {
  if (!entry.includes('{', 1)) return entry;
  let out = '';
  let depth = 0;
  for (const c of entry) {
    if (c === '{') depth++;
    out += depth > 1 ? ' ' : c;
    if (c === '}') depth--;
  }
  return out;
}

/** `hits` and `labelled` in text order; a name both found keeps its label's role. */
export function mergeHits(hits: readonly TokenHit[], labelled: readonly TokenHit[]): readonly TokenHit[] {
  if (labelled.length === 0) return hits;
  const starts = new Set(labelled.map((hit) => hit.start));
  return [...hits.filter((hit) => !starts.has(hit.start)), ...labelled].sort((a, b) => a.start - b.start);
}

/**
 * `hits` with the role a label gave the same name elsewhere in the text: the record type the
 * form fills (`interface ShopRecord { apiSecret: string; refreshToken: string | null }`) keeps
 * what the Amazon entry's label says `apiSecret` is. Only a vague name's role changes, and not
 * where another label of its own shows: another marketplace's entry
 * (`{ key: 'apiSecret', label: 'API Secret' }`) or input (`<Label htmlFor="api_secret">Secret API</Label>`).
 */
export function withLabelledRoles(
  text: string,
  hits: readonly TokenHit[],
  labelled: readonly TokenHit[],
  html: HtmlLabels,
): readonly TokenHit[] {
  const labels = new Map(html.keys);
  for (const { leaf, role, label = '' } of labelled)
    if (isKeyRole(role) && !labels.has(leaf)) labels.set(leaf, { role, label });
  if (labels.size === 0) return hits;
  return hits.map((hit) => {
    const label = hit.role === 'generic-secret' ? labels.get(hit.leaf) : undefined;
    if (label === undefined || showsOwnLabel(text, hit.start)) return hit;
    // (An input right after another label for its name: `<Label htmlFor="api_secret">Secret API *</Label>`.)
    if (endsShortlyBefore(html.others.get(hit.leaf) ?? [], hit.start)) return hit;
    return { ...hit, ...label };
  });
}

// An HTML or JSX label tied to its input: `<Label htmlFor="api_secret">MWS Secret Key *</Label>`,
// its text on the tag's line or the next (whitespace bounded, so a failed match backtracks little).
// (Also a component named for a label, `<FormLabel htmlFor=…>`, `<Form.Label …>`; and its text
// given as an attribute, Laravel Breeze's `<InputLabel htmlFor="api_secret" value="Secret Access Key" />`.)
const LABEL_FOR =
  /<[\w.]{0,20}label\b[^>\n]{0,120}?\s(?:for|htmlFor)\s*=\s*["']([\w.-]{1,60})["'](?:[^>\n]{0,120}>\s{0,40}([^<\s][^<\n]{1,59})\s{0,40}<|[^>\n]{0,120}?\s(?:value|label|text)\s*=\s*["']([^"'<>\n]{2,60})["'])/gi;
// How far after its label an input is the one it labels (a few attributes on a line or two).
const OWN_INPUT_REACH = 400;

/** A label's text and the role it gives the name it labels. */
interface Label {
  readonly role: NameRole;
  readonly label: string;
}

/** What a text's HTML labels say: the key role each name's first such label gives, and where its other labels end. */
export interface HtmlLabels {
  readonly keys: ReadonlyMap<string, Label>;
  /** Per name, in text order, the ends of its labels that give it no key role. */
  readonly others: ReadonlyMap<string, readonly number[]>;
}

/** No HTML labels: a text that names neither MWS nor Amazon is not read for them. */
export const NO_HTML_LABELS: HtmlLabels = { keys: new Map(), others: new Map() };

/** The key roles HTML labels give the inputs they name (`for` / `htmlFor`), first label first. */
export function htmlLabels(text: string): HtmlLabels {
  const keys = new Map<string, Label>();
  const others = new Map<string, number[]>();
  LABEL_FOR.lastIndex = 0;
  for (let m = LABEL_FOR.exec(text); m !== null; m = LABEL_FOR.exec(text)) {
    const id = m[1] ?? '';
    if (NAMED_ROLES.has(nameRole(id))) continue;
    const label = (m[2] ?? m[3] ?? '').replace(/[*:]/g, ' ').trim();
    const role = nameRole(label);
    if (!isKeyRole(role)) {
      const ends = others.get(id);
      if (ends === undefined) others.set(id, [m.index + m[0].length]);
      else ends.push(m.index + m[0].length);
    } else if (!keys.has(id)) keys.set(id, { role, label });
  }
  return { keys, others };
}

/** True when one of `ends` (ascending) lies within {@link OWN_INPUT_REACH} before `at`: binary search. */
function endsShortlyBefore(ends: readonly number[], at: number): boolean {
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((ends[mid] ?? 0) < at) lo = mid + 1;
    else hi = mid;
  }
  const nearest = ends[lo - 1];
  return nearest !== undefined && at - nearest < OWN_INPUT_REACH;
}

// A label key (`{ key: 'apiSecret', label: 'API Secret' }`).
const LABEL_KEY = /\b(?:label|title|fieldLabel|displayName)["']?\s*(?:=>|:)\s*["']/;

/**
 * True when the name at `at` shows a label of its own: in the object around it, written on one
 * line or one key per line, else on its line (at most 200 characters either side).
 */
function showsOwnLabel(text: string, at: number): boolean {
  const span = entrySpan(text, at);
  if (span !== undefined) return LABEL_KEY.test(ownLevel(text.slice(span.start, span.end)));
  const from = Math.max(0, at - 200);
  const around = text.slice(from, at + 200);
  const lineEnd = around.indexOf('\n', at - from);
  return LABEL_KEY.test(around.slice(around.lastIndexOf('\n', at - from) + 1, lineEnd === -1 ? undefined : lineEnd));
}
