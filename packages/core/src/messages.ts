import type { Container, ContainerType } from './containers.js';
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
   * For `shared-credentials`: `request` when the finding is a request signed with a seller's own
   * keys, `missing-token` when it is a request or client for a varying seller without an MWS Auth
   * Token. For `access-key-id`: `presigned` when the key id is the public part of a presigned URL.
   */
  readonly detail?: string;
  /** For `shared-credentials` `missing-token`: the seller id's expression as written (`seller.id`). */
  readonly seller?: string;
  /** For `shared-credentials`: the record that holds the keys, when its text names it. */
  readonly container?: Container;
  /** For `shared-credentials`: the seller's key fields the record holds, as written. */
  readonly fields?: readonly string[];
  /** For `shared-credentials`: the token field of a hybrid record (keys and a token). */
  readonly tokenField?: string;
  /** For `shared-credentials`: `sp-api` when the seller's own LWA app or IAM keys are kept. */
  readonly api?: 'mws' | 'sp-api';
  /** For `shared-credentials`: how many per-seller records the finding stands for (more than one). */
  readonly records?: number;
  /**
   * For a `shared-credentials` record with no named container: what shows the keys are a
   * seller's, for its message. `seller-id`: the record holds the seller's id beside them;
   * `input`: they are read from submitted input; `record`: from a per-seller record. Absent: other evidence.
   */
  readonly source?: 'seller-id' | 'input' | 'record';
  /**
   * For `shared-credentials` `project`: the other file of the project whose type-A record stores
   * the keys this file carries, as the caller names it (a display path), and the record's line.
   */
  readonly project?: { readonly file: string; readonly line: number };
  /**
   * For a `project` candidate in a file with no seller id or token of its own: the (normalized)
   * names of the records it refers to. Only `judgeProject` reads it; confirmed findings drop it.
   */
  readonly links?: readonly string[];
}

/**
 * One piece of advice. Pieces shared by several kinds (`own-keys`, `type-b`, `sp-api`) carry the
 * same id wherever they appear, so a report listing several kinds can print each piece once.
 */
export interface AdviceStep {
  readonly id: string;
  readonly text: string;
}

/** The prose of one kind in one locale. */
interface KindTexts {
  /** What was found, one clause naming the masked value or the fields (the stylish line). */
  readonly finding: (f: MessageFacts, fit: Fit) => string;
  /** Which way the fix goes; the message is `finding: fix.` */
  readonly fix: (f: MessageFacts) => string;
  /** What to do about it, in order; joined, the `recommendation`. */
  readonly advice: readonly AdviceStep[];
}

/** A locale's table: one entry per kind, and how pieces join into sentences. */
interface MessageTable {
  readonly kinds: Readonly<Record<Kind, KindTexts>>;
  /** `finding` + `fix` → one sentence. */
  readonly sentence: (finding: string, fix: string) => string;
  /** Joins advice pieces into one paragraph. */
  readonly separator: string;
}

/**
 * How much of the names from the scanned text a message shows. Names are shown, never values,
 * but a generated name can be any length: each is cut in the middle, and fewer fields are listed,
 * until the whole message fits {@link MAX_MESSAGE} (an editor hover, ESLint's one line).
 */
interface Fit {
  readonly name: (text: string) => string;
  readonly maxFields: number;
  /** Longest record place (`file:line`) a project-pass message shows. */
  readonly maxPath: number;
}

const fit = (maxName: number, maxFields: number): Fit => ({
  name: (text) => truncateMiddle(text, maxName),
  maxFields,
  maxPath: maxName + 8,
});

/** Tried in order; the first that keeps the message within {@link MAX_MESSAGE} wins. */
const FITS: readonly Fit[] = [fit(40, 3), fit(24, 2), fit(16, 1), fit(10, 1)];

/** Longest message wanted, in characters; the tests hold every message within 160. */
const MAX_MESSAGE = 150;

