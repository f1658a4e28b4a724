// ESLint 9 and 10 in fresh npm projects: JavaScript only (no TypeScript installed), and
// TypeScript with an `eslint.config.ts` that `tsc` checks against the published types.
import { readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FAKE, MASKED, installed, leaksNothing, npmInstall, ok, project, run, snippet, tarballs } from './support.js';

const README = 'packages/eslint-plugin/README.md';

/** Code and config files holding the fake key pair: JS, `.env`, YAML and JSON. */
const PLANTED = {
  'src/client.js': `export const secretAccessKey = '${FAKE.secretKey}';\n`,
  '.env': `MWS_ACCESS_KEY_ID=${FAKE.accessKeyId}\n`,
  'config/prod.yaml': `mws:\n  secret_key: ${FAKE.secretKey}\n`,
  'config/prod.json': `{ "mws": { "accessKeyId": "${FAKE.accessKeyId}" } }\n`,
};

/** What ESLint reports in {@link PLANTED}: one finding in each file. */
const REPORTED = Object.fromEntries(Object.keys(PLANTED).map((f) => [f, ['@mwsguard/no-hardcoded-credentials']]));

interface LintResult {
  filePath: string;
  messages: { ruleId: string | null; message: string; line: number; fatal?: boolean }[];
}

/** `npx eslint . --format json`: the exit code and each file's rule ids, relative paths. */
function lint(dir: string): { code: number | null; files: Record<string, (string | null)[]>; messages: string } {
  const result = run(dir, 'npx', ['--no-install', 'eslint', '.', '--format', 'json']);
  const parsed = JSON.parse(result.stdout) as LintResult[];
  const files = Object.fromEntries(
    parsed
      .filter((r) => r.messages.length > 0)
      .map((r) => [r.filePath.slice(dir.length + 1), r.messages.map((m) => m.ruleId)]),
  );
  // The JSON format repeats each reported file's source; what a user reads are the messages.
  const messages = parsed.flatMap((r) => r.messages.map((m) => m.message)).join('\n');
  return { code: result.code, files, messages };
}

/** The ES module files the plugin's import resolves (a module loader hook records them). */
function modulesLoadedBy(dir: string, specifier: string): string[] {
  const log = join(dir, `modules-${specifier.replace(/\W/g, '_')}.log`);
  const hooks = join(dir, 'record-hooks.mjs');
  ok(dir, 'node', [
    '-e',
    `require('node:fs').writeFileSync(${JSON.stringify(hooks)}, ${JSON.stringify(
      `import { appendFileSync } from 'node:fs';\nexport async function resolve(s, c, next) { const r = await next(s, c); if (r.url.startsWith('file:')) appendFileSync(${JSON.stringify(log)}, r.url + '\\n'); return r; }\n`,
    )})`,
  ]);
  ok(dir, 'node', [
    '--input-type=module',
    '-e',
    `import { register } from 'node:module'; import { pathToFileURL } from 'node:url'; register(pathToFileURL(${JSON.stringify(hooks)})); await import(${JSON.stringify(specifier)});`,
  ]);
  return [...new Set(readFileSync(log, 'utf8').trim().split('\n'))];
}

