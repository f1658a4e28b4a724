/**
 * The published package runs bundle/ (scripts/bundle.js: the plugin and `@mwsguard/core` in one ES
 * module per entry); the workspace runs dist/. Both must be one plugin: the same meta, rules and
 * presets, byte-identical lint results and formatter output on the parity cases, and the bundle
 * must load as one file. These tests count modules, never time (docs/performance.md, "Start-up").
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eslintConfig, MAJORS } from '../../../test/parity/support/surfaces.js';
import type { Plugin } from '../../../test/parity/support/surfaces.js';
import { ENTRIES, bundle } from '../scripts/bundle.js';
import { ensureBuilt } from './support/build.js';

const pkgDir = fileURLToPath(new URL('..', import.meta.url));
const PARITY_TREE = fileURLToPath(new URL('../../../test/parity/fixtures/tree', import.meta.url));
const ESLINT_BIN = join(pkgDir, 'node_modules/eslint/bin/eslint.js');
const SECRET_KEY = 'Kq7Zr1nV0bXwP3yH8sL5tA2mD9fG4jC6eU/oI+Rw';

// A module loader hook that logs every file URL Node resolves, and a preload that registers it
// and, at exit, adds the CommonJS modules in `require.cache`: together, every file Node loaded.
const HOOKS = `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  if (result.url.startsWith('file:')) appendFileSync(process.env.MODULE_LOG, result.url + '\\n');
  return result;
}
`;
const PRELOAD = `import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { pathToFileURL } from 'node:url';
register(new URL('./hooks.mjs', import.meta.url));
const cache = createRequire(import.meta.url).cache;
process.on('exit', () => {
  for (const path of Object.keys(cache)) appendFileSync(process.env.MODULE_LOG, pathToFileURL(path).href + '\\n');
});
`;

let outDir = '';
let dist: Plugin;
let bundled: Plugin;
const distEntry = (entry: string): string => join(pkgDir, `dist/${entry}.js`);
const bundleEntry = (entry: string): string => join(outDir, `${entry}.js`);

beforeAll(async () => {
  ensureBuilt();
  // Inside the package, beside bundle/, so that its dependency resolves as it does from there.
  outDir = mkdtempSync(join(pkgDir, '.bundle-test-'));
  await bundle(outDir);
  writeFileSync(join(outDir, 'hooks.mjs'), HOOKS);
  writeFileSync(join(outDir, 'preload.mjs'), PRELOAD);
  dist = ((await import(pathToFileURL(distEntry('index')).href)) as { default: Plugin }).default;
  bundled = ((await import(pathToFileURL(bundleEntry('index')).href)) as { default: Plugin }).default;
});

afterAll(() => {
  if (outDir !== '') rmSync(outDir, { recursive: true, force: true });
});

/** Numbers each run's module log, so that no two runs of this file share one. */
let runs = 0;

/** Runs `node args` in `cwd` with the preload: the files it loaded, relative to the package. */
function modulesLoaded(cwd: string, args: readonly string[]): { files: string[]; code: number | null } {
  runs += 1;
  const log = join(outDir, `modules-${String(runs)}.log`);
  writeFileSync(log, '');
  const run = spawnSync(process.execPath, ['--import', pathToFileURL(join(outDir, 'preload.mjs')).href, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, MODULE_LOG: log, NODE_OPTIONS: '' },
  });
  if (run.status !== 0 && run.status !== 1)
    throw new Error(`node ${args.join(' ')} exited ${String(run.status)}: ${run.stderr}`);
  const files = readFileSync(log, 'utf8')
    .split('\n')
    .filter((url) => url !== '' && !url.endsWith('/preload.mjs') && !url.endsWith('/hooks.mjs'))
    // A file URL's query (`?mtime=` on ESLint's config) is not part of its path.
    .map((url) => fileURLToPath(url));
  return { files: [...new Set(files)].sort(), code: run.status };
}

const importing = (path: string): string[] =>
  modulesLoaded(pkgDir, ['--input-type=module', '-e', `await import(${JSON.stringify(pathToFileURL(path).href)});`])
    .files;

describe('loading', () => {
  it.each(ENTRIES)('importing bundle/%s.js loads that one file and no module of another package', (entry) => {
    expect(importing(bundleEntry(entry))).toEqual([bundleEntry(entry)]);
  });

  it("dist/ loads the plugin's and core's modules one by one: what the bundle saves", () => {
    const files = importing(distEntry('index'));
    const core = files.filter((f) => f.includes(`${sep}core${sep}dist${sep}`));
    const own = files.filter((f) => f.startsWith(join(pkgDir, 'dist')));
    expect(core.length).toBeGreaterThan(20);
    expect(own.length).toBeGreaterThan(10);
  });

  // A fresh ESLint process, as lint-staged starts it. ESLint itself requires the CommonJS build of
  // `@eslint-community/eslint-utils`; the plugin requires the same one, only for a file that may
  // hold a credential the text cannot show, so it adds no copy of its own (the ES module build).
  it("an ESLint run loads the bundle alone, and shares ESLint's own eslint-utils", () => {
    const dir = join(outDir, 'lint');
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'eslint.config.mjs'),
      `import mwsguard from ${JSON.stringify(pathToFileURL(bundleEntry('index')).href)};\nexport default [...mwsguard.configs.recommended];\n`,
    );
    writeFileSync(join(dir, 'clean.js'), 'export const region = process.env.AWS_REGION;\n');
    writeFileSync(
      join(dir, 'split.js'),
      `export const secretKey = '${SECRET_KEY.slice(0, 20)}' + '${SECRET_KEY.slice(20)}';\n`,
    );
    const ours = (files: string[]): string[] => files.filter((f) => f.startsWith(pkgDir) && !f.startsWith(dir));
    const eslintUtils = (files: string[]): string[] =>
      files.filter((f) => f.includes(`@eslint-community${sep}eslint-utils${sep}`)).map((f) => relative(dirname(f), f));
    const runs = Object.fromEntries(
      ['clean.js', 'split.js'].map((file) => {
        const { code, files } = modulesLoaded(dir, [ESLINT_BIN, file]);
        return [file, { code, ours: ours(files), eslintUtils: eslintUtils(files) }];
      }),
    );
    const loaded = { ours: [bundleEntry('index')], eslintUtils: ['index.js'] };
    expect(runs).toEqual({ 'clean.js': { code: 0, ...loaded }, 'split.js': { code: 1, ...loaded } });
  });
});