/** `text` cut to `max` characters, an ellipsis in the middle. */
export function truncateMiddle(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const head = Math.ceil((max - 1) / 2);
  const tail = max - 1 - head;
  return `${chars.slice(0, head).join('')}…${tail > 0 ? chars.slice(-tail).join('') : ''}`;
}

/** Words that join a list of fields in one locale. */
interface ListWords {
  readonly and: string;
  readonly comma: string;
  readonly more: (n: number) => string;
}

/** `a`, `a and b`, `a, b and c`, `a, b, c and 2 more` in the locale's words. */
function listFields(fields: readonly string[], fit: Fit, words: ListWords): string {
  const { and, comma, more } = words;
  const shown = fields.slice(0, fit.maxFields).map(fit.name);
  const rest = fields.length - shown.length;
  if (rest > 0) return `${shown.join(comma)}${and}${more(rest)}`;
  const last = shown.pop() ?? '';
  return shown.length === 0 ? last : `${shown.join(comma)}${and}${last}`;
}

/** A container in a locale's words: `table seller_keys`, `section [acme]`, `a form`. */
function containerText(c: Container, fit: Fit, words: Readonly<Record<ContainerType, string>>): string {
  if (c.name === '') return words[c.type];
  return `${words[c.type]} ${c.type === 'section' ? `[${fit.name(c.name)}]` : fit.name(c.name)}`;
}

/**
 * The record's place for a project-pass message: `file:line`, cut at the front when it must be
 * (`…/db/schema.prisma:6`), since a path's end names the file; a little longer than names may be.
 */
function projectPlace(place: NonNullable<MessageFacts['project']>, fit: Fit): string {
  const text = `${place.file}:${String(place.line)}`;
  const chars = Array.from(text);
  const max = fit.maxPath;
  return chars.length <= max ? text : `…${chars.slice(-(max - 1)).join('')}`;
}

const hasContainer = (f: MessageFacts): f is MessageFacts & { container: Container; fields: readonly string[] } =>
  f.container !== undefined && f.fields !== undefined && f.fields.length > 0;

// ---------------------------------------------------------------------------------------------
// English

const OWN_KEYS: AdviceStep = {
  id: 'own-keys',
  text: 'Load your own developer keys from the environment or a secret manager.',
};
const TYPE_B: AdviceStep = {
  id: 'type-b',
  text: "Never collect a seller's keys: the seller authorizes your Developer ID in Seller Central > User Permissions > Authorize a developer and gives you only its Seller ID and MWS Auth Token, which it can revoke and must renew yearly.",
};
const SP_API: AdviceStep = {
  id: 'sp-api',
  text: 'SP-API: use LWA authorization and never hard-code client secrets or refresh tokens.',
};

const EN_CONTAINER: Readonly<Record<ContainerType, string>> = {
  table: 'table',
  model: 'model',
  class: 'class',
  interface: 'interface',
  struct: 'struct',
  type: 'type',
  schema: 'schema',
  section: 'section',
  record: 'record',
  form: 'a form',
  csv: 'a CSV header',
};

const EN_LIST: ListWords = { and: ' and ', comma: ', ', more: (n) => `${String(n)} more` };

