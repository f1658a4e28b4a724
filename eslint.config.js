// Lint for mwsguard's own code: typescript-eslint strict + stylistic (type-checked),
// eslint-plugin-regexp on every regex (ReDoS and correctness), the vitest plugin on tests, and
// mwsguard's own recommended preset (dogfood: code and config files; fixtures and examples hold
// fake credentials on purpose and are ignored above all).
import js from '@eslint/js';
import vitest from '@vitest/eslint-plugin';
import regexp from 'eslint-plugin-regexp';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import mwsguard from '@mwsguard/eslint-plugin';
import eslintPluginRules from './packages/eslint-plugin/lint.config.js';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      'examples/**',
      'test/fixtures/**',
      '**/fixtures/**',
      'coverage/**',
      'bench/corpus/**',
      '.cache/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...tseslint.configs.stylisticTypeChecked,
  regexp.configs['flat/recommended'],
  {
    languageOptions: {
      parserOptions: {
        project: ['./packages/*/tsconfig.json', './tsconfig.check.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // Regexes must stay linear: flag any backtracking that can blow up.
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': 'error',
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: globals.node },
  },
  ...eslintPluginRules,
  // Tests and the detectors' samples hold fake credentials on purpose, and the comments of core
  // and of the rules quote the type-A code they detect (a request read of a secret key): the preset reads
  // the rest (the CLI, the adapters' glue, bench, scripts and every config file).
  ...mwsguard.configs.recommended.map((config) => ({
    ...config,
    ignores: [...(config.ignores ?? []), '**/test/**', 'packages/core/src/**', 'packages/eslint-plugin/src/rules/**'],
  })),
  {
    // The blocks the preset's processor makes of config files hold no code to type-check.
    files: ['**/*.mwsguard'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['**/test/**/*.ts'],
    plugins: { vitest },
    rules: {
      ...vitest.configs.recommended.rules,
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
