import { isMissingTokenFinding, resolveLocale } from '@mwsguard/core';
import { ALLOW_FINGERPRINTS_SCHEMA, compileAllowlist } from '../util/allowlist.js';
import type { NoSharedSellerCredentialsOptions } from '../options.js';
import { createRule } from '../util/create-rule.js';
import { DEFAULT_LOCALE, LOCALE_DESCRIPTION, messageIn } from '../util/locale.js';
import { scanFile } from '../util/scan.js';

export type Options = [NoSharedSellerCredentialsOptions];
export type MessageIds = 'sharedCredentials';

export default createRule<Options, MessageIds>({
  name: 'no-shared-seller-credentials',
  meta: {
    type: 'problem',
    // JavaScript and TypeScript, and config files through the `config-files` processor.
    languages: ['js/js'],
    docs: {
      description:
        "Disallow storing, requesting or using a seller's own MWS access and secret keys (type A shared credentials)",
      recommended: 'recommended',
    },
    messages: {
      // Core renders the message (one sentence with the fix direction); the rule never rewords
      // it. The full advice is on the rule's docs page, which editors link through `docs.url`.
      sharedCredentials: '{{ message }}',
    },
    schema: [
      {
        type: 'object',
        description: 'What to allow.',
        additionalProperties: false,
        properties: {
          allowFields: {
            type: 'array',
            description: 'Field names that are never reported.',
            items: { type: 'string' },
            uniqueItems: true,
          },
          allowPatterns: {
            type: 'array',
            description:
              'Regular expressions (Unicode flag) matched against the field name; matches are never reported.',
            items: { type: 'string' },
            uniqueItems: true,
          },
          allowFingerprints: ALLOW_FINGERPRINTS_SCHEMA,
          locale: { type: 'string', description: LOCALE_DESCRIPTION },
        },
      },
    ],
    defaultOptions: [{ allowFields: [], allowPatterns: [], allowFingerprints: [], locale: DEFAULT_LOCALE }],
  },
  create(context, [options]) {
    const { sourceCode } = context;
    // Core compares field names case- and separator-insensitively, as `allowFields` promises.
    const allow = compileAllowlist({
      values: options.allowFields,
      patterns: options.allowPatterns,
      fingerprints: options.allowFingerprints,
    });
    const locale = resolveLocale(options.locale);
    return {
      Program() {
        for (const finding of scanFile(context)) {
          // Requests without an MWS Auth Token are `require-mws-auth-token`'s: each finding once.
          if (finding.kind !== 'shared-credentials' || isMissingTokenFinding(finding)) continue;
          if (allow.reasonFor({ finding, text: sourceCode.text })) continue;
          context.report({
            loc: {
              start: sourceCode.getLocFromIndex(finding.offset),
              end: sourceCode.getLocFromIndex(finding.endOffset),
            },
            messageId: 'sharedCredentials',
            data: { message: messageIn(finding, locale) },
          });
        }
      },
    };
  },
});
