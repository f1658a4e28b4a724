// The presets lint `.ts` files only when the project already lints them with a TypeScript
// parser: a JavaScript-only project that spreads a preset must not get `Parsing error` on `.ts`.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';
import { ESLint as ESLint9 } from 'eslint9';
import { afterAll, describe, expect, it } from 'vitest';
import plugin from '../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'mwsguard-ts-scope-'));
// A made-up key pair in the shapes AWS documents; typed, so espree cannot parse the file.
writeFileSync(
  join(dir, 'keys.ts'),
  "export const secretAccessKey: string = 'Kq7Zr1nV0bXwP3yH8sL5tA2mD9fG4jC6eU/oI+Rw';\n",
);
writeFileSync(join(dir, 'keys.js'), "export const secretAccessKey = 'Kq7Zr1nV0bXwP3yH8sL5tA2mD9fG4jC6eU/oI+Rw';\n");
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const typescript = { files: ['**/*.ts'], languageOptions: { parser: tsParser } };
const majors = [
  ['ESLint 10', (overrideConfig: object[]) => new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig })],
  ['ESLint 9', (overrideConfig: object[]) => new ESLint9({ cwd: dir, overrideConfigFile: true, overrideConfig })],
] as const;

describe.each(majors)('%s: presets and TypeScript files', (_, eslintWith) => {
  it('without a TypeScript parser, lints the .js file and leaves the .ts file alone', async () => {
    const results = await eslintWith([...plugin.configs.recommended]).lintFiles(['.']);
    expect(results.map((r) => [r.filePath, r.messages.map((m) => m.ruleId)])).toEqual([
      [join(dir, 'keys.js'), ['@mwsguard/no-hardcoded-credentials']],
    ]);
  });

  it('with a TypeScript parser for .ts files, reports in both', async () => {
    const results = await eslintWith([...plugin.configs.recommended, typescript]).lintFiles(['.']);
    expect(results.map((r) => [r.filePath, r.messages.map((m) => m.ruleId)])).toEqual([
      [join(dir, 'keys.js'), ['@mwsguard/no-hardcoded-credentials']],
      [join(dir, 'keys.ts'), ['@mwsguard/no-hardcoded-credentials']],
    ]);
  });
});
