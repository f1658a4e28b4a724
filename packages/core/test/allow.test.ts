import { compileAllow, scanWithAllow, SUPPRESS_REASONS } from '@mwsguard/core';
import { describe, expect, it } from 'vitest';
import { ALLOW_SOURCE, ALLOWED, DECISIONS, KEYS, fingerprintOf } from '../../../test/support/allow-policy.js';

describe('scanWithAllow: one suppression policy', () => {
  it('decides each finding by the first that applies: inline, value, path, fingerprint', () => {
    const { reported, suppressed } = scanWithAllow(ALLOW_SOURCE, { path: 'a.js', allow: compileAllow(ALLOWED) });
    const decisions = [
      ...reported.map((f) => [f.line, 'reported'] as const),
      ...suppressed.map((s) => [s.finding.line, s.reason] as const),
    ].sort((a, b) => a[0] - b[0]);
    expect(decisions.map(([, d]) => d)).toEqual(DECISIONS);
    expect(SUPPRESS_REASONS).toEqual(['inline', 'allowlistValue', 'allowlistPath', 'allowlistFingerprint']);
  });

  it('checks the path after values and before fingerprints', () => {
    const allow = compileAllow({ ...ALLOWED, paths: (path) => path.startsWith('fixtures/') });
    const reasons = (path: string): string[] =>
      scanWithAllow(ALLOW_SOURCE, { path, allow }).suppressed.map((s) => s.reason);
    expect(reasons('fixtures/a.js')).toEqual([
      'inline',
      'allowlistValue',
      'allowlistValue',
      'allowlistPath',
      'allowlistPath',
    ]);
    expect(reasons('src/a.js')).toEqual(['inline', 'allowlistValue', 'allowlistValue', 'allowlistFingerprint']);
  });

  it('drops nothing: without an allowlist only inline directives suppress', () => {
    const { reported, suppressed } = scanWithAllow(ALLOW_SOURCE);
    expect(reported).toHaveLength(4);
    expect(suppressed.map((s) => s.reason)).toEqual(['inline']);
  });

  it('compares values with the text as written, or the field name for shared credentials', () => {
    const allow = compileAllow({ values: ['seller_secret_key'] });
    const finding = {
      kind: 'shared-credentials',
      secret: 'sellerSecretKey',
      fingerprint: 'x',
      offset: 0,
      endOffset: 0,
      line: 1,
    } as const;
    expect(allow.reasonFor({ finding })).toBe('allowlistValue');
    const key = { ...finding, kind: 'access-key-id', secret: 'AKIA…', fingerprint: fingerprintOf(KEYS.value) } as const;
    expect(allow.reasonFor({ finding: key, reportedText: KEYS.value })).toBeUndefined();
    expect(compileAllow({ values: [KEYS.value] }).reasonFor({ finding: key, reportedText: KEYS.value })).toBe(
      'allowlistValue',
    );
    expect(
      compileAllow({ values: [KEYS.value.toLowerCase()] }).reasonFor({ finding: key, reportedText: KEYS.value }),
    ).toBeUndefined();
  });

  it('drops the g and y flags of a RegExp (a stateful test would skip every other value) and names a bad pattern', () => {
    const allow = compileAllow({ patterns: [/^AKIA/gy] });
    const key = { kind: 'access-key-id', secret: 'x', fingerprint: 'x', offset: 0, endOffset: 0, line: 1 } as const;
    expect([1, 2, 3].map(() => allow.reasonFor({ finding: key, reportedText: KEYS.value }))).toEqual([
      'allowlistValue',
      'allowlistValue',
      'allowlistValue',
    ]);
    expect(() => compileAllow({ patterns: ['(unclosed'], patternsOption: 'allowPatterns' })).toThrow(
      /^invalid allowPatterns entry "\(unclosed": /,
    );
  });
});
