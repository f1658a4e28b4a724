import type { Finding } from './scan.js';

/**
 * True for a `shared-credentials` finding that is an MWS request or client without an MWS Auth
 * Token: the ESLint plugin reports these under `require-mws-auth-token` and the records under
 * `no-shared-seller-credentials`, each finding once. Kept apart from the detection modules so
 * that an adapter importing it loads nothing else.
 */
export function isMissingTokenFinding(finding: Pick<Finding, 'kind' | 'messageFacts'>): boolean {
  return finding.kind === 'shared-credentials' && finding.messageFacts.detail === 'missing-token';
}
