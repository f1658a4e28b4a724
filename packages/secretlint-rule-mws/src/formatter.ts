import { redactText } from '@mwsguard/core';
import type { SecretLintCoreResult } from '@secretlint/types';

/**
 * A machine-readable secretlint report that holds no secret: `secretlint --format
 * @mwsguard/secretlint-rule-mws/formatter "**\/*"`.
 *
 * secretlint's own `json` formatter copies each file's whole `sourceContent` into the report, so
 * a CI artifact made from it holds every plaintext credential found. This one keeps each file's
 * path and each message's rule, severity, position and text, drops `sourceContent`, and masks
 * any credential in a message or its `data` (other rules' messages may quote the value).
 */
export default function formatSafeJson(results: readonly SecretLintCoreResult[]): string {
  return JSON.stringify(
    results.map((r) => ({
      filePath: r.filePath,
      messages: r.messages.map((m) => ({
        ruleId: m.ruleId,
        messageId: m.messageId,
        severity: m.severity,
        message: redactText(m.message),
        loc: m.loc,
        range: m.range,
        ...(m.data === undefined ? {} : { data: redactData(m.data) }),
      })),
    })),
  );
}

/** Message data with every string in it masked. */
function redactData(data: unknown): unknown {
  if (typeof data === 'string') return redactText(data);
  if (Array.isArray(data)) return data.map(redactData);
  if (typeof data === 'object' && data !== null) {
    return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, redactData(v)]));
  }
  return data;
}