describe('the same plugin', () => {
  /** A preset with the plugin object, processor and parser named instead of serialized. */
  const shape = (plugin: Plugin): string =>
    JSON.stringify(plugin.configs, (key, value: unknown) => {
      if (value === plugin) return '<the plugin>';
      if (key === 'processor' || key === 'parser')
        return `<${String((value as { meta?: { name?: string } }).meta?.name)}>`;
      return value;
    });

  it('meta, rules (docs URLs, schemas, messages, defaults), processors and presets', () => {
    expect(bundled.meta).toEqual(dist.meta);
    expect(Object.keys(bundled.rules)).toEqual(Object.keys(dist.rules));
    for (const name of Object.keys(dist.rules) as (keyof Plugin['rules'])[])
      expect(bundled.rules[name].meta).toEqual(dist.rules[name].meta);
    expect(Object.keys(bundled.processors)).toEqual(Object.keys(dist.processors));
    expect(bundled.processors['config-files'].meta).toEqual(dist.processors['config-files'].meta);
    expect(shape(bundled)).toEqual(shape(dist));
    expect(Object.keys(bundled.configs)).toEqual(['recommended', 'strict', 'all']);
  });
});

describe('byte-identical results on the parity cases', () => {
  // The parity tree (every kind, config files through the processor), and values only the AST
  // pass sees: a concatenation, a constant read under a credential name, a `.join('')`.
  let astDir = '';
  beforeAll(() => {
    astDir = join(outDir, 'ast');
    mkdirSync(astDir);
    const [a, b] = [SECRET_KEY.slice(0, 20), SECRET_KEY.slice(20)];
    writeFileSync(join(astDir, 'concat.js'), `const secretKey = '${a}' + '${b}';\nexport default secretKey;\n`);
    writeFileSync(
      join(astDir, 'constant.js'),
      `const SECRET = '${SECRET_KEY}';\nexport const config = { secretKey: SECRET };\n`,
    );
    writeFileSync(join(astDir, 'joined.js'), `export const mwsSecretKey = ['${a}', '${b}'].join('');\n`);
    writeFileSync(join(astDir, 'clean.js'), 'export const region = process.env.AWS_REGION;\n');
  });

  // Both majors on the tree and the AST cases; the Chinese messages on ESLint 10 only.
  const cases = (): [string, string, string | undefined][] => [
    ...Object.keys(MAJORS).flatMap((major): [string, string, undefined][] => [
      [major, PARITY_TREE, undefined],
      [major, astDir, undefined],
    ]),
    ['ESLint 10', PARITY_TREE, 'zh-CN'],
  ];

  async function lint(
    plugin: Plugin,
    major: string,
    dir: string,
    locale: string | undefined,
  ): Promise<ESLint.LintResult[]> {
    const create = MAJORS[major as keyof typeof MAJORS];
    return create({ cwd: dir, overrideConfigFile: true, overrideConfig: eslintConfig(plugin, locale) }).lintFiles([
      '.',
    ]);
  }

  it('for each ESLint major, in English and Chinese: results and the formatter output', async () => {
    const formatter = async (path: string): Promise<(results: ESLint.LintResult[]) => string> =>
      ((await import(pathToFileURL(path).href)) as { default: (results: ESLint.LintResult[]) => string }).default;
    const [distFormat, bundleFormat] = await Promise.all([
      formatter(distEntry('formatter')),
      formatter(bundleEntry('formatter')),
    ]);
    let reported = 0;
    for (const [major, dir, locale] of cases()) {
      const [fromDist, fromBundle] = [await lint(dist, major, dir, locale), await lint(bundled, major, dir, locale)];
      expect(JSON.stringify(fromBundle), `${major} ${relative(pkgDir, dir)} ${String(locale)}`).toBe(
        JSON.stringify(fromDist),
      );
      expect(bundleFormat(fromBundle)).toBe(distFormat(fromDist));
      reported += fromDist.reduce((n, r) => n + r.messages.length, 0);
    }
    // Every file of the AST cases but the clean one is reported, and the tree's findings too.
    expect(reported).toBeGreaterThan(40);
    const astFiles = readdirSync(astDir).filter((f) => f.endsWith('.js'));
    const ast = await lint(bundled, 'ESLint 10', astDir, undefined);
    expect(
      ast
        .filter((r) => r.messages.length > 0)
        .map((r) => relative(astDir, r.filePath))
        .sort(),
    ).toEqual(astFiles.filter((f) => f !== 'clean.js').sort());
  });
});
