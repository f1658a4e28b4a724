import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import type { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';

// Editors show a rule's message in a hover and ESLint's stylish output pads every line to the
// longest one: each message is one sentence, at most 160 characters, the advice on the rule's
// docs page. Checked on every JS/TS file of the labelled corpus and the plugin's fixture project,
// and on made-up code with names far longer than anyone writes, in every locale.
const MAX = 160;
const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const SOURCE = /\.[cm]?[jt]sx?$/;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return SOURCE.test(name) ? [path] : [];
  });
}

const LONG = 'x'.repeat(40);
const SECRET = 'Kq7Zr1nV0bXwP3yH8sL5tA2mD9fG4jC6eU/oI+Rw';
const SYNTHETIC: Readonly<Record<string, string>> = {
  'long-names.ts': `interface Seller_${LONG}_Account {\n  seller_id_${LONG}: string;\n  access_key_id_${LONG}: string;\n  secret_key_${LONG}: string;\n  other_secret_key_${LONG}: string;\n  mws_access_key_${LONG}: string;\n}\n`,
  'long-seller.js': `const MWS = require('amazon-mws');\nconst mws = new MWS(process.env.K, process.env.S);\nmws.orders.search({ Version: '2013-09-01', Action: 'ListOrders', SellerId: sellers[${'a'.repeat(200)}].sellerId });\n`,
  // Requests without a token in the other shapes core reads, with long seller expressions.
  'long-url.js': `const url = \`https://mws.amazonservices.com/?Action=ListOrders&SellerId=\${stores[${'b'.repeat(200)}].id}\`;\n`,
  'long-setter.js': `for (const s of stores) {\n  params.append('AWSAccessKeyId', process.env.K);\n  params.append('SellerId', s.${'c'.repeat(200)});\n}\n`,
  'long-client.js': `const client = new HttpClient({ sellerId: tenant.${'d'.repeat(200)}, mwsAuthToken: '' });\n`,
  'values.js': `module.exports = {\n  accessKeyId: 'AKIA2OGYBAH6Q7KD4XZM',\n  secretKey: '${SECRET}',\n  lwaClientSecret: 'amzn1.oa2-cs.v1.${'3f'.repeat(32)}',\n  refreshToken: 'Atzr|${'IwEBI'.repeat(60)}',\n  mwsAuthToken: 'amzn.mws.0b2a6c1e-7f3d-4e58-9a61-2c4d8e9f0a17',\n};\n`,
};

const FILES: readonly { name: string; text: string }[] = [
  ...[...sources(join(REPO, 'test/fixtures/corpus')), ...sources(join(REPO, 'test/eslint-plugin/fixtures/project/src'))]
    .filter((path) => !path.endsWith('eslint.config.js'))
    .map((path) => ({ name: relative(REPO, path), text: readFileSync(path, 'utf8') })),
  ...Object.entries(SYNTHETIC).map(([name, text]) => ({ name, text })),
];

function lint(locale: string): { file: string; message: string; rule: string | null }[] {
  const linter = new Linter();
  const rules: Linter.RulesRecord = Object.fromEntries(
    Object.keys(plugin.rules).map((name): [string, Linter.RuleEntry] => [`@mwsguard/${name}`, ['error', { locale }]]),
  );
  const config: Linter.Config[] = [
    {
      files: ['**/*.{js,cjs,mjs,jsx,ts,cts,mts,tsx}'],
      // typescript-eslint's rule types and ESLint's plugin type do not overlap; the rules run as is.
      plugins: { '@mwsguard': plugin as unknown as ESLint.Plugin },
      languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
      rules,
    },
  ];
  return FILES.flatMap(({ name, text }) =>
    linter.verify(text, config, { filename: name }).map((m) => ({ file: name, message: m.message, rule: m.ruleId })),
  );
}

describe('ESLint messages', () => {
  it.each(['en', 'zh-CN'])('%s: every message is at most 160 characters', (locale) => {
    const messages = lint(locale);
    // The corpus gives every rule something to say; the synthetic files give the longest names.
    expect(messages.filter((m) => m.rule === null)).toEqual([]);
    const quiet = Object.keys(plugin.rules).filter(
      (rule) => messages.filter((m) => m.rule === `@mwsguard/${rule}`).length < 4,
    );
    expect(quiet).toEqual([]);
    const tooLong = messages.filter((m) => m.message.length > MAX);
    expect(tooLong).toEqual([]);
    expect(Object.keys(SYNTHETIC).filter((file) => !messages.some((m) => m.file === file))).toEqual([]);
  });
});
