// Every ❌ example in docs/rules/ reports (its own rule), every ✅ example is clean; option
// examples marked `// reported` report, the others are clean.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../packages/eslint-plugin/src/index.js';

const docsDir = fileURLToPath(new URL('../../docs/rules', import.meta.url));

interface Example {
  readonly section: string;
  readonly expect: 'reports' | 'clean';
  readonly lang: string;
  readonly filename: string;
  readonly code: string;
  readonly line: number;
}

const EXTENSIONS: Readonly<Record<string, string>> = { js: 'js', ts: 'ts', tsx: 'tsx', jsx: 'jsx' };

function examples(markdown: string): Example[] {
  const out: Example[] = [];
  let section = '';
  let heading = '';
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.startsWith('## ')) section = line.slice(3);
    if (line.startsWith('#')) heading = line;
    const fence = /^```(\w+)(?:\s+title="([^"]+)")?\s*$/.exec(line);
    if (!fence) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && lines[i] !== '```'; i++) body.push(lines[i] ?? '');
    const lang = fence[1] ?? '';
    const code = `${body.join('\n')}\n`;
    const ext = EXTENSIONS[lang];
    if (ext === undefined && fence[2] === undefined) continue; // shell, JSON options, globs
    if (section === 'Examples' && !heading.includes('❌') && !heading.includes('✅')) continue;
    if (section !== 'Examples' && section !== 'Options') continue;
    const reports = section === 'Examples' ? heading.includes('❌') : code.includes('// reported');
    out.push({
      section,
      expect: reports ? 'reports' : 'clean',
      lang,
      filename: fence[2] ?? `example.${ext ?? lang}`,
      code,
      line: start + 1,
    });
  }
  return out;
}

const config = [
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } },
  },
  { files: ['**/*.jsx'], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
  ...plugin.configs.recommended,
];

const docs = readdirSync(docsDir).filter((f) => f.endsWith('.md'));

it('documents every rule, and only rules', () => {
  expect(docs.map((f) => f.replace(/\.md$/, '')).sort()).toEqual(Object.keys(plugin.rules).sort());
});

describe.each(docs)('docs/rules/%s', (file) => {
  const rule = `@mwsguard/${file.replace(/\.md$/, '')}`;
  const found = examples(readFileSync(join(docsDir, file), 'utf8'));

  it('has ❌ and ✅ examples', () => {
    expect(found.filter((e) => e.section === 'Examples' && e.expect === 'reports').length).toBeGreaterThan(0);
    expect(found.filter((e) => e.section === 'Examples' && e.expect === 'clean').length).toBeGreaterThan(0);
  });

  it.each(found.map((e) => [`line ${String(e.line)} (${e.section}, ${e.expect})`, e] as const))('%s', (_, example) => {
    // The ESLint class lints every block a config matches; Linter defaults to `.js` blocks only.
    const messages = new Linter().verify(example.code, config, {
      filename: example.filename,
      filterCodeBlock: () => true,
    });
    expect(messages.filter((m) => m.fatal === true)).toEqual([]);
    const outcome = messages.some((m) => m.ruleId === rule) ? 'reports' : messages.length === 0 ? 'clean' : 'other';
    expect({ outcome, messages }).toMatchObject({ outcome: example.expect });
  });
});