const EN: MessageTable = {
  sentence: (finding, fix) => `${finding}: ${fix}.`,
  separator: ' ',
  kinds: {
    'access-key-id': {
      finding: (f) =>
        f.detail === 'presigned'
          ? `AWS access key ID ${f.masked} in a presigned URL (public by design, the URL grants access until it expires)`
          : `Hard-coded ${f.mws ? 'MWS' : 'AWS'} access key ID ${f.masked}`,
      fix: (f) =>
        f.detail === 'presigned'
          ? 'keep such URLs out of committed docs and examples'
          : 'rotate the key pair and read it from the environment',
      advice: [
        { id: 'access-key-id', text: 'Remove it (and from git history) and rotate the key pair.' },
        OWN_KEYS,
        TYPE_B,
      ],
    },
    'secret-key': {
      finding: (f) => `Hard-coded ${f.mws ? 'MWS' : 'AWS'} secret key ${f.masked}`,
      fix: () => 'rotate the key pair now and read it from the environment',
      advice: [
        {
          id: 'secret-key',
          text: 'Remove it and rotate the key pair now: anyone who can read it can sign requests as you.',
        },
        OWN_KEYS,
        TYPE_B,
      ],
    },
    'mws-auth-token': {
      finding: (f) => `Hard-coded MWS Auth Token ${f.masked}`,
      fix: () => 'keep it per seller in your database, not in code',
      advice: [
        {
          id: 'mws-auth-token',
          text: "Remove it and have the seller revoke and renew it in Seller Central > User Permissions. Keep each seller's Seller ID and MWS Auth Token in your database or secret store, not in code.",
        },
      ],
    },
    'lwa-client-secret': {
      finding: (f) => `Hard-coded LWA client secret ${f.masked}`,
      fix: () => 'rotate it, keep it in a secret manager',
      advice: [
        {
          id: 'lwa-client-secret',
          text: 'Remove it and rotate the client secret in Developer Central; keep it in a secret manager.',
        },
        SP_API,
      ],
    },
    'lwa-refresh-token': {
      finding: (f) =>
        f.severity === 'warning'
          ? `Hard-coded LWA access token ${f.masked} (valid for an hour)`
          : `Hard-coded LWA refresh token ${f.masked}`,
      fix: (f) =>
        f.severity === 'warning'
          ? 'remove it and the log that captured it'
          : 'revoke it; store tokens encrypted, per seller',
      advice: [
        {
          id: 'lwa-refresh-token',
          text: 'Remove it and revoke the app authorization in Seller Central, then authorize again for a new token; store refresh tokens encrypted, per seller.',
        },
        SP_API,
      ],
    },
    'lwa-access-token': {
      finding: (f) => `Hard-coded LWA access token ${f.masked} (valid for an hour)`,
      fix: () => 'remove it and the log that captured it',
      advice: [
        {
          id: 'lwa-access-token',
          text: "Remove it (logs and recordings too): it acts for the seller until it expires. Request access tokens at run time from the seller's refresh token and keep them in memory only.",
        },
        SP_API,
      ],
    },
    'shared-credentials': {
      finding: (f, fit) => {
        if (f.detail === 'project') {
          const where = f.project === undefined ? 'another file' : projectPlace(f.project, fit);
          const fields = f.fields ?? [f.masked];
          return `${listFields(fields, fit, EN_LIST)} ${fields.length > 1 ? 'are' : 'is'} kept per seller in ${where} (type A)`;
        }
        if (f.detail === 'missing-token')
          return `MWS call for seller ${fit.name(f.seller ?? '')} without an MWS Auth Token (type A)`;
        if (f.detail === 'request') return 'MWS request for a SellerId without MWSAuthToken (type A)';
        if (!hasContainer(f)) {
          const keys = `a seller's own ${f.mws ? 'MWS ' : ''}keys`;
          const how =
            f.source === 'seller-id'
              ? `holds ${keys} next to its seller ID`
              : f.source === 'input'
                ? `takes ${keys} from submitted input`
                : f.source === 'record'
                  ? `reads ${keys} from a per-seller record`
                  : `holds ${keys}`;
          return `"${fit.name(f.masked)}" ${how} (type A)`;
        }
        const verb = f.container.type === 'form' ? 'asks sellers for their' : "stores sellers'";
        const token = f.tokenField === undefined ? '' : ` next to ${fit.name(f.tokenField)}`;
        const records = f.records !== undefined && f.records > 1 ? `, ${String(f.records)} records` : '';
        return `${containerText(f.container, fit, EN_CONTAINER)} ${verb} ${listFields(f.fields, fit, EN_LIST)}${token} (type A${records})`;
      },
      fix: (f) =>
        f.detail === 'missing-token'
          ? 'sign with your keys plus the seller\'s token from "Authorize a developer"'
          : f.detail === 'request'
            ? "sign with your own keys and send the seller's token"
            : f.tokenField !== undefined
              ? 'the token makes the keys unnecessary; delete and rotate them'
              : f.api === 'sp-api'
                ? 'use your one app; store only the refresh token and selling partner ID'
                : 'store only the Seller ID and MWS Auth Token',
      advice: [
        {
          id: 'shared-credentials',
          text: 'Remove the key fields, ask each seller to rotate its keys, then delete the stored ones: holding them breaks the MWS terms, cannot be revoked per integrator and makes abuse untraceable.',
        },
        TYPE_B,
        { id: 'type-b-signing', text: 'Sign each call with your own keys plus SellerId and MWSAuthToken.' },
        OWN_KEYS,
        {
          id: 'sp-api-type-a',
          text: 'SP-API: each seller authorizes your one app through Login with Amazon; store per seller only its selling partner ID and refresh token.',
        },
      ],
    },
  },
};

