// Lint for mwsguard's own code: typescript-eslint strict + stylistic (type-checked),
// eslint-plugin-regexp on every regex (ReDoS and correctness), the vitest plugin on tests.
import js from '@eslint/js';
import vitest from '@vitest/eslint-plugin';
import regexp from 'eslint-plugin-regexp';
import globals from 'globals';
import tseslint from 'typescript-eslint';
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
      'bench/**',
      '.cache/**',
      'action/bundle/**',
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
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: globals.node },
  },
  ...eslintPluginRules,
  {
    files: ['**/test/**/*.ts'],
    plugins: { vitest },
    rules: {
      ...vitest.configs.recommended.rules,
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
