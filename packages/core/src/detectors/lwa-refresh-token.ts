import type { Detector, RawFinding, ScanContext } from '../types.js';
import { isPlaceholder } from '../values.js';

/**
 * Login with Amazon tokens. `Atzr|…` refresh tokens are long-lived (they grant SP-API access for
 * a seller until revoked); `Atza|…` access tokens expire after an hour, so they are warnings.
 * Form-encoded bodies carry them as `Atzr%7C…`. The body is base64url.
 * Fake sample: Atzr|IwEBIKq3…(300+ chars).
 */
// The prefix only: the body is measured by hand. A regex with `[\w-]{20,}` keeps one backtrack
// entry per character, and a body of 5.33 MiB or more overflowed V8's stack (the whole file's
// findings were lost).
const TOKEN_PREFIX = /(?<![A-Za-z0-9])Atz([ar])(?:\||%7[Cc])/g;
const MIN_BODY = 20;

function find(ctx: ScanContext): RawFinding[] {
  const found: RawFinding[] = [];
  // `includes` finds the literal several times faster than the regexes with their lookbehind.
  if (!ctx.text.includes('Atz')) return found;
  const { text } = ctx;
  TOKEN_PREFIX.lastIndex = 0;
  for (let m = TOKEN_PREFIX.exec(text); m !== null; m = TOKEN_PREFIX.exec(text)) {
    const bodyStart = m.index + m[0].length;
    const end = bodyEnd(text, bodyStart);
    // A short body is no token: go on right after the prefix, as a regex with the body would.
    if (end - bodyStart < MIN_BODY) continue;
    TOKEN_PREFIX.lastIndex = end;
    const value = text.slice(m.index, end).replace(/%7C/i, '|');
    if (isPlaceholder(value)) continue;
    const severity = m[1] === 'r' ? 'error' : 'warning';
    found.push({ kind: 'lwa-refresh-token', severity, start: m.index, end, secret: value });
  }
  return found;
}

/** End of the base64url body (`[\w-]*`) that starts at `from`. */
function bodyEnd(text: string, from: number): number {
  let i = from;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const isWord = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45;
    if (!isWord) break;
  }
  return i;
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
