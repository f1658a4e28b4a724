/**
 * @mwsguard/eslint-plugin: ESLint rules that find hard-coded and shared Amazon MWS / SP-API
 * credentials in code and config files. Every decision is made by `@mwsguard/core`; the rules
 * map AST nodes and positions.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import { createPreset } from './configs/index.js';
import type { PresetName } from './configs/index.js';
import { configFilesProcessor } from './processor.js';
import { rules } from './rules/index.js';
import { PLUGIN_NAME, PLUGIN_VERSION } from './util/package.js';

export type { NoHardcodedCredentialsOptions } from './rules/no-hardcoded-credentials.js';
export type { NoSharedSellerCredentialsOptions } from './rules/no-shared-seller-credentials.js';
export type { RequireMwsAuthTokenOptions } from './rules/require-mws-auth-token.js';
export type { PresetName } from './configs/index.js';
export type { RuleName } from './rules/index.js';

const configs = {} as Record<PresetName, TSESLint.FlatConfig.ConfigArray>;

const plugin = {
  meta: { name: PLUGIN_NAME, version: PLUGIN_VERSION, namespace: '@mwsguard' },
  rules,
  processors: { 'config-files': configFilesProcessor },
  configs,
};

// Presets refer to the plugin object itself, so they are filled in once it exists.
Object.assign(configs, {
  recommended: createPreset('recommended', plugin as TSESLint.FlatConfig.Plugin),
  strict: createPreset('strict', plugin as TSESLint.FlatConfig.Plugin),
  all: createPreset('all', plugin as TSESLint.FlatConfig.Plugin),
} satisfies Record<PresetName, TSESLint.FlatConfig.ConfigArray>);

// `require('@mwsguard/eslint-plugin')` (Node's require of ES modules) returns the plugin itself.
export { plugin as 'module.exports' };
export default plugin;
