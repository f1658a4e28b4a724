import { KINDS, KIND_INFO } from '@mwsguard/core';
import type { Kind } from '@mwsguard/core';
import type { Explanation, ExplanationTexts } from './types.js';

const TYPE_B =
  'The right pattern (MWS "type B"): the seller authorizes your Developer ID in Seller Central > Settings > User Permissions > Authorize a developer, and gives you only its Seller ID (merchant token) and the MWS Auth Token Amazon shows it. You sign every call with your own developer keys and add SellerId and MWSAuthToken to the request. The seller can revoke the authorization at any time without touching its own keys, and each call is traceable to your developer account.';

const SP_API_LWA =
  'SP-API, the successor of MWS, has no shared keys at all: the seller authorizes your app through Login with Amazon (LWA), you exchange the authorization code for a refresh token per seller, and each call carries a short-lived LWA access token obtained from that refresh token with your LWA client id and client secret.';

const EXPLANATIONS: Readonly<Record<Kind, Explanation>> = {
  'access-key-id': {
    kind: 'access-key-id',
    what: 'The public half of an AWS-format key pair (AKIA… for a long-term key, ASIA… for a temporary one, or a legacy 20-character MWS key ID). MWS signs every request with a developer key pair; the access key ID travels in the request as AWSAccessKeyId.',
    why: 'On its own the ID says whose key signed a request, but it is rarely committed alone: its 40-character secret key is usually a few lines away, in the same commit, or in the history. Together they let anyone sign MWS requests as you, for every seller that authorized your developer account. A key in git stays in every clone and fork even after the line is deleted.',
    rotate: [
      'Treat the key pair as leaked. Create a new access key in the account it belongs to (IAM, or the MWS developer credentials page), deploy it, then deactivate and delete the old one.',
      'Check the account activity (CloudTrail for IAM keys, your MWS request logs) for calls you did not make.',
      'Remove the key from the code and load it from the environment or a secret manager at run time. Rewriting git history (git filter-repo) only limits further spread; it does not un-leak the key.',
      'If the key belongs to a seller rather than to you, stop using it and ask the seller to rotate it: you should never have had it (see shared-credentials).',
    ],
    pattern: TYPE_B,
    spApi: `${SP_API_LWA} Apps registered with IAM credentials sign requests with an IAM role: keep that role's keys in a secret manager, never in code.`,
  },
  'secret-key': {
    kind: 'secret-key',
    what: 'The private half of an AWS/MWS key pair: a 40-character secret access key, found next to its access key ID or under a secret-key name.',
    why: 'Anyone who can read it can sign requests as you. For MWS that means reading orders, customer addresses and reports, and submitting feeds (prices, inventory, listings) for every seller that authorized your developer account. It cannot be revoked per caller: the only cure is rotation.',
    rotate: [
      'Rotate the key pair now: create a new secret key, deploy it, then deactivate and delete the old pair.',
      'Review the account activity for requests you did not make, and tell affected sellers if data was read.',
      'Keep the new key in a secret manager or an environment variable injected at deploy time; never commit it, not even in a test or a sample config.',
      "If it is a seller's secret key, you must not hold it at all: ask the seller to rotate it and switch to the authorization flow below.",
    ],
    pattern: TYPE_B,
    spApi: SP_API_LWA,
  },
  'mws-auth-token': {
    kind: 'mws-auth-token',
    what: "An MWS Auth Token (amzn.mws.<uuid>): the token a seller gives a developer when it authorizes that developer's account to call MWS on its behalf.",
    why: 'With the developer keys it was issued for, the token lets MWS calls act on that seller account. In code or config it is also a sign that per-seller data is being handled as source: it belongs in your database or secret store, one per seller, alongside the Seller ID.',
    rotate: [
      'Ask the seller to revoke the authorization in Seller Central > Settings > User Permissions and to authorize your Developer ID again; Amazon issues a new token.',
      'Store the new token with the Seller ID in your database (encrypted) or secret store, keyed by seller, and read it at run time.',
      'Remove the old token from the code; remember that it stays in the git history.',
    ],
    pattern: `${TYPE_B} Tokens must be renewed every year; plan for it in your data model.`,
    spApi: `${SP_API_LWA} The per-seller refresh token takes the place of the MWS Auth Token.`,
  },
  'lwa-client-secret': {
    kind: 'lwa-client-secret',
    what: 'A Login with Amazon (LWA) client secret (amzn1.oa2-cs.v1.…): the password of your SP-API application.',
    why: "With the client id and a seller's refresh token it mints access tokens for that seller; with only the client id it can impersonate your application in the OAuth flow. It covers every seller that authorized the app.",
    rotate: [
      'Rotate the client secret in Seller Central > Develop Apps (Developer Central): generate a new secret, deploy it, then retire the old one. Amazon also expires client secrets every 180 days, so automate this.',
      'Keep the secret in a secret manager; inject it at run time.',
      'Remove it from the code and treat the git history as leaked.',
    ],
    pattern:
      'MWS equivalent of the right pattern: your own developer keys stay in one safe place and each seller gives you only its Seller ID and MWS Auth Token. The same holds for SP-API: one application secret, kept secret, and per-seller authorizations stored as data.',
    spApi: SP_API_LWA,
  },
  'lwa-refresh-token': {
    kind: 'lwa-refresh-token',
    what: "A Login with Amazon refresh token (Atzr|…), which stands for one seller's authorization of your SP-API app.",
    why: "With your client id and secret, a refresh token yields access tokens for that seller's account indefinitely, until the seller revokes the app.",
    rotate: [
      'Have the seller revoke your app in Seller Central > Settings > User Permissions (Manage your apps) and authorize it again; store the new refresh token encrypted, per seller.',
      'Never log tokens or keep them in fixtures; mask them (Atzr|****) in logs.',
    ],
    pattern:
      'For MWS the same idea is the Seller ID + MWS Auth Token pattern: per-seller authorizations are data, stored encrypted per seller and revocable by the seller, never code.',
    spApi: SP_API_LWA,
  },
  'lwa-access-token': {
    kind: 'lwa-access-token',
    what: 'A Login with Amazon access token (Atza|…): the bearer token of SP-API calls for one seller, valid for an hour.',
    why: "It works immediately, without any other secret, for the seller's account until it expires; logs, recordings and fixtures that capture one keep it readable for anyone with the repository.",
    rotate: [
      'It expires within an hour, but remove it and find the log, recording or fixture that captured it.',
      'If it is still valid, revoke the app authorization in Seller Central (it also ends the refresh token behind it) and authorize again.',
      'Never log tokens or keep them in fixtures; mask them (Atza|****) in logs.',
    ],
    pattern:
      "Request access tokens at run time from the seller's refresh token and keep them in memory only; per-seller authorizations are data, never code.",
    spApi: SP_API_LWA,
  },
  'shared-credentials': {
    kind: 'shared-credentials',
    what: 'Not a value but a design: a record, form, config or request that holds or uses each seller\'s own MWS Access Key ID and Secret Key (MWS "type A" authorization).',
    why: "Amazon's terms forbid it on both sides: sellers must not share their keys and developers must not ask for them, and Amazon has reset the keys of apps that worked this way. A leak of your database leaks every seller's full account access; a seller cannot revoke your access without rotating its own keys; and calls cannot be traced to the integrator that made them.",
    rotate: [
      "Stop collecting sellers' keys: remove the fields from forms, DTOs and tables.",
      'Ask every seller whose keys you hold to rotate them, then delete the stored keys (and backups).',
      'Migrate each seller to an authorization of your Developer ID, storing only its Seller ID and MWS Auth Token.',
    ],
    pattern: TYPE_B,
    spApi: SP_API_LWA,
  },
};

const fromCore = (field: 'title' | 'description'): Record<Kind, string> =>
  Object.fromEntries(KINDS.map((k) => [k, KIND_INFO[k][field]])) as Record<Kind, string>;

/** English: the source text every translation follows. Titles and descriptions are core's. */
export const EN: ExplanationTexts = {
  explanations: EXPLANATIONS,
  titles: fromCore('title'),
  descriptions: fromCore('description'),
  headings: {
    what: 'What leaked',
    why: 'Why it matters',
    rotate: 'How to rotate or revoke it',
    pattern: 'Replace it with the Seller ID + MWS Auth Token pattern',
    spApi: 'The SP-API equivalent',
    headingEnd: '.',
    more: 'More: ',
    fullDocumentation: 'Full documentation',
    defaultSeverity: ' (default severity: {{ severity }})',
    usage: 'Usage: mwsguard explain <kind|ruleId>',
    kinds: 'Kinds:',
  },
};
