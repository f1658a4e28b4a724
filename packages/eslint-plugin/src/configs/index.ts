import type { ESLint, Linter } from 'eslint';
import { CONFIG_FILES, CONFIG_FILES_IGNORED, configFilesProcessor, configTextParser } from '../processor.js';
import type { RuleName } from '../rule-names.js';
import { rules } from '../rules/index.js';
import type { PresetName } from '../types.js';
import { CONFIG_BLOCK_GLOB } from '../util/file.js';

/** JavaScript and JSX in every module flavour: ESLint parses these without help. */
const CODE_FILES: readonly string[] = ['**/*.{js,mjs,cjs,jsx}'];

/** TypeScript in every module flavour: linted when the project configures a TypeScript parser. */
const TYPESCRIPT_FILES: readonly string[] = ['**/*.{ts,mts,cts,tsx}'];

type RuleEntries = Partial<Record<`@mwsguard/${RuleName}`, Linter.RuleEntry>>;

const ruleNames = Object.keys(rules) as RuleName[];

function entriesFor(preset: PresetName): RuleEntries {
  const entries: RuleEntries = {};
  for (const name of ruleNames) {
    const level = rules[name].meta.docs?.recommended;
    if (preset === 'all' || level === 'recommended' || preset === 'strict') entries[`@mwsguard/${name}`] = 'error';
  }
  return entries;
}

/**
 * Builds a preset: the rules for code, the `config-files` processor for config files, and the
 * parser that reads their blocks. `plugin` is the plugin object itself (presets reuse its meta).
 */
export function createPreset(preset: PresetName, plugin: ESLint.Plugin): Linter.Config[] {
  const ruleEntries = entriesFor(preset);
  return [
    {
      name: `@mwsguard/${preset}`,
      // The rules read JavaScript (and config blocks): scoping them keeps ESLint from applying
      // them to files of other languages (JSON, Markdown, CSS plugins).
      files: [...CODE_FILES, CONFIG_BLOCK_GLOB],
      plugins: { '@mwsguard': plugin },
      rules: ruleEntries,
    },
    {
      name: `@mwsguard/${preset}/typescript`,
      // TypeScript files get the rules only when another config already lints them (one that sets
      // a TypeScript parser, such as typescript-eslint's). ESLint does not lint a file matched
      // only by a pattern ending in `/*`, so `**/*` narrowed by `ignores` adds no file of its
      // own: without a TypeScript parser, `.ts` files are left alone instead of failing to parse.
      files: ['**/*'],
      ignores: ['**/*', ...TYPESCRIPT_FILES.map((glob) => `!${glob}`)],
      plugins: { '@mwsguard': plugin },
      rules: ruleEntries,
    },
    {
      name: `@mwsguard/${preset}/config-files`,
      files: [...CONFIG_FILES],
      ignores: [...CONFIG_FILES_IGNORED],
      processor: configFilesProcessor,
    },
    {
      name: `@mwsguard/${preset}/config-text`,
      files: [CONFIG_BLOCK_GLOB],
      languageOptions: { parser: configTextParser },
    },
  ];
}
