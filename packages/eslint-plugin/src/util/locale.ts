import { LOCALES, renderMessage } from '@mwsguard/core';
import type { Finding, Locale } from '@mwsguard/core';

/** The `locale` option's default: English, core's default. */
export const DEFAULT_LOCALE = 'en';

/**
 * The `locale` option's description. Any string is accepted: core's `resolveLocale` maps it to
 * a supported locale, English when none fits.
 */
export const LOCALE_DESCRIPTION = `Language of the messages: ${LOCALES.join(' or ')} (also zh, zh_CN, zh-Hans); any other value falls back to English.`;

/** Renders a finding's message in `locale` from core's one message table: adapters never reword. */
export function messageIn(finding: Finding, locale: Locale): string {
  return renderMessage(finding.messageFacts, locale);
}
