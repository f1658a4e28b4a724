/**
 * Small string helpers that replace `/[…]+$/`-style regexes: those move quadratically on long
 * runs of their characters, these loops never do.
 */

/** Drops characters in `chars` from the start and the end of `s`. */
export function trimChars(s: string, chars: string, { start = true, end = true } = {}): string {
  let i = 0;
  let j = s.length;
  if (start) while (i < j && chars.includes(s.charAt(i))) i++;
  if (end) while (j > i && chars.includes(s.charAt(j - 1))) j--;
  return s.slice(i, j);
}
