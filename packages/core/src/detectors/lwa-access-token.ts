import type { Detector, RawFinding, ScanContext } from '../types.js';
import { isPlaceholder } from '../values.js';

/**
 * Login with Amazon access tokens (`Atza|…`): an SP-API call's bearer token. It expires after an
 * hour, so it is a warning, but while it lives it acts for the seller, and a log or recording
 * that holds one must not be committed. Form-encoded bodies carry it as `Atza%7C…`; the body is
 * base64url. Fake sample: Atza|IwEBIKq3…(100+ chars). Refresh tokens (`Atzr|`) are their own kind.
 */
const ACCESS_TOKEN = /(?<![A-Za-z0-9])Atza(?:\||%7[Cc])[\w-]{20,}/g;

function find(ctx: ScanContext): RawFinding[] {
  const found: RawFinding[] = [];
  // `includes` finds the literal several times faster than the regex with its lookbehind.
  if (!ctx.text.includes('Atza')) return found;
  ACCESS_TOKEN.lastIndex = 0;
  for (let m = ACCESS_TOKEN.exec(ctx.text); m !== null; m = ACCESS_TOKEN.exec(ctx.text)) {
    const value = m[0].replace(/%7C/i, '|');
    if (isPlaceholder(value)) continue;
    found.push({
      kind: 'lwa-access-token',
      severity: 'warning',
      start: m.index,
      end: m.index + m[0].length,
      secret: value,
    });
  }
  return found;
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
