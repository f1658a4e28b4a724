import type { FileFinding } from '../result.js';
import { summarize } from '../summary.js';
import type { Renderer } from './types.js';

/** Version of the JSON document; bump it on any change to its shape (see docs/json-format.md). */
const JSON_FORMAT_VERSION = 1;

/**
 * The `json` format, a public contract: one document
 * `{"version":1,"findings":[…],"summary":{…}}` plus a newline, written piece by piece. Keys are
 * listed one by one so a field added to core's `Finding` (offsets, say) cannot leak into the
 * contract unnoticed; fields added within version 1 go after the original ones.
 */
export const renderJson: Renderer = function* (result) {
  yield `{"version":${String(JSON_FORMAT_VERSION)},"findings":[`;
  let first = true;
  for (const f of result.findings) {
    yield `${first ? '' : ','}${JSON.stringify(jsonFinding(f))}`;
    first = false;
  }
  const s = summarize(result);
  const summary = {
    filesScanned: s.filesScanned,
    filesSkipped: s.filesSkipped,
    findings: s.findings,
    findingsByKind: s.findingsByKind,
    findingsBySeverity: s.findingsBySeverity,
    skippedByReason: s.skippedByReason,
    suppressed: s.suppressed,
    suppressedByReason: s.suppressedByReason,
    baselined: s.baselined,
    staleBaselineEntries: s.staleBaselineEntries,
    reused: s.reused.map((r) => ({
      fingerprint: r.fingerprint,
      kind: r.kind,
      secret: r.secret,
      count: r.count,
      places: r.places,
    })),
    incomplete: s.incomplete,
    ...(s.commitsScanned === undefined ? {} : { commitsScanned: s.commitsScanned }),
  };
  yield `],"summary":${JSON.stringify(summary)}}\n`;
};

function jsonFinding(f: FileFinding): object {
  return {
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
    ...(f.commit
      ? {
          commit: {
            sha: f.commit.sha,
            author: f.commit.author,
            email: f.commit.email,
            date: f.commit.date,
            count: f.commit.count,
          },
        }
      : {}),
  };
}
