import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scanText } from '@mwsguard/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../../packages/eslint-plugin/test/support/build.js';
import { ESLINT_MAJORS, ESLINT_VERSIONS } from '../../packages/eslint-plugin/test/support/eslint-majors.js';
import type { LintApi } from '../../packages/eslint-plugin/test/support/eslint-majors.js';

const project = fileURLToPath(new URL('fixtures/project', import.meta.url));
const overrideConfigFile = join(project, 'eslint.config.js');

type Row = [rule: string, line: number, column: number, endLine: number, endColumn: number];

// Code files: the documented usage of each client library with fake keys is reported, the
// environment versions are clean.
const CODE: Readonly<Record<string, readonly Row[]>> = {
  'src/amazon-mws.js': [
    ['no-hardcoded-credentials', 2, 40, 2, 60],
    ['no-hardcoded-credentials', 2, 64, 2, 104],
    ['no-hardcoded-credentials', 9, 20, 9, 65],
  ],
  'src/amazon-mws.env.js': [],
  'src/scaleleap.ts': [
    ['no-hardcoded-credentials', 6, 20, 6, 40],
    ['no-hardcoded-credentials', 7, 18, 7, 63],
    ['no-hardcoded-credentials', 9, 15, 9, 55],
  ],
  'src/scaleleap.env.ts': [],
  'src/mws-simple.cjs': [
    ['no-hardcoded-credentials', 3, 17, 3, 37],
    ['no-hardcoded-credentials', 4, 21, 4, 61],
  ],
  'src/mws-simple.env.cjs': [],
  'src/sp-api.mts': [
    ['no-hardcoded-credentials', 6, 19, 6, 104],
    ['no-hardcoded-credentials', 10, 8, 10, 88],
  ],
  'src/sp-api.env.mts': [],
  'src/connect.tsx': [
    ['no-shared-seller-credentials', 5, 3, 5, 12],
    ['no-hardcoded-credentials', 8, 78, 8, 98],
    ['no-shared-seller-credentials', 10, 56, 10, 67],
  ],
  // Core's decision, as the CLI reports it: at the URL's signing key.
  'src/raw-request.cts': [['require-mws-auth-token', 3, 60, 3, 74]],
  'eslint.config.js': [],
};

// Lines silenced by an inline `# eslint-disable-next-line` in the config file itself.
const DISABLED: Readonly<Record<string, readonly number[]>> = { 'config/.env': [4] };

const RULE_OF_KIND = (kind: string): string =>
  kind === 'shared-credentials' ? 'no-shared-seller-credentials' : 'no-hardcoded-credentials';

function configFiles(): string[] {
  return readdirSync(join(project, 'config')).map((name) => `config/${name}`);
}

/** What the CLI's engine finds in a config file, as ESLint rows with messages. */
function coreRows(file: string): (Row | string)[][] {
  const text = readFileSync(join(project, file), 'utf8');
  return scanText(text, { path: file })
    .filter((f) => !(DISABLED[file] ?? []).includes(f.line))
    .map((f) => [[RULE_OF_KIND(f.kind), f.line, f.column, f.endLine, f.endColumn], f.message]);
}

beforeAll(ensureBuilt);

describe.each(Object.entries(ESLINT_MAJORS))('%s', (major, create) => {
  let results: Awaited<ReturnType<LintApi['lintFiles']>>;
  const byFile = (file: string): (typeof results)[number] => {
    const found = results.find((r) => relative(project, r.filePath).split('\\').join('/') === file);
    if (!found) throw new Error(`${file} was not linted`);
    return found;
  };

  beforeAll(async () => {
    results = await create({ cwd: project, overrideConfigFile }).lintFiles(['.']);
  });

  it('is the major it claims to be', () => {
    expect(ESLINT_VERSIONS[major as keyof typeof ESLINT_VERSIONS].split('.')[0]).toBe(major.split(' ')[1]);
  });

  it('lints JS, TS, TSX, .mts/.cts and every config file of the project', () => {
    const linted = results.map((r) => relative(project, r.filePath).split('\\').join('/')).sort();
    expect(linted).toEqual([...Object.keys(CODE), ...configFiles()].sort());
  });

  it.each(Object.entries(CODE))('%s: reports exactly the expected places', (file, rows) => {
    const { messages } = byFile(file);
    expect(messages.filter((m) => m.fatal === true)).toEqual([]);
    expect(
      messages.map((m) => [m.ruleId?.replace('@mwsguard/', ''), m.line, m.column, m.endLine, m.endColumn]),
    ).toEqual(rows);
  });

  it.each(configFiles())('%s: same places and messages as the CLI engine', (file) => {
    const rows = byFile(file).messages.map((m) => [
      [m.ruleId?.replace('@mwsguard/', ''), m.line, m.column, m.endLine, m.endColumn],
      m.message,
    ]);
    expect(rows).toEqual(coreRows(file));
  });

  it('reports every kind somewhere in the config files, and nothing in the clean one', () => {
    expect(byFile('config/clean.yml').messages).toEqual([]);
    expect(byFile('config/sellers.yaml').messages.map((m) => m.ruleId)).toContain(
      '@mwsguard/no-shared-seller-credentials',
    );
    // sellers.yaml's two per-seller records are one shared-credentials finding (issue 12 §6).
    expect(configFiles().flatMap((f) => byFile(f).messages)).toHaveLength(17);
  });

  it('never rewrites a secret with --fix, and gives the same results on a second run', async () => {
    const fixed = await create({ cwd: project, overrideConfigFile, fix: true }).lintFiles(['.']);
    expect(fixed.filter((r) => r.output !== undefined)).toEqual([]);
    const again = await create({ cwd: project, overrideConfigFile }).lintFiles(['.']);
    expect(again.map((r) => r.messages)).toEqual(results.map((r) => r.messages));
  });
});
