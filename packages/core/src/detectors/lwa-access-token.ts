import type { Detector, RawFinding, ScanContext } from '../types.js';
import { findLwaTokens } from '../lwa-tokens.js';

/**
 * Login with Amazon access tokens (`Atza|…`): an SP-API call's bearer token. It expires after an
 * hour, so it is a warning, but while it lives it acts for the seller, and a log or recording
 * that holds one must not be committed. Form-encoded bodies carry it as `Atza%7C…`; the body is
 * base64url. Fake sample: Atza|IwEBIKq3…(100+ chars). Refresh tokens (`Atzr|`) are their own kind.
 */
function find(ctx: ScanContext): RawFinding[] {
  return findLwaTokens(ctx.text, 'Atza', 'lwa-access-token', 'warning');
}

const BODY = 'IwEBIKq3Vn8Zr2x_7hQmT5c-LpW4YdN1aFg6sJ0uK9eRbO3iXzC8vHlM2nA5tEo7wGyD4fPqU6jS1kB9';

/** Detector for `lwa-access-token`. */
export const lwaAccessToken: Detector = Object.freeze({
  kind: 'lwa-access-token',
  keywords: ['Atza'],
  find,
  samples: {
    positive: [
      { text: `Authorization: Bearer Atza|${BODY}`, value: `Atza|${BODY}`, reason: 'access token in a request header' },
      {
        text: `{"access_token":"Atza%7C${BODY}","token_type":"bearer","expires_in":3600}`,
        value: `Atza%7C${BODY}`,
        reason: 'form-encoded access token in a recorded response',
      },
    ],
    negative: [
      { text: 'x-amz-access-token: Atza|...', reason: 'elided placeholder' },
      { text: 'x-amz-access-token: Atza|xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', reason: 'placeholder' },
      { text: `refresh_token: 'Atzr|${BODY}'`, reason: 'a refresh token is its own kind' },
    ],
  },
});
