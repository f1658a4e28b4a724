import type { Resolve } from './type-a-evidence.js';
import { IDENTIFIER, objectPath } from './value-shape.js';

/**
 * Where an object a key is read from came from: followed back through the assignments that read
 * one object out of another (`config = conta.configuracoes`, `conta = contas[0]`,
 * `$config = json_decode($integracao->configuracoes, true)`) to the fetch that first produced it
 * (`supabase.from("contas_marketplace").select(…)`, `Integracao::where('empresa_id', …)->first()`).
 * A key read from such an object is read from a row of the program's own data store, whatever the
 * variables are called: not an options bag its caller passed, nor the program's configuration.
 */

// How many assignments are followed back (a row, its JSON column, the settings inside it).
const MAX_HOPS = 3;

// A fetch of rows from the program's data store: Eloquent `Integracao::where(…)`, `Shop::find(…)`;
// Prisma `prisma.store.findUnique(`; Mongoose, Sequelize, TypeORM `Store.findOne(`,
// `repository.findOneBy(`; Django `Shop.objects.get(`; Rails `Shop.find_by(`; Supabase
// `supabase.from("stores").select(`; a cursor's `fetchone()`; Odoo's `self.env['amazon.account']`.
// (Not a list in memory: an array's `.find(`, a collection's `->first()`, lodash's `_.first(`.)
const ROW_FETCH = new RegExp(
  [
    String.raw`\b[A-Z]\w{0,40}::(?:where\w{0,20}|find(?:OrFail|Many)?|first(?:Where|OrFail)?|query)\s{0,4}\(`,
    String.raw`(?:->|\.)(?:find(?:One|OneBy|OneOrFail|ById|ByPk|Unique|UniqueOrThrow|_by)|get_or_none|fetch(?:one|_one|row|_assoc|_object)|getRow)\s{0,4}\(`,
    // (Prisma's `findFirst({ where: … })`, not a Java stream's `findFirst()`.)
    String.raw`\.findFirst(?:OrThrow)?\(\s{0,4}\{`,
    String.raw`->find\s{0,4}\(`,
    String.raw`\.objects\.(?:get|filter)\s{0,4}\(`,
    String.raw`\.from\(\s{0,4}["'\x60][\w.]{1,60}["'\x60]\s{0,4}\)\s{0,40}\.select\(`,
    String.raw`\bself\.env\[`,
  ].join('|'),
);