// ---------------------------------------------------------------------------------------------
// Simplified Chinese: many Amazon sellers and tool vendors work in Chinese. Same facts, same order.

const ZH_OWN_KEYS: AdviceStep = { id: 'own-keys', text: '请从环境变量或密钥管理服务中加载你自己的开发者密钥。' };
const ZH_TYPE_B: AdviceStep = {
  id: 'type-b',
  text: '切勿收集卖家的密钥：卖家应在卖家平台（Seller Central）> 用户权限 > 授权开发者中授权你的开发者 ID，只向你提供卖家 ID 和 MWS 授权令牌（MWS Auth Token）；卖家可以随时撤销该令牌，且每年需要续期。',
};
const ZH_SP_API: AdviceStep = {
  id: 'sp-api',
  text: 'SP-API：请使用 LWA 授权，切勿在代码中硬编码客户端密钥或刷新令牌。',
};

const ZH_CONTAINER: Readonly<Record<ContainerType, string>> = {
  table: '数据表',
  model: '模型',
  class: '类',
  interface: '接口',
  struct: '结构体',
  type: '类型',
  schema: '模式',
  section: '配置节',
  record: '记录',
  form: '表单',
  csv: 'CSV 表头',
};

const ZH_LIST: ListWords = { and: ' 和 ', comma: '、', more: (n) => `另外 ${String(n)} 个字段` };

