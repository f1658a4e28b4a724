/**
 * @mwsguard/eslint-plugin: ESLint rules that find hard-coded and shared Amazon MWS / SP-API
 * credentials in code and config files. Every decision is made by `@mwsguard/core`; the rules
 * map AST nodes and positions.
 */
import type { Rule } from 'eslint';
import { createPreset } from './configs/index.js';
import { configFilesProcessor } from './processor.js';
import type { RuleName } from './rule-names.js';
import { rules } from './rules/index.js';
import type { MwsguardPlugin, PresetName } from './types.js';
import { PLUGIN_NAME, PLUGIN_VERSION } from './util/package.js';

export type {
  HardCodedKind,
  NoHardcodedCredentialsOptions,
  NoSharedSellerCredentialsOptions,
  RequireMwsAuthTokenOptions,
} from './options.js';
export type { RuleName } from './rule-names.js';
export type { MwsguardPlugin, PresetName } from './types.js';

const plugin: MwsguardPlugin = {
  meta: { name: PLUGIN_NAME, version: PLUGIN_VERSION, namespace: '@mwsguard' },
  // The rules are written against typescript-eslint's stricter AST types; ESLint runs them as
  // ordinary rule modules, which is the type users see.
  rules: rules as unknown as Record<RuleName, Rule.RuleModule>,
  processors: { 'config-files': configFilesProcessor },
  configs: {} as Record<PresetName, never>,
};

// Presets refer to the plugin object itself, so they are filled in once it exists.
plugin.configs = {
  recommended: createPreset('recommended', plugin),
  strict: createPreset('strict', plugin),
  all: createPreset('all', plugin),
};

// `require('@mwsguard/eslint-plugin')` (Node's require of ES modules) returns the plugin itself.
export { plugin as 'module.exports' };
export default plugin;
