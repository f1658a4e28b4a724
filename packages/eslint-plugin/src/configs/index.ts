import type { TSESLint } from '@typescript-eslint/utils';
import { CONFIG_FILES, CONFIG_FILES_IGNORED, configFilesProcessor, configTextParser } from '../processor.js';
import { rules } from '../rules/index.js';
import type { RuleName } from '../rules/index.js';
import { CONFIG_BLOCK_GLOB } from '../util/file.js';

/** Source files the rules read: JavaScript, TypeScript and JSX in every module flavour. */
const CODE_FILES: readonly string[] = ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'];

/** The preset names. */
export type PresetName = 'recommended' | 'strict' | 'all';

type RuleEntries = Partial<Record<`@mwsguard/${RuleName}`, TSESLint.SharedConfig.RuleEntry>>;

const ruleNames = Object.keys(rules) as RuleName[];

function entriesFor(preset: PresetName): RuleEntries {
  const entries: RuleEntries = {};
  for (const name of ruleNames) {
    const level = rules[name].meta.docs?.recommended;
    if (preset === 'all' || level === 'recommended' || preset === 'strict') entries[`@mwsguard/${name}`] = 'error';
  }
  // Strict: every MWS call for a seller needs a token, even a literal or environment seller id.
  if (preset === 'strict') entries['@mwsguard/require-mws-auth-token'] = ['error', { allowOwnAccount: false }];
  return entries;
}

/**
 * Builds a preset: the rules for code, the `config-files` processor for config files, and the
 * parser that reads their blocks. `plugin` is the plugin object itself (presets reuse its meta).
 */
export function createPreset(preset: PresetName, plugin: TSESLint.FlatConfig.Plugin): TSESLint.FlatConfig.ConfigArray {
  return [
    {
      name: `@mwsguard/${preset}`,
      // The rules read JavaScript and TypeScript (and config blocks): scoping them keeps ESLint
      // from applying them to files of other languages (JSON, Markdown, CSS plugins).
      files: [...CODE_FILES, CONFIG_BLOCK_GLOB],
      plugins: { '@mwsguard': plugin },
      rules: entriesFor(preset),
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
