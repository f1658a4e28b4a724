import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineIndex } from '../src/locate.js';

/**
 * Line starts are found with `indexOf` for `\n` and `\r` (issue 5: the character loop it replaced
 * cost 2.4 ns per character of every text with a single `\r`). The reference is that loop.
 */
function referenceStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

function starts(index: LineIndex): number[] {
  return Array.from({ length: index.lineCount }, (_, line) => index.lineStart(line));
}

const text = fc
  .array(fc.constantFrom('a', 'bc', ' ', '\n', '\r', '\r\n', '\n\r', '\r\r\n', '\u2028'), { maxLength: 40 })
  .map((parts) => parts.join(''));

describe('LineIndex', () => {
  it('starts lines after every \\n, \\r and \\r\\n, as a loop over every character does', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(starts(new LineIndex(t))).toEqual(referenceStarts(t));
      }),
      { seed: 0x6c696e65, numRuns: 3000 },
    );
  });

  it('gives 1-based positions on CRLF, CR and LF lines', () => {
    const index = new LineIndex('a\r\nb\rc\nd');
    expect([0, 3, 5, 7].map((o) => index.position(o))).toEqual([
      { line: 1, column: 1 },
      { line: 2, column: 1 },
      { line: 3, column: 1 },
      { line: 4, column: 1 },
    ]);
  });
});
