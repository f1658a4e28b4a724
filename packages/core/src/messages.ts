import type { Kind, Severity } from './kinds.js';

/** Locales messages are written in; anything else falls back to English. */
export type Locale = 'en';

/** Facts a message may mention. Only masked values and names ever reach the prose. */
export interface MessageFacts {
  readonly kind: Kind;
  readonly severity: Severity;
  /** The masked secret (or, for `shared-credentials`, the offending field name). */
  readonly masked: string;
  /** The file talks to MWS: say "MWS" rather than "AWS". */
  readonly mws: boolean;
  /** For `shared-credentials`: `request` when the finding is an MWS request without a token. */
  readonly detail?: string;
}

const OWN_KEYS = 'Load your own developer keys from the environment or a secret manager.';
const TYPE_B =
  "Never collect a seller's keys: the seller authorizes your Developer ID in Seller Central > User Permissions > Authorize a developer and gives you only its Seller ID and MWS Auth Token, which it can revoke and must renew yearly.";
const SP_API = 'SP-API: use LWA authorization and never hard-code client secrets or refresh tokens.';

const EN: Record<Kind, { message: (f: MessageFacts) => string; recommendation: string }> = {
  'access-key-id': {
    message: (f) => `Hard-coded ${f.mws ? 'MWS' : 'AWS'} access key ID ${f.masked}.`,
    recommendation: `Remove it (and from git history) and rotate the key pair. ${OWN_KEYS} ${TYPE_B}`,
  },
  'secret-key': {
    message: (f) => `Hard-coded ${f.mws ? 'MWS' : 'AWS'} secret key ${f.masked}.`,
    recommendation: `Remove it and rotate the key pair now: anyone who can read it can sign requests as you. ${OWN_KEYS} ${TYPE_B}`,
  },
  'mws-auth-token': {
    message: (f) => `Hard-coded MWS Auth Token ${f.masked}.`,
    recommendation:
      "Remove it and have the seller revoke and renew it in Seller Central > User Permissions. Keep each seller's Seller ID and MWS Auth Token in your database or secret store, not in code.",
  },
  'lwa-client-secret': {
    message: (f) => `Hard-coded SP-API Login with Amazon client secret ${f.masked}.`,
    recommendation: `Remove it and rotate the client secret in Developer Central; keep it in a secret manager. ${SP_API}`,
  },
  'lwa-refresh-token': {
    message: (f) =>
      f.severity === 'warning'
        ? `Hard-coded Login with Amazon access token ${f.masked} (short-lived, but a working credential for an hour).`
        : `Hard-coded SP-API Login with Amazon refresh token ${f.masked}.`,
    recommendation: `Remove it and revoke the app authorization in Seller Central, then authorize again for a new token; store refresh tokens encrypted, per seller. ${SP_API}`,
  },
  'shared-credentials': {
    message: (f) =>
      f.detail === 'request'
        ? 'MWS request carries SellerId and AWSAccessKeyId but no MWSAuthToken: it is signed with the seller’s own keys (type A shared credentials).'
        : `"${f.masked}" holds a seller's own ${f.mws ? 'MWS ' : ''}keys next to its seller ID (type A shared credentials).`,
    recommendation: `Stop collecting sellers' Access and Secret Keys: it breaks the MWS terms, cannot be revoked per integrator and makes abuse untraceable. ${TYPE_B} Sign each call with your own keys plus SellerId and MWSAuthToken. ${OWN_KEYS}`,
  },
};

const TABLES: Partial<Record<string, typeof EN>> = { en: EN } satisfies Record<Locale, typeof EN>;

/** The one-sentence message for a finding. */
export function renderMessage(facts: MessageFacts, locale = 'en'): string {
  return (TABLES[locale] ?? EN)[facts.kind].message(facts);
}

/** What to do about a finding. */
export function renderRecommendation(kind: Kind, locale = 'en'): string {
  return (TABLES[locale] ?? EN)[kind].recommendation;
}
