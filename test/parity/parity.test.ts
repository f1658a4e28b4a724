/**
 * One engine, three surfaces (issue 7): the same fixture tree goes through the `mwsguard` CLI
 * (its JSON output), ESLint (the plugin's `strict` preset with its `config-files` processor) and
 * secretlint (`@secretlint/core` with our rule), and every surface must report the same kinds at
 * the same places with the same fingerprints. Detection lives in `@mwsguard/core` only, so any
 * difference found here is a bug in an adapter (or in what an adapter hands to core).
 */
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KINDS } from '@mwsguard/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
import type { Plugin, Report, Row } from './support/surfaces.js';

const TREE = fileURLToPath(new URL('fixtures/tree', import.meta.url));
const FILES = filesOf(TREE);
let plugin: Plugin;

beforeAll(async () => {
  plugin = await loadBuiltPlugin();
});

describe('fixture tree', () => {
  let cli: ReturnType<typeof cliReports>;
  beforeAll(() => {
    cli = cliReports(TREE);
  });

  it('is scanned whole by the CLI, which finds credentials (exit 1)', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(12);
    expect(cli.status).toBe(1);
    expect(cli.filesScanned).toBe(FILES.length);
  });

  it("adds core's project pass to the per-file findings, and nothing else", () => {
    expect(cli.project).toEqual(cli.expectedProject);
    // The files that carry a seller's secret without a record of its own, confirmed by the tree's
    // type-A records (the signer by the record it names, `SellerAccount`, whose keys it loads);
    // the editors see nothing in them.
    expect(cli.project.map((r) => `${r.file}:${String(r.line)}`)).toEqual([
      'src/services/report-signer.ts:7',
      'src/services/sp-api-credentials.ts:6',
    ]);
    expect(cli.project[0]?.message).toMatch(
      /^secretKey is kept per seller in (?:[\w./]+\/)?src\/models\/seller\.ts:6 \(type A\)/,
    );
    expect(cli.project[1]?.message).toMatch(/^lwaClientSecret is kept per seller in [\w./]+:\d+ \(type A\)/);
  });

  it('holds every kind, type-A records in several formats and clean type-B files', () => {
    expect(new Set(cli.reports.map((r) => r.kind))).toEqual(new Set(KINDS));
    // Type A is reported at the secret-key field of each record; the type-B records next to them
    // (db/schema.sql lines 11-16, src/models/seller.ts lines 10-15) are not.
    expect(
      cli.reports.filter((r) => r.kind === 'shared-credentials').map((r) => `${r.file}:${String(r.line)}`),
    ).toEqual([
      'config/sellers.yaml:7',
      'db/schema.sql:6',
      'exports/sellers.csv:1',
      'scripts/fetch_reports.py:27',
      'src/ConnectSeller.tsx:12',
      'src/models/seller.ts:6',
    ]);
    const reported = new Set(cli.reports.map((r) => r.file));
    expect(FILES.filter((f) => !reported.has(f))).toEqual([
      'config/authorizations.yaml',
      'src/mws-client.env.js',
      'src/services/report-signer.ts',
      'src/services/sp-api-credentials.ts',
    ]);
  });

  describe.each(Object.entries(MAJORS))('%s', (_, create) => {
    let eslint: Awaited<ReturnType<typeof eslintReports>>;
    beforeAll(async () => {
      eslint = await eslintReports(create, TREE, eslintConfig(plugin));
    });

    it('the preset alone reads the code and config files; the rest only through the extra processor block', async () => {
      const presetOnly = create({
        cwd: TREE,
        overrideConfigFile: true,
        overrideConfig: eslintConfig(plugin).filter((c) => c.name !== 'parity/other-text-files'),
      });
      const unread: string[] = [];
      for (const file of FILES) {
        if ((await presetOnly.calculateConfigForFile(join(TREE, file))) === undefined) unread.push(file);
      }
      expect(unread).toEqual([
        'README.md',
        'db/schema.sql',
        'exports/sellers.csv',
        'legacy/MarketplaceWebServiceOrders/config.inc.php',
        'scripts/fetch_reports.py',
      ]);
      expect(eslint.linted).toEqual(FILES);
      expect(eslint.others).toEqual([]);
    });

    it('reports what the CLI reports: same kinds, places and fingerprints', () => {
      expect(rowsOnly(eslint.reports)).toEqual(rowsOnly(cli.reports));
    });

    it("shows core's sentences unchanged", () => {
      expect(eslint.reports.map((r) => r.message)).toEqual(cli.reports.map((r) => r.message));
    });
  });

  describe('secretlint', () => {
    let reports: Report[];
    let locMismatches: string[];
    beforeAll(async () => {
      ({ reports, locMismatches } = await secretlintReports(TREE, FILES));
    });

    it('reports what the CLI reports: same kinds, places and fingerprints', () => {
      expect(rowsOnly(reports)).toEqual(rowsOnly(cli.reports));
      expect(locMismatches).toEqual([]);
    });

    it("shows core's sentences unchanged", () => {
      expect(reports.map((r) => r.message)).toEqual(cli.reports.map((r) => r.message));
    });
  });

  it('renders the same Simplified Chinese sentences in ESLint (locale option) and secretlint (locale)', async () => {
    // The CLI has no --locale yet (issue 7, being added); these two surfaces already agree.
    const eslint = await eslintReports(MAJORS['ESLint 10'], TREE, eslintConfig(plugin, 'zh-CN'));
    const { reports: secret } = await secretlintReports(TREE, FILES, 'zh-CN');
    expect(rowsOnly(eslint.reports)).toEqual(rowsOnly(secret));
    expect(eslint.reports.map((r) => r.message)).toEqual(secret.map((r) => r.message));
    expect(secret.every((r) => /[\u4e00-\u9fff]/.test(r.message))).toBe(true);
  });
});

