import { bareValue, DECRYPT_CALL } from './stored-rows.js';

/**
 * Credentials kept per seller as one JSON blob: `json.loads(shop.credentials)["secret_key"]`,
 * `creds = JSON.parse(store.credentials); creds.secretKey`, `json_decode($shop->keys, true)['secret_key']`.
 * A key read from the blob is a key read from the record that stores it: the record judge
 * (`type-a-records.ts`) sees `shop.credentials.secret_key`, whose owner is the shop.
 * (So is one read from the blob decrypted, `creds = decrypt(account.credentials)`, or from a
 * seller record's member the ORM decodes itself, Django's `JSONField`: `creds = store.credentials`.)
 */

// A JSON decode of a record's member (up to three accessors deep), and what follows it.
const BLOB =
  /^(?:json\.loads|JSON\.parse|json_decode|JsonConvert\.DeserializeObject(?:<[\w<>, ]{1,40}>)?)\(\s*\$?([\w$]{1,40}(?:(?:\.|->)[\w$]{1,40}){1,3})\s*(?:,\s*true\s*)?\)(.{0,80})$/;
// A member read after the blob or its variable: `["secret_key"]`, `['secret_key']`, `.secretKey`,
// Ruby's `[:secret_key]`.
const MEMBER = /^(?:\[\s*(?:["']([\w-]{1,60})["']|:(\w{1,60}))\s*\]|\.([\w$]{1,60}))$/;
// A variable and the member read from it: `creds["secret_key"]`, `$creds['secret_key']`, `creds.secretKey`, `creds[:secret_key]`.
const VARIABLE_READ = /^\$?([A-Z_][\w$]{0,40})(\[\s*(?:["'][\w-]{1,60}["']|:\w{1,60})\s*\]|\.[\w$]{1,60})$/i;
// A decryption of a record's member: `decrypt(account.credentials)`, `Crypt::decrypt($shop->keys)`,
// `await decryptCredentials(channel.credentials) as AmazonCredentials` (read `bareValue`), `await this.encryption.decrypt(…)`.
const DECRYPTED = new RegExp(String.raw`^${DECRYPT_CALL}\(\s*\$?([\w$]{1,40}(?:(?:\.|->)[\w$]{1,40}){1,3})\s*\)$`, 'i');
// One member of a record read whole: `store.credentials`, `$shop->keys`, the object's own `self.store.credentials`.
const RECORD_MEMBER = /^(?:(?:self|this)\.|\$this->)?(\$?([\w$]{1,40})(?:\.|->)[\w$]{1,40})$/;
// A copy of it, or a default for a missing one: `dict(store.credentials)`, `store.credentials or {}`,
// `store.credentials || {}`, `$shop->keys ?? []`.
const COPY = /^dict\(\s{0,4}([^()]{1,120}?)\s{0,4}\)$/;
const DEFAULT = /^\(?\s{0,4}([^()]{1,120}?)\s{0,4}(?:\bor|\|\||\?\?)\s{0,4}(?:\{\s{0,4}\}|\[\s{0,4}\])\s{0,4}\)?$/;
// A variable named for one seller's, store's or account's row (`store`, `amazon_account`, `sellerRow`).
const ROW_OWNER =
  /^(?!(?:service|dev|developer|app|admin|aws|iam)[_A-Z])[a-z]{0,20}_?(?:sellers?|merchants?|tenants?|shops?|stores?|vendors?|accounts?|channels?|connections?)(?:_?(?:row|record))?$/i;

/**
 * The record path a key read from a JSON blob stands for (`shop.credentials.secret_key`), or
 * undefined when `value` is no such read. `resolve` gives a variable's first assigned value.
 */
export function throughJsonBlob(
  value: string,
  resolve: ((name: string) => string | undefined) | undefined,
): string | undefined {
  const direct = blobRead(value);
  if (direct !== undefined || resolve === undefined) return direct;
  const read = VARIABLE_READ.exec(value);
  // (PHP's variables keep their `$` where they are assigned: `$creds = $shop->credentials;`.)
  const assigned = read?.[1] === undefined ? undefined : (resolve(read[1]) ?? resolve(`$${read[1]}`))?.trim();
  if (assigned === undefined) return undefined;
  const member = read?.[2] ?? '';
  const record = unsealed(assigned);
  if (record === undefined) return blobRead(`${assigned}${member}`);
  const name = MEMBER.exec(member);
  const leaf = name?.[1] ?? name?.[2] ?? name?.[3];
  return leaf === undefined ? undefined : `${record.replace(/->/g, '.').replace(/^\$/, '')}.${leaf}`;
}

/** The record member a variable holds decrypted or decoded by the ORM (see the module comment), or undefined. */
function unsealed(assigned: string): string | undefined {
  let value = bareValue(assigned);
  const decrypted = DECRYPTED.exec(value)?.[1];
  if (decrypted !== undefined) return decrypted;
  value = COPY.exec(value)?.[1] ?? value;
  value = DEFAULT.exec(value)?.[1] ?? value;
  const member = RECORD_MEMBER.exec(value);
  // (Only a seller's, store's or account's record: `settings.AMAZON` is the program's configuration,
  // `request.app_config` the program's too, `current_user.amazon` or `service_account.credentials`
  // anyone's.)
  return member?.[2] !== undefined && ROW_OWNER.test(member[2]) ? member[1] : undefined;
}

/** True when `value` reads a member of a record's JSON blob in place (`json.loads(shop.keys)["secret_key"]`). */
export function isJsonBlobRead(value: string): boolean {
  return blobRead(value) !== undefined;
}

function blobRead(value: string): string | undefined {
  const blob = BLOB.exec(value);
  const member = blob?.[2] === undefined ? null : MEMBER.exec(blob[2].trim());
  const name = member?.[1] ?? member?.[2] ?? member?.[3];
  return blob?.[1] === undefined || name === undefined ? undefined : `${blob[1].replace(/->/g, '.')}.${name}`;
}
