import { DOCS_BASE_URL } from '@mwsguard/core';
import type { ESLintUtils, TSESLint } from '@typescript-eslint/utils';

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

/** Each mwsguard rule takes at most one options object, every field of which has a default. */
type ObjectOptions = readonly [object] | readonly [];

/** A rule as `createRule` returns it: typescript-eslint's rule shape with mwsguard's docs. */
export type MwsguardRule<Options extends ObjectOptions, MessageIds extends string> = TSESLint.RuleModule<
  MessageIds,
  Options,
  MwsguardRuleDocs
> & { name: string };

/**
 * The shape of typescript-eslint's `ESLintUtils.RuleCreator(ruleDocsUrl)`, written out here so the
 * plugin does not load `@typescript-eslint/utils` at run time (its index pulls in ~370 modules
 * and npm would install its `typescript` peer). Adds the docs URL, and hands `create` its options
 * with `meta.defaultOptions` merged in: each field the user leaves out keeps its default
 * (ESLint before 9.15 does not apply `meta.defaultOptions` itself).
 */
export function createRule<Options extends ObjectOptions, MessageIds extends string>(
  rule: Readonly<ESLintUtils.RuleWithMetaAndName<Options, MessageIds, MwsguardRuleDocs>>,
): MwsguardRule<Options, MessageIds> {
  const { name, meta, create } = rule;
  const defaults = meta.defaultOptions ?? ([] as unknown as Options);
  return {
    name,
    meta: { ...meta, docs: { ...meta.docs, url: ruleDocsUrl(name) } },
    create(context) {
      const options = defaults.map((fallback, i) => {
        const given: unknown = context.options[i];
        return isPlainObject(given) ? { ...fallback, ...given } : fallback;
      }) as unknown as Options;
      return create(context, options);
    },
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
