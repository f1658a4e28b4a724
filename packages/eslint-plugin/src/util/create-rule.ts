import { DOCS_BASE_URL } from '@mwsguard/core';
import { ESLintUtils } from '@typescript-eslint/utils';

/** The preset a rule belongs to: `recommended` rules are also in `strict` and `all`. */
type RulePreset = 'recommended' | 'strict';

/** Documentation fields every mwsguard rule declares. */
export interface MwsguardRuleDocs {
  /** Opens with Disallow, Require or Enforce; no trailing period. */
  readonly description: string;
  /** The least strict preset that turns the rule on. */
  readonly recommended: RulePreset;
}

/** The docs page of a rule: `docs/rules/<name>.md`, next to the kind pages. */
export function ruleDocsUrl(name: string): string {
  return `${DOCS_BASE_URL}/rules/${name}.md`;
}

/**
 * `RuleCreator` with mwsguard's docs interface and URL builder. Rules read their options from
 * `create`'s second argument, where `meta.defaultOptions` are already merged in.
 */
export const createRule = ESLintUtils.RuleCreator<MwsguardRuleDocs>(ruleDocsUrl);
