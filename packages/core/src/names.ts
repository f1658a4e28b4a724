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

/** Lower-cases and drops everything but letters and digits. */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

// Words that mean the value is derived from a secret but is not one (a signature, a hash).
const NOT_SECRET =
  /signature|hash|digest|sha\d|checksum|etag|commit|nonce|fingerprint|md5|salt|public|path|file|url|endpoint|region|name|bucket|arn|role/;
// Secrets of other systems that are not AWS/MWS secret keys.
const OTHER_SECRET =
  /client|jwt|session|cookie|csrf|webhook|oauth|stripe|github|slack|django|flask|rails|encryption|signing|shopify|ebay|paypal|lwa/;

/** Classifies a binding name. */
export function nameRole(name: string): NameRole {
  const n = normalizeName(name);
  if (n === '') return 'none';
  if (n.includes('refreshtoken')) return 'refresh-token';
  if (/mwsauthtoken|^authtoken$|mwstoken|^token$/.test(n) || (n.endsWith('authtoken') && !n.includes('refresh')))
    return 'auth-token';
  if (/clientsecret|lwasecret/.test(n)) return 'lwa-client-secret';
  if (/clientid|lwaappid|lwaclient|appclientid/.test(n)) return 'lwa-client-id';
  if (n.includes('secret')) {
    if (NOT_SECRET.test(n) && !/secretkey|secretaccesskey/.test(n)) return 'not-secret';
    if (OTHER_SECRET.test(n) && !/aws|mws|amz|sellingpartner|spapi/.test(n)) return 'not-secret';
    if (/key|access|aws|mws|amz|sellingpartner|spapi/.test(n)) return 'secret-key';
    return 'generic-secret';
  }
  if (/awssecret|mwssecret|amzsecret/.test(n)) return 'secret-key';
  if (
    /accesskey|keyid$|^awskey$|^mwskey$|^accessid$|^awsaccessid$/.test(n) &&
    !/secret|signature|hash|kms|gpg|pgp|ssh|api|public|private|license/.test(n)
  )
    return 'access-key';
  if (/^(?:aws|mws)?(?:merchanttoken|merchant|sellercentralid|sellerid\d+)$|sellerid$|merchantid$/.test(n))
    return 'seller-id';
  if (/^(?:mws)?accountid$/.test(n)) return 'weak-seller-id';
  if (NOT_SECRET.test(n)) return 'not-secret';
  return 'none';
}

/** True for names whose values are secret keys (`secret-key`), or `secret` alone in MWS/AWS code. */
export function isSecretKeyName(name: string, hasAmazonContext: boolean): boolean {
  const role = nameRole(name);
  return role === 'secret-key' || (role === 'generic-secret' && hasAmazonContext);
}
