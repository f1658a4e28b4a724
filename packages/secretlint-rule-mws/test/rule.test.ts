import { readFileSync } from 'node:fs';
import { KINDS, scanText } from '@mwsguard/core';
import { creator, DOCS_URL, MESSAGE_IDS, RULE_ID } from '@mwsguard/secretlint-rule-mws';
import { describe, expect, it } from 'vitest';
import { ACCESS_KEY_ID, MWS_AUTH_TOKEN, SECRET_KEY } from './support/fake-credentials.js';
import { lint } from './support/secretlint.js';
import { ALLOW_SOURCE, ALLOWED, REPORTED_LINES } from '../../../test/support/allow-policy.js';

const PACKAGE_JSON = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  name: string;
};
const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

const CREDENTIALS = `[default]\naws_access_key_id = ${ACCESS_KEY_ID}\naws_secret_access_key = ${SECRET_KEY}\n`;
const TYPE_A_SQL =
  'CREATE TABLE sellers (\n  seller_id VARCHAR(20),\n  mws_access_key VARCHAR(20),\n  mws_secret_key VARCHAR(40)\n);\n';

const WITH_AWS_RULE = {
  rules: [
    { id: RULE_ID },
    {
      id: '@secretlint/secretlint-rule-preset-recommend',
      rules: [{ id: '@secretlint/secretlint-rule-aws', options: { enableIDScanRule: true } }],
    },
  ],
};

describe('meta', () => {
  it('is a text scanner named after its package, documented in its README', () => {
    expect(creator.meta).toEqual({
      id: PACKAGE_JSON.name,
      type: 'scanner',
      recommended: true,
      supportedContentTypes: ['text'],
      docs: { url: DOCS_URL },
    });
    expect(DOCS_URL).toMatch(/\/packages\/secretlint-rule-mws\/README\.md$/);
  });

  it('has one PascalCase message id per kind, each with an English message and a README heading', () => {
    expect(Object.keys(MESSAGE_IDS)).toEqual([...KINDS]);
    const ids = Object.values(MESSAGE_IDS);
    expect(new Set(ids).size).toBe(KINDS.length);
    expect(Object.keys(creator.messages).sort()).toEqual([...ids].sort());
    for (const id of ids) {
      expect(id).toMatch(/^(?:[A-Z][a-z]+)+$/);
      expect(creator.messages[id]?.en({ en: 'core text', zh: '核心文本' })).toBe('core text');
      expect(creator.messages[id]?.zh?.({ en: 'core text', zh: '核心文本' })).toBe('核心文本');
      expect(README).toMatch(new RegExp(`^### ${id}$`, 'm'));
    }
  });

  it('documents every option with its default in the README', () => {
    for (const option of ['allows', 'kinds']) expect(README).toMatch(new RegExp(`^### ${option}$`, 'm'));
    expect(README).toMatch(/Default: `\[\]`/);
    expect(README).toMatch(/Default: all kinds/);
  });
});

describe('reports', () => {
  it("reports core's findings at core's offsets, with core's messages unchanged", async () => {
    const result = await lint(CREDENTIALS, '/project/credentials');
    const findings = scanText(CREDENTIALS, { path: '/project/credentials' });
    expect(findings).toHaveLength(2);
    expect(result.messages).toHaveLength(2);
    result.messages.forEach((message, i) => {
      const finding = findings[i]!;
      expect(message).toMatchObject({
        ruleId: RULE_ID,
        messageId: MESSAGE_IDS[finding.kind],
        message: finding.message,
        range: [finding.offset, finding.endOffset],
        loc: {
          start: { line: finding.line, column: finding.column - 1 },
          end: { line: finding.endLine, column: finding.endColumn - 1 },
        },
        data: { secret: finding.secret },
        docsUrl: `${DOCS_URL}#${MESSAGE_IDS[finding.kind]}`,
        severity: 'error',
      });
    });
  });

  it("renders core's Simplified Chinese text for secretlint's zh locales", async () => {
    for (const locale of ['zh', 'zh-CN']) {
      const [first] = (await lint(CREDENTIALS, 'credentials', { locale })).messages;
      expect(first?.message).toMatch(/^硬编码的 AWS 访问密钥 ID/);
    }
  });

  it("falls back to core's English text for another secretlint locale", async () => {
    const [en] = (await lint(CREDENTIALS, 'credentials')).messages;
    const [ja] = (await lint(CREDENTIALS, 'credentials', { locale: 'ja' })).messages;
    expect(ja?.message).toBe(en?.message);
  });

  it("lets secretlint's maskSecrets star out the masked value and nothing else", async () => {
    const result = await lint(`${CREDENTIALS}${TYPE_A_SQL}`, 'mixed.sql', { maskSecrets: true });
    const byId = new Map(result.messages.map((m) => [m.messageId, m]));
    expect(byId.get('AccessKeyId')?.message).toBe(
      `Hard-coded MWS access key ID ${'*'.repeat(20)}: rotate the key pair and read it from the environment.`,
    );
    expect(byId.get('AccessKeyId')?.data).toEqual({ secret: '*'.repeat(20) });
    expect(byId.get('SecretKey')?.message).toBe(
      `Hard-coded MWS secret key ${'*'.repeat(40)}: rotate the key pair now and read it from the environment.`,
    );
    // A field name is not a secret: shared-credentials messages carry no data and stay readable.
    expect(byId.get('SharedCredentials')?.message).toContain('mws_secret_key (type A)');
    expect(byId.get('SharedCredentials')?.data).toBeUndefined();
  });

  it('reports the exact span of each credential, so --format=mask-result hides exactly it', async () => {
    const content = `token: ${MWS_AUTH_TOKEN} # prod\n`;
    const [message] = (await lint(content, 'a.yml')).messages;
    expect(content.slice(...message!.range)).toBe(MWS_AUTH_TOKEN);
  });
});

