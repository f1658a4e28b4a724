import { isMissingTokenFinding, resolveLocale, scanWithAllow } from '@mwsguard/core';
import type { Finding } from '@mwsguard/core';
import type { TSESLint } from '@typescript-eslint/utils';
import type { RequireMwsAuthTokenOptions } from '../options.js';
import { createRule } from '../util/create-rule.js';
import { scanPath } from '../util/file.js';
import { DEFAULT_LOCALE, LOCALE_DESCRIPTION, messageIn } from '../util/locale.js';
import { scanFile } from '../util/scan.js';

export type Options = [RequireMwsAuthTokenOptions];
export type MessageIds = 'missingAuthToken';

/**
 * Core's findings for the file: the scan every rule shares with the default options (the CLI's and
 * secretlint's), a scan of its own when the options name other sellers, tokens or own accounts.
 */
function findingsOf(
  context: Readonly<TSESLint.RuleContext<MessageIds, Options>>,
  options: RequireMwsAuthTokenOptions,
): readonly Finding[] {
  const { allowOwnAccount, sellerIdNames, authTokenNames } = options;
  if (allowOwnAccount && sellerIdNames.length === 0 && authTokenNames.length === 0) return scanFile(context);
  return scanWithAllow(context.sourceCode.text, {
    path: scanPath(context),
    kinds: ['shared-credentials'],
    authToken: { allowOwnAccount, sellerIdNames, authTokenNames },
  }).reported;
}

export default createRule<Options, MessageIds>({
  name: 'require-mws-auth-token',
  meta: {
    type: 'problem',
    // JavaScript and TypeScript, and config files through the `config-files` processor.
    languages: ['js/js'],
    docs: {
      description: 'Require an MWS Auth Token on every MWS call made for a seller (SellerId, Merchant, merchantId)',
      recommended: 'recommended',
    },
    messages: {
      // Core renders the message (the `shared-credentials` finding of a request without a token).
      missingAuthToken: '{{ message }}',
    },
    schema: [
      {
        type: 'object',
        description: 'Which calls count as calls for another seller, and extra parameter names.',
        additionalProperties: false,
        properties: {
          allowOwnAccount: {
            type: 'boolean',
            description:
              'Do not report a seller id that is a literal or read from the environment or config (a single-tenant script for its own account).',
          },
          sellerIdNames: {
            type: 'array',
            description: 'Extra names of seller id parameters.',
            items: { type: 'string' },
            uniqueItems: true,
          },
          authTokenNames: {
            type: 'array',
            description: 'Extra names of MWS Auth Token parameters.',
            items: { type: 'string' },
            uniqueItems: true,
          },
          locale: { type: 'string', description: LOCALE_DESCRIPTION },
        },
      },
    ],
    defaultOptions: [{ allowOwnAccount: true, sellerIdNames: [], authTokenNames: [], locale: DEFAULT_LOCALE }],
  },
  create(context, [options]) {
    const { sourceCode } = context;
    const locale = resolveLocale(options.locale);
    return {
      Program() {
        // The decision is core's (`mws-requests.ts`), the same for the CLI and secretlint: this
        // rule reports its request findings, `no-shared-seller-credentials` the records.
        for (const finding of findingsOf(context, options)) {
          if (!isMissingTokenFinding(finding)) continue;
          context.report({
            loc: {
              start: sourceCode.getLocFromIndex(finding.offset),
              end: sourceCode.getLocFromIndex(finding.endOffset),
            },
            messageId: 'missingAuthToken',
            data: { message: messageIn(finding, locale) },
          });
        }
      },
    };
  },
});
