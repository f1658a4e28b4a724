import { describe, expect, it } from 'vitest';
import {
  KINDS,
  LOCALES,
  renderMessage,
  renderNotice,
  renderRecommendation,
  resolveLocale,
  scanText,
} from '@mwsguard/core';
import type { NoticeId } from '@mwsguard/core';

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

  const NOTICES: readonly NoticeId[] = ['missing-auth-token', 'replace-with-env'];
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
    expect(scanText(text, { locale: 'zh-CN' })[0]?.message).toBe('硬编码的 MWS 访问密钥 ID AKIA************4XZM。');
    expect(scanText(text, { locale: 'de' })[0]?.message).toBe('Hard-coded MWS access key ID AKIA************4XZM.');
  });
});
