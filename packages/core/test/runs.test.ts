import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toRun, valueRuns, zones } from '../src/runs.js';

/**
 * `valueRuns` only runs its regex inside the zones that `zones` finds by probing every 20th
 * character (issue 5: the regex alone cost 20-35 ns per character of large bundles). The
 * reference below is the single pass over the whole text that it replaced; both must agree on
 * every text, including runs cut by `%2F`, `%3D`, `\/` and `\n` escapes and runs of exactly the
 * lengths around the probe stride.
 */
const RUN = /(?:[A-Z0-9+/]|%2[BF]|\\\/){20,}/gi;
// eslint-disable-next-line regexp/use-ignore-case -- the same expression as the engine's fast path
const PLAIN_RUN = /[A-Za-z0-9+/]{20,}/g;

/** Starts and ends of every match of the one-pass regex (before the engine's boundary checks). */
function referenceMatches(text: string): [number, number][] {
  const re = /%2[BF]|\\\//i.test(text) ? RUN : PLAIN_RUN;
  re.lastIndex = 0;
  return [...text.matchAll(re)].map((m) => [m.index, m.index + m[0].length]);
}

/** The same matches, found zone by zone. */
function zoneMatches(text: string): [number, number][] {
  const re = /%2[BF]|\\\//i.test(text) ? RUN : PLAIN_RUN;
  const out: [number, number][] = [];
  const found = zones(text);
  for (let z = 0; z < found.length; z += 3) {
    const from = found[z] ?? 0;
    for (const m of text.slice(from, found[z + 1]).matchAll(re))
      out.push([from + m.index, from + m.index + m[0].length]);
  }
  return out;
}

// Pieces that make runs of every length near 20 and 40, cut or joined by escapes and separators.
const piece = fc.oneof(
  fc.string({ unit: fc.constantFrom('A', 'K', 'I', 'z', '0', '9', '+', '/'), minLength: 1, maxLength: 45 }),
  fc.constantFrom('%2F', '%2B', '%3D', '%', '\\/', '\\n', '\\', '_', '-', '.', ' ', '\n', '=', '"', '@', ':', 'é'),
);
const soup = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));

describe('valueRuns over zones', () => {
  it('finds exactly the matches of one regex pass over the whole text', () => {
    fc.assert(
      fc.property(soup, (text) => {
        expect(zoneMatches(text)).toEqual(referenceMatches(text));
      }),
      { seed: 0x72756e73, numRuns: 3000 },
    );
  });

  it('keeps runs at every offset from the probe positions', () => {
    for (let lead = 0; lead < 45; lead++) {
      for (const length of [19, 20, 21, 39, 40, 41, 64]) {
        const text = `${'.'.repeat(lead)}${'Q'.repeat(length)}"`;
        expect(zoneMatches(text)).toEqual(referenceMatches(text));
      }
    }
  });

  it('gives the runs of one regex pass over the whole text, zones without escapes unmatched', () => {
    fc.assert(
      fc.property(soup, (text) => {
        const encoded = /%2[BF]|\\\//i.test(text);
        const reference = referenceMatches(text).flatMap(
          ([s, e]) => toRun(text, s, e, text.slice(s, e), encoded) ?? [],
        );
        expect(valueRuns(text)).toEqual(reference);
      }),
      { seed: 0x76616c73, numRuns: 3000 },
    );
  });

  it('reports a 40-character value wherever it stands', () => {
    const value = 'Kq7Zr1nV0bXwP3yH8sL5tA2mD9fG4jC6eU/oI+Rw';
    for (let lead = 0; lead < 25; lead++) {
      const text = `${' '.repeat(lead)}secret = "${value}"`;
      expect(valueRuns(text).map((r) => r.value)).toEqual([value]);
    }
  });
});
