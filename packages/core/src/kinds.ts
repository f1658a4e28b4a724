/**
 * The credential kinds mwsguard reports. The ids are a public contract: they appear in every
 * output (JSON, SARIF, ESLint messages, secretlint message ids) and in the docs URLs.
 */
export const KINDS = [
  'access-key-id',
  'secret-key',
  'mws-auth-token',
  'lwa-client-secret',
  'lwa-refresh-token',
  'shared-credentials',
] as const;

/** One of the credential kinds in {@link KINDS}. */
export type Kind = (typeof KINDS)[number];

/** Severity of a finding; `warning` is used for short-lived credentials (LWA access tokens). */
export type Severity = 'error' | 'warning';

/**
 * The project's home; a fork changes it here (and in the packages' `repository` fields, which a
 * test keeps equal to it). Docs links, SARIF and GitLab reports and rule help all derive from it.
 */
export const REPOSITORY_URL = 'https://github.com/mwsguard/mwsguard';

/** Where the docs live; every kind has a page at `${DOCS_BASE_URL}/kinds/<kind>.md`. */
export const DOCS_BASE_URL = `${REPOSITORY_URL}/blob/main/docs`;

/** Static facts about a kind; prose is rendered from here and nowhere else. */
export interface KindInfo {
  readonly kind: Kind;
  /** Human title used in messages, e.g. "MWS secret key". */
  readonly title: string;
  /** Stable rule id used in JSON/SARIF output. */
  readonly ruleId: string;
  readonly defaultSeverity: Severity;
  /** One-line description for rule metadata (SARIF `shortDescription`). */
  readonly description: string;
  readonly docsUrl: string;
}

const info = (kind: Kind, title: string, description: string, defaultSeverity: Severity = 'error'): KindInfo =>
  Object.freeze({
    kind,
    title,
    ruleId: `mwsguard/${kind}`,
    defaultSeverity,
    description,
    docsUrl: `${DOCS_BASE_URL}/kinds/${kind}.md`,
  });

/** Facts about every kind, keyed by kind id. */
export const KIND_INFO: Readonly<Record<Kind, KindInfo>> = Object.freeze({
  'access-key-id': info(
    'access-key-id',
    'access key ID',
    'Hard-coded AWS/MWS access key ID (AKIA/ASIA/ABIA/ACCA, or a legacy 20-character MWS key ID).',
  ),
  'secret-key': info('secret-key', 'secret key', 'Hard-coded 40-character AWS/MWS secret key.'),
  'mws-auth-token': info('mws-auth-token', 'MWS Auth Token', 'Hard-coded MWS Auth Token (amzn.mws.<uuid>).'),
  'lwa-client-secret': info(
    'lwa-client-secret',
    'Login with Amazon client secret',
    'Hard-coded SP-API Login with Amazon (LWA) client secret.',
  ),
  'lwa-refresh-token': info(
    'lwa-refresh-token',
    'Login with Amazon refresh token',
    'Hard-coded SP-API Login with Amazon refresh (Atzr|) or access (Atza|) token.',
  ),
  'shared-credentials': info(
    'shared-credentials',
    'shared seller credentials',
    "A seller's own access/secret keys stored or used per seller (type A) instead of the Seller ID + MWS Auth Token pattern.",
  ),
});

/** True when `value` is one of the kind ids. */
export function isKind(value: string): value is Kind {
  return (KINDS as readonly string[]).includes(value);
}
