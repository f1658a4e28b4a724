// Lint for the plugin's own rules and tests (eslint-plugin-eslint-plugin), spread into the root
// eslint.config.js. It lives here because the package, not the root, depends on the linter plugin.
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import tseslint from 'typescript-eslint';

const here = 'packages/eslint-plugin';

export default [
  {
    ...eslintPlugin.configs.rules,
    name: '@mwsguard/eslint-plugin/rules',
    files: [`${here}/src/rules/**/*.ts`],
    rules: {
      ...eslintPlugin.configs.rules.rules,
      'eslint-plugin/require-meta-docs-description': ['error', { pattern: '^(Disallow|Require|Enforce) ' }],
      'eslint-plugin/require-meta-docs-url': 'off', // set by RuleCreator from the rule name
      'eslint-plugin/require-meta-default-options': 'error',
      // STYLE §4: type, docs, messages, schema, defaultOptions.
      'eslint-plugin/meta-property-ordering': [
        'error',
        ['type', 'languages', 'docs', 'hasSuggestions', 'messages', 'schema', 'defaultOptions'],
      ],
      // `recommended` names the least strict preset holding the rule (typescript-eslint style).
      'eslint-plugin/require-meta-docs-recommended': ['error', { allowNonBoolean: true }],
      'eslint-plugin/require-meta-schema-description': 'error',
    },
  },
  {
    // The rules compare node types with string literals ('Identifier') rather than
    // typescript-eslint's AST_NODE_TYPES enum, whose package the plugin does not load at run time.
    name: '@mwsguard/eslint-plugin/node-types',
    files: [`${here}/src/**/*.ts`],
    rules: { '@typescript-eslint/no-unsafe-enum-comparison': 'off' },
  },
  {
    // Node scripts outside the TypeScript projects: lint them without type information.
    name: '@mwsguard/eslint-plugin/scripts',
    files: [`${here}/scripts/**/*.js`],
    languageOptions: { parserOptions: { project: false, projectService: false, program: null } },
    rules: tseslint.configs.disableTypeChecked.rules,
  },
  {
    ...eslintPlugin.configs.tests,
    name: '@mwsguard/eslint-plugin/tests',
    files: [`${here}/test/rules/**/*.ts`],
  },
];
