/**
 * What a name (variable, property, key, parameter, column, XML element, env var) says about the
 * value bound to it. Names are compared after normalising case and separators, so `secretKey`,
 * `SECRET_KEY`, `secret-key`, `mws.secret.key` and `SecretKey` are the same name.
 */
export type NameRole =
  | 'access-key'
  | 'secret-key'
  | 'generic-secret'
  | 'seller-id'
  | 'weak-seller-id'
  | 'auth-token'
  | 'lwa-client-secret'
  | 'lwa-client-id'
  | 'refresh-token'
  | 'not-secret'
  | 'none';

/** A seller key's role: its secret key, access key id or LWA client secret (what a type-A record keeps). */
export const isKeyRole = (role: NameRole): boolean =>
  role === 'secret-key' || role === 'access-key' || role === 'lwa-client-secret';

/**
 * The common misspellings of `secret` in field names (`secrect_key`, `secertKey`, `sercet`):
 * a column is named once and its typo copied into every entity, DTO and form that carries it.
 */
const SECRET_SPELLINGS = /secrect|secert|sercet/g;

/** `secret` and its misspellings ({@link SECRET_SPELLINGS}): the word every secret-key name holds. */
export const SECRET_WORD_SOURCE = `secret|${SECRET_SPELLINGS.source}`;

/** Lower-cases, drops everything but letters and digits, and spells `secret` right. */
export function normalizeName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .replace(SECRET_SPELLINGS, 'secret');
}

// Words that mean the value is about a secret but is not one: its hash, signature, file, path or
// name. Matched on whole words (`client_secret_sha256`, `MWS_SECRET_KEY_FILE`, `secretKeyPath`),
// so `profile` does not match `file`.
const NOT_SECRET_WORDS = new Set([
  'signature',
  'sig',
  'hash',
  'hashed',
  'digest',
  'checksum',
  'etag',
  'commit',
  'nonce',
  'fingerprint',
  'md5',
  'salt',
  'public',
  'path',
  'file',
  'filename',
  'filepath',
  'dir',
  'url',
  'uri',
  'endpoint',
  'region',
  'name',
  'bucket',
  'arn',
  'role',
  'length',
  'len',
  'size',
  'format',
  'pattern',
  'regex',
  'label',
  'placeholder',
  'hint',
  'error',
  'version',
  'type',
  'prefix',
  'suffix',
  'last4',
  'last',
  'four',
  'preview',
  'redacted',
  'obfuscated',
  'status',
  'enabled',
  'configured',
  'masked',
  'mask',
  'header',
  'param',
  'field',
  'column',
  'expires',
  'expiry',
  'expiration',
  'rotated',
  'created',
  'updated',
  'count',
  'valid',
  'is',
  'has',
  // A second factor's or a captcha's secret (`authcode_secret_key`, `totp_secret`), never AWS's.
  'otp',
  'totp',
  'hotp',
  'mfa',
  'twofa',
  'authcode',
  'authenticator',
  'captcha',
  'recaptcha',
]);
const NOT_SECRET =
  /signature|hash|digest|sha\d|checksum|etag|commit|nonce|fingerprint|md5|salt|public|path|file|url|endpoint|region|name|bucket|arn|role/;

// A name written in capitals with underscores, as constants and SQL columns often are (`SECRET_KEY`).
const CAPITALS = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;

/** True when a name is written in capitals with underscores (`AMAZON_CREDENTIAL`, `AWS_SECRET_KEY`). */
export function isCapitalsName(name: string): boolean {
  return CAPITALS.test(name);
}

