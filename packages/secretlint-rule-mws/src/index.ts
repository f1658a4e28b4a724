/**
 * @mwsguard/secretlint-rule-mws: mwsguard's Amazon MWS / SP-API credential detection as a
 * secretlint rule. All detection comes from `@mwsguard/core`; this module only translates its
 * findings into secretlint reports (`range`, message id, masked data).
 */
import { projectPath, renderMessage, REPOSITORY_URL, scanWithAllow } from '@mwsguard/core';
import type { Finding, Kind } from '@mwsguard/core';
import type {
  SecretLintRuleContext,
  SecretLintRuleCreator,
  SecretLintRuleLocalizeMessageMulti,
  SecretLintRuleMessageTranslateResult,
  SecretLintSourceCode,
} from '@secretlint/types';
import { normalizeOptions } from './options.js';
import type { NormalizedOptions, Options } from './options.js';

export type { Options } from './options.js';

/** The rule id, the package name: `.secretlintrc.json` entries and reports use it. */
export const RULE_ID = '@mwsguard/secretlint-rule-mws';

/** The README; secretlint links each report to `<url>#<MessageId>`. */
export const DOCS_URL = `${REPOSITORY_URL}/blob/main/packages/secretlint-rule-mws/README.md`;

/** The secretlint message id of each mwsguard kind (PascalCase, one README heading each). */
export const MESSAGE_IDS = {
  'access-key-id': 'AccessKeyId',
  'secret-key': 'SecretKey',
  'mws-auth-token': 'MwsAuthToken',
  'lwa-client-secret': 'LwaClientSecret',
  'lwa-refresh-token': 'LwaRefreshToken',
  'lwa-access-token': 'LwaAccessToken',
  'shared-credentials': 'SharedCredentials',
} as const satisfies Record<Kind, string>;

/** One of the rule's message ids. */
export type MessageId = (typeof MESSAGE_IDS)[Kind];

/** What a message is rendered from: core's sentence for the finding, in each of its locales. */
interface MessageProps {
  readonly en: string;
  readonly zh: string;
}

// Prose lives in core's message table; the rule passes core's sentences through unchanged and
// lets secretlint's translator pick the user's locale (`zh-CN` falls back to `zh`).
const fromCore: SecretLintRuleLocalizeMessageMulti<MessageProps> = {
  en: (props) => props?.en ?? '',
  zh: (props) => props?.zh ?? '',
};

const messages = {
  AccessKeyId: fromCore,
  SecretKey: fromCore,
  MwsAuthToken: fromCore,
  LwaClientSecret: fromCore,
  LwaRefreshToken: fromCore,
  LwaAccessToken: fromCore,
  SharedCredentials: fromCore,
} satisfies Record<MessageId, SecretLintRuleLocalizeMessageMulti<MessageProps>>;

// secretlint's preset-recommend AWS rule reports 40-character secrets bound to an
// `aws_secret_access_key`-like name (and, with `enableIDScanRule`, AKIA… ids). Its secret range
// starts at the name, not the value, so it never equals ours; see `awsRuleSpan`.
const AWS_RULE_ID = '@secretlint/secretlint-rule-aws';

/**
 * The secretlint rule: reports every credential `@mwsguard/core` finds in a text file, one
 * message id per kind, at the credential's exact range (so `--format=mask-result` hides it).
 */
export const creator: SecretLintRuleCreator<Options> = {
  messages,
  meta: {
    id: RULE_ID,
    type: 'scanner',
    recommended: true,
    supportedContentTypes: ['text'],
    docs: { url: DOCS_URL },
  },
  create(context, options) {
    const normalized = normalizeOptions(options);
    const t = context.createTranslator(messages);
    return {
      file(source) {
        for (const finding of findingsIn(source, normalized)) {
          const { range, messageId } = finding;
          // `t` renders core's sentence and would return its props as the report's data. But
          // secretlint's `maskSecrets` (on by default in its CLI) stars out every data string
          // wherever it occurs in the message: with the sentence as data, the whole sentence
          // would become stars. So the data is the masked value alone, which `maskSecrets` then
          // stars out of the sentence. Field names (`shared-credentials`) are not secrets.
          const data = finding.kind === 'shared-credentials' ? undefined : { secret: finding.secret };
          const message: SecretLintRuleMessageTranslateResult<Record<string, string>> = {
            ...t(messageId, { en: finding.message, zh: renderMessage(finding.messageFacts, 'zh-CN') }),
            data,
          };
          context.report({ message, range, data });
          suppressAwsDuplicate(context, source.content, finding, message);
        }
      },
    };
  },
};

interface RuleFinding extends Finding {
  readonly range: readonly [number, number];
  readonly messageId: MessageId;
}

/** Core's findings in a source, as secretlint ranges, without suppressed ones. */
function findingsIn(source: SecretLintSourceCode, options: NormalizedOptions): RuleFinding[] {
  // secretlint strips a leading BOM from `content` itself; should a host not, core's offsets
  // (which skip it) still have to land on the same characters.
  const shift = source.content.charCodeAt(0) === 0xfeff ? 1 : 0;
  // Core's one policy: `mwsguard-ignore` directives, then `allows` (`secretlint-disable` works as well).
  const { reported } = scanWithAllow(source.content, {
    // Relative to the directory secretlint runs in, as the CLI's paths are (`projectPath`).
    ...(source.filePath === undefined ? {} : { path: projectPath(process.cwd(), source.filePath) }),
    kinds: options.kinds,
    allow: options.allow,
  });
  return reported.map((finding) => ({
    ...finding,
    range: [finding.offset + shift, finding.endOffset + shift] as const,
    messageId: MESSAGE_IDS[finding.kind],
  }));
}

/**
 * Asks secretlint to drop `@secretlint/secretlint-rule-aws`'s report of a credential this rule
 * has just reported, so a config with both rules shows each key once (with the MWS-aware
 * message). Only that rule, only credentials reported here: an allowed value or a kind turned off
 * in `kinds` still gets the AWS rule's report.
 */
function suppressAwsDuplicate(
  context: SecretLintRuleContext,
  content: string,
  finding: RuleFinding,
  message: SecretLintRuleMessageTranslateResult<Record<string, string>>,
): void {
  const range = awsRuleSpan(content, finding);
  if (range) context.ignore({ message, targetRuleId: AWS_RULE_ID, range });
}

/**
 * The span that covers the AWS rule's report of the same credential, if it reports such a kind.
 * An access key id: the id itself. A secret key: the AWS rule's range is 40 characters from the
 * start of its match (the key name before the value), so cover the value's line up to the value's
 * end, and the line before when the value opens its line (`name:` then the value, in YAML).
 */
function awsRuleSpan(content: string, finding: RuleFinding): readonly [number, number] | undefined {
  const [start, end] = finding.range;
  switch (finding.kind) {
    case 'access-key-id':
      return finding.range;
    case 'secret-key': {
      const lineStart = content.lastIndexOf('\n', start - 1) + 1;
      const opensLine = /^[\s"']*$/.test(content.slice(lineStart, start));
      const from = opensLine && lineStart > 0 ? content.lastIndexOf('\n', lineStart - 2) + 1 : lineStart;
      return [from, end];
    }
    case 'mws-auth-token':
    case 'lwa-client-secret':
    case 'lwa-refresh-token':
    case 'lwa-access-token':
    case 'shared-credentials':
      return undefined;
  }
}
