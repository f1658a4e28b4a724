import { nameRole, normalizeName } from '@mwsguard/core';

/**
 * Words of a binding name: `awsAccessKeyId` → aws, access, key, id; `AWSAccessKeyId` → aws,
 * access, key, id; `mws-secret.key` → mws, secret, key.
 */
function words(name: string): string[] {
  const out: string[] = [];
  let word = '';
  const isUpper = (c: string): boolean => c >= 'A' && c <= 'Z';
  const isLower = (c: string): boolean => (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  for (let i = 0; i < name.length; i++) {
    const c = name.charAt(i);
    if (!isUpper(c) && !isLower(c)) {
      if (word) out.push(word);
      word = '';
      continue;
    }
    // A word starts at an upper-case letter after a lower-case one (`secretKey`), or before a
    // lower-case one inside an acronym (`AWSAccessKeyId` → AWS, ACCESS, KEY, ID).
    const prev = name.charAt(i - 1);
    const next = name.charAt(i + 1);
    if (word && isUpper(c) && (isLower(prev) || (isUpper(prev) && next >= 'a' && next <= 'z'))) {
      out.push(word);
      word = '';
    }
    word += c.toUpperCase();
  }
  if (word) out.push(word);
  return out;
}

/**
 * The environment variable a binding should be read from: `secretKey` → `SECRET_KEY`,
 * `AWSAccessKeyId` → `AWS_ACCESS_KEY_ID`. `undefined` when the name gives no usable identifier.
 */
export function envNameFor(name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  const env = words(name).join('_');
  return /^[A-Z_][A-Z0-9_]*$/.test(env) ? env : undefined;
}

/** True when `name` is one of `names`, compared the way core compares names. */
export function isListedName(name: string | undefined, names: readonly string[]): boolean {
  if (name === undefined || names.length === 0) return false;
  const n = normalizeName(name);
  return names.some((candidate) => normalizeName(candidate) === n);
}

/** True when core gives the name a credential-related role. */
export function hasCredentialRole(name: string | undefined): boolean {
  if (name === undefined) return false;
  let known = ROLE_CACHE.get(name);
  if (known === undefined) {
    const role = nameRole(name);
    known = role !== 'none' && role !== 'not-secret' && role !== 'seller-id' && role !== 'weak-seller-id';
    // A pure memo (same name, same answer): identifiers repeat across a file and a project.
    if (ROLE_CACHE.size >= 10_000) ROLE_CACHE.clear();
    ROLE_CACHE.set(name, known);
  }
  return known;
}

const ROLE_CACHE = new Map<string, boolean>();
