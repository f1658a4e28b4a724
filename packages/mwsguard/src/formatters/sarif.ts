import { KINDS, KIND_INFO, REPOSITORY_URL } from '@mwsguard/core';
import type { Kind } from '@mwsguard/core';
import { explanationTexts, fullDescription, renderExplanation, renderExplanationMarkdown } from '../explain.js';
import { INCOMPLETE_REASONS } from '../result.js';
import type { FileFinding, ReportSeverity } from '../result.js';
import { SKIP_REASON_TEXT, summarize } from '../summary.js';
import type { Renderer } from './types.js';

/** The SARIF schema the document declares. */
const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

/** Key of mwsguard's fingerprint in `partialFingerprints` (versioned with core's fingerprint scheme). */
const SARIF_FINGERPRINT_KEY = 'mwsguardFingerprint/v1';

const LEVEL: Readonly<Record<ReportSeverity, 'error' | 'warning' | 'note'>> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
};

/**
 * The `sarif` format: one SARIF 2.1.0 log with one run. `tool.driver.rules` lists every kind
 * (help URI, short and full description, long-form help); each result points at its rule, has
 * a region (1-based, UTF-16 columns, end column exclusive) and our fingerprint in
 * `partialFingerprints`. Messages show masked values only: no snippet, never a whole secret.
 * Results are written one per line, so a large log streams.
 */
export const renderSarif: Renderer = function* (result, options) {
  const version = options.toolVersion ?? '0.0.0';
  const driver = {
    name: 'mwsguard',
    fullName: 'mwsguard: hard-coded and shared Amazon MWS / SP-API credentials',
    version,
    semanticVersion: version,
    informationUri: REPOSITORY_URL,
    rules: KINDS.map((kind) => rule(kind, options.locale)),
  };
  const head = JSON.stringify({ $schema: SARIF_SCHEMA_URI, version: '2.1.0' }).slice(0, -1);
  yield `${head},"runs":[{"tool":${JSON.stringify({ driver })},"columnKind":"utf16CodeUnits","results":[`;
  let first = true;
  for (const f of result.findings) {
    yield `${first ? '\n' : ',\n'}${JSON.stringify(sarifResult(f))}`;
    first = false;
  }
  const summary = summarize(result);
  const notifications = (result.skipped ?? [])
    .filter((s) => INCOMPLETE_REASONS.has(s.reason))
    .map((s) => ({
      level: 'warning',
      message: { text: `Not scanned: ${SKIP_REASON_TEXT[s.reason]}${s.detail ? ` (${s.detail})` : ''}.` },
      locations: [{ physicalLocation: { artifactLocation: artifact(s.file) } }],
    }));
  const invocation = {
    executionSuccessful: !summary.incomplete,
    ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}),
  };
  const properties = {
    filesScanned: summary.filesScanned,
    filesSkipped: summary.filesSkipped,
    suppressed: summary.suppressed,
    baselined: summary.baselined,
    reused: summary.reused.map((r) => ({ fingerprint: r.fingerprint, kind: r.kind, count: r.count })),
    incomplete: summary.incomplete,
  };
  yield `${first ? '' : '\n'}],"invocations":[${JSON.stringify(invocation)}],"properties":${JSON.stringify(properties)}}]}\n`;
};

function rule(kind: Kind, locale: string | undefined): object {
  const info = KIND_INFO[kind];
  return {
    id: info.ruleId,
    name: camel(kind),
    shortDescription: { text: explanationTexts(locale).descriptions[kind] },
    fullDescription: { text: fullDescription(kind, locale) },
    helpUri: info.docsUrl,
    help: { text: renderExplanation(kind, locale), markdown: renderExplanationMarkdown(kind, locale) },
    defaultConfiguration: { level: LEVEL[info.defaultSeverity] },
    properties: {
      tags: ['security', 'secrets', 'amazon-mws', 'sp-api'],
      precision: 'high',
      // GitHub code scanning ranks security alerts by this score (critical >= 9.0).
      'security-severity': info.defaultSeverity === 'error' ? '9.0' : '6.0',
    },
  };
}

function sarifResult(f: FileFinding): object {
  return {
    ruleId: f.ruleId,
    ruleIndex: KINDS.indexOf(f.kind),
    level: LEVEL[f.severity],
    message: { text: f.commit ? `${f.message} First added in commit ${f.commit.sha.slice(0, 12)}.` : f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifact(f.file),
          region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
        },
      },
    ],
    partialFingerprints: { [SARIF_FINGERPRINT_KEY]: f.fingerprint },
    properties: {
      kind: f.kind,
      secret: f.secret,
      ...(f.commit ? { commit: f.commit } : {}),
    },
  };
}

/** A relative URI reference for a display path: each segment percent-encoded. */
function artifact(file: string): { uri: string; uriBaseId: string } {
  return { uri: file.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

const camel = (kind: string): string => kind.replace(/(?:^|-)([a-z])/g, (_, c: string) => c.toUpperCase());
