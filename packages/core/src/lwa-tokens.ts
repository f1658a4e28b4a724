import type { RawFinding } from './types.js';
import { isPlaceholder } from './values.js';

/** The two LWA token prefixes: `Atzr` refresh tokens and `Atza` access tokens. */
type LwaPrefix = 'Atzr' | 'Atza';

/** Shortest base64url body that makes a token; shorter ones are fragments or placeholders. */
const MIN_BODY = 20;

// The prefix only: the body is measured by hand. A regex with `[\w-]{20,}` keeps one backtrack
// entry per character, and a body of 5.33 MiB or more overflowed V8's stack (the whole file's
// findings were lost).
const PREFIXES: Record<LwaPrefix, RegExp> = {
  Atzr: /(?<![A-Za-z0-9])Atzr(?:\||%7[Cc])/g,
  Atza: /(?<![A-Za-z0-9])Atza(?:\||%7[Cc])/g,
};

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

/**
 * Every `prefix|<body>` token of `text` (also form-encoded, `prefix%7C<body>`), as findings of
 * `kind` at `severity`. Placeholders are skipped. Linear: each character is visited once.
 */
export function findLwaTokens(
  text: string,
  prefix: LwaPrefix,
  kind: RawFinding['kind'],
  severity: RawFinding['severity'],
): RawFinding[] {
  const found: RawFinding[] = [];
  // `includes` finds the literal several times faster than the regex with its lookbehind.
  if (!text.includes(prefix)) return found;
  const re = PREFIXES[prefix];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const bodyStart = m.index + m[0].length;
    const end = bodyEnd(text, bodyStart);
    // A short body is no token: go on right after the prefix, as a regex with the body would.
    if (end - bodyStart < MIN_BODY) continue;
    re.lastIndex = end;
    const value = text.slice(m.index, end).replace(/%7C/i, '|');
    if (isPlaceholder(value)) continue;
    found.push({ kind, severity, start: m.index, end, secret: value });
  }
  return found;
}
