import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quotedEnd } from '../src/layout.js';

/**
 * The layout skips quoted text with a loop for short strings and a regex for long ones (issue 5:
 * a regex call per `"a" | "b"` of a generated `.d.ts` cost more than the loop). The reference is
 * the regex alone, which the layout used for every string before.
 */
const REFERENCE: Readonly<Record<number, RegExp>> = {
  34: /[^"\\\n]*(?:\\[\s\S][^"\\\n]*)*/y,
  39: /[^'\\\n]*(?:\\[\s\S][^'\\\n]*)*/y,
  96: /[^`\\]*(?:\\[\s\S][^`\\]*)*/y,
};

function referenceEnd(text: string, from: number, quote: number): number {
  const re = REFERENCE[quote];
  if (!re) throw new Error('no reference');
  re.lastIndex = from;
  re.test(text);
  return re.lastIndex;
}

const QUOTES = [34, 39, 96] as const;
// Short and long bodies, escapes (of quotes, backslashes, newlines), line breaks, a trailing `\`.
const piece = fc.oneof(
  fc.string({ unit: fc.constantFrom('a', 'Z', '0', ' ', '{', '}'), maxLength: 60 }),
  fc.constantFrom('"', "'", '`', '\\', '\\"', "\\'", '\\`', '\\\\', '\\\n', '\n', '\r', 'é', '\u2028'),
);
const text = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(''));

describe('quotedEnd', () => {
  it('ends every quoted text where the regex ends it', () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.constantFrom(...QUOTES), (t, at, quote) => {
        const from = t.length === 0 ? 0 : at % (t.length + 1);
        expect(quotedEnd(t, from, quote)).toBe(referenceEnd(t, from, quote));
      }),
      { seed: 0x71756f74, numRuns: 5000 },
    );
  });

  it('agrees at the hand-over from the loop to the regex', () => {
    for (let n = 40; n < 60; n++) {
      for (const tail of ['"', '\\"x"', '\n"', '\\', '\\\\"', '']) {
        const t = `${'x'.repeat(n)}${tail}`;
        for (const quote of QUOTES) expect(quotedEnd(t, 0, quote)).toBe(referenceEnd(t, 0, quote));
      }
    }
  });
});
