// The rules' options, in a file of their own so that the types the package publishes do not
// reach the rule modules (typed with typescript-eslint's types, a development dependency only).
import type { Kind } from '@mwsguard/core';

/** The kinds `no-hardcoded-credentials` reports: every kind that is a credential value. */
export type HardCodedKind = Exclude<Kind, 'shared-credentials'>;

/** Options of `no-hardcoded-credentials`. */
export interface NoHardcodedCredentialsOptions {
  /** Kinds to report. Default: every hard-coded kind. */
  readonly kinds: HardCodedKind[];
  /** Exact values never reported (your own published test keys). Default: none. */
  readonly allow: string[];
  /** Regular expressions (`u` flag) over the raw value; a match is never reported. Default: none. */
  readonly allowPatterns: string[];
  /** Fingerprints (from mwsguard's JSON output) of findings never reported. Default: none. */
  readonly allowFingerprints: string[];
  /** Extra names whose values are secret keys (`signingBlob`). Default: none. */
  readonly secretKeyNames: string[];
  /** Extra names whose values are access key ids (`mwsUser`). Default: none. */
  readonly accessKeyIdNames: string[];
  /**
   * Language of the messages: `zh-CN` (also `zh`, `zh_CN`, `zh-Hans`) for Simplified Chinese;
   * any other value falls back to English. Messages come from core's message table. Default: `'en'`.
   */
  readonly locale: string;
}

/** Options of `no-shared-seller-credentials`. */
export interface NoSharedSellerCredentialsOptions {
  /** Field names never reported (compared case- and separator-insensitively). Default: none. */
  readonly allowFields: string[];
  /** Regular expressions (`u` flag) over the reported field name; a match is never reported. Default: none. */
  readonly allowPatterns: string[];
  /** Fingerprints (from mwsguard's JSON output) of findings never reported. Default: none. */
  readonly allowFingerprints: string[];
  /**
   * Language of the messages: `zh-CN` (also `zh`, `zh_CN`, `zh-Hans`) for Simplified Chinese;
   * any other value falls back to English. Messages come from core's message table. Default: `'en'`.
   */
  readonly locale: string;
}

/** Options of `require-mws-auth-token`. */
export interface RequireMwsAuthTokenOptions {
  /**
   * Do not report a seller id that is a literal or read from the environment or config: a
   * single-tenant script calling MWS for its own account needs no token. Default: `true`.
   */
  readonly allowOwnAccount: boolean;
  /** Extra names of seller id parameters (`shopSellerId`). Default: none. */
  readonly sellerIdNames: string[];
  /** Extra names of MWS Auth Token parameters (`delegationToken`). Default: none. */
  readonly authTokenNames: string[];
  /** Language of the message (`en`, `zh-CN`); see `no-hardcoded-credentials`. */
  readonly locale: string;
}
