import { describe, expect, it } from 'vitest';
import { FORMATTERS, FORMAT_NAMES, RENDERERS } from 'mwsguard';
import type { FileFinding, ScanResult } from 'mwsguard';
import { scanText } from '@mwsguard/core';

// Formatters are pure functions of a scan result; these cases are easier to build by hand than
// as file trees.
const KEYS = ['AKIAW3BVCXTQ6LDEH4NJ', 'AKIAZ2MJQR5TYKVE7PHX'];
const text = KEYS.map((k) => `AWS_ACCESS_KEY_ID=${k}`).join('\n');
const findings: FileFinding[] = scanText(text, { path: 'two.env' }).map((f) => ({ ...f, file: 'two.env' }));
const result: ScanResult = { findings, filesScanned: 1, filesSkipped: 0 };

describe('stylish formatter', () => {
  it('prints the advice for two findings of one kind once, after the findings', () => {
    expect(findings.map((f) => f.kind)).toEqual(['access-key-id', 'access-key-id']);
    const out = FORMATTERS.stylish(result, { color: false });
    const lines = out.split('\n');
    expect(lines[0]).toBe('two.env');
    expect(lines[1]).toMatch(/^ {2}1:19 {2}error {2}Hard-coded .+ {2}access-key-id$/);
    expect(lines[2]).toMatch(/^ {2}2:19 {2}error {2}Hard-coded .+ {2}access-key-id$/);
    expect(lines.slice(3, 6)).toEqual([
      '',
      'What to do instead (full guidance: mwsguard explain <kind>):',
      '  access-key-id',
    ]);
    expect(out.split('Remove it (and from git history)')).toHaveLength(2);
    expect(lines.slice(-6)).toEqual([
      '',
      '✖ 2 findings in 1 file (1 file scanned, 0 skipped)',
      '  By kind: 2 access-key-id',
      '  False positive? Add a `# mwsguard-ignore` comment on its line, an allowlist entry or a baseline:',
      '  https://github.com/mwsguard/mwsguard/blob/main/docs/guide/configuration.md#inline-ignores',
      '',
    ]);
  });

  it('wraps the advice within 100 columns (a lone long word, the URL, excepted)', () => {
    for (const verbose of [false, true]) {
      const advice = FORMATTERS.stylish(result, { color: false, verbose })
        .split('\n')
        .filter((l) => /^ {4,}\S/.test(l));
      expect(advice.length).toBeGreaterThan(1);
      for (const line of advice) expect(line.length <= 100 || !line.trim().includes(' ')).toBe(true);
    }
  });

  it('prints findings only with quiet', () => {
    expect(FORMATTERS.stylish(result, { color: false, quiet: true }).split('\n')).toHaveLength(4);
  });
});

describe('json formatter', () => {
  it('leaves out offsets and any field core may add later', () => {
    const extended = { ...result, findings: findings.map((f) => ({ ...f, extra: 'x' })) };
    const out = FORMATTERS.json(extended, { color: true });
    const doc = JSON.parse(out) as { findings: object[] };
    for (const f of doc.findings) expect(Object.keys(f)).toHaveLength(12);
    expect(out).not.toMatch(/"(offset|endOffset|extra)"/);
  });
});

describe('streaming renderers', () => {
  // 2000 findings: every format yields them piece by piece, and the pieces join to the whole text.
  const many: FileFinding[] = Array.from({ length: 1000 }, (_, i) =>
    findings.map((f) => ({ ...f, file: `dir/file${String(i).padStart(4, '0')}.env` })),
  ).flat();
  const big: ScanResult = { findings: many, filesScanned: 1000, filesSkipped: 0 };

  it.each(FORMAT_NAMES)('%s renders a large result in pieces', (format) => {
    const pieces = [...RENDERERS[format](big, { color: false })];
    expect(pieces.length).toBeGreaterThan(many.length / 2);
    expect(pieces.join('')).toBe(FORMATTERS[format](big, { color: false }));
  });
});