const ZH_CN: MessageTable = {
  sentence: (finding, fix) => `${finding}：${fix}。`,
  separator: '',
  kinds: {
    'access-key-id': {
      finding: (f) =>
        f.detail === 'presigned'
          ? `预签名 URL 中的 AWS 访问密钥 ID ${f.masked}（按设计是公开的，该 URL 在过期前都可用于访问）`
          : `硬编码的 ${f.mws ? 'MWS' : 'AWS'} 访问密钥 ID ${f.masked}`,
      fix: (f) =>
        f.detail === 'presigned' ? '请勿把此类 URL 提交到文档和示例中' : '请轮换该密钥对，并改为从环境变量读取',
      advice: [{ id: 'access-key-id', text: '请将其删除（包括 git 历史）并轮换该密钥对。' }, ZH_OWN_KEYS, ZH_TYPE_B],
    },
    'secret-key': {
      finding: (f) => `硬编码的 ${f.mws ? 'MWS' : 'AWS'} 秘密密钥 ${f.masked}`,
      fix: () => '请立即轮换密钥对，并改为从环境变量读取',
      advice: [
        { id: 'secret-key', text: '请将其删除并立即轮换密钥对：任何能读到它的人都能以你的身份签名请求。' },
        ZH_OWN_KEYS,
        ZH_TYPE_B,
      ],
    },
    'mws-auth-token': {
      finding: (f) => `硬编码的 MWS 授权令牌 ${f.masked}`,
      fix: () => '请把每个卖家的令牌保存在数据库中，而不是代码里',
      advice: [
        {
          id: 'mws-auth-token',
          text: '请将其删除，并让卖家在卖家平台 > 用户权限中撤销并续期该令牌。请把每个卖家的卖家 ID 和 MWS 授权令牌保存在数据库或密钥管理服务中，而不是代码里。',
        },
      ],
    },
    'lwa-client-secret': {
      finding: (f) => `硬编码的 LWA 客户端密钥 ${f.masked}`,
      fix: () => '请轮换该密钥，并改为从密钥管理服务读取',
      advice: [
        { id: 'lwa-client-secret', text: '请将其删除并在开发者中心轮换客户端密钥，将其保存在密钥管理服务中。' },
        ZH_SP_API,
      ],
    },
    'lwa-refresh-token': {
      finding: (f) =>
        f.severity === 'warning'
          ? `硬编码的 LWA 访问令牌 ${f.masked}（一小时内有效）`
          : `硬编码的 LWA 刷新令牌 ${f.masked}`,
      fix: (f) =>
        f.severity === 'warning' ? '请将其删除，并找出记录下它的日志' : '请撤销该令牌，并按卖家加密存储刷新令牌',
      advice: [
        {
          id: 'lwa-refresh-token',
          text: '请将其删除，在卖家平台中撤销应用授权后重新授权以获取新令牌；按卖家加密存储刷新令牌。',
        },
        ZH_SP_API,
      ],
    },
    'lwa-access-token': {
      finding: (f) => `硬编码的 LWA 访问令牌 ${f.masked}（一小时内有效）`,
      fix: () => '请将其删除，并找出记录下它的日志',
      advice: [
        {
          id: 'lwa-access-token',
          text: '请将其删除（包括日志和录制文件）：在过期前它可以代表卖家操作。请在运行时用卖家的刷新令牌获取访问令牌，且只保存在内存中。',
        },
        ZH_SP_API,
      ],
    },
    'shared-credentials': {
      finding: (f, fit) => {
        if (f.detail === 'project') {
          const where = f.project === undefined ? '本项目的另一个文件' : projectPlace(f.project, fit);
          return `卖家密钥 ${listFields(f.fields ?? [f.masked], fit, ZH_LIST)} 在 ${where} 中按卖家保存（A 类）`;
        }
        if (f.detail === 'missing-token')
          return `代表卖家 ${fit.name(f.seller ?? '')} 的 MWS 调用没有 MWS 授权令牌（A 类）`;
        if (f.detail === 'request') return '针对某个 SellerId 的 MWS 请求没有 MWSAuthToken（A 类）';
        if (!hasContainer(f)) {
          const keys = `卖家自己的${f.mws ? ' MWS ' : ''}密钥`;
          const how =
            f.source === 'seller-id'
              ? `在卖家 ID 旁保存了${keys}`
              : f.source === 'input'
                ? `从提交的输入中获取${keys}`
                : f.source === 'record'
                  ? `从按卖家保存的记录中读取${keys}`
                  : `保存了${keys}`;
          return `"${fit.name(f.masked)}" ${how}（A 类）`;
        }
        const token = f.tokenField === undefined ? '' : `在 ${fit.name(f.tokenField)} 旁`;
        const verb = f.container.type === 'form' ? '向卖家索要' : '保存了卖家的';
        const records = f.records !== undefined && f.records > 1 ? `，共 ${String(f.records)} 条记录` : '';
        return `${containerText(f.container, fit, ZH_CONTAINER)} ${token}${verb} ${listFields(f.fields, fit, ZH_LIST)}（A 类${records}）`;
      },
      fix: (f) =>
        f.detail === 'missing-token'
          ? '请用你自己的密钥签名，并发送卖家在“授权开发者”中给你的 MWS 授权令牌'
          : f.detail === 'request'
            ? '请用你自己的密钥签名，并发送卖家的令牌'
            : f.tokenField !== undefined
              ? '有了令牌就不再需要这些密钥：请删除它们并让卖家轮换'
              : f.api === 'sp-api'
                ? '请使用你自己的一个应用，每个卖家只保存刷新令牌和销售伙伴 ID'
                : '只应保存卖家 ID 和 MWS 授权令牌',
      advice: [
        {
          id: 'shared-credentials',
          text: '请删除这些密钥字段，请每个卖家轮换其密钥，然后删除已保存的密钥：持有它们违反 MWS 条款，无法按集成商单独撤销，滥用也无法追溯。',
        },
        ZH_TYPE_B,
        { id: 'type-b-signing', text: '每次调用请用你自己的密钥签名，并附上 SellerId 和 MWSAuthToken。' },
        ZH_OWN_KEYS,
        {
          id: 'sp-api-type-a',
          text: 'SP-API：每个卖家通过 Login with Amazon 授权你的同一个应用；每个卖家只保存其销售伙伴 ID（selling partner ID）和刷新令牌。',
        },
      ],
    },
  },
};

