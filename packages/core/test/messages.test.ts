import { describe, expect, it } from 'vitest';
import {
  KINDS,
  LOCALES,
  describeContainer,
  renderAdvice,
  renderFinding,
  renderMessage,
  renderNotice,
  renderRecommendation,
  resolveLocale,
  scanText,
} from '@mwsguard/core';
import type { MessageFacts, NoticeId } from '@mwsguard/core';

const KEY = 'AKIA2OGYBAH6Q7KD4XZM';

describe('message table', () => {
  it.each(LOCALES.flatMap((locale) => KINDS.map((kind) => [locale, kind] as const)))(
    '%s has a message and a recommendation for %s',
    (locale, kind) => {
      const message = renderMessage({ kind, severity: 'error', masked: 'AKIA************4XZM', mws: true }, locale);
      expect(message).toMatch(/\S/);
      expect(renderRecommendation(kind, locale).length).toBeGreaterThan(40);
    },
  );

  const NOTICES: readonly NoticeId[] = ['replace-with-env'];
  it.each(LOCALES.flatMap((locale) => NOTICES.map((id) => [locale, id] as const)))(
    '%s words the notice %s around its value',
    (locale, id) => {
      const notice = renderNotice(id, 'SELLER_VALUE', locale);
      expect(notice).toContain('SELLER_VALUE');
      expect(notice).not.toBe(renderNotice(id, 'SELLER_VALUE', locale === 'en' ? 'zh-CN' : 'en'));
    },
  );

  it('recommends the Seller ID + MWS Auth Token pattern in every locale', () => {
    expect(renderRecommendation('shared-credentials', 'en')).toMatch(
      /Authorize a developer.*Seller ID and MWS Auth Token/,
    );
    expect(renderRecommendation('shared-credentials', 'zh-CN')).toMatch(/授权开发者.*卖家 ID 和 MWS 授权令牌/);
  });

  it.each([
    ['zh', 'zh-CN'],
    ['zh_CN', 'zh-CN'],
    ['zh-Hans', 'zh-CN'],
    ['fr', 'en'],
    [undefined, 'en'],
  ])('resolves locale %s to %s', (input, expected) => {
    expect(resolveLocale(input)).toBe(expected);
  });

  it('renders findings in the requested locale, falling back to English', () => {
    const text = `AWSAccessKeyId=${KEY}`;
    expect(scanText(text, { locale: 'zh-CN' })[0]?.message).toBe(
      '硬编码的 MWS 访问密钥 ID AKIA************4XZM：请轮换该密钥对，并改为从环境变量读取。',
    );
    expect(scanText(text, { locale: 'de' })[0]?.message).toBe(
      'Hard-coded MWS access key ID AKIA************4XZM: rotate the key pair and read it from the environment.',
    );
  });
});

// The longest facts a message can be rendered from: the longest mask core produces (a public
// prefix, 32 stars, 4 characters) and names far longer than any a person writes.
const LONG_MASK = `amzn1.oa2-cs.v1.${'*'.repeat(32)}614d`;
const LONG_NAME = `seller_${'x'.repeat(200)}_secret_key`;
const LONGEST: readonly MessageFacts[] = KINDS.flatMap((kind) => {
  // Values are masked by core (at most 52 characters); a type-A finding shows a field name.
  const masked = kind === 'shared-credentials' ? LONG_NAME : LONG_MASK;
  return (['error', 'warning'] as const).flatMap((severity) => [
    { kind, severity, masked, mws: true },
    { kind, severity, masked, mws: true, detail: 'request' },
    { kind, severity, masked, mws: true, detail: 'missing-token', seller: LONG_NAME },
    {
      kind,
      severity,
      masked,
      mws: true,
      container: { type: 'table' as const, name: LONG_NAME },
      fields: [LONG_NAME, LONG_NAME, LONG_NAME, LONG_NAME, LONG_NAME],
      tokenField: LONG_NAME,
    },
  ]);
});

