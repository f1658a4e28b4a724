import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeSource } from '../src/read.js';

/**
 * UTF-8 is decoded by `Buffer#toString` (faster than TextDecoder on Node 20, issue 5); the
 * contract is still the WHATWG decoder's: a leading BOM dropped, each invalid sequence one U+FFFD.
 */
describe('decodeSource', () => {
  // Bytes that start, cut and corrupt UTF-8 sequences (overlong, surrogate, out-of-range lead).
  const nasty = fc.constantFrom(
    0xc0,
    0xc1,
    0xc2,
    0xe0,
    0xed,
    0xef,
    0xbb,
    0xbf,
    0xf0,
    0xf4,
    0xf5,
    0xff,
    0x80,
    0x9f,
    0xa0,
  );
  const bytes = fc
    .tuple(fc.boolean(), fc.array(fc.oneof(fc.integer({ min: 1, max: 0x7f }), nasty), { maxLength: 60 }))
    .map(([bom, body]) => Uint8Array.from([...(bom ? [0xef, 0xbb, 0xbf] : []), 0x80, ...body]));

  it('decodes UTF-8 exactly as the WHATWG TextDecoder does, BOM dropped', () => {
    const decoder = new TextDecoder('utf-8');
    fc.assert(
      fc.property(bytes, (b) => {
        expect(decodeSource(b)).toEqual({ kind: 'text', text: decoder.decode(b) });
      }),
      { seed: 0x75746638, numRuns: 5000 },
    );
  });
});