/** Lower-case words of a name: `client_secret_sha256` → client, secret, sha256; `secretKeyPath` → secret, key, path. */
export function nameWords(name: string): string[] {
  const words: string[] = [];
  let word = '';
  const isUpper = (c: string): boolean => c >= 'A' && c <= 'Z';
  const isLower = (c: string): boolean => (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  for (let i = 0; i < name.length; i++) {
    const c = name.charAt(i);
    if (!isUpper(c) && !isLower(c)) {
      if (word) words.push(word);
      word = '';
      continue;
    }
    // A word starts at an upper-case letter after a lower-case one (`secretKey`) or before a
    // lower-case one inside an acronym (`AWSAccessKeyId` → aws, access, key, id).
    const prev = name.charAt(i - 1);
    const next = name.charAt(i + 1);
    if (word && isUpper(c) && (isLower(prev) || (isUpper(prev) && next >= 'a' && next <= 'z'))) {
      words.push(word);
      word = '';
    }
    word += c.toLowerCase();
  }
  if (word) words.push(word);
  return words;
}

// Secrets of other systems that are not AWS/MWS secret keys.
const OTHER_SECRET =
  /client|jwt|session|cookie|csrf|webhook|oauth|stripe|github|slack|django|flask|rails|encryption|signing|shopify|ebay|paypal|lwa/;

// Names repeat (`token`, `accessKeyId` thousands of times in one bundle): roles are memoized, in a
// map cleared when full so that its memory stays bounded. A name cut from a text by `slice` is a
// view that keeps the whole text alive, so the map keeps a copy of it (`ownCopy`), never the view.
const ROLE_CACHE = new Map<string, NameRole>();
const ROLE_CACHE_SIZE = 4096;

/** Classifies a binding name. */
export function nameRole(name: string): NameRole {
  let role = ROLE_CACHE.get(name);
  if (role === undefined) {
    role = classifyName(name);
    if (ROLE_CACHE.size >= ROLE_CACHE_SIZE) ROLE_CACHE.clear();
    ROLE_CACHE.set(ownCopy(name), role);
  }
  return role;
}

/**
 * A string with the same characters that does not share memory with a larger one: concatenating
 * makes V8 flatten the name into a new string, and the slice is a view of that small string.
 */
function ownCopy(name: string): string {
  return `${name} `.slice(0, -1);
}

function classifyName(name: string): NameRole {
  const n = normalizeName(name);
  if (n === '') return 'none';
  if (nameWords(name).some((w) => NOT_SECRET_WORDS.has(w) || /^sha\d+$/.test(w))) return 'not-secret';
  if (n.includes('refreshtoken')) return 'refresh-token';
  if (/mwsauthtoken|^authtoken$|mwstoken|^token$/.test(n) || (n.endsWith('authtoken') && !n.includes('refresh')))
    return 'auth-token';
  if (/clientsecret|lwa[a-z]{0,12}secret/.test(n)) return 'lwa-client-secret';
  if (/clientid|lwaappid|lwaclient|appclientid/.test(n)) return 'lwa-client-id';
  if (n.includes('secret')) {
    if (OTHER_SECRET.test(n) && !/aws|mws|amz|sellingpartner|spapi/.test(n)) return 'not-secret';
    if (/key|access|aws|mws|amz|amazon|iam|sellingpartner|spapi/.test(n)) return 'secret-key';
    return 'generic-secret';
  }
  if (/awssecret|mwssecret|amzsecret/.test(n)) return 'secret-key';
  if (
    (/accesskey|^(?:aws|mws|amazon|amz|dev|developer|seller|merchant)?keyid$|^awskey$|^mwskey$|^accessid$|^awsaccessid$/.test(
      n,
    ) ||
      // `aws_api_key`, `amazon_key`, `amz_key`: named for Amazon, and no other key is.
      /^(?:aws|mws|amazon|amz)(?:api|access)?key$/.test(n)) &&
    !/secret|signature|hash|kms|gpg|pgp|ssh|public|private|license/.test(n) &&
    (!n.includes('api') || /spapi|sellingpartner|^(?:aws|mws|amazon|amz)apikey$/.test(n))
  )
    return 'access-key';
  if (
    /^(?:aws|mws)?(?:merchanttoken|merchant|sellercentralid|sellerid\d+)$|sellerid$|merchantid$|sellingpartnerid$/.test(
      n,
    )
  )
    return 'seller-id';
  if (/^(?:mws)?accountid$/.test(n)) return 'weak-seller-id';
  // `skey`, `aws_skey`: the "SK" of an AK/SK pair, a secret only beside its access key (`pairedSecrets`).
  if (/^(?:aws|mws|amz)?skey$/.test(n)) return 'generic-secret';
  if (NOT_SECRET.test(n)) return 'not-secret';
  return 'none';
}

/**
 * Words that every name {@link nameRole} calls `access-key` holds as written: `accessKey`,
 * `ACCESS_KEY_ID`, `Access Key ID`, `keyId`, `key-id`, `mws_key`, `accessId`. The role is read
 * from the name with its separators dropped (`normalizeName`), so any run of them may stand
 * between the words. A text without these cannot bind a value to an access-key name.
 */
export const ACCESS_KEY_NAME_WORDS = /access[^a-z0-9]*(?:key|id)|key[^a-z0-9]*id|[am]ws[^a-z0-9]*key/i;

/** {@link ACCESS_KEY_NAME_WORDS} and `secret` (or a misspelling): the words of every key-field name. */
export const KEY_NAME_WORDS = new RegExp(`${SECRET_WORD_SOURCE}|${ACCESS_KEY_NAME_WORDS.source}`, 'i');

/**
 * The literal prefixes of the prefixed kinds, in any case: `AKIA`/`ASIA`/`ABIA`/`ACCA` key ids,
 * `amzn.mws.` tokens and `amzn1.oa2-cs.` secrets, `Atza|`/`Atzr|` LWA tokens.
 */
export const CREDENTIAL_PREFIXES = /akia|asia|abia|acca|amzn|atz[ar]/i;

/** True for names whose values are secret keys (`secret-key`), or `secret` alone in MWS/AWS code. */
export function isSecretKeyName(name: string, hasAmazonContext: boolean): boolean {
  const role = nameRole(name);
  return role === 'secret-key' || (role === 'generic-secret' && hasAmazonContext);
}
