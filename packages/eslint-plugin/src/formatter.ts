import { redactText } from '@mwsguard/core';

/** The parts of an ESLint lint message this formatter reads. */
interface LintMessage {
  readonly ruleId: string | null;
  readonly severity: number;
  readonly message: string;
  readonly messageId?: string;
  readonly line?: number;
  readonly column?: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  readonly fatal?: boolean;
}

/** The parts of an ESLint `LintResult` this formatter reads. */
interface LintResult {
  readonly filePath: string;
  readonly messages: readonly LintMessage[];
  readonly errorCount: number;
  readonly warningCount: number;
  readonly fatalErrorCount?: number;
}

/**
 * A machine-readable ESLint report that holds no secret: `eslint -f
 * node_modules/@mwsguard/eslint-plugin/dist/formatter.js`.
 *
 * ESLint's own `json` formatter copies each problem file's whole `source` (and the fixed `output`)
 * into the report, so a CI artifact made from it holds every plaintext credential the rules
 * found. This one keeps, per file, its path, counts and each message's rule, severity, position
 * and text, drops `source`, `output`, fixes and suggestions (their text is code), and masks any
 * credential in a message (another plugin's message may quote the value it found).
 */
export default function formatSafeJson(results: readonly LintResult[]): string {
  return JSON.stringify(
    results.map((r) => ({
      filePath: r.filePath,
      errorCount: r.errorCount,
      warningCount: r.warningCount,
      fatalErrorCount: r.fatalErrorCount ?? 0,
      messages: r.messages.map((m) => ({
        ruleId: m.ruleId,
        ...(m.messageId === undefined ? {} : { messageId: m.messageId }),
        severity: m.severity,
        message: redactText(m.message),
        ...(m.fatal === true ? { fatal: true } : {}),
        line: m.line ?? 0,
        column: m.column ?? 0,
        ...(m.endLine === undefined ? {} : { endLine: m.endLine }),
        ...(m.endColumn === undefined ? {} : { endColumn: m.endColumn }),
      })),
    })),
  );
}
