/**
 * Kind completeness (in the style of typescript-eslint's docs tests): every kind in core's
 * `KINDS` must be documented and wired into every surface that lists kinds. A new kind that
 * misses one of these places fails here, naming the place; CONTRIBUTING.md ("Add a kind") lists
 * the same places in the same order.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { KINDS, KIND_INFO, renderMessage, renderRecommendation } from '@mwsguard/core';
import { MESSAGE_IDS } from '@mwsguard/secretlint-rule-mws';
import { describe, expect, it } from 'vitest';
import { explanationTexts } from '../packages/mwsguard/src/explain.js';
import { FORMATTERS } from '../packages/mwsguard/src/formatters/index.js';

const root = (path: string): string => fileURLToPath(new URL(`../${path}`, import.meta.url));
const read = (path: string): string => readFileSync(root(path), 'utf8');

const SCHEMA = JSON.parse(read('packages/mwsguard/schema/mwsguard.config.schema.json')) as {
  properties: { severity: { properties: Record<string, unknown> } };
};
const SECRETLINT_README = read('packages/secretlint-rule-mws/README.md');
const SARIF = JSON.parse(FORMATTERS.sarif({ findings: [], filesScanned: 0, filesSkipped: 0 }, { color: false })) as {
  runs: { tool: { driver: { rules: { id: string; helpUri?: string; shortDescription?: { text: string } }[] } } }[];
};
const SARIF_RULES = SARIF.runs[0]?.tool.driver.rules ?? [];
const CJK = /[\u4e00-\u9fff]/;

describe.each(KINDS)('kind %s', (kind) => {
  it(`has a docs page, docs/kinds/${kind}.md, that core links to`, () => {
    expect(existsSync(root(`docs/kinds/${kind}.md`)), `docs/kinds/${kind}.md is missing`).toBe(true);
    expect(read(`docs/kinds/${kind}.md`)).toMatch(/^# /);
    expect(KIND_INFO[kind].docsUrl).toMatch(new RegExp(`/docs/kinds/${kind}\\.md$`));
  });

  it('has severity.<kind> in the CLI config schema', () => {
    expect(Object.keys(SCHEMA.properties.severity.properties)).toContain(kind);
  });

  it("has a heading for its message id in the secretlint rule's README", () => {
    const id = MESSAGE_IDS[kind];
    expect(id, `MESSAGE_IDS['${kind}'] is missing`).toMatch(/^(?:[A-Z][a-z]+)+$/);
    expect(SECRETLINT_README).toMatch(new RegExp(`^### ${id}$`, 'm'));
  });

  it.each([
    ['en', /\S/],
    ['zh-CN', CJK],
  ])('has an explanation, a title and a description in %s', (locale, script) => {
    const texts = explanationTexts(locale);
    const explanation = texts.explanations[kind];
    expect(explanation.kind).toBe(kind);
    for (const text of [
      explanation.what,
      explanation.why,
      explanation.pattern,
      explanation.spApi,
      texts.titles[kind],
    ]) {
      expect(text).toMatch(script);
    }
    expect(explanation.rotate.length).toBeGreaterThan(0);
    expect(texts.descriptions[kind].trim()).not.toBe('');
  });

  it.each([
    ['en', /\S/],
    ['zh-CN', CJK],
  ])("has a message and a recommendation in core's table in %s", (locale, script) => {
    const facts = { kind, severity: KIND_INFO[kind].defaultSeverity, masked: 'AKIA…', mws: true } as const;
    for (const text of [renderMessage(facts, locale), renderRecommendation(kind, locale)]) {
      expect(text).toMatch(script);
    }
  });

  it('is a rule of the SARIF rule table, with its description and docs link', () => {
    const rule = SARIF_RULES.find((r) => r.id === KIND_INFO[kind].ruleId);
    expect(rule, `SARIF tool.driver.rules has no ${KIND_INFO[kind].ruleId}`).toBeDefined();
    expect(rule?.helpUri).toBe(KIND_INFO[kind].docsUrl);
    expect(rule?.shortDescription?.text.trim()).not.toBe('');
  });
});
