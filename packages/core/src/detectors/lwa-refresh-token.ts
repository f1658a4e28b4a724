import type { Detector, RawFinding, ScanContext } from '../types.js';
import { isPlaceholder } from '../values.js';

/**
 * Login with Amazon tokens. `Atzr|…` refresh tokens are long-lived (they grant SP-API access for
 * a seller until revoked); `Atza|…` access tokens expire after an hour, so they are warnings.
 * Form-encoded bodies carry them as `Atzr%7C…`. The body is base64url.
 * Fake sample: Atzr|IwEBIKq3…(300+ chars).
 */
const REFRESH_TOKEN = /(?<![A-Za-z0-9])Atzr(?:\||%7[Cc])[\w-]{20,}/g;
const ACCESS_TOKEN = /(?<![A-Za-z0-9])Atza(?:\||%7[Cc])[\w-]{20,}/g;

function find(ctx: ScanContext): RawFinding[] {
  const found: RawFinding[] = [];
  // `includes` finds the literal several times faster than the regexes with their lookbehind.
  if (!ctx.text.includes('Atz')) return found;
  for (const [re, severity] of [
    [REFRESH_TOKEN, 'error'],
    [ACCESS_TOKEN, 'warning'],
  ] as const) {
    re.lastIndex = 0;
    for (let m = re.exec(ctx.text); m !== null; m = re.exec(ctx.text)) {
      const value = m[0].replace(/%7C/i, '|');
      if (isPlaceholder(value)) continue;
      found.push({ kind: 'lwa-refresh-token', severity, start: m.index, end: m.index + m[0].length, secret: value });
    }
  }
  return found;
}

const BODY = 'IwEBIKq3Vn8Zr2x_7hQmT5c-LpW4YdN1aFg6sJ0uK9eRbO3iXzC8vHlM2nA5tEo7wGyD4fPqU6jS1kB9';

/** Detector for `lwa-refresh-token`. */
export const lwaRefreshToken: Detector = Object.freeze({
  kind: 'lwa-refresh-token',
  keywords: ['Atzr', 'Atza'],
  find,
  samples: {
    positive: [
      { text: `refresh_token: 'Atzr|${BODY}'`, value: `Atzr|${BODY}`, reason: 'refresh token in code' },
      {
        text: `grant_type=refresh_token&refresh_token=Atzr%7C${BODY}&client_id=x`,
        value: `Atzr%7C${BODY}`,
        reason: 'form-encoded refresh token',
      },
      { text: `Authorization: Bearer Atza|${BODY}`, value: `Atza|${BODY}`, reason: 'access token (warning)' },
    ],
    negative: [
      { text: 'refresh_token=Atzr|IQEBLzAtAhRPpMJxdwVz2Nn6f2y-tpJX2DeXEXAMPLE', reason: 'LWA documentation example' },
      { text: 'refresh_token: Atzr|...', reason: 'elided placeholder' },
      { text: 'refresh_token: Atzr|xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', reason: 'placeholder' },
    ],
  },
});
