/**
 * Value-level checks shared by the detectors: documented example keys, placeholders and
 * randomness. Every function here is linear in the value's length.
 */

/**
 * Example values published in AWS, MWS and LWA documentation. They are well-shaped, appear in
 * thousands of READMEs and must never be reported.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/security-creds.html (AWS),
 * MWS Developer Guide "Required request parameters" (MWS), LWA "Connecting to the SP-API" (LWA).
 */
export const DOCUMENTED_EXAMPLES: ReadonlySet<string> = new Set([
  'AKIAIOSFODNN7EXAMPLE',
  'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  'AKIAJGUEXAMPLEE2NVUA',
  '022QF0EXAMPLEH9DHM02',
  'kWcrlEXAMPLEM/LtmEENI/aVmYvHNif5zB+d9+ct',
  'amzn.mws.4ea38b7b-f563-7709-4bae-87aeaEXAMPLE',
  'A2NKEXAMPLEF53',
  'Atzr|IQEBLzAtAhRPpMJxdwVz2Nn6f2y-tpJX2DeXEXAMPLE',
]);

// Words that only appear in made-up values. Real keys are random over [A-Z2-7] or base64, so the
// chance of one of these appearing by accident in a real 20- or 40-character key is negligible.
const PLACEHOLDER_WORDS =
  /EXAMPLE|SAMPLE|PLACEHOLDER|REDACTED|DUMMY|FOR_?TESTING|CHANGE_?ME|REPLACE|YOUR_?(?:ACCESS|SECRET|KEY|TOKEN|AUTH|SELLER|CLIENT|REFRESH|MWS|AWS|LWA)|YOUR[_-][A-Z0-9]{1,20}[_-](?:ACCESS|SECRET|KEY|TOKEN|AUTH|REFRESH)|[_-](?:GOES[_-])?HERE(?![A-Z0-9])|INSERT_?(?:YOUR|KEY|SECRET|HERE)|X{4}|\*{3}|\.{3}|…/i;

/**
 * True for documented examples and placeholders: `EXAMPLE`, `YOUR_...`, `xxxx`, `***`,
 * `changeme`, template syntax (`${...}`, `{{ ... }}`, `%(...)s`, `<...>`, `[[...]]`, `%VAR%`),
 * and values that are a single repeated character or an obvious keyboard run.
 */
export function isPlaceholder(value: string): boolean {
  if (DOCUMENTED_EXAMPLES.has(value)) return true;
  if (PLACEHOLDER_WORDS.test(value)) return true;
  if (/\$\{|\{\{|%\(|<[^<>]{0,80}>|\[\[|^%\w{1,80}%$/.test(value)) return true;
  if (hasLongRun(value, 6) || hasSequence(value, 8)) return true;
  return false;
}

/** True when some character repeats `n` or more times in a row (`AKIA000000...`). */
export function hasLongRun(value: string, n: number): boolean {
  let run = 1;
  for (let i = 1; i < value.length; i++) {
    run = value.charCodeAt(i) === value.charCodeAt(i - 1) ? run + 1 : 1;
    if (run >= n) return true;
  }
  return false;
}

/** True for `n` or more consecutive ascending characters (`12345678`, `ABCDEFGH`). */
function hasSequence(value: string, n: number): boolean {
  let run = 1;
  for (let i = 1; i < value.length; i++) {
    run = value.charCodeAt(i) === value.charCodeAt(i - 1) + 1 ? run + 1 : 1;
    if (run >= n) return true;
  }
  return false;
}

/** Shannon entropy in bits per character. */
function entropy(value: string): number {
  if (value.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const c of value) counts.set(c, (counts.get(c) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / value.length;
    h -= p * Math.log2(p);
  }
  return h;
}

/** Counts of character classes in a value. */
function charClasses(value: string): { upper: number; lower: number; digit: number; other: number } {
  let upper = 0;
  let lower = 0;
  let digit = 0;
  let other = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 65 && c <= 90) upper++;
    else if (c >= 97 && c <= 122) lower++;
    else if (c >= 48 && c <= 57) digit++;
    else other++;
  }
  return { upper, lower, digit, other };
}

/**
 * True when a 40-character value looks like a random AWS secret key rather than a hash, a word,
 * an identifier or a path: not hex, mixed case with digits or `/+`, high entropy.
 */
export function looksLikeSecretKey(value: string): boolean {
  if (value.length !== 40) return false;
  if (/^[0-9a-f]+$/i.test(value)) return false; // SHA-1 (git commits, checksums)
  const { upper, lower, digit, other } = charClasses(value);
  if (upper < 3 || lower < 3 || digit + other < 1) return false;
  if (digit === 0 && isPathOfWords(value)) return false; // src/components/SellerCentral/OrdersPage
  if (entropy(value) < 3.6) return false;
  return !isPlaceholder(value);
}

/**
 * True for `a/path/of/CamelCaseWords`: every segment is made of words of three or more letters.
 * Random secrets without digits (about 1 in 4,000) have short mixed-case runs (`QmZkRt/…`).
 */
function isPathOfWords(value: string): boolean {
  const segments = value.split('/');
  return segments.length > 1 && segments.every((s) => /^(?:[a-z]{2,}|[A-Z][a-z]{2,})(?:[A-Z][a-z]{2,})*$/.test(s));
}

/** True when a 20-character `[A-Z0-9]` value looks like a random access key ID. */
export function looksLikeAccessKeyId(value: string): boolean {
  if (value.length !== 20 || !/^[A-Z0-9]+$/.test(value)) return false;
  const { upper, digit } = charClasses(value);
  if (upper < 2 || digit < 1) return false;
  if (entropy(value) < 3) return false;
  return !isPlaceholder(value);
}
