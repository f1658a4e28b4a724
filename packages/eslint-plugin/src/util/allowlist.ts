import { compileAllow } from '@mwsguard/core';
import type { Allow } from '@mwsguard/core';

/**
 * A rule's allow options, under ESLint's conventional names (`allow`/`allowFields`,
 * `allowPatterns`, `allowFingerprints`), mapped onto core's one allowlist policy. Paths are
 * ESLint's own business (`files`, `ignores`); inline `mwsguard-ignore` directives apply first.
 */
export interface RuleAllowlist {
  readonly values: readonly string[];
  readonly patterns: readonly string[];
  readonly fingerprints: readonly string[];
}

/** The schema entry shared by every rule's `allowFingerprints` option. */
export const ALLOW_FINGERPRINTS_SCHEMA = {
  type: 'array',
  description: "Fingerprints of findings never reported (the `fingerprint` of mwsguard's JSON output).",
  items: { type: 'string' },
  uniqueItems: true,
} as const;

/** Compiles a rule's allowlist (once per file); an invalid pattern fails loudly, naming the option. */
export function compileAllowlist(allowlist: RuleAllowlist): Allow {
  try {
    return compileAllow({ ...allowlist, patternsOption: 'allowPatterns' });
  } catch (error) {
    throw new Error(`mwsguard: ${(error as Error).message}`, { cause: error });
  }
}
