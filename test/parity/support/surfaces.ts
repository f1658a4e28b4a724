/**
 * The three surfaces of the parity test, each run over a directory and reduced to the same rows:
 * file, kind, place and fingerprint, plus the sentence the surface showed.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { KINDS, scanProject, scanText } from '@mwsguard/core';
import type { Kind } from '@mwsguard/core';
import type PluginModule from '@mwsguard/eslint-plugin';
import { MESSAGE_IDS } from '@mwsguard/secretlint-rule-mws';
import type { ESLint, Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { ensureBuilt } from '../../../packages/eslint-plugin/test/support/build.js';
import { ESLINT_MAJORS } from '../../../packages/eslint-plugin/test/support/eslint-majors.js';
import { lint as secretlint } from '../../../packages/secretlint-rule-mws/test/support/secretlint.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const CLI_BIN = join(ROOT, 'packages/mwsguard/bin/mwsguard.js');
const PLUGIN_DIST = join(ROOT, 'packages/eslint-plugin/dist/index.js');

/** One report, as every surface must agree on it. */
export interface Row {
  readonly file: string;
  readonly kind: Kind;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly fingerprint: string;
}

/** A row and the sentence the surface showed for it. */
export interface Report extends Row {
  readonly message: string;
}

export type Plugin = typeof PluginModule;

// The `new ESLint(...)` of each major, with the options these tests use: the package's helper
// types only the `overrideConfigFile: string` form, but passes any options through.
export type LintFactory = (options: {
  cwd: string;
  overrideConfigFile: true;
  overrideConfig: Linter.Config[];
}) => Pick<ESLint, 'lintFiles' | 'calculateConfigForFile'>;
export const MAJORS = ESLINT_MAJORS as unknown as Readonly<Record<keyof typeof ESLINT_MAJORS, LintFactory>>;

// The plugin's message ids, back to core's kinds.
const KIND_OF_ESLINT_MESSAGE: Readonly<Record<string, Kind>> = {
  accessKeyId: 'access-key-id',
  secretKey: 'secret-key',
  mwsAuthToken: 'mws-auth-token',
  lwaClientSecret: 'lwa-client-secret',
  lwaRefreshToken: 'lwa-refresh-token',
  lwaAccessToken: 'lwa-access-token',
  sharedCredentials: 'shared-credentials',
  // `require-mws-auth-token` reports core's `shared-credentials` findings of requests without a token.
  missingAuthToken: 'shared-credentials',
};
const KIND_OF_SECRETLINT_MESSAGE = new Map<string, Kind>(KINDS.map((k) => [MESSAGE_IDS[k], k]));

// Rules whose reports are compared: every rule, since `require-mws-auth-token` reports core's
// decision on requests without a token (`shared-credentials`), as the CLI and secretlint do.
const PARITY_RULES = new Set([
  '@mwsguard/no-hardcoded-credentials',
  '@mwsguard/no-shared-seller-credentials',
  '@mwsguard/require-mws-auth-token',
]);

// The preset lints JavaScript/TypeScript (parsed) and config files (through the `config-files`
// processor: .env, YAML, JSON, INI, credentials, .properties, TOML, XML/.config). Python, PHP,
// SQL, CSV and Markdown are no ESLint languages and are in no preset glob, by design: the preset
// does not read them. To compare them anyway, this block hands them to the same processor, which
// passes any text through unchanged; the first test pins which files need it.
const OTHER_TEXT_FILES = ['**/*.py', '**/*.php', '**/*.sql', '**/*.csv', '**/*.md'];

// The AST-only extras of `no-hardcoded-credentials` (concatenations, constants, `.join('')`, enum
// members) have no text equivalent. The fixture code holds none of those shapes, so no report is
// filtered out for them: an AST extra showing up here is a difference to look at.

