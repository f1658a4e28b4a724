import type { Formatter } from './types.js';

/** Version of the JSON document; bump it on any change to its shape (see docs/json-format.md). */
export const JSON_FORMAT_VERSION = 1;

/**
 * The `json` format, a public contract: one document
 * `{"version":1,"findings":[…],"summary":{…}}` plus a newline. Keys are listed one by one so a
 * field added to core's `Finding` (offsets, say) cannot leak into the contract unnoticed.
 */
export const formatJson: Formatter = (result) => {
  const document = {
    version: JSON_FORMAT_VERSION,
    findings: result.findings.map((f) => ({
      ruleId: f.ruleId,
      kind: f.kind,
      severity: f.severity,
      file: f.file,
      line: f.line,
      column: f.column,
      endLine: f.endLine,
      endColumn: f.endColumn,
      secret: f.secret,
      fingerprint: f.fingerprint,
      message: f.message,
      recommendation: f.recommendation,
    })),
    summary: {
      filesScanned: result.filesScanned,
      filesSkipped: result.filesSkipped,
      findings: result.findings.length,
    },
  };
  return `${JSON.stringify(document)}\n`;
};
