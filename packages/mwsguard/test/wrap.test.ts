import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderRecommendation, KINDS } from '@mwsguard/core';
import { displayWidth, wrap } from '../src/wrap.js';

/** The space-only wrap this one replaced: English output must not change. */
function spaceWrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (word === '') continue;
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

const CLOSERS = '，。、：；！？）」』】》〉…—';
const withoutSpace = (s: string): string => s.replace(/\s+/g, '');

describe('wrap', () => {
  it('wraps English exactly at spaces, as before', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'B', '-', '.', '/'), minLength: 1, maxLength: 14 });
    const text = fc.array(fc.tuple(word, fc.constantFrom(' ', '  ', '\n', '\t')), { maxLength: 40 });
    fc.assert(
      fc.property(text, fc.integer({ min: 8, max: 60 }), (parts, width) => {
        const t = parts.map(([w, s]) => w + s).join('');
        expect(wrap(t, width)).toEqual(spaceWrap(t, width));
      }),
      { seed: 0x77726170, numRuns: 2000 },
    );
  });

  it.each(KINDS)('fits the Chinese recommendation for %s in the width, closers never first', (kind) => {
    const text = renderRecommendation(kind, 'zh-CN');
    for (const width of [30, 52, 76]) {
      const lines = wrap(text, width);
      expect(lines.length).toBeGreaterThan(1);
      for (const line of lines) {
        expect(displayWidth(line)).toBeLessThanOrEqual(width);
        expect(CLOSERS).not.toContain(line.charAt(0));
      }
      // Nothing is lost or added but whitespace.
      expect(withoutSpace(lines.join(''))).toBe(withoutSpace(text));
    }
  });

  it('counts wide characters as two columns', () => {
    expect(displayWidth('密钥 key')).toBe(8);
    expect(wrap('密钥密钥密钥', 4)).toEqual(['密钥', '密钥', '密钥']);
  });

  it('gives a piece wider than the line a line of its own', () => {
    const url = 'https://github.com/mwsguard/mwsguard/blob/main/docs/kinds/secret-key.md';
    expect(wrap(`See ${url} now`, 20)).toEqual(['See', url, 'now']);
  });
});
