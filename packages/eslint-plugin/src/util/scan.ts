import { scanWithAllow } from '@mwsguard/core';
import type { Finding } from '@mwsguard/core';
import type { TSESLint } from '@typescript-eslint/utils';
import { scanPath } from './file.js';

// One core scan per file, shared by the rules that read it. Keyed by the file's SourceCode
// object, so an entry lives exactly as long as ESLint holds that file: nothing is kept across files.
const SCANS = new WeakMap<object, { readonly path: string; readonly findings: readonly Finding[] }>();

/** Every finding core makes in the file being linted, as `mwsguard scan` would for that path. */
export function scanFile(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): readonly Finding[] {
  const { sourceCode } = context;
  const path = scanPath(context);
  const cached = SCANS.get(sourceCode);
  if (cached?.path === path) return cached.findings;
  // `mwsguard-ignore` directives suppress on every surface, as in the CLI (ESLint's own
  // disable comments work as well). Each rule then applies its own allow options.
  const findings = scanWithAllow(sourceCode.text, { path }).reported;
  SCANS.set(sourceCode, { path, findings });
  return findings;
}