describe('message length', () => {
  it.each(LOCALES)('%s: every message is one sentence of at most 160 characters, whatever the names', (locale) => {
    const messages = LONGEST.map((facts) => ({ facts, message: renderMessage(facts, locale) }));
    expect(messages.filter(({ message }) => message.length > 160)).toEqual([]);
    expect(messages.filter(({ facts, message }) => !message.startsWith(renderFinding(facts, locale)))).toEqual([]);
  });

  it('keeps the missing-token message within 150 characters for a long seller expression', () => {
    for (const locale of LOCALES) {
      const facts: MessageFacts = {
        kind: 'shared-credentials',
        severity: 'error',
        masked: 'SellerId',
        mws: true,
        detail: 'missing-token',
        seller: LONG_NAME,
      };
      expect(renderMessage(facts, locale).length).toBeLessThanOrEqual(150);
    }
  });

  it('messages on typical findings stay near 120 characters', () => {
    const texts = [
      'AWSAccessKeyId=AKIA2OGYBAH6Q7KD4XZM\nMWS_SECRET_KEY=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',
      'CREATE TABLE amz_accounts (\n  seller_id VARCHAR(20),\n  access_key VARCHAR(20),\n  secret_key VARCHAR(40)\n);',
    ];
    const messages = texts.flatMap((text) => scanText(text, { path: 'x.sql' }).map((f) => f.message));
    expect(messages.length).toBeGreaterThan(2);
    expect(messages.filter((m) => m.length > 125)).toEqual([]);
  });
});

