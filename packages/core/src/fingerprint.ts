import type { createHash as CreateHash } from 'node:crypto';
import type { Kind } from './kinds.js';

/**
 * Fixed salt and version of the fingerprint scheme. Changing it changes every fingerprint (and so
 * every baseline), so bump the version only on purpose.
 */
const FINGERPRINT_SALT = 'mwsguard:fingerprint:v1';

/**
 * `node:crypto`, loaded at the first finding rather than with the engine: a clean run (most
 * commit hooks, most files an editor lints) never needs it, and loading it costs a few
 * milliseconds of every start-up.
 */
let createHash: typeof CreateHash | undefined;

/**
 * A stable, line-independent identity for a finding: SHA-256 over the salt, the kind and the
 * secret (for `shared-credentials`: the normalised field and record it was found in). The same
 * secret in two files has the same fingerprint, so reuse can be counted; the hash never contains
 * plaintext, and the salt keeps it from matching a bare SHA-256 of the secret.
 */
export function fingerprint(kind: Kind, identity: string): string {
  createHash ??= process.getBuiltinModule('node:crypto').createHash;
  return createHash('sha256').update(`${FINGERPRINT_SALT}\0${kind}\0${identity}`).digest('hex');
}
