import type { Kind, Severity } from './kinds.js';

/** Locales messages are written in; anything else falls back to English. */
export type Locale = 'en' | 'zh-CN';

/** Every supported locale. */
export const LOCALES: readonly Locale[] = ['en', 'zh-CN'];

/** Facts a message may mention. Only masked values and names ever reach the prose. */
export interface MessageFacts {
  readonly kind: Kind;
  readonly severity: Severity;
  /** The masked secret (or, for `shared-credentials`, the offending field name). */
  readonly masked: string;
  /** The file talks to MWS: say "MWS" rather than "AWS". */
  readonly mws: boolean;
  /**
   * For `shared-credentials`: `request` when the finding is an MWS request without a token. For
   * `access-key-id`: `presigned` when the key id is the public part of a presigned URL.
   */
  readonly detail?: string;
  /** For `shared-credentials`: the record also holds an MWS Auth Token (the keys are unneeded). */
  readonly hybrid?: boolean;
  /** For `shared-credentials`: `sp-api` when the seller's own LWA app or IAM keys are kept. */
  readonly api?: 'mws' | 'sp-api';
  /** For `shared-credentials`: how many per-seller records the finding stands for (more than one). */
  readonly records?: number;
}

const OWN_KEYS = 'Load your own developer keys from the environment or a secret manager.';
const TYPE_B =
  "Never collect a seller's keys: the seller authorizes your Developer ID in Seller Central > User Permissions > Authorize a developer and gives you only its Seller ID and MWS Auth Token, which it can revoke and must renew yearly.";
const SP_API = 'SP-API: use LWA authorization and never hard-code client secrets or refresh tokens.';
const SP_API_TYPE_B =
  "Never collect a seller's own LWA client secret or AWS IAM keys: register one SP-API app of your own and keep, per seller, only the refresh token its authorization gives you and its selling partner ID.";

const EN: Record<Kind, { message: (f: MessageFacts) => string; recommendation: string }> = {
  'access-key-id': {
    message: (f) =>
      f.detail === 'presigned'
        ? `AWS access key ID ${f.masked} in a presigned URL: public by design (the URL names its key), but the URL grants access until it expires; keep such URLs out of committed docs and examples.`
        : `Hard-coded ${f.mws ? 'MWS' : 'AWS'} access key ID ${f.masked}.`,
    recommendation: `Remove it (and from git history) and rotate the key pair. ${OWN_KEYS} ${TYPE_B}`,
  },
  'secret-key': {
    message: (f) => `Hard-coded ${f.mws ? 'MWS' : 'AWS'} secret key ${f.masked}.`,
    recommendation: `Remove it and rotate the key pair now: anyone who can read it can sign requests as you. ${OWN_KEYS} ${TYPE_B}`,
  },
  'mws-auth-token': {
    message: (f) => `Hard-coded MWS Auth Token ${f.masked}.`,
    recommendation:
      "Remove it and have the seller revoke and renew it in Seller Central > User Permissions. Keep each seller's Seller ID and MWS Auth Token in your database or secret store, not in code.",
  },
  'lwa-client-secret': {
    message: (f) => `Hard-coded SP-API Login with Amazon client secret ${f.masked}.`,
    recommendation: `Remove it and rotate the client secret in Developer Central; keep it in a secret manager. ${SP_API}`,
  },
  'lwa-refresh-token': {
    message: (f) => `Hard-coded SP-API Login with Amazon refresh token ${f.masked}.`,
    recommendation: `Remove it and revoke the app authorization in Seller Central, then authorize again for a new token; store refresh tokens encrypted, per seller. ${SP_API}`,
  },
  'lwa-access-token': {
    message: (f) =>
      `Hard-coded Login with Amazon access token ${f.masked} (short-lived, but a working credential for an hour).`,
    recommendation: `Remove it (logs and recordings too): it acts for the seller until it expires. Request access tokens at run time from the seller's refresh token and keep them in memory only. ${SP_API}`,
  },
  'shared-credentials': {
    message: (f) =>
      (f.detail === 'request'
        ? 'MWS request carries SellerId and AWSAccessKeyId but no MWSAuthToken: it is signed with the seller’s own keys (type A shared credentials).'
        : f.hybrid === true
          ? `"${f.masked}" keeps a seller's own ${f.mws ? 'MWS ' : ''}keys next to its MWS Auth Token (type A shared credentials): the token makes the keys unnecessary; delete them and have the seller rotate them.`
          : f.api === 'sp-api'
            ? `"${f.masked}" keeps a seller's own SP-API app secret or AWS keys per seller (type A shared credentials).`
            : `"${f.masked}" holds a seller's own ${f.mws ? 'MWS ' : ''}keys next to its seller ID (type A shared credentials).`) +
      (f.records !== undefined && f.records > 1 ? ` ${String(f.records)} per-seller records; this is the first.` : ''),
    recommendation: `Stop collecting sellers' Access and Secret Keys: it breaks the MWS terms, cannot be revoked per integrator and makes abuse untraceable. ${TYPE_B} Sign each call with your own keys plus SellerId and MWSAuthToken. ${OWN_KEYS}`,
  },
};