describe('type-A messages', () => {
  const facts = (extra: Partial<MessageFacts>): MessageFacts => ({
    kind: 'shared-credentials',
    severity: 'error',
    masked: 'secret_key',
    mws: true,
    ...extra,
  });

  it('name the container and the fields found in it', () => {
    const [finding] = scanText('CREATE TABLE amz_accounts (\n  seller_id VARCHAR(20),\n  secret_key VARCHAR(40)\n);', {
      path: 'schema.sql',
      kinds: ['shared-credentials'],
    });
    expect(finding?.message).toBe(
      "table amz_accounts stores sellers' secret_key (type A): store only the Seller ID and MWS Auth Token.",
    );
    expect(finding?.messageFacts).toMatchObject({ container: { type: 'table', name: 'amz_accounts' } });
  });

  it('say that the token of a hybrid record makes the keys unnecessary', () => {
    const hybrid = facts({
      container: { type: 'table', name: 'sellers' },
      fields: ['access_key', 'secret_key'],
      tokenField: 'mws_auth_token',
    });
    expect(renderMessage(hybrid)).toBe(
      "table sellers stores sellers' access_key and secret_key next to mws_auth_token (type A): the token makes the keys unnecessary; delete and rotate them.",
    );
    expect(renderMessage(hybrid, 'zh-CN')).toMatch(
      /数据表 sellers 在 mws_auth_token 旁保存了卖家的 access_key 和 secret_key（A 类）：有了令牌就不再需要这些密钥/,
    );
  });

  it('name at most three fields and fall back to the field name without a container', () => {
    expect(
      renderFinding(facts({ container: { type: 'class', name: 'Seller' }, fields: ['a', 'b', 'c', 'd', 'e'] })),
    ).toBe("class Seller stores sellers' a, b, c and 2 more (type A)");
    expect(renderFinding(facts({ source: 'seller-id' }))).toBe(
      `"secret_key" holds a seller's own MWS keys next to its seller ID (type A)`,
    );
  });

  it.each([
    [
      { source: 'seller-id' },
      `holds a seller's own MWS keys next to its seller ID`,
      '在卖家 ID 旁保存了卖家自己的 MWS 密钥',
    ],
    [
      { source: 'input' },
      `takes a seller's own MWS keys from submitted input`,
      '从提交的输入中获取卖家自己的 MWS 密钥',
    ],
    [
      { source: 'record' },
      `reads a seller's own MWS keys from a per-seller record`,
      '从按卖家保存的记录中读取卖家自己的 MWS 密钥',
    ],
    [{}, `holds a seller's own MWS keys`, '保存了卖家自己的 MWS 密钥'],
  ] as const)("without a container, say what shows the keys are a seller's: %j", (extra, en, zh) => {
    expect(renderFinding(facts(extra))).toBe(`"secret_key" ${en} (type A)`);
    expect(renderMessage(facts(extra), 'zh-CN')).toMatch(new RegExp(`^"secret_key" ${zh}（A 类）`));
  });

  it("gives an MWS text's client secret the MWS advice, an SP-API text's the SP-API advice", () => {
    const form = (extra: string): string =>
      [
        "Ext.define('App.view.settings.AmazonConnect', {",
        "  extend: 'Ext.form.Panel',",
        '  items: [',
        "    { fieldLabel: 'Seller Id', name: 'SellerId' },",
        "    { fieldLabel: 'AWS Access Key Id', name: 'AWSAccessKeyId' },",
        "    { fieldLabel: 'Client Secret', name: 'ClientSecret' },",
        extra,
        '  ],',
        '});',
        '',
      ].join('\n');
    const advice = (text: string): string[] =>
      scanText(text, { path: 'public/app/view/settings/setting.js', kinds: ['shared-credentials'] }).map(
        (f) => f.messageFacts.api ?? 'mws',
      );
    expect(advice(form("    { fieldLabel: 'MWS Auth Token', name: 'MWSAuthToken' },"))).toEqual(['mws']);
    expect(advice(form("    { fieldLabel: 'Refresh Token', name: 'RefreshToken' },"))).toEqual(['sp-api']);
  });

  it.each([
    ["$account->secret_key = $request->input('secret_key');\n", 'app/Http/Controllers/AmazonController.php', 'input'],
    [
      'const client = new MwsClient({ accessKeyId: seller.accessKeyId, secretKey: seller.secretKey });\n',
      'src/sync.ts',
      'record',
    ],
    [
      'client = MWSConnection(aws_access_key_id=acct.access_key, aws_secret_access_key=acct.secret_key, Merchant=acct.seller_id)\n',
      'sync.py',
      'seller-id',
    ],
  ] as const)('a record with no container tells its source: %s', (text, path, source) => {
    const findings = scanText(text, { path, kinds: ['shared-credentials'] });
    expect(findings.map((f) => f.messageFacts.source)).toEqual([source]);
  });

  it.each([
    [' CREATE TABLE sellers    ', { type: 'table', name: 'sellers' }],
    [' CREATE TABLE IF NOT EXISTS "public"."amazon_accounts" (  ', { type: 'table', name: 'public.amazon_accounts' }],
    ['  await db("seller_keys").insert ', { type: 'table', name: 'seller_keys' }],
    ["    db.query('SELECT tenant_id, access_key, secret_key FROM tenants');", { type: 'table', name: 'tenants' }],
    [' interface SellerAccount    ', { type: 'interface', name: 'SellerAccount' }],
    [' class Seller(models.Model):   ', { type: 'class', name: 'Seller' }],
    [' type Seller struct    ', { type: 'struct', name: 'Seller' }],
    [' model Seller    ', { type: 'model', name: 'Seller' }],
    ['const Seller = sequelize.define    Seller ', { type: 'model', name: 'Seller' }],
    ['const SellerSchema = new mongoose.Schema(   ', { type: 'schema', name: 'SellerSchema' }],
    ['  [seller_acme]  ', { type: 'section', name: 'seller_acme' }],
    [' sellers:   ', { type: 'record', name: 'sellers' }],
    ['useForm(  defaultValues:   defaultValues ', { type: 'form', name: '' }],
    ['csv header', { type: 'csv', name: '' }],
    ['const client = new HttpClient(   ', undefined],
  ])('reads the container of %j', (recordName, expected) => {
    expect(describeContainer(recordName)).toEqual(expected);
  });
});

describe('advice', () => {
  it.each(LOCALES)('%s: the recommendation is the advice pieces joined, shared pieces under one id', (locale) => {
    for (const kind of KINDS) {
      const pieces = renderAdvice(kind, locale);
      expect(pieces.map((p) => p.text).join(locale === 'en' ? ' ' : '')).toBe(renderRecommendation(kind, locale));
    }
    const ids = (kind: (typeof KINDS)[number]): string[] => renderAdvice(kind, locale).map((p) => p.id);
    expect(ids('access-key-id')).toEqual(expect.arrayContaining(['own-keys', 'type-b']));
    expect(ids('secret-key')).toEqual(expect.arrayContaining(['own-keys', 'type-b']));
    expect(ids('shared-credentials')).toEqual(expect.arrayContaining(['type-b', 'sp-api-type-a']));
  });
});