const TABLES: Record<Locale, MessageTable> = { en: EN, 'zh-CN': ZH_CN };

/** Maps `zh`, `zh_CN`, `zh-Hans`, `zh-CN` to `zh-CN`; anything unknown to `en`. */
export function resolveLocale(locale: string | undefined): Locale {
  const l = (locale ?? 'en').toLowerCase().replace('_', '-');
  return l === 'zh' || l.startsWith('zh-cn') || l.startsWith('zh-hans') || l === 'zh-sg' ? 'zh-CN' : 'en';
}

/** The one-sentence message for a finding: what was found, with the masked value, and the fix direction. */
export function renderMessage(facts: MessageFacts, locale = 'en'): string {
  return render(facts, locale).message;
}

/** What was found, without the fix: the clause a report line shows before its advice block. */
export function renderFinding(facts: MessageFacts, locale = 'en'): string {
  return render(facts, locale).finding;
}

/** The finding clause and the whole message, names shortened as far as the length asks. */
function render(facts: MessageFacts, locale: string): { finding: string; message: string } {
  const table = TABLES[resolveLocale(locale)];
  const texts = table.kinds[facts.kind];
  const fix = texts.fix(facts);
  let result = { finding: '', message: '' };
  for (const f of FITS) {
    const finding = texts.finding(facts, f);
    result = { finding, message: table.sentence(finding, fix) };
    if (result.message.length <= MAX_MESSAGE) break;
  }
  return result;
}

/** What to do about a finding: the kind's advice, as one paragraph. */
export function renderRecommendation(kind: Kind, locale = 'en'): string {
  const table = TABLES[resolveLocale(locale)];
  return table.kinds[kind].advice.map((a) => a.text).join(table.separator);
}

/** The same advice piece by piece; pieces shared between kinds keep one id (see {@link AdviceStep}). */
export function renderAdvice(kind: Kind, locale = 'en'): readonly AdviceStep[] {
  return TABLES[resolveLocale(locale)].kinds[kind].advice;
}

/**
 * Prose that is not a finding of a kind: the ESLint plugin's fix suggestion. Kept here so that every sentence a user reads comes from one table per locale.
 */
export type NoticeId = 'replace-with-env';

const NOTICES: Record<Locale, Record<NoticeId, (value: string) => string>> = {
  en: {
    'replace-with-env': (name) => `Read it from \`process.env.${name}\` instead.`,
  },
  'zh-CN': {
    'replace-with-env': (name) => `改为从 \`process.env.${name}\` 读取。`,
  },
};

/** A notice in `locale`; `value` is the environment variable it names. */
export function renderNotice(id: NoticeId, value: string, locale = 'en'): string {
  return NOTICES[resolveLocale(locale)][id](value);
}