// Simplified Chinese: many Amazon sellers and tool vendors work in Chinese. Same facts, same order.
const ZH_OWN_KEYS = '请从环境变量或密钥管理服务中加载你自己的开发者密钥。';
const ZH_TYPE_B =
  '切勿收集卖家的密钥：卖家应在卖家平台（Seller Central）> 用户权限 > 授权开发者中授权你的开发者 ID，只向你提供卖家 ID 和 MWS 授权令牌（MWS Auth Token）；卖家可以随时撤销该令牌，且每年需要续期。';
const ZH_SP_API = 'SP-API：请使用 LWA 授权，切勿在代码中硬编码客户端密钥或刷新令牌。';
const ZH_SP_API_TYPE_B =
  '切勿收集卖家自己的 LWA 客户端密钥或 AWS IAM 密钥：请注册你自己的一个 SP-API 应用，每个卖家只保存其授权给你的刷新令牌和卖家伙伴 ID（selling partner ID）。';

const ZH_CN: typeof EN = {
  'access-key-id': {
    message: (f) =>
      f.detail === 'presigned'
        ? `预签名 URL 中的 AWS 访问密钥 ID ${f.masked}：按设计是公开的（URL 会写明其密钥），但该 URL 在过期前都可用于访问；请勿把此类 URL 提交到文档和示例中。`
        : `硬编码的 ${f.mws ? 'MWS' : 'AWS'} 访问密钥 ID ${f.masked}。`,
    recommendation: `请将其删除（包括 git 历史）并轮换该密钥对。${ZH_OWN_KEYS}${ZH_TYPE_B}`,
  },
  'secret-key': {
    message: (f) => `硬编码的 ${f.mws ? 'MWS' : 'AWS'} 秘密密钥 ${f.masked}。`,
    recommendation: `请将其删除并立即轮换密钥对：任何能读到它的人都能以你的身份签名请求。${ZH_OWN_KEYS}${ZH_TYPE_B}`,
  },
  'mws-auth-token': {
    message: (f) => `硬编码的 MWS 授权令牌 ${f.masked}。`,
    recommendation:
      '请将其删除，并让卖家在卖家平台 > 用户权限中撤销并续期该令牌。请把每个卖家的卖家 ID 和 MWS 授权令牌保存在数据库或密钥管理服务中，而不是代码里。',
  },
  'lwa-client-secret': {
    message: (f) => `硬编码的 SP-API Login with Amazon（LWA）客户端密钥 ${f.masked}。`,
    recommendation: `请将其删除并在开发者中心轮换客户端密钥，将其保存在密钥管理服务中。${ZH_SP_API}`,
  },
  'lwa-refresh-token': {
    message: (f) => `硬编码的 SP-API Login with Amazon（LWA）刷新令牌 ${f.masked}。`,
    recommendation: `请将其删除，在卖家平台中撤销应用授权后重新授权以获取新令牌；按卖家加密存储刷新令牌。${ZH_SP_API}`,
  },
  'lwa-access-token': {
    message: (f) => `硬编码的 Login with Amazon 访问令牌 ${f.masked}（短期有效，但一小时内仍可使用）。`,
    recommendation: `请将其删除（包括日志和录制文件）：在过期前它可以代表卖家操作。请在运行时用卖家的刷新令牌获取访问令牌，且只保存在内存中。${ZH_SP_API}`,
  },
  'shared-credentials': {
    message: (f) =>
      (f.detail === 'request'
        ? 'MWS 请求携带 SellerId 和 AWSAccessKeyId，但没有 MWSAuthToken：它使用卖家自己的密钥签名（A 类共享凭证）。'
        : f.hybrid === true
          ? `"${f.masked}" 在 MWS 授权令牌旁仍保存了卖家自己的${f.mws ? ' MWS ' : ''}密钥（A 类共享凭证）：有了令牌就不需要这些密钥，请删除它们并让卖家轮换。`
          : f.api === 'sp-api'
            ? `"${f.masked}" 按卖家保存了卖家自己的 SP-API 应用密钥或 AWS 密钥（A 类共享凭证）。`
            : `"${f.masked}" 在卖家 ID 旁保存了卖家自己的${f.mws ? ' MWS ' : ''}密钥（A 类共享凭证）。`) +
      (f.records !== undefined && f.records > 1 ? `共 ${String(f.records)} 条卖家记录，此处为第一条。` : ''),
    recommendation: `停止收集卖家的访问密钥和秘密密钥：这违反 MWS 条款，无法按集成商单独撤销，滥用也无法追溯。${ZH_TYPE_B}每次调用请用你自己的密钥签名，并附上 SellerId 和 MWSAuthToken。${ZH_OWN_KEYS}`,
  },
};