/** The JavaScript-only and the TypeScript project for one ESLint major. */
export function describeEslint(major: 9 | 10): void {
  describe(`ESLint ${String(major)}`, () => {
    it('JavaScript only: the README config in a CommonJS project reports code and config files, masked, no TypeScript installed', () => {
      const dir = project(`eslint${major}-js`, {
        ...PLANTED,
        'eslint.config.mjs': snippet(README, 'js', '// eslint.config.mjs'),
        // Without a TypeScript parser the preset leaves `.ts` files alone instead of failing.
        'src/types.ts': `export const secretAccessKey: string = '${FAKE.secretKey}';\n`,
        'src/clean.js': 'export const region = process.env.AWS_REGION;\n',
      });
      npmInstall(dir, [`eslint@${major}`, ...tarballs('eslint-plugin')]);
      expect(installed(dir, 'typescript')).toBe(false);
      expect(installed(dir, '@typescript-eslint/utils')).toBe(false);
      expect(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))).toMatchObject({ type: 'commonjs' });

      const { code, files, messages } = lint(dir);
      expect(code).toBe(1);
      expect(files).toEqual(REPORTED);
      expect(messages).toContain(MASKED.secretKey);
      expect(messages).toContain(MASKED.accessKeyId);
      expect(leaksNothing(messages)).toBe(true);

      // The package runs its bundle (scripts/bundle.js): the plugin and core in one ES module,
      // and no module of another package (eslint-utils is required when a rule first needs it):
      // no typescript-eslint, no TypeScript, not core's modules one by one.
      const bundle = join(realpathSync(dir), 'node_modules/@mwsguard/eslint-plugin/bundle/index.js');
      expect(modulesLoadedBy(dir, '@mwsguard/eslint-plugin')).toEqual([pathToFileURL(bundle).href]);
    });

    it('TypeScript: eslint.config.ts typechecks (TS 5.9 and 6.0) and lints with type-checked presets and config files', () => {
      const dir = project(`eslint${major}-ts`, {
        ...PLANTED,
        'src/client.ts': `export const secretAccessKey: string = '${FAKE.secretKey}';\n`,
        'src/clean.ts': 'export function region(): string | undefined {\n  return process.env.AWS_REGION;\n}\n',
        'eslint.config.ts': typedConfig(),
        'tsconfig.json': JSON.stringify(
          {
            compilerOptions: {
              target: 'ES2022',
              module: 'NodeNext',
              moduleResolution: 'NodeNext',
              strict: true,
              noEmit: true,
              skipLibCheck: false,
              types: ['node'],
            },
            include: ['eslint.config.ts', 'src'],
          },
          null,
          2,
        ),
      });
      writeFileSync(
        join(dir, 'package.json'),
        JSON.stringify({ ...readJson(join(dir, 'package.json')), type: 'module' }, null, 2),
      );
      npmInstall(dir, [
        `eslint@${major}`,
        'typescript@5.9',
        'typescript-eslint@8',
        'jiti@2',
        '@types/node@22',
        ...tarballs('eslint-plugin'),
      ]);
      // TypeScript 5.9 checks every declaration file too (skipLibCheck off): the published types
      // must be clean; TypeScript 6.0 checks the config against them.
      expect(run(dir, 'npx', ['--no-install', 'tsc', '-p', '.'])).toMatchObject({ code: 0, output: '' });
      const ts6 = run(dir, 'npx', ['--yes', '-p', 'typescript@6.0', 'tsc', '-p', '.', '--skipLibCheck']);
      expect(ts6).toMatchObject({ code: 0, output: '' });

      const { code, files, messages } = lint(dir);
      expect(code).toBe(1);
      expect(files).toEqual({ ...REPORTED, 'src/client.ts': ['@mwsguard/no-hardcoded-credentials'] });
      expect(leaksNothing(messages)).toBe(true);
    });
  });
}

/**
 * An `eslint.config.ts` using every form the issue named: `defineConfig` with a preset,
 * `plugins`, `extends`, and a `Linter.Config[]`, plus typescript-eslint's type-checked preset
 * and the README's one line for config files. No casts.
 */
function typedConfig(): string {
  const line = snippet(README, 'js', "  { files: ['**/*.mwsguard']").trim();
  return `import type { Linter } from 'eslint';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import mwsguard from '@mwsguard/eslint-plugin';

const presets: Linter.Config[] = [...mwsguard.configs.recommended];

export default defineConfig(
  tseslint.configs.recommendedTypeChecked,
  { languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } } },
  { files: ['**/*.{js,mjs}'], extends: [tseslint.configs.disableTypeChecked] },
  mwsguard.configs.recommended,
  { files: ['src/**/*.js'], extends: [mwsguard.configs.strict] },
  { plugins: { '@mwsguard': mwsguard }, rules: { '@mwsguard/no-shared-seller-credentials': 'error' } },
  presets,
  ${line}
);
`;
}

function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}
