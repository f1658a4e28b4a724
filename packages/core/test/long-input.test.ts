import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanText } from '../src/index.js';
import { lwaAccessToken } from '../src/detectors/lwa-access-token.js';
import { lwaRefreshToken } from '../src/detectors/lwa-refresh-token.js';
import { createContext } from '../src/context.js';
import { runsIn } from '../src/runs.js';
import { isPlaceholder } from '../src/values.js';
import { countWork } from './support/work.js';

// Issue 13, rows 1 and 2: inputs past the engine's limits. A text with more findings than a call
// takes arguments (`out.push(...found)` threw a RangeError past about 120k), and runs of one
// character class long enough to overflow V8's regex backtrack stack (5.33 MiB and up).

const KEY = 'AKIAR7TQ2MZK5XW3HJPD';

describe('many findings in one text', () => {
  it('reports all 130,000 (the RangeError lost every one)', () => {
    const findings = scanText(`${KEY}\n`.repeat(130_000));
    expect(findings).toHaveLength(130_000);
    expect(findings.at(-1)?.line).toBe(130_000);
  });
});

// The regexes the hand scanners replaced, as references on small texts.
const OLD_REFRESH_TOKEN = /(?<![A-Za-z0-9])Atzr(?:\||%7[Cc])[\w-]{20,}/g;
const OLD_ACCESS_TOKEN = /(?<![A-Za-z0-9])Atza(?:\||%7[Cc])[\w-]{20,}/g;
const OLD_RUN = /(?:[A-Z0-9+/]|%2[BF]|\\\/){20,}/gi;

const tokenSoup = fc
  .array(
    fc.oneof(
      fc.constantFrom('Atzr|', 'Atza|', 'Atzr%7C', 'Atza%7c', 'Atzr', '|', '%7C', 'x', '-', '_', ' ', '.', 'IwEB'),
      fc.string({ unit: fc.constantFrom('a', 'Z', '0', '-', '_'), minLength: 1, maxLength: 30 }),
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''));

describe('LWA token bodies, measured by hand', () => {
  it.each([
    ['refresh', lwaRefreshToken, OLD_REFRESH_TOKEN],
    ['access', lwaAccessToken, OLD_ACCESS_TOKEN],
  ] as const)('give the spans of the regex they replaced (%s tokens)', (_name, detector, oldRegex) => {
    fc.assert(
      fc.property(tokenSoup, (text) => {
        const expected = [...text.matchAll(oldRegex)]
          .filter((m) => !isPlaceholder(m[0].replace(/%7C/i, '|')))
          .map((m) => [m.index, m.index + m[0].length]);
        const found = detector
          .find(createContext(text, 'x.txt'))
          .map((f) => [f.start, f.end])
          .sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0));
        expect(found).toEqual(expected);
      }),
      { seed: 0x61747a72, numRuns: 2000 },
    );
  });

  it('cost work linear in the body (2 MB against 256 KB)', () => {
    const body = (n: number): string => 'IwEBIQz7Kd2mP9vX'.repeat(n / 16);
    const work = (n: number): number => {
      const ctx = createContext(`Atzr|${body(n)}`, 'x.txt');
      return countWork(() => lwaRefreshToken.find(ctx)).work.steps;
    };
    expect(work(2 * 1024 * 1024) / work(256 * 1024)).toBeLessThan(8.5);
  });
});

describe('encoded value runs, measured by hand', () => {
  const runSoup = fc
    .array(
      fc.oneof(
        fc.string({ unit: fc.constantFrom('A', 'z', '0', '+', '/'), minLength: 1, maxLength: 25 }),
        fc.constantFrom('%2F', '%2b', '%2', '%', '%%2F', '\\/', '\\', '\\\\/'),
      ),
      { maxLength: 30 },
    )
    .map((parts) => parts.join(''));

  it('give the matches of the regex they replaced', () => {
    fc.assert(
      fc.property(runSoup, (text) => {
        const expected = [...text.matchAll(OLD_RUN)].flatMap((m) => [m.index, m.index + m[0].length]);
        expect(runsIn(text, 0, text.length, true)).toEqual(expected);
      }),
      { seed: 0x72756e32, numRuns: 3000 },
    );
  });

  it('cost work linear in the run (2 MB against 256 KB)', () => {
    const work = (n: number): number => {
      const text = 'abc%2F'.repeat(n / 6);
      const { result, work } = countWork(() => runsIn(text, 0, text.length, true));
      expect(result).toEqual([0, text.length]);
      return work.steps;
    };
    const n = 2 * 1024 * 1024;
    expect(work(n) / work(n / 8)).toBeLessThan(8.5);
  });
});
