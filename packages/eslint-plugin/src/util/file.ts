import type { TSESLint } from '@typescript-eslint/utils';
import { projectPath } from '@mwsguard/core';

/**
 * File name of the virtual block the config-file processor hands to ESLint. The block's text is
 * the config file's text unchanged, so positions need no remapping.
 */
export const CONFIG_BLOCK_NAME = 'config.mwsguard';

/** Glob that matches config-file blocks (`app.yaml/0_config.mwsguard`). */
export const CONFIG_BLOCK_GLOB = '**/*.mwsguard';

/** True when ESLint is linting a config file through the `config-files` processor. */
function isConfigBlock(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): boolean {
  return context.filename !== context.physicalFilename && context.filename.endsWith(CONFIG_BLOCK_NAME);
}

/**
 * The path core scans the text as: the physical file for config blocks (`.env`, `credentials`),
 * the (virtual) file name for code, `input.js` for stdin, which ESLint parses as JavaScript.
 * Relative to ESLint's working directory, as the CLI's paths are to its own (`projectPath`).
 */
export function scanPath(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): string {
  if (isConfigBlock(context)) return projectPath(context.cwd, context.physicalFilename);
  return /^<\w+>$/.test(context.filename) ? 'input.js' : projectPath(context.cwd, context.filename);
}

// File-level facts come from core, so "MWS" vs "AWS" wording matches the CLI exactly.
export { textFacts } from '@mwsguard/core';
