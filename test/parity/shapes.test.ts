/**
 * Issue 12's shapes through every surface: each type-A shape, each shape that must stay clean and
 * each value-kind case of `packages/core/test/type-a-shapes.ts`, and each request without an MWS
 * Auth Token of `packages/core/test/auth-token-shapes.ts`, is written to a temporary tree,
 * scanned by the CLI, ESLint (the `strict` preset, other text files through its processor) and
 * secretlint, and every surface must report what core reports for it, at the same places.
 */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTH_TOKEN_SHAPES } from '../../packages/core/test/auth-token-shapes.js';
import { TYPE_A_NEGATIVES, TYPE_A_SHAPES, VALUE_SHAPES } from '../../packages/core/test/type-a-shapes.js';
import {
  cliReports,
  eslintConfig,
  eslintReports,
  filesOf,
  loadBuiltPlugin,
  MAJORS,
  rowsOnly,
  secretlintReports,
} from './support/surfaces.js';
import type { Report } from './support/surfaces.js';

// Each case in a folder of its own; the case's own path below it keeps its folder and file name
// (which core reads: an `mws/` view folder).
// (The requests without a token of `auth-token-shapes.ts` come last, so the value cases keep their folders.)
const CASES = [...TYPE_A_SHAPES, ...TYPE_A_NEGATIVES, ...VALUE_SHAPES, ...AUTH_TOKEN_SHAPES].map((s, i) => ({
  ...s,
  file: `case-${String(i).padStart(2, '0')}/${s.path}`,
}));

let base: string;
let cli: Report[];
let project: { project: Report[]; expectedProject: Report[] };
let eslint: Awaited<ReturnType<typeof eslintReports>>;
let secret: Report[];

beforeAll(async () => {
  const plugin = await loadBuiltPlugin();
  // (A name without Amazon's words: secretlint here scans the tree outside its working directory,
  // where core reads the whole path, and the case's own path must be all that names MWS.)
  base = realpathSync(mkdtempSync(join(tmpdir(), 'parity-shapes-')));
  for (const c of CASES) {
    mkdirSync(dirname(join(base, c.file)), { recursive: true });
    writeFileSync(join(base, c.file), c.text);
  }
  // The cases share one tree, so the CLI's project pass judges each against the others' records:
  // its warnings are compared with core's pass below, the rest with each case's own expectation.
  const scanned = cliReports(base);
  cli = scanned.reports;
  project = scanned;
  eslint = await eslintReports(MAJORS['ESLint 10'], base, eslintConfig(plugin));
  secret = (await secretlintReports(base, filesOf(base))).reports;
}, 120_000);

afterAll(() => {
  rmSync(base, { recursive: true, force: true });
});

const typeALines = (reports: readonly Report[], file: string): number[] =>
  reports.filter((r) => r.file === file && r.kind === 'shared-credentials').map((r) => r.line);

describe('issue 12 shapes on every surface', () => {
  it('the CLI reports each type-A shape once, on its line, and no shape that must stay clean', () => {
    for (const c of CASES) {
      const expected = 'lines' in c ? c.lines : 'line' in c ? [c.line] : [];
      expect({ file: c.file, lines: typeALines(cli, c.file) }).toEqual({ file: c.file, lines: expected });
    }
  });

  it("the CLI's project pass is core's", () => {
    expect(project.project).toEqual(project.expectedProject);
  });

  it('the CLI reports the value kinds of §4', () => {
    VALUE_SHAPES.forEach((shape, i) => {
      const file = `case-${String(TYPE_A_SHAPES.length + TYPE_A_NEGATIVES.length + i).padStart(2, '0')}/${shape.path}`;
      const found = cli.filter((r) => r.file === file).map((r) => [r.kind, r.line]);
      expect({ file, found }).toEqual({ file, found: shape.findings.map(([k, l]) => [k, l]) });
    });
  });

  it('secretlint reports what the CLI reports', () => {
    expect(rowsOnly(secret)).toEqual(rowsOnly(cli));
  });

  it('ESLint reports what the CLI reports, in every file it parses', () => {
    // Files ESLint does not read (Go, Ruby, Prisma, Vue: not in the preset's globs) or cannot
    // parse (JSX in a `.jsx` file without a JSX parser) are left out; every other file must agree.
    const compared = new Set(eslint.linted.filter((f) => !eslint.fatal.includes(f)));
    const inCompared = (reports: readonly Report[]): Report[] => reports.filter((r) => compared.has(r.file));
    expect(rowsOnly(inCompared(eslint.reports))).toEqual(rowsOnly(inCompared(cli)));
    expect(compared.size).toBeGreaterThanOrEqual(25);
  });
});
