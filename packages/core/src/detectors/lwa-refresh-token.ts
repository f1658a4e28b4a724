import type { Detector, RawFinding, ScanContext } from '../types.js';
import { findLwaTokens } from '../lwa-tokens.js';

/**
 * Login with Amazon refresh tokens (`Atzr|…`): long-lived, they grant SP-API access for a seller
 * until revoked. Form-encoded bodies carry them as `Atzr%7C…`. The body is base64url.
 * Fake sample: Atzr|IwEBIKq3…(300+ chars). Access tokens (`Atza|`) are `lwa-access-token`.
 */
function find(ctx: ScanContext): RawFinding[] {
  return findLwaTokens(ctx.text, 'Atzr', 'lwa-refresh-token', 'error');
}

const BODY = 'IwEBIKq3Vn8Zr2x_7hQmT5c-LpW4YdN1aFg6sJ0uK9eRbO3iXzC8vHlM2nA5tEo7wGyD4fPqU6jS1kB9';

/** Detector for `lwa-refresh-token`. */
export const lwaRefreshToken: Detector = Object.freeze({
  kind: 'lwa-refresh-token',
  keywords: ['Atzr'],
  find,
  samples: {
    positive: [
      { text: `refresh_token: 'Atzr|${BODY}'`, value: `Atzr|${BODY}`, reason: 'refresh token in code' },
      {
        text: `grant_type=refresh_token&refresh_token=Atzr%7C${BODY}&client_id=x`,
        value: `Atzr%7C${BODY}`,
        reason: 'form-encoded refresh token',
      },
    ],
    negative: [
      { text: 'refresh_token=Atzr|IQEBLzAtAhRPpMJxdwVz2Nn6f2y-tpJX2DeXEXAMPLE', reason: 'LWA documentation example' },
      { text: 'refresh_token: Atzr|...', reason: 'elided placeholder' },
      { text: 'refresh_token: Atzr|xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', reason: 'placeholder' },
      { text: 'LWA_REFRESH_TOKEN_EU=Atzr|your_eu_refresh_token_here', reason: 'placeholder in words' },
      { text: `Authorization: Bearer Atza|${BODY}`, reason: 'an access token is its own kind' },
    ],
  },
});
