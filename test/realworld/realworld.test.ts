import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as core from '@mwsguard/core';
import { KINDS, scanText } from '@mwsguard/core';
import {
  PROVENANCE,
  REALWORLD_ROOT,
  folderScanner,
  SOURCE,
  loadFolders,
  matches,
  rates,
  ratio,
  readFixture,
  scoreSplit,
  valueKinds,
} from './score.js';

// The real-world corpus (test/fixtures/realworld/LABELING.md) is scored, not gated at 1.0: this
// test checks that it is well formed and keeps the dev split above floors. The holdout split is
// never gated; `pnpm eval` prints its figures.

const folders = loadFolders();
// Formats without comments carry their source in labels.json only.
const NO_COMMENTS = /\.(?:json|har|ipynb|csv|tsv|env|txt|md)$/i;
// The corpus must cover at least this many public repositories (issue 12).
const MIN_REPOSITORIES = 30;

const scan = (text: string, path: string): { kind: string; line: number; endLine: number }[] =>
  scanText(text, { path }).map(({ kind, line, endLine }) => ({ kind, line, endLine }));

describe('real-world corpus', () => {
  it(`holds at least ${String(MIN_REPOSITORIES)} repositories, in both splits`, () => {
    expect(folders.length).toBeGreaterThanOrEqual(MIN_REPOSITORIES);
    expect(new Set(folders.map((f) => f.labels.split))).toEqual(new Set(['dev', 'holdout']));
  });

  describe.each(folders.map((f) => [f.name, f] as const))('%s', (_name, folder) => {
    it('names its source and split', () => {
      expect(folder.labels.source).toMatch(SOURCE);
      expect(folder.labels.what.trim()).not.toBe('');
      expect(['dev', 'holdout']).toContain(folder.labels.split);
    });

    it('labels every file, and every label names a file', () => {
      const labelled = Object.keys(folder.labels.files);
      expect(folder.files.filter((f) => !labelled.includes(f))).toEqual([]);
      expect(labelled.filter((f) => !folder.files.includes(f))).toEqual([]);
    });

    it('gives every label a known kind, a line and (on positives) a reason', () => {
      for (const labels of Object.values(folder.labels.files)) {
        for (const l of labels) {
          expect(KINDS as readonly string[]).toContain(l.kind);
          expect(Number.isInteger(l.line) && l.line > 0).toBe(true);
          expect(l.endLine ?? l.line).toBeGreaterThanOrEqual(l.line);
          expect(l.why?.trim()).toBeTruthy();
        }
      }
    });

    it('starts every file with its provenance (or names it in labels.json)', () => {
      const unnamed = folder.files.filter(
        (file) =>
          !NO_COMMENTS.test(file) &&
          !PROVENANCE.test(
            readFixture(join(REALWORLD_ROOT, folder.name, file))
              .split('\n')
              .slice(0, 5)
              .join('\n'),
          ),
      );
      expect(unnamed).toEqual([]);
    });
  });

  it("matches a label by line, by the label's span, and by the span of a record reported once", () => {
    const label = { kind: 'shared-credentials', line: 33 };
    expect(matches(label, { kind: 'shared-credentials', line: 33 })).toBe(true);
    expect(matches({ ...label, endLine: 40 }, { kind: 'shared-credentials', line: 38 })).toBe(true);
    // A record reported at its access-key line whose span reaches the labelled secret-key line.
    expect(matches(label, { kind: 'shared-credentials', line: 30, endLine: 34 })).toBe(true);
    expect(matches(label, { kind: 'shared-credentials', line: 30, endLine: 32 })).toBe(false);
    expect(matches(label, { kind: 'secret-key', line: 33 })).toBe(false);
    // Value kinds match on their own line only.
    expect(matches({ kind: 'secret-key', line: 33 }, { kind: 'secret-key', line: 30, endLine: 34 })).toBe(false);
  });

  it('keeps the dev split above its floors', () => {
    const s = scoreSplit(folders, scan, 'dev');
    const typeA = rates(s.kinds.get('shared-credentials') ?? { tp: 0, fp: 0, fn: 0, dup: 0 });
    const values = rates(valueKinds(s));
    expect.soft(typeA.precision).toBeGreaterThanOrEqual(DEV_FLOORS.typeAPrecision);
    expect.soft(ratio(s.typeAFound, s.typeAFiles)).toBeGreaterThanOrEqual(DEV_FLOORS.typeAFileRecall);
    expect.soft(values.recall).toBeGreaterThanOrEqual(DEV_FLOORS.valueRecall);
    expect(values.precision).toBeGreaterThanOrEqual(DEV_FLOORS.valuePrecision);
  });

  it('keeps the dev split above its floors when each folder is scanned as one project', () => {
    const s = scoreSplit(folders, folderScanner(core), 'dev');
    const typeA = rates(s.kinds.get('shared-credentials') ?? { tp: 0, fp: 0, fn: 0, dup: 0 });
    expect.soft(typeA.precision).toBeGreaterThanOrEqual(PROJECT_FLOORS.typeAPrecision);
    expect.soft(ratio(s.typeAFound, s.typeAFiles)).toBeGreaterThanOrEqual(PROJECT_FLOORS.typeAFileRecall);
    expect
      .soft(ratio(s.flaggedFiles - s.flaggedClean, s.flaggedFiles))
      .toBeGreaterThanOrEqual(PROJECT_FLOORS.typeAFilePrecision);
    // The project pass adds type-A warnings only: the value kinds are the per-file scan's.
    expect(rates(valueKinds(s))).toEqual(rates(valueKinds(scoreSplit(folders, scan, 'dev'))));
  });
});

// Floors a little under today's dev figures: a change that loses ground fails here. (The dev split
// grew to 626 type-A files with session 17's fresh batches, code the engine had not seen; per file
// it scores 0.84 precision by line and 0.74 per-file recall today.)
const DEV_FLOORS = { typeAPrecision: 0.83, typeAFileRecall: 0.73, valueRecall: 0.97, valuePrecision: 0.97 };
// With the project pass (`pnpm eval`'s default) dev scores 0.83 precision by line, 0.90 per-file
// recall and 0.90 per-file precision today.
const PROJECT_FLOORS = { typeAPrecision: 0.82, typeAFileRecall: 0.88, typeAFilePrecision: 0.89 };