/** Files of a tree, relative, with `/` separators, sorted. */
export function filesOf(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

/** 1-based line and column (UTF-16 units) of `offset` in `text`: `\r\n`, `\r` and `\n` end lines. */
function positionAt(text: string, offset: number): { line: number; column: number } {
  const lines = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

const place = (r: Omit<Row, 'fingerprint' | 'file'>): string =>
  `${r.kind} ${String(r.line)}:${String(r.column)}-${String(r.endLine)}:${String(r.endColumn)}`;

/**
 * Fingerprints by place of what core finds in a file scanned as ESLint and secretlint scan it
 * (the absolute path): ESLint messages carry no fingerprint, secretlint's only their masked data.
 */
function coreFingerprints(dir: string, file: string): Map<string, string> {
  const text = readFileSync(join(dir, file), 'utf8');
  return new Map(scanText(text, { path: join(dir, file) }).map((f) => [place(f), f.fingerprint]));
}

function byPlace<T extends Row>(rows: T[]): T[] {
  return rows.sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.kind.localeCompare(b.kind),
  );
}

export const rowsOnly = (reports: readonly Report[]): Row[] =>
  reports.map(({ file, kind, line, column, endLine, endColumn, fingerprint }) => ({
    file,
    kind,
    line,
    column,
    endLine,
    endColumn,
    fingerprint,
  }));

/**
 * What core's project pass adds for the tree read as one project (`scanProject`, paths relative
 * to the tree as the CLI shows them): the warnings a directory scan reports and the editors, which
 * read one file at a time, do not (docs/cli.md#across-files-the-project-pass).
 */
function projectPassReports(dir: string): Report[] {
  const texts = filesOf(dir).map((file) => ({ file, text: readFileSync(join(dir, file), 'utf8') }));
  const reports: Report[] = [];
  for (const [file, { reported }] of scanProject(texts)) {
    for (const f of reported) {
      if (f.messageFacts.detail !== 'project') continue;
      const { kind, line, column, endLine, endColumn, fingerprint, message } = f;
      reports.push({ file, kind, line, column, endLine, endColumn, fingerprint, message });
    }
  }
  return byPlace(reports);
}

/**
 * (a) The CLI, spawned as users run it, JSON format. `reports` are its per-file findings, the ones
 * every surface must agree on; `project` the rest, at the places of core's project pass, and
 * `expectedProject` what core's pass gives (a test checks the two are the same).
 */
export function cliReports(dir: string): {
  reports: Report[];
  project: Report[];
  expectedProject: Report[];
  filesScanned: number;
  status: number | null;
} {
  // `--no-config`: a mwsguard config found above the tree (the repository's own) must not change
  // what the fixture means.
  const run = spawnSync(process.execPath, [CLI_BIN, 'scan', '.', '--format', 'json', '--no-config'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  if (run.status !== 0 && run.status !== 1)
    throw new Error(`mwsguard scan exited ${String(run.status)}: ${run.stderr}`);
  const json = JSON.parse(run.stdout) as {
    findings: (Omit<Report, 'kind'> & { kind: string })[];
    summary: { filesScanned: number };
  };
  const reports = json.findings.map((f): Report => {
    if (!(KINDS as readonly string[]).includes(f.kind)) throw new Error(`unknown kind ${f.kind}`);
    const { file, line, column, endLine, endColumn, fingerprint, message } = f;
    return { file, kind: f.kind as Kind, line, column, endLine, endColumn, fingerprint, message };
  });
  const expectedProject = projectPassReports(dir);
  const key = (r: Row): string => `${r.file} ${place(r)} ${r.fingerprint}`;
  const projectKeys = new Set(expectedProject.map(key));
  return {
    reports: byPlace(reports.filter((r) => !projectKeys.has(key(r)))),
    project: byPlace(reports.filter((r) => projectKeys.has(key(r)))),
    expectedProject,
    filesScanned: json.summary.filesScanned,
    status: run.status,
  };
}

/** The ESLint config under test: TypeScript/JSX parsing as a project sets it, then the preset. */
export function eslintConfig(plugin: Plugin, locale?: string): Linter.Config[] {
  const localized: Linter.Config[] =
    locale === undefined
      ? []
      : [
          {
            name: 'parity/locale',
            // As docs/rules/no-hardcoded-credentials.md shows it: the files the preset's rules run on.
            files: ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}', '**/*.mwsguard'],
            rules: {
              '@mwsguard/no-hardcoded-credentials': ['error', { locale }],
              '@mwsguard/no-shared-seller-credentials': ['error', { locale }],
            },
          },
        ];
  return [
    { files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: tseslint.parser } },
    { files: ['**/*.tsx'], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
    ...plugin.configs.strict,
    ...localized,
    { name: 'parity/other-text-files', files: OTHER_TEXT_FILES, processor: plugin.processors['config-files'] },
  ];
}

/** (b) ESLint's Node API over the tree. */
export async function eslintReports(
  create: LintFactory,
  dir: string,
  config: Linter.Config[],
): Promise<{ reports: Report[]; linted: string[]; others: Linter.LintMessage[]; fatal: string[] }> {
  const results = await create({ cwd: dir, overrideConfigFile: true, overrideConfig: config }).lintFiles(['.']);
  const reports: Report[] = [];
  const others: Linter.LintMessage[] = [];
  const linted: string[] = [];
  const fatal: string[] = [];
  for (const result of results) {
    const file = relative(dir, result.filePath).split(sep).join('/');
    linted.push(file);
    if (result.messages.some((m) => m.fatal === true)) fatal.push(file);
    const fingerprints = coreFingerprints(dir, file);
    for (const m of result.messages) {
      const kind =
        m.ruleId !== null && PARITY_RULES.has(m.ruleId) ? KIND_OF_ESLINT_MESSAGE[m.messageId ?? ''] : undefined;
      if (kind === undefined) {
        others.push(m); // parser errors, unused directives, unknown message ids: none expected
        continue;
      }
      const at = {
        kind,
        line: m.line,
        column: m.column,
        endLine: m.endLine ?? m.line,
        endColumn: m.endColumn ?? m.column,
      };
      const fingerprint = fingerprints.get(place(at)) ?? 'no core finding at this place';
      reports.push({ file, ...at, fingerprint, message: m.message });
    }
  }
  return { reports: byPlace(reports), linted: linted.sort(), others, fatal: fatal.sort() };
}

/**
 * (c) secretlint: `@secretlint/core`'s `lintSource` with our rule alone, each file read as the
 * secretlint CLI reads it (`@secretlint/source-creator`: the bytes as UTF-8, BOM included).
 */
export async function secretlintReports(
  dir: string,
  files: readonly string[],
  locale = 'en',
): Promise<{ reports: Report[]; locMismatches: string[] }> {
  const reports: Report[] = [];
  const locMismatches: string[] = [];
  for (const file of files) {
    const path = join(dir, file);
    const content = readFileSync(path).toString();
    const result = await secretlint(content, path, { locale });
    // secretlint ranges index the content without its BOM (`SecretLintSourceCodeImpl` strips it
    // before any rule runs), so they are mapped on that text.
    const text = content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
    const fingerprints = coreFingerprints(dir, file);
    for (const m of result.messages) {
      const kind = KIND_OF_SECRETLINT_MESSAGE.get(m.messageId);
      if (kind === undefined) throw new Error(`unexpected secretlint message ${m.ruleId}/${m.messageId}`);
      const start = positionAt(text, m.range[0]);
      const end = positionAt(text, m.range[1]);
      const at = { kind, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
      // What secretlint itself shows: its `loc` (0-based columns), computed from the range.
      const { start: s, end: e } = m.loc;
      const shown = place({ kind, line: s.line, column: s.column + 1, endLine: e.line, endColumn: e.column + 1 });
      if (shown !== place(at)) locMismatches.push(`${file}: secretlint shows ${shown}, its range is ${place(at)}`);
      const fingerprint = fingerprints.get(place(at)) ?? 'no core finding at this place';
      reports.push({ file, ...at, fingerprint, message: m.message });
    }
  }
  return { reports: byPlace(reports), locMismatches };
}

/**
 * The plugin's compiled dist, as projects load it, built first (with core's dist, which the
 * spawned CLI uses) when the sources are newer. Inside vitest its `@mwsguard/core` import resolves
 * to core's sources through the alias in vitest.config.ts, as secretlint's does.
 */
export async function loadBuiltPlugin(): Promise<Plugin> {
  ensureBuilt();
  return ((await import(pathToFileURL(PLUGIN_DIST).href)) as { default: Plugin }).default;
}
