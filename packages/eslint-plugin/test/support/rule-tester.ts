/**
 * Runs one table of cases on ESLint 10 (`@typescript-eslint/rule-tester`) and ESLint 9 (its own
 * `RuleTester`, from the `eslint9` alias), each with espree and with `@typescript-eslint/parser`.
 */
import { RuleTester as TsRuleTester } from '@typescript-eslint/rule-tester';
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import tsParser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';
import { RuleTester as Eslint9RuleTester } from 'eslint9';
import type { Rule } from 'eslint9';
import * as espree from 'espree';
import { afterAll, describe, it } from 'vitest';

TsRuleTester.afterAll = afterAll;
TsRuleTester.describe = describe;
TsRuleTester.it = it;
TsRuleTester.itOnly = it.only;
Eslint9RuleTester.describe = describe;
Eslint9RuleTester.it = it;
Eslint9RuleTester.itOnly = it.only;

/** A case shared by every ESLint major and parser. `ts: true` cases use TypeScript syntax. */
export interface Case {
  readonly code: string;
  readonly name?: string;
  readonly filename?: string;
  readonly options?: readonly unknown[];
  /** TypeScript syntax: runs with `@typescript-eslint/parser` only. */
  readonly ts?: boolean;
  /** JSX syntax. */
  readonly jsx?: boolean;
}

/** An expected report; every position is required. */
interface ExpectedError<MessageIds extends string> {
  readonly messageId: MessageIds;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  /** The message's placeholders: checks the rendered text (core's sentence in the chosen locale). */
  readonly data?: Readonly<Record<string, string>>;
  readonly suggestions?: readonly { messageId: MessageIds; data?: Record<string, string>; output: string }[];
}

export interface InvalidCase<MessageIds extends string> extends Case {
  readonly errors: readonly ExpectedError<MessageIds>[];
}

type Parser = 'espree' | 'typescript';

function filenameOf(c: Case, parser: Parser): string {
  if (c.filename !== undefined) return c.filename;
  if (parser === 'typescript') return c.jsx === true ? 'file.tsx' : 'file.ts';
  return c.jsx === true ? 'file.jsx' : 'file.js';
}

function languageOptions(c: Case, parser: Parser): TSESLint.FlatConfig.LanguageOptions {
  return {
    parser: parser === 'typescript' ? tsParser : espree,
    ecmaVersion: 'latest',
    sourceType: 'module',
    parserOptions: { ecmaFeatures: { jsx: c.jsx === true } },
  };
}

function applies(c: Case, parser: Parser): boolean {
  return parser === 'typescript' || c.ts !== true;
}

/**
 * Runs `valid` and `invalid` on both ESLint majors and both parsers (TypeScript-only cases on the
 * TypeScript parser only).
 */
export function runRuleTests<MessageIds extends string, Options extends readonly unknown[]>(
  name: string,
  rule: TSESLint.RuleModule<MessageIds, Options>,
  tests: { valid: readonly Case[]; invalid: readonly InvalidCase<MessageIds>[] },
): void {
  for (const parser of ['espree', 'typescript'] as const) {
    describe(`ESLint 10, ${parser}`, () => {
      const tester = new TsRuleTester();
      // rule-tester 8.72 types its own copy of @typescript-eslint/utils (8.74 here): same shape.
      tester.run<MessageIds, Options>(name, rule as never, {
        valid: tests.valid
          .filter((c) => applies(c, parser))
          .map((c): ValidTestCase<Options> => ({
            code: c.code,
            ...(c.name === undefined ? {} : { name: c.name }),
            ...(c.options === undefined ? {} : { options: c.options as unknown as Options }),
            filename: filenameOf(c, parser),
            languageOptions: languageOptions(c, parser),
          })),
        invalid: tests.invalid
          .filter((c) => applies(c, parser))
          .map((c): InvalidTestCase<MessageIds, Options> => ({
            code: c.code,
            ...(c.name === undefined ? {} : { name: c.name }),
            ...(c.options === undefined ? {} : { options: c.options as unknown as Options }),
            filename: filenameOf(c, parser),
            languageOptions: languageOptions(c, parser),
            errors: c.errors.map((e) => ({ ...e, suggestions: e.suggestions ?? [] })),
          })),
      });
    });
    describe(`ESLint 9, ${parser}`, () => {
      const tester = new Eslint9RuleTester();
      tester.run(name, rule as unknown as Rule.RuleModule, {
        valid: tests.valid
          .filter((c) => applies(c, parser))
          .map((c) => ({
            code: c.code,
            ...(c.name === undefined ? {} : { name: c.name }),
            ...(c.options === undefined ? {} : { options: [...c.options] }),
            filename: filenameOf(c, parser),
            languageOptions: languageOptions(c, parser) as never,
          })),
        invalid: tests.invalid
          .filter((c) => applies(c, parser))
          .map((c) => ({
            code: c.code,
            ...(c.name === undefined ? {} : { name: c.name }),
            ...(c.options === undefined ? {} : { options: [...c.options] }),
            filename: filenameOf(c, parser),
            languageOptions: languageOptions(c, parser) as never,
            errors: c.errors.map((e) => ({
              ...e,
              suggestions: e.suggestions?.map((s) => ({ ...s })) ?? [],
            })),
          })),
      });
    });
  }
}
