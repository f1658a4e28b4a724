// The before/after code of docs/kinds/shared-credentials.md's "Requests without an MWS Auth
// Token": each ❌ block is a request core reports as `shared-credentials` without a token, each ✅
// block gives no `shared-credentials` finding at all, scanned as the CLI scans a file of its language.
import { isMissingTokenFinding, scanText } from '@mwsguard/core';
import { describe, expect, it } from 'vitest';
import { codeBlocks, readRepoFile } from './markdown.js';

const PAGE = 'docs/kinds/shared-credentials.md';
const SECTION = '## Requests without an MWS Auth Token';
const EXTENSION: Readonly<Record<string, string>> = { js: 'js', ts: 'ts', python: 'py', php: 'php' };

function sectionExamples(): { verdict: '❌' | '✅'; lang: string; body: string; line: number }[] {
  const text = readRepoFile(PAGE);
  const lines = text.split('\n');
  const start = lines.indexOf(SECTION);
  const end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
  return codeBlocks(PAGE, text)
    .filter((b) => b.line > start && b.line < end && b.lang in EXTENSION)
    .map((b) => {
      // The paragraph before the fence says ❌ (before) or ✅ (after).
      const intro = lines
        .slice(0, b.line - 1)
        .reverse()
        .find((l) => l.trim() !== '');
      return { verdict: intro?.startsWith('❌') === true ? '❌' : '✅', lang: b.lang, body: b.body, line: b.line };
    });
}

describe(`${PAGE}: requests without an MWS Auth Token`, () => {
  const examples = sectionExamples();

  it('has before and after code in several languages', () => {
    expect(examples.filter((e) => e.verdict === '❌').length).toBeGreaterThanOrEqual(3);
    expect(examples.filter((e) => e.verdict === '✅').length).toBeGreaterThanOrEqual(3);
    expect(new Set(examples.map((e) => e.lang)).size).toBeGreaterThanOrEqual(3);
  });

  const scanned = (e: (typeof examples)[number]) =>
    scanText(e.body, { path: `example.${EXTENSION[e.lang] ?? e.lang}` }).filter((f) => f.kind === 'shared-credentials');
  const named = (verdict: '❌' | '✅') =>
    examples.filter((e) => e.verdict === verdict).map((e) => [`line ${String(e.line)} (${e.lang})`, e] as const);

  it.each(named('❌'))('❌ %s is a request without a token', (_name, e) => {
    const found = scanned(e);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every(isMissingTokenFinding)).toBe(true);
  });

  it.each(named('✅'))('✅ %s gives no shared-credentials finding', (_name, e) => {
    expect(scanned(e)).toEqual([]);
  });
});