describe('next to @secretlint/secretlint-rule-aws', () => {
  it('drops the AWS rule report of a credential this rule reports, wherever the AWS match starts', async () => {
    const yaml = `aws:\n  aws_secret_access_key:\n    ${SECRET_KEY}\n  id: ${ACCESS_KEY_ID}\n`;
    const json = `{ "aws_secret_access_key": "${SECRET_KEY}", "x": 1 }\n`;
    for (const [content, file] of [
      [yaml, 'a.yml'],
      [json, 'a.json'],
      [CREDENTIALS, 'credentials'],
    ] as const) {
      const alone = await lint(content, file, { descriptor: { rules: WITH_AWS_RULE.rules.slice(1) } });
      expect(alone.messages.map((m) => m.ruleId)).toContain('@secretlint/secretlint-rule-aws');
      const both = await lint(content, file, { descriptor: WITH_AWS_RULE });
      expect(both.messages.map((m) => m.ruleId)).not.toContain('@secretlint/secretlint-rule-aws');
      expect(both.messages.length).toBe(alone.messages.length);
    }
  });

  it('leaves the AWS rule report of a value this rule was told to allow', async () => {
    const descriptor = {
      rules: [{ id: RULE_ID, options: { allows: [SECRET_KEY] } }, ...WITH_AWS_RULE.rules.slice(1)],
    };
    const result = await lint(CREDENTIALS, 'credentials', { descriptor });
    expect(result.messages.map((m) => [m.ruleId, m.messageId])).toEqual([
      [RULE_ID, 'AccessKeyId'],
      ['@secretlint/secretlint-rule-aws', 'AWSSecretAccessKey'],
    ]);
  });
});

describe('options', () => {
  const withOptions = (options: object) => ({ descriptor: { rules: [{ id: RULE_ID, options }] } });

  it('accepts allows by value, by /RegExp/flags and by fingerprint', async () => {
    const [fingerprint] = scanText(CREDENTIALS).map((f) => f.fingerprint);
    for (const allows of [[ACCESS_KEY_ID], ['/^akia/i'], [fingerprint!]]) {
      const result = await lint(CREDENTIALS, 'credentials', withOptions({ allows }));
      expect(result.messages.map((m) => m.messageId)).toEqual(['SecretKey']);
    }
  });

  it("maps allows onto core's one policy: inline directive, value, fingerprint", async () => {
    // test/support/allow-policy.ts: the same case every surface decides alike.
    const allows = [...ALLOWED.values, ...ALLOWED.patterns.map((p) => `/${p}/`), ...ALLOWED.fingerprints];
    const result = await lint(ALLOW_SOURCE, 'keys.js', withOptions({ allows }));
    expect(result.messages.map((m) => m.loc.start.line)).toEqual(REPORTED_LINES);
  });

  it('matches a plain allows entry against the whole value only', async () => {
    const result = await lint(
      CREDENTIALS,
      'credentials',
      withOptions({ allows: ['AKIA', ACCESS_KEY_ID.slice(0, 19)] }),
    );
    expect(result.messages).toHaveLength(2);
  });

  it.each([
    [{ kinds: ['secret-keys'] }, /unknown kind "secret-keys" in options\.kinds; known kinds: access-key-id, /],
    [{ kinds: 'secret-key' }, /options\.kinds must be an array/],
    [{ allows: 'AKIA' }, /options\.allows must be an array of strings/],
    [{ allows: ['/(/'] }, /options\.allows entry \/\(\/ is not a valid RegExp/],
    [{ allow: [] }, /unknown option "allow"; known options: allows, kinds/],
  ])('rejects %j', async (options, error) => {
    // lintSource creates rules before it returns its promise: a throwing `create` throws there.
    await expect(Promise.resolve().then(() => lint(CREDENTIALS, 'credentials', withOptions(options)))).rejects.toThrow(
      error,
    );
  });
});
