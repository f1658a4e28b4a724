import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { REPO_ROOT } from '../../cli/support/run-cli.js';

interface JsYaml {
  loadAll(text: string): unknown[];
  load(text: string): unknown;
}

/** js-yaml, as installed for secretlint's config loader (no YAML parser of our own is needed). */
export function yaml(): JsYaml {
  const from = (path: string): NodeJS.Require => createRequire(path);
  const rule = from(join(REPO_ROOT, 'packages/secretlint-rule-mws/package.json'));
  const node = from(from(rule.resolve('secretlint/package.json')).resolve('@secretlint/node/package.json'));
  const loader = from(node.resolve('@secretlint/config-loader/package.json'));
  return from(loader.resolve('rc-config-loader/package.json'))('js-yaml') as JsYaml;
}

/** A YAML file of the repository, parsed. */
export const readYaml = (path: string): unknown => yaml().load(readFileSync(join(REPO_ROOT, path), 'utf8'));

/** Shorthand for walking parsed YAML in tests. */
export type Tree = Record<string, unknown>;
export const asTree = (value: unknown): Tree => value as Tree;
