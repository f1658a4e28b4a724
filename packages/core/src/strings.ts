/**
 * Small string helpers that replace `/[…]+$/`-style regexes: those move quadratically on long
 * runs of their characters, these loops never do.
 */

/**
 * `text.includes(literal)` for literals holding `zn` (every `amzn…` prefix). V8 looks for a
 * two-character literal with a memchr-like scan about twenty times faster than for a longer one
 * (0.03 against 0.5 ns per character here), and most texts have no `zn` at all; the search for
 * `zn` is made once, for every literal asked about afterwards.
 */
export function amznSearch(text: string): (literal: string) => boolean {
  let zn: boolean | undefined;
  return (literal) => (zn ??= text.includes('zn')) && text.includes(literal);
}

/** Drops characters in `chars` from the start and the end of `s`. */
export function trimChars(s: string, chars: string, { start = true, end = true } = {}): string {
  let i = 0;
  let j = s.length;
  if (start) while (i < j && chars.includes(s.charAt(i))) i++;
  if (end) while (j > i && chars.includes(s.charAt(j - 1))) j--;
  return s.slice(i, j);
}