// Differences found by probing the surfaces with files the fixture tree leaves out on purpose.
// By design, and not tested here: ESLint and secretlint read files as UTF-8 only (a UTF-16 file,
// which the CLI decodes, is mojibake to ESLint and "binary" to secretlint's CLI, so neither
// reports it); ESLint reads only what its config matches and parses (a `.js` file with JSX but
// no JSX parser option is a fatal parse error and gets no report; Dockerfiles, notebooks and
// Vue files are in no preset glob); and the CLI leaves out what `.gitignore` ignores, which
// ESLint and secretlint read.
describe('edge cases in a project directory named amazon-orders', () => {
  const MWS_AUTH_TOKEN = 'amzn.mws.c928d63f-f8d7-4d95-8c87-67d45d2b1e78';
  const ACCESS_KEY_ID = 'AKIA7H6G6AJOBAYTHOLQ';
  const FILES_IN: Readonly<Record<string, string>> = {
    // A 40-character secret under a generic name: a secret key only where the text talks to Amazon.
    'settings.ini': '[storage]\nsecret = HFLzAiJ9xNfdTziHHauDfnoVv1tzDt/SwdFkKNrn\n',
    // An inline ignore, as docs/cli.md documents it.
    'ignored.env': `MWS_AUTH_TOKEN=${MWS_AUTH_TOKEN} # mwsguard-ignore\n`,
    // U+2028 / U+2029 before a credential (in a string, in a YAML value, in a comment).
    'separators.js': `const note = 'a\u2028b';\nconst accessKeyId = '${ACCESS_KEY_ID}';\n`,
    'separators.yaml': `note: a\u2028b\naccess_key_id: ${ACCESS_KEY_ID}\n`,
    'separators.env': `# a\u2029b\nMWS_AUTH_TOKEN=${MWS_AUTH_TOKEN}\n`,
  };
  let base: string;
  let dir: string;
  let cli: Report[];
  let eslint: Report[];
  let secret: Awaited<ReturnType<typeof secretlintReports>>;
  const rowsIn = (reports: readonly Report[], file: string): Row[] => rowsOnly(reports.filter((r) => r.file === file));

  beforeAll(async () => {
    base = realpathSync(mkdtempSync(join(tmpdir(), 'mwsguard-parity-')));
    dir = join(base, 'amazon-orders');
    mkdirSync(dir);
    for (const [file, text] of Object.entries(FILES_IN)) writeFileSync(join(dir, file), text);
    cli = cliReports(dir).reports;
    eslint = (await eslintReports(MAJORS['ESLint 10'], dir, eslintConfig(plugin))).reports;
    secret = await secretlintReports(dir, filesOf(dir));
  });

  afterAll(() => {
    rmSync(base, { recursive: true, force: true });
  });

  // The CLI passes paths relative to where it runs (`settings.ini`), ESLint and secretlint
  // absolute ones (`…/amazon-orders/settings.ini`): core judges only the file's own name, so a
  // generic `secret` gets the same decision on every surface and from any directory.
  it('a generic secret name: the same decision whatever the directory above the file', () => {
    expect(rowsIn(eslint, 'settings.ini')).toEqual(rowsIn(cli, 'settings.ini'));
    expect(rowsIn(secret.reports, 'settings.ini')).toEqual(rowsIn(cli, 'settings.ini'));
  });

  // Every surface applies core's `scanWithAllow` (besides ESLint's `eslint-disable` and
  // secretlint's `secretlint-disable` comments).
  it('mwsguard-ignore: suppressed on every surface', () => {
    expect(rowsIn(eslint, 'ignored.env')).toEqual(rowsIn(cli, 'ignored.env'));
    expect(rowsIn(secret.reports, 'ignored.env')).toEqual(rowsIn(cli, 'ignored.env'));
  });

  // By convention: JavaScript ends lines at U+2028 and U+2029 too, so ESLint (for code and for
  // config-file blocks alike) and secretlint's `loc` number the lines after one such character
  // one higher than core, the CLI, editors and LSP, which end lines at \r\n, \r and \n only. The
  // reported characters are the same: compare offsets, each surface read with its own rule.
  it('U+2028 and U+2029: the same characters, with JavaScript line numbering in ESLint and secretlint', () => {
    const offset = (file: string, line: number, column: number, breaks: RegExp): number => {
      const text = readFileSync(join(dir, file), 'utf8');
      let start = 0;
      for (let l = 1; l < line; l++) {
        const m = new RegExp(breaks.source, 'g');
        m.lastIndex = start;
        const found = m.exec(text);
        if (!found) throw new Error(`${file} has no line ${String(line)}`);
        start = found.index + found[0].length;
      }
      return start + column - 1;
    };
    const files = ['separators.env', 'separators.js', 'separators.yaml'];
    const at = (reports: readonly Report[], breaks: RegExp): string[] =>
      reports
        .filter((r) => files.includes(r.file))
        .map((r) => `${r.file} ${r.kind} ${String(offset(r.file, r.line, r.column, breaks))}`);
    const cliOffsets = at(cli, /\r\n|\r|\n/);
    expect(cliOffsets).toHaveLength(3);
    expect(at(eslint, /\r\n|[\r\n\u2028\u2029]/)).toEqual(cliOffsets);
    expect(eslint.filter((r) => files.includes(r.file)).map((r) => r.line)).toEqual([3, 3, 3]);
    expect(cli.filter((r) => files.includes(r.file)).map((r) => r.line)).toEqual([2, 2, 2]);
    // secretlint's range is the CLI's span exactly; only the `loc` it shows is a line further.
    expect(files.flatMap((f) => rowsIn(secret.reports, f))).toEqual(files.flatMap((f) => rowsIn(cli, f)));
    expect(secret.locMismatches).toHaveLength(3);
  });
});