const TABLES: Record<Locale, typeof EN> = { en: EN, 'zh-CN': ZH_CN };

// The SP-API form of type A has its own remedy: one app of the integrator's, a refresh token per seller.
const SP_API_RECOMMENDATION: Record<Locale, string> = {
  en: `${SP_API_TYPE_B} Delete the stored secrets and have each seller rotate them. ${SP_API}`,
  'zh-CN': `${ZH_SP_API_TYPE_B}请删除已保存的密钥并让每个卖家轮换。${ZH_SP_API}`,
};

/** Maps `zh`, `zh_CN`, `zh-Hans`, `zh-CN` to `zh-CN`; anything unknown to `en`. */
export function resolveLocale(locale: string | undefined): Locale {
  const l = (locale ?? 'en').toLowerCase().replace('_', '-');
  return l === 'zh' || l.startsWith('zh-cn') || l.startsWith('zh-hans') || l === 'zh-sg' ? 'zh-CN' : 'en';
}

/** The one-sentence message for a finding. */
export function renderMessage(facts: MessageFacts, locale = 'en'): string {
  return TABLES[resolveLocale(locale)][facts.kind].message(facts);
}

/** What to do about a finding; `facts` picks the SP-API remedy for an SP-API type-A finding. */
export function renderRecommendation(kind: Kind, locale = 'en', facts?: MessageFacts): string {
  if (kind === 'shared-credentials' && facts?.api === 'sp-api') return SP_API_RECOMMENDATION[resolveLocale(locale)];
  return TABLES[resolveLocale(locale)][kind].recommendation;
}

/**
 * Prose of checks that are not findings of a kind: the ESLint plugin's MWS call check and its
 * fix suggestion. Kept here so that every sentence a user reads comes from one table per locale.
 */
export type NoticeId = 'missing-auth-token' | 'replace-with-env';

const NOTICES: Record<Locale, Record<NoticeId, (value: string) => string>> = {
  en: {
    'missing-auth-token': (seller) =>
      `This MWS call acts for seller ${seller} without an MWS Auth Token: send the seller's MWSAuthToken with its SellerId and sign with your own developer keys, never the seller's.`,
    'replace-with-env': (name) => `Read it from \`process.env.${name}\` instead.`,
  },
  'zh-CN': {
    'missing-auth-token': (seller) =>
      `此 MWS 调用代表卖家 ${seller}，却没有 MWS 授权令牌：请随卖家的 SellerId 一并发送其 MWSAuthToken，并用你自己的开发者密钥签名，切勿使用卖家的密钥。`,
    'replace-with-env': (name) => `改为从 \`process.env.${name}\` 读取。`,
  },
};

/** A notice in `locale`; `value` is the seller expression or the environment variable it names. */
export function renderNotice(id: NoticeId, value: string, locale = 'en'): string {
  return NOTICES[resolveLocale(locale)][id](value);
}
