import { isCapitalsName, nameWords } from './names.js';
import { isSellerHolder } from './value-shape.js';

/**
 * What the names around a type-A record say about it: a type named for what a request submits,
 * a class named for its table, a bag of a caller's options, a key named for the developer, and
 * a record's name without the fields its opening text may hold. Read by `type-a-records.ts`.
 */

// Types named for what a request submits: FastAPI `class CredentialInput(BaseModel)`, NestJS
// `CreateStoreDto`, `ConnectRequest`, `SellerPayload`; and the Pydantic schemas of FastAPI's own
// tutorial, `AmazonCredentialsIn`, `StoreCreate`, `StoreUpdate`, unless named for the program's
// own settings (`SettingsUpdate`, `SpApiConfigCreate`) or for something else let in (`LoggedIn`).
export const SUBMITTED_TYPE =
  /\b(?:class|interface|record|type)\s+(?:\w{0,60}(?:Input|Dto|DTO|Request|Payload|Body|Form)|(?!\w{0,60}(?:Setting|Config|App[A-Z]|Admin))\w{0,60}(?:Create|Update|(?:Credentials?|Keys?|Secrets?|Account|Store|Shop|Seller|Connection)In))\b/;

// A class named for a table: `tbl_sellermarketplace`, `TblStore` (database-first ORM classes).
export const TABLE_CLASS = /\bclass\s+tbl_?[a-z]\w{0,60}/i;

// A class named for a persisted row by the Java conventions of MyBatis and code generators, which
// need no annotation: `MwsSellerEntity`, `SellerDO` (data object), `AccountPO` (persistent object).
export const ROW_CLASS = /\bclass\s+[A-Z]\w{0,60}(?:Entity|DO|PO)\b/;

// The other data classes of the same convention (the Alibaba Java manual's layers): a view object
// (`SellerMwsVO`, the body of a submitted settings form), a transfer object (`ShopDTO`), a business
// object (`AccountBO`). An application's data, not a client library's options.
export const APP_DATA_CLASS = /\bclass\s+[A-Z]\w{0,60}(?:VO|DTO|BO)\b/;

// Objects that carry a caller's options into a library (`def initialize(params = {})`,
// `constructor(options)`): keys read from them are the caller's, not a seller record's.
// (Also `parameterArray`, `configMap`, `options_dict`: the same bag by another name.)
// (Also a private member's name for one, `_settings`.)
const OPTION_BAGS =
  /^_{0,2}(?:param(?:eter)?s?|options?|opts|config(?:uration)?s?|conf|cfg|args|kwargs|attrs|attributes|props|properties|settings|hash|h)(?:_?(?:array|arr|map|dict|hash|bag|list|data))?$/i;
// The same bag named for what it configures (`connection_params`, `clientOptions`, `mwsConfig`):
// a bag named for a seller or its record (`sellerConfig`, `accountSettings`) is that seller's.
const NAMED_OPTION_BAG =
  /^_{0,2}[a-z]{1,20}_?(?:param(?:eter)?s|options|opts|config|configuration|conf|cfg|args|props|settings)$/i;

/** True when `root` is named only for being options (`config`, `params`), not for what they configure. */
export function isBareOptionBag(root: string): boolean {
  return OPTION_BAGS.test(root);
}

/**
 * True when `root` is a caller's options bag, not a seller's record (see {@link OPTION_BAGS}), or a
 * constant (`AMAZON_CREDENTIAL['ACCESS_KEY_ID']`): one value for the whole program, never a row per seller.
 */
export function isOptionBag(root: string): boolean {
  return OPTION_BAGS.test(root) || isCapitalsName(root) || (NAMED_OPTION_BAG.test(root) && !isSellerHolder(root));
}

// A key with a quoted scalar value (`'merchantId' => 'A1B2…'`, `sellerId: "…"`): a field, not a name.
const SCALAR_PAIR = /["']?[\w.-]{1,60}["']?\s{0,4}(?:=>|:)\s{0,4}(["'])[^"'\n]{0,200}\1/g;

/**
 * The name a record's opening text gives it, without the fields that text may hold: a commented
 * record (`/*'merchantId' => 'A1B2…',`) opens on its own first field, which names no container.
 */
export function containerName(recordName: string): string {
  return recordName.replace(SCALAR_PAIR, ' ').replace(MODULE_DECLARATION, ' ');
}

// A C#, Java or Kotlin module around the record (`namespace Amazon.MerchantModule.Web.Services`,
// `package com.shop.seller.amazon;`): it names the program's parts, not what the record holds.
const MODULE_DECLARATION = /\b(?:namespace|package)\s{1,4}[\w.]{1,120};?/g;

/** True when a name holds the word `dev` or `developer` (`dev_access_key`, `developerSecret`). */
export function namedForDeveloper(name: string): boolean {
  return nameWords(name).some((w) => w === 'dev' || w === 'developer');
}

/**
 * Objects that hold the integrator's developer keys (`$developerAccount`, `devAccount`, `dev_keys`,
 * `developerConfig`): keys read from one are the developer's own, whatever record they are copied into.
 */
export const DEVELOPER_OBJECT = /(?:dev|developer)_?(?:accounts?|keys?|cred(?:s|entials?)?|config)/i;

/** True when `root` is named only for the developer's keys (see {@link DEVELOPER_OBJECT}). */
export function isDeveloperObject(root: string): boolean {
  return DEVELOPER_ROOT.test(root);
}
const DEVELOPER_ROOT = new RegExp(`^_{0,2}${DEVELOPER_OBJECT.source}$`, 'i');
