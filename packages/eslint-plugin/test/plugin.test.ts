import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Linter } from 'eslint';
import { Linter as Linter9 } from 'eslint9';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { configFilesProcessor, configTextParser } from '../src/processor.js';
import type { RuleName } from '../src/rule-names.js';
import { rules } from '../src/rules/index.js';
import { ruleDocsUrl } from '../src/util/create-rule.js';
import { ensureBuilt } from './support/build.js';

const pkgDir = fileURLToPath(new URL('..', import.meta.url));
const manifest = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { name: string; version: string };
const names = Object.keys(plugin.rules);
const stems = (dir: string, suffix: string): string[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith(suffix) && f !== `index${suffix}`)
    .map((f) => f.slice(0, -suffix.length))
    .sort();

describe('plugin', () => {
  it('declares meta from package.json with the @mwsguard namespace', () => {
    expect(plugin.meta).toEqual({ name: manifest.name, version: manifest.version, namespace: '@mwsguard' });
  });

  it('keeps rule files, the rules index, tests and docs in step (alphabetical index)', () => {
    expect(names).toEqual([...names].sort());
    expect(stems(join(pkgDir, 'src/rules'), '.ts')).toEqual(names);
    expect(stems(join(pkgDir, 'test/rules'), '.test.ts')).toEqual(names);
    expect(stems(join(pkgDir, '../../docs/rules'), '.md')).toEqual(names);
  });

  it.each(names)('%s: docs URL, description and default options follow the style', (name) => {
    const { meta } = rules[name as RuleName];
    expect(meta.docs?.url).toBe(ruleDocsUrl(name));
    expect(meta.docs?.description).toMatch(/^(?:Disallow|Require|Enforce) .*[^.]$/);
    expect(meta.defaultOptions).toHaveLength(1);
    expect(meta.languages).toEqual(['js/js']);
  });
});

describe('run-time dependencies', () => {
  // typescript-eslint's packages are for types only: their index loads ~370 modules and npm
  // would install `typescript` for them (the consumer test checks both in a fresh project).
  it('imports only types from typescript-eslint', () => {
    const sources = readdirSync(join(pkgDir, 'src'), { recursive: true, encoding: 'utf8' }).filter((f) =>
      f.endsWith('.ts'),
    );
    const valueImports = sources.flatMap((f) =>
      [
        ...readFileSync(join(pkgDir, 'src', f), 'utf8').matchAll(
          /^import (?!type )[^;]*from '(@typescript-eslint\/[^']+)'/gm,
        ),
      ].map((m) => `${f}: ${m[1] ?? ''}`),
    );
    expect(sources.length).toBeGreaterThan(10);
    expect(valueImports).toEqual([]);
  });

  it('depends at run time on core and @eslint-community/eslint-utils only', () => {
    const { dependencies } = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(Object.keys(dependencies).sort()).toEqual(['@eslint-community/eslint-utils', '@mwsguard/core']);
  });
});

describe('presets', () => {
  const ruleEntries = (preset: keyof typeof plugin.configs): Record<string, unknown> =>
    Object.assign({}, ...plugin.configs[preset].map((c) => c.rules ?? {})) as Record<string, unknown>;

  it.each(['recommended', 'strict', 'all'] as const)('%s: named entries reusing the plugin object', (preset) => {
    expect(plugin.configs[preset].map((c) => c.name)).toEqual([
      `@mwsguard/${preset}`,
      `@mwsguard/${preset}/typescript`,
      `@mwsguard/${preset}/config-files`,
      `@mwsguard/${preset}/config-text`,
    ]);
    expect(plugin.configs[preset][0]?.plugins?.['@mwsguard']).toBe(plugin);
  });

  it('recommended holds the rules whose docs say recommended; all and strict hold every rule', () => {
    const recommended = names.filter((n) => rules[n as RuleName].meta.docs?.recommended === 'recommended');
    expect(Object.keys(ruleEntries('recommended'))).toEqual(recommended.map((n) => `@mwsguard/${n}`));
    expect(Object.keys(ruleEntries('all'))).toEqual(names.map((n) => `@mwsguard/${n}`));
    expect(Object.keys(ruleEntries('strict'))).toEqual(names.map((n) => `@mwsguard/${n}`));
    // Every rule with its defaults: a fixed seller id is a seller's own tool (issue 12), so strict
    // reports what the CLI reports.
    expect(ruleEntries('strict')['@mwsguard/require-mws-auth-token']).toBe('error');
  });
});

describe('config files', () => {
  const envFile = [
    'MWS_ACCESS_KEY_ID=AKIA2OGYBAH6Q7KD4XZM',
    '# eslint-disable-next-line @mwsguard/no-hardcoded-credentials -- revoked',
    'MWS_SECRET_KEY=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',
    'X=1 # eslint-disable-line',
    '',
  ].join('\n');

  it('parses a config file to an empty program spanning it, with its directive comments', () => {
    const { ast } = configTextParser.parseForESLint(envFile);
    expect(ast.range).toEqual([0, envFile.length]);
    expect(ast.loc.end).toEqual({ line: 5, column: 0 });
    expect(ast.comments.map((c) => [c.value, c.loc?.start, c.loc?.end])).toEqual([
      [
        ' eslint-disable-next-line @mwsguard/no-hardcoded-credentials -- revoked',
        { line: 2, column: 0 },
        { line: 2, column: 72 },
      ],
      [' eslint-disable-line', { line: 4, column: 4 }, { line: 4, column: 25 }],
    ]);
  });

  it('keeps only mwsguard messages, directive problems and parser errors', () => {
    const message = (ruleId: string | null): Linter.LintMessage => ({
      ruleId,
      message: 'm',
      line: 1,
      column: 1,
      severity: 2,
    });
    const kept = configFilesProcessor.postprocess?.(
      [
        [
          message('no-irregular-whitespace'),
          message('@mwsguard/no-hardcoded-credentials'),
          message(null),
          message('x/require-mws-auth-token'),
        ],
      ],
      'a.yaml',
    );
    expect(kept?.map((m) => m.ruleId)).toEqual([
      '@mwsguard/no-hardcoded-credentials',
      null,
      'x/require-mws-auth-token',
    ]);
  });

  type Verify = (
    text: string,
  ) => { ruleId: string | null; line: number; column: number; endLine?: number; endColumn?: number }[];
  const options = { filename: join(process.cwd(), '.env'), filterCodeBlock: () => true };
  const majors: [string, Verify][] = [
    ['ESLint 10', (text) => new Linter().verify(text, plugin.configs.recommended, options)],
    ['ESLint 9', (text) => new Linter9().verify(text, plugin.configs.recommended, options)],
  ];

  it.each(majors)('%s: reports at the file’s own positions and honours inline disables', (_, verify) => {
    expect(verify(envFile).map((m) => [m.ruleId, m.line, m.column, m.endLine, m.endColumn])).toEqual([
      ['@mwsguard/no-hardcoded-credentials', 1, 19, 1, 39],
      [null, 4, 5, undefined, undefined],
    ]);
  });
});

describe('eslint-doc-generator', () => {
  it('rule doc headers and the README rules table are up to date', () => {
    ensureBuilt();
    const bin = join(pkgDir, 'node_modules/eslint-doc-generator/dist/bin/eslint-doc-generator.js');
    expect(() => execFileSync(process.execPath, [bin, '--check'], { cwd: pkgDir, stdio: 'pipe' })).not.toThrow();
  });
});
