// The plugin's published type, written with ESLint's own types (ESLint is a peer dependency), so
// `defineConfig(mwsguard.configs.recommended)`, `plugins: { '@mwsguard': mwsguard }`, `extends`
// and `Linter.Config[]` accept it without casts, and the published declarations name no
// typescript-eslint types (that package is a development dependency only).
import type { ESLint, Linter, Rule } from 'eslint';
import type { RuleName } from './rule-names.js';

/** The preset names. */
export type PresetName = 'recommended' | 'strict' | 'all';

/** `@mwsguard/eslint-plugin`: rules, the `config-files` processor and the flat-config presets. */
export interface MwsguardPlugin extends ESLint.Plugin {
  meta: { name: string; version: string; namespace: string };
  rules: Record<RuleName, Rule.RuleModule>;
  processors: { 'config-files': Linter.Processor };
  /** Each preset is an array of flat config objects: spread it, or pass it to `defineConfig`. */
  configs: Record<PresetName, Linter.Config[]>;
}
