import { nameRole, nameWords, normalizeName } from '@mwsguard/core';

/**
 * The environment variable a binding should be read from: `secretKey` → `SECRET_KEY`,
 * `AWSAccessKeyId` → `AWS_ACCESS_KEY_ID`. `undefined` when the name gives no usable identifier.
 */
export function envNameFor(name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  const env = nameWords(name).join('_').toUpperCase();
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
