import { KINDS, KIND_INFO, isKind, resolveLocale } from '@mwsguard/core';
import type { Kind } from '@mwsguard/core';
import { EN } from './explanations/en.js';
import type { ExplanationTexts } from './explanations/types.js';
import { ZH_CN } from './explanations/zh-cn.js';
import { wrap } from './wrap.js';

export type { Explanation, ExplanationTexts } from './explanations/types.js';

/** The English explanations, keyed by kind. */
export const EXPLANATIONS = EN.explanations;

/** The texts in `locale` (`zh`, `zh-CN`, `zh-Hans` → Simplified Chinese); anything else: English. */
export function explanationTexts(locale?: string): ExplanationTexts {
  return resolveLocale(locale) === 'zh-CN' ? ZH_CN : EN;
}

/** Resolves `secret-key` or `mwsguard/secret-key` to a kind; `undefined` for anything else. */
export function resolveKind(name: string): Kind | undefined {
  const bare = name.startsWith('mwsguard/') ? name.slice('mwsguard/'.length) : name;
  return isKind(bare) ? bare : undefined;
}

/** One paragraph: what leaked and why it matters (SARIF `fullDescription`, GitLab `description`). */
export function fullDescription(kind: Kind, locale?: string): string {
  const e = explanationTexts(locale).explanations[kind];
  return `${e.what} ${e.why}`;
}

/** The `mwsguard explain` text for a kind, wrapped for a terminal (by display width). */
export function renderExplanation(kind: Kind, locale?: string): string {
  const t = explanationTexts(locale);
  const e = t.explanations[kind];
  const info = KIND_INFO[kind];
  const h = t.headings;
  const severity = h.defaultSeverity.replace('{{ severity }}', info.defaultSeverity);
  const sections = [
    `${info.ruleId}: ${t.titles[kind]}${severity}`,
    section(h.what, e.what),
    section(h.why, e.why),
    [h.rotate, ...e.rotate.map((step, i) => numbered(i + 1, step))].join('\n'),
    section(h.pattern, e.pattern),
    section(h.spApi, e.spApi),
    `${h.more}${info.docsUrl}`,
  ];
  return `${sections.join('\n\n')}\n`;
}

/** The same guidance as Markdown (SARIF `help.markdown`). */
export function renderExplanationMarkdown(kind: Kind, locale?: string): string {
  const t = explanationTexts(locale);
  const e = t.explanations[kind];
  const h = t.headings;
  const bold = (heading: string): string => `**${heading}${h.headingEnd}**`;
  return [
    `${bold(h.what)} ${e.what}`,
    `${bold(h.why)} ${e.why}`,
    `${bold(h.rotate)}\n\n${e.rotate.map((s, i) => `${String(i + 1)}. ${s}`).join('\n')}`,
    `${bold(h.pattern)} ${e.pattern}`,
    `${bold(h.spApi)} ${e.spApi}`,
    `[${h.fullDocumentation}](${KIND_INFO[kind].docsUrl})`,
  ].join('\n\n');
}

/** The list printed by `mwsguard explain` without an argument. */
export function renderKindList(locale?: string): string {
  const t = explanationTexts(locale);
  const width = Math.max(...KINDS.map((k) => k.length));
  const rows = KINDS.map((k) => `  ${k.padEnd(width)}  ${t.descriptions[k]}`);
  return `${t.headings.usage}\n\n${t.headings.kinds}\n${rows.join('\n')}\n`;
}

const WIDTH = 100;

function section(title: string, body: string): string {
  return [title, ...wrap(body, WIDTH - 2).map((l) => `  ${l}`)].join('\n');
}

function numbered(n: number, body: string): string {
  const [first = '', ...rest] = wrap(body, WIDTH - 5);
  return [`  ${String(n)}. ${first}`, ...rest.map((l) => `     ${l}`)].join('\n');
}
