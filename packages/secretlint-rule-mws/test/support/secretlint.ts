import { lintSource } from '@secretlint/core';
import { creator as presetRecommend } from '@secretlint/secretlint-rule-preset-recommend';
import type {
  SecretLintConfigDescriptor,
  SecretLintCoreConfig,
  SecretLintCoreConfigUnionRule,
  SecretLintCoreResult,
  SecretLintUnionRuleCreator,
} from '@secretlint/types';
import { creator } from '@mwsguard/secretlint-rule-mws';

/**
 * The rules a test config may name, by id: ours, preset-recommend, and each rule inside the
 * preset (so a case can use `@secretlint/secretlint-rule-filter-comments` alone). Stands in for
 * the package resolution `@secretlint/config-loader` does in the CLI.
 */
const RULES = new Map<string, SecretLintUnionRuleCreator>([
  [creator.meta.id, creator],
  [presetRecommend.meta.id, presetRecommend],
  ...presetRecommend.rules.map((rule): [string, SecretLintUnionRuleCreator] => [
    rule.meta.id,
    rule as SecretLintUnionRuleCreator,
  ]),
]);

/** The config used when a case has no `.secretlintrc.json`: this rule alone, default options. */
const DEFAULT_DESCRIPTOR: SecretLintConfigDescriptor = { rules: [{ id: creator.meta.id }] };

/** Turns a `.secretlintrc.json` object into the loaded config `lintSource` takes. */
function loadConfig(descriptor: SecretLintConfigDescriptor): SecretLintCoreConfig {
  return {
    rules: descriptor.rules.map((entry): SecretLintCoreConfigUnionRule => {
      const rule = RULES.get(entry.id);
      if (!rule) throw new Error(`unknown rule id in test config: ${entry.id}`);
      return { ...entry, rule } as SecretLintCoreConfigUnionRule;
    }),
  };
}

/** Options of {@link lint}. */
export interface LintOptions {
  readonly descriptor?: SecretLintConfigDescriptor;
  readonly maskSecrets?: boolean;
  readonly locale?: string;
}

/** Lints one text with `@secretlint/core` 13, as the CLI does for one file. */
export function lint(content: string, filePath: string, options: LintOptions = {}): Promise<SecretLintCoreResult> {
  return lintSource({
    source: { content, filePath, contentType: 'text' },
    options: {
      config: loadConfig(options.descriptor ?? DEFAULT_DESCRIPTOR),
      maskSecrets: options.maskSecrets ?? false,
      locale: options.locale ?? 'en',
    },
  });
}
