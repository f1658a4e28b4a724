/**
 * Credentials kept per seller as one JSON blob: `json.loads(shop.credentials)["secret_key"]`,
 * `creds = JSON.parse(store.credentials); creds.secretKey`, `json_decode($shop->keys, true)['secret_key']`.
 * A key read from the blob is a key read from the record that stores it: the record judge
 * (`type-a-records.ts`) sees `shop.credentials.secret_key`, whose owner is the shop.
 */

// A JSON decode of a record's member (up to three accessors deep), and what follows it.
const BLOB =
  /^(?:json\.loads|JSON\.parse|json_decode|JsonConvert\.DeserializeObject(?:<[\w<>, ]{1,40}>)?)\(\s*\$?([\w$]{1,40}(?:(?:\.|->)[\w$]{1,40}){1,3})\s*(?:,\s*true\s*)?\)(.{0,80})$/;
// A member read after the blob or its variable: `["secret_key"]`, `['secret_key']`, `.secretKey`.
const MEMBER = /^(?:\[\s*["']([\w-]{1,60})["']\s*\]|\.([\w$]{1,60}))$/;
// A variable and the member read from it: `creds["secret_key"]`, `$creds['secret_key']`, `creds.secretKey`.
const VARIABLE_READ = /^\$?([A-Z_][\w$]{0,40})(\[\s*["'][\w-]{1,60}["']\s*\]|\.[\w$]{1,60})$/i;

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
  const assigned = read?.[1] === undefined ? undefined : resolve(read[1]);
  return assigned === undefined ? undefined : blobRead(`${assigned.trim()}${read?.[2] ?? ''}`);
}

/** True when `value` reads a member of a record's JSON blob in place (`json.loads(shop.keys)["secret_key"]`). */
export function isJsonBlobRead(value: string): boolean {
  return blobRead(value) !== undefined;
}

function blobRead(value: string): string | undefined {
  const blob = BLOB.exec(value);
  const member = blob?.[2] === undefined ? null : MEMBER.exec(blob[2].trim());
  const name = member?.[1] ?? member?.[2];
  return blob?.[1] === undefined || name === undefined ? undefined : `${blob[1].replace(/->/g, '.')}.${name}`;
}
