import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanText } from '@mwsguard/core';
import type { Label } from './support/corpus.js';
import { CORPUS_ROOT, decodeFixture, listFiles, loadLabels, score } from './support/corpus.js';

const areas = readdirSync(CORPUS_ROOT, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name);

function scanFile(file: string): Label[] {
  const text = decodeFixture(readFileSync(join(CORPUS_ROOT, file)));
  return scanText(text, { path: file }).map(({ kind, line, column }) => ({ kind, line, column }));
}

const sortLabels = (labels: readonly Label[]): Label[] =>
  [...labels].sort((a, b) => a.line - b.line || a.column - b.column || a.kind.localeCompare(b.kind));

describe.each(areas)('corpus area %s', (area) => {
  const labels = loadLabels(CORPUS_ROOT, area);
  const files = listFiles(CORPUS_ROOT, area);

  it('labels every file of the area, and every label names a file', () => {
    expect(files.filter((f) => !labels.has(f))).toEqual([]);
    expect([...labels.keys()].filter((f) => !files.includes(f) && !f.endsWith('README.md'))).toEqual([]);
  });

  it.each(files)('%s', (file) => {
    expect(sortLabels(scanFile(file))).toEqual(sortLabels(labels.get(file) ?? []));
  });
});

describe('corpus totals', () => {
  it('reaches F1 1.0 per kind on the whole corpus', () => {
    const expected = new Map<string, Label[]>();
    const actual = new Map<string, Label[]>();
    for (const area of areas) {
      for (const [file, l] of loadLabels(CORPUS_ROOT, area)) expected.set(file, l);
      for (const file of listFiles(CORPUS_ROOT, area)) actual.set(file, scanFile(file));
    }
    const stats = score(expected, actual);
    const table = Object.fromEntries([...stats].map(([k, s]) => [k, { ...s, f1: Number(s.f1.toFixed(3)) }]));
    expect.soft(table).toBeDefined();
    for (const [, s] of stats) expect(s.fp + s.fn).toBe(0);
  });
});
