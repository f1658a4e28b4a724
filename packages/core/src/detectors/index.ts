import { accessKeyId } from './access-key-id.js';
import { lwaAccessToken } from './lwa-access-token.js';
import { lwaClientSecret } from './lwa-client-secret.js';
import { lwaRefreshToken } from './lwa-refresh-token.js';
import { mwsAuthToken } from './mws-auth-token.js';
import { secretKey } from './secret-key.js';
import { sharedCredentials } from './shared-credentials.js';
import { untokenedRequestsDetector } from './untokened-requests.js';
import type { Detector } from '../types.js';
import type { Kind } from '../kinds.js';

/**
 * Every detector, in the order they run: `access-key-id` first, because `secret-key` pairs
 * unnamed 40-character values with the access keys found before it.
 */
export const DETECTORS: readonly Detector[] = [
  accessKeyId,
  mwsAuthToken,
  lwaClientSecret,
  lwaRefreshToken,
  lwaAccessToken,
  secretKey,
  sharedCredentials,
  // A second judge of `shared-credentials`: requests without an MWS Auth Token.
  untokenedRequestsDetector,
];

/** Detectors keyed by kind: the first of a kind (`shared-credentials` has a second judge). */
export const DETECTOR_BY_KIND = Object.fromEntries(DETECTORS.toReversed().map((d) => [d.kind, d])) as Record<
  Kind,
  Detector
>;
