import type { Resolve } from './type-a-evidence.js';
import { IDENTIFIER, memberPath } from './value-shape.js';

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

// A fetch of rows from the program's data store: Eloquent `Integracao::where(…)`, `Shop::find(…)`,
// `->first()`; Prisma `prisma.store.findUnique(`; Mongoose, Sequelize, TypeORM `Store.findOne(`,
// `repository.findOneBy(`; Django `Shop.objects.get(`; Rails `Shop.find_by(`; Supabase
// `supabase.from("stores").select(`; a cursor's `fetchone()`; an SQL `SELECT … FROM`; Odoo's
// `self.env['amazon.account'].browse(`. (Not an array's `.find(`: a list in memory.)
const ROW_FETCH = new RegExp(
  [
    String.raw`\b[A-Z]\w{0,40}::(?:where\w{0,20}|find(?:OrFail|Many)?|first(?:Where|OrFail)?|query)\s{0,4}\(`,
    String.raw`(?:->|\.)(?:first(?:OrFail)?|find(?:One|OneBy|OneOrFail|ById|ByPk|Unique|UniqueOrThrow|First|FirstOrThrow|_by)|get_or_none|fetch(?:one|_one|row|_assoc|_object)|row(?:_array)?|getRow|browse)\s{0,4}\(`,
    String.raw`->find\s{0,4}\(`,
    String.raw`\.objects\.(?:get|filter)\s{0,4}\(`,
    String.raw`\.from\(\s{0,4}["'\x60][\w.]{1,60}["'\x60]\s{0,4}\)\s{0,40}\.select\(`,
    String.raw`\bSELECT\b[^;]{1,200}?\bFROM\b`,
    String.raw`\bself\.env\[`,
  ].join('|'),
  'i',
);

// A read of one object out of another: a member, an index (`contas[0]`, `$row['settings']`), a
// JSON decode of one (`json_decode($row->settings, true)`, `JSON.parse(store.credentials)`), with
// an `await` or a cast around it (`conta.configuracoes as Record<string, string>`).
const DECODE = /^(?:json\.loads|JSON\.parse|json_decode)\(\s{0,4}([^(),]{1,80}?)\s{0,4}(?:,\s{0,4}true\s{0,4})?\)$/;
const MEMBER_READ =
  /^\$?[\w$]{1,60}(?:(?:\??\.|->)[\w$]{1,60}|\[\s{0,4}(?:\d{1,4}|["'][\w-]{1,60}["'])\s{0,4}\]){1,4}$/;

/** True when `text` fetches rows from a data store anywhere (see {@link ROW_FETCH}). */
export function fetchesRows(text: string): boolean {
  return ROW_FETCH.test(text);
}

// A bag named for configuration (`$config['client_secret'] ?? ''`, `settings.secret_key`), which
// `classifyValue` reads as the program's own: see `shared-credentials.ts`' `storedBagAsRecord`.
export const CONFIG_BAG = /^\$?(?:config|settings|cfg|conf|options)\b/i;

/** The assignment's value without an `await`, a trailing cast or a JSON decode around it. */
function plain(assigned: string): string {
  const value = assigned
    .trim()
    .replace(/^await\s{1,4}/, '')
    .replace(/\s{1,4}as\s{1,4}[\w$<>[\], |]{1,60}$/, '')
    .replace(/;$/, '')
    .trim();
  return DECODE.exec(value)?.[1]?.trim() ?? value;
}

/**
 * The fetch the object `value` reads from came out of (see the module comment), or undefined.
 * `value` is a member read (`config.client_secret`, `$config['client_secret']`).
 */
export function rowOrigin(value: string, resolve: Resolve | undefined): string | undefined {
  return origin(value, resolve, ROW_FETCH);
}

/**
 * The first assignment met following `value`'s object back (see the module comment) that `fetch`
 * matches, or undefined.
 */
export function origin(value: string, resolve: Resolve | undefined, fetch: RegExp): string | undefined {
  if (resolve === undefined) return undefined;
  let current = value.trim();
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    const path = memberPath(current);
    const root = path[0];
    if (root === undefined || path.length < 2 || !IDENTIFIER.test(root)) return undefined;
    // (PHP's variables keep their `$` where they are assigned; a field's value may have lost it.)
    const assigned = resolve(root) ?? resolve(`$${root}`);
    if (assigned === undefined) return undefined;
    if (fetch.test(assigned)) return assigned;
    const next = plain(assigned);
    if (!MEMBER_READ.test(next)) return undefined;
    current = next;
  }
  return undefined;
}
