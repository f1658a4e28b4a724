import { describe, expect, it } from 'vitest';
import { scanWithAllow, suppressedLines } from '@mwsguard/core';

const KEY = 'AKIA2OGYBAH6Q7KD4XZM';

describe('inline ignores', () => {
  it.each([
    ['//', `const k = "${KEY}"; // mwsguard-ignore`],
    ['#', `KEY=${KEY} # mwsguard-ignore`],
    ['/* */', `const k = "${KEY}"; /* mwsguard-ignore */`],
    ['<!-- -->', `<key>${KEY}</key> <!-- mwsguard-ignore -->`],
    [';', `key = ${KEY} ; mwsguard-ignore`],
    ['--', `SELECT '${KEY}'; -- mwsguard-ignore`],
  ])('same line with %s', (_syntax, text) => {
    const { reported, suppressed } = scanWithAllow(text);
    expect(reported).toEqual([]);
    expect(suppressed.map((s) => [s.finding.kind, s.reason])).toEqual([['access-key-id', 'inline']]);
  });

  it('next line, with CRLF line ends', () => {
    const text = `# mwsguard-ignore-next-line\r\nKEY=${KEY}\r\nOTHER=${KEY}\r\n`;
    const { reported, suppressed } = scanWithAllow(text);
    expect(suppressed.map((s) => s.finding.line)).toEqual([2]);
    expect(reported.map((f) => f.line)).toEqual([3]);
  });

  it('needs the directive as a word of its own', () => {
    expect([...suppressedLines('// mwsguard-ignored\n// mwsguard-ignore-next-lines\n')]).toEqual([]);
    expect([...suppressedLines('a\nb // mwsguard-ignore\n')]).toEqual([2]);
  });
});