// A read of one object out of another: a member, an index (`contas[0]`, `$row['settings']`), a
// JSON decode or a decryption of one (`json_decode($row->settings, true)`, `JSON.parse(store.credentials)`), with
// an `await` or a cast around it (`conta.configuracoes as Record<string, string>`).
// (Or a decryption of one: `decrypt(account.credentials)`, `Crypt::decrypt($shop->secret)`,
// `await decryptChannelCredentials(channel.credentials)`, `this.encryption.decrypt(…)`; the row's own data, unsealed.)
/** The callee of a decryption (see above), as a pattern's source; `json-blobs.ts` reads keys through it too. */
export const DECRYPT_CALL = String.raw`(?:[\w$]{1,30}(?:\.|::|->)){0,3}decrypt\w{0,30}`;
const DECODE = new RegExp(
  String.raw`^(?:json\.loads|JSON\.parse|json_decode|${DECRYPT_CALL})\(\s{0,4}([^(),]{1,80}?)\s{0,4}(?:,\s{0,4}true\s{0,4})?\)$`,
  'i',
);
// (A member path of two segments at least, rooted at a name: `memberPath`.)
const MEMBER_READ = /^\$?[\w$]{1,60}(?:\??\.|->|\[)/;

/** True when `text` fetches rows from a data store anywhere (see {@link ROW_FETCH}). */
export function fetchesRows(text: string): boolean {
  return ROW_FETCH.test(text);
}

// A bag named `config` or `settings` (`$config['client_secret'] ?? ''`, `settings.secret_key`),
// which `classifyValue` reads as the program's own configuration: see `shared-credentials.ts`'
// `storedBagAsRecord`. (`cfg`, `options` are read as any object's.)
// (Also the object's own member so named, PHP's `$this->settings->client_secret`.)
export const CONFIG_BAG = /^\$?(?:(?:this|self)(?:->|\.))?(?:config|settings)\b/i;

/** The assignment's value without an `await`, a trailing cast or the statement's `;`. */
export function bareValue(assigned: string): string {
  return assigned
    .trim()
    .replace(/^await\s{1,4}/, '')
    .replace(/;$/, '')
    .replace(/\s{1,4}as\s{1,4}[\w$<>[\], |]{1,60}$/, '')
    .trim();
}

/** The assignment's value without an `await`, a trailing cast or a JSON decode around it. */
function plain(assigned: string): string {
  const value = bareValue(assigned);
  return DECODE.exec(value)?.[1]?.trim() ?? value;
}

/**
 * The fetch the object `value` reads from came out of (see the module comment), or undefined.
 * `value` is a member read (`config.client_secret`, `$config['client_secret']`).
 */
export function rowOrigin(value: string, resolve: Resolve | undefined): string | undefined {
  return origin(value, resolve, (assigned) => ROW_FETCH.test(assigned));
}

// A table or model named for the sellers, stores or accounts whose rows it keeps (`.from("amazon_accounts")`,
// `ShopAccount::where(`, `prisma.store.findUnique(`, `self.env['amazon.seller']`, Portuguese `contas_marketplace`),
// or for their connections and credentials (`platform_credentials`, `marketplace_connections`). Not the
// program's own settings (`app_settings`, `amazon_config`), but an owner's (`seller_settings`).
const OWNER_TABLE =
  /(?:^|[^a-z])(?:accounts?|stores?|shops?|sellers?|merchants?|tenants?|users?|compan(?:y|ies)|connections?|integrations?|channels?|credentials?|contas?|lojas?|tiendas?|empresas?)(?![a-z])/i;
const SETTINGS_TABLE = /settings?|config/i;
// Settings kept per user, seller or tenant are that owner's rows (`seller_settings`, `UserSetting::where(`,
// `tenant_config`), picked by their owner (see `fetchesOwnerRows`). (Not a store's or a shop's: a
// web shop's per-store-view configuration is one installation's; nor a company's, an ERP's.)
const OWNER_SETTINGS_TABLE =
  /(?:^|[^a-z])(?:users?|sellers?|merchants?|tenants?|accounts?|organi[sz]ations?|orgs?)_?(?:settings?|config(?:s|urations?)?)(?![a-z])/i;
// A filter by a literal platform (`'platform', 'amazon'`, `code="amazon"`).
const PLATFORM_LITERAL = /["'`]amazon[\w-]{0,20}["'`]/i;
/** What scopes a row to an owner: a user, an organisation, a store, a seller (`.eq("user_id", …)`). */
export const OWNER_FILTER =
  /user|owner|org|tenant|company|empresa|workspace|store|shop|account|seller|merchant|customer|team|profile|client|member|vendor|brand|\buid\b|created_by|loja|conta|cuenta|tienda|auth\.uid|session/i;
// How much of a fetch names its table: the receiver and model before the call, the key after `self.env[`.
const TABLE_SPAN = 60;

/** True when a fetch's table or model is named for the owners of its rows (see {@link OWNER_TABLE}). */
function fetchesOwnerRows(assigned: string): boolean {
  const found = ROW_FETCH.exec(assigned);
  if (!found) return false;
  const end = found.index + found[0].length;
  const named = assigned.slice(Math.max(0, found.index - TABLE_SPAN), end + (found[0].endsWith('[') ? TABLE_SPAN : 0));
  // (Both spellings: `ShopAccount`, `shop_account`, `amazon.seller`.)
  const words = named.replace(/([a-z])([A-Z])/g, '$1_$2').replace(/([A-Z]{1,20})([A-Z][a-z])/g, '$1_$2');
  // (A row picked by a literal platform with no owner, nor an OAuth state, in the filter is the
  // installation's one row for that platform: `MarketplaceCredential::where('platform', 'amazon')->first()`.)
  const filter = assigned.slice(end);
  const picksOwner = OWNER_FILTER.test(filter) || /state/i.test(filter);
  if (PLATFORM_LITERAL.test(assigned) && !picksOwner) return false;
  if (!OWNER_TABLE.test(words)) return false;
  if (!SETTINGS_TABLE.test(words)) return true;
  // (An owner's settings only where the filter picks an owner or an OAuth state: the one row of
  // `account_config` read with `.limit(1)` or `where('id', 1)` is the installation's.)
  return OWNER_SETTINGS_TABLE.test(words) && picksOwner;
}

/**
 * The fetch `value`'s object came out of when that fetch reads the rows of the program's sellers,
 * stores or accounts (see {@link OWNER_TABLE}): `config.client_secret` after `config =
 * conta.configuracoes`, `conta = contas[0]`, `contas = supabase.from("contas_marketplace").select(…)`.
 * An app's secret kept in such a row is the row's owner's own, whichever row the program picked.
 */
export function ownerRowOrigin(value: string, resolve: Resolve | undefined): string | undefined {
  return origin(value, resolve, fetchesOwnerRows);
}

/**
 * The first assignment met following `value`'s object back (see the module comment) that `fetch`
 * takes for a fetch, or undefined.
 */
export function origin(
  value: string,
  resolve: Resolve | undefined,
  fetch: (assigned: string) => boolean,
): string | undefined {
  if (resolve === undefined) return undefined;
  let current = value.trim();
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    // (The object's own member, PHP's `$this->settings->client_secret`, is read as the member's
    // name: `$this->settings = SpApiSetting::where(…)->first()` is its assignment.)
    const path = objectPath(current);
    const root = path[0];
    if (root === undefined || path.length < 2 || !IDENTIFIER.test(root)) return undefined;
    // (PHP's variables keep their `$` where they are assigned; a field's value may have lost it.)
    const name = resolve(root) === undefined ? `$${root}` : root;
    const assigned = resolve(name);
    // (A parameter of one function and a local of another, one name each: no origin either.)
    if (assigned === undefined || resolve.parameter?.(name) === true) return undefined;
    // (A name assigned other values elsewhere may be several functions' locals of one name: its
    // first assignment tells where it came from only when every other one agrees: the same value,
    // one computed from itself, `$config = json_decode($config, true)`, or a fetch too.)
    const alike = (other: string): boolean => other === assigned || other.includes(name);
    const others = resolve.assignments?.(name) ?? [];
    if (fetch(assigned)) return others.every((other) => alike(other) || fetch(other)) ? assigned : undefined;
    if (!others.every(alike)) return undefined;
    const next = plain(assigned);
    if (!MEMBER_READ.test(next)) return undefined;
    current = next;
  }
  return undefined;
}
