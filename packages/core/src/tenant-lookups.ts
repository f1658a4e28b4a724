import type { Field } from './structure.js';
import type { Evidence, RecordView, Resolve } from './type-a-evidence.js';
import { fetchesRows, origin, ownerRowOrigin, rowOrigin } from './stored-rows.js';

/**
 * A key looked up by name for one tenant: a multi-tenant settings store keyed by the customer,
 * project, shop or user (`$this->Projects_model->getValue('AWS_SECRET_ACCESS_KEY', $projectId)`,
 * `Setting::get($shopId, 'mws_secret_key')`, `get_setting(user.id, "secret_key")`). Each tenant's
 * row holds its own keys. A store read without a tenant (`get_option('secret_key')`,
 * `config('amazon.secret')`) is the installation's own settings, and never matches.
 */

// A call whose arguments are a quoted key name and an owner's id, in either order (at most 120 characters).
// (Not a `clientId`: an OAuth app's id reads like an agency's client's.)
const OWNER_ID = String.raw`\$?(?:[a-z]\w{0,30}[._]|this->)?(?:project|customer|user|shop|store|seller|merchant|tenant|account|company|org|organi[sz]ation|empresa|loja|tienda)_?id`;
const NAME = String.raw`["'][\w.-]{1,60}["']`;
const TENANT_LOOKUP = new RegExp(
  String.raw`^[\w$>.:-]{1,80}\(\s*(?:${NAME}\s*,\s*${OWNER_ID}|${OWNER_ID}\s*,\s*${NAME})\s*\)$`,
  'i',
);

/** `used` when `key` is looked up for a tenant beside the record's seller id, read the same way. */
export function tenantLookup(key: Field, value: string, view: RecordView): Evidence | undefined {
  if (!TENANT_LOOKUP.test(value)) return undefined;
  const seller = view.seller;
  return seller?.role === 'seller-id' && TENANT_LOOKUP.test(seller.value) ? 'used' : undefined;
}

// A fetch for one owner: a call with the owner's id among its arguments (`getCredentials(userId, 'amazon')`,
// `Store::find($storeId)`, `shopRepository.findBySellerId(sellerId)`, `findOne({ where: { user_id: userId } })`).
const TENANT_FETCH = new RegExp(String.raw`\([^()]{0,80}?${OWNER_ID}\b`, 'i');
// Or the owner object itself, passed whole to the call that is the whole value (`await
// this.getConfig(user)`, `settingsFor(req.user)`, `credentialsOf($shop)`; not `isSandbox(user) ? A : B`).
const OWNER_OBJECT = String.raw`(?:(?:req|request|ctx|this|self)\.|\$(?:this->)?)?(?:user|shop|store|seller|merchant|tenant|account|company|org|organi[sz]ation|empresa|loja|tienda)`;
const OWNER_CALL = new RegExp(
  String.raw`^(?:await\s{1,4})?[\w$.>:-]{1,80}\(\s{0,4}${OWNER_OBJECT}\s{0,4}[,)][^()?]{0,80}\)?;?$`,
  'i',
);
const OWNER_ARGUMENT = new RegExp(String.raw`\(\s{0,4}${OWNER_OBJECT}\s{0,4}[,)]`, 'i');

/** True when an assigned value is a fetch for one owner (see {@link TENANT_FETCH}, {@link OWNER_CALL}). */
function isTenantFetch(assigned: string): boolean {
  return TENANT_FETCH.test(assigned) || OWNER_CALL.test(assigned.trim());
}

/**
 * True when the object `value` reads from was fetched for one owner (`const creds = await
 * getUserMarketplaceCredentials(userId, 'amazon')` before `creds.secretAccessKey`): that owner's
 * row, whatever the variable is called. (Also through the objects read out of it, `$config =
 * $integracao->configuracoes` after `$integracao = Integracao::where('empresa_id', …)`: `stored-rows.ts`.)
 */
export function fetchedForTenant(value: string, resolve: Resolve | undefined): boolean {
  return origin(value, resolve, isTenantFetch) !== undefined;
}

/**
 * True when the object `value` reads from is one owner's row: fetched for that owner
 * ({@link fetchedForTenant}), or out of a table kept per seller, store or account, whichever row was
 * picked (`stored-rows.ts`' `ownerRowOrigin`: `conta = contas[0]` of `from("contas_marketplace")`).
 */
export function fetchedForOwner(value: string, resolve: Resolve | undefined): boolean {
  return fetchedForTenant(value, resolve) || ownerRowOrigin(value, resolve) !== undefined;
}

/**
 * True when the object `value` reads from came out of a stored row or was fetched for one owner
 * (`stored-rows.ts`, {@link fetchedForTenant}): `$config['client_secret']` after `$config =
 * $integracao->configuracoes`, `config.ClientSecret` after `config = await this.getConfig(user)`.
 */
export function readsStoredRow(value: string, resolve: Resolve | undefined): boolean {
  return rowOrigin(value, resolve) !== undefined || fetchedForTenant(value, resolve);
}

/** True when `text` fetches rows or fetches for an owner anywhere: a cheap check before {@link readsStoredRow}. */
export function mayReadStoredRows(text: string): boolean {
  return fetchesRows(text) || TENANT_FETCH.test(text) || OWNER_ARGUMENT.test(text);
}
