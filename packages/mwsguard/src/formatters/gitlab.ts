import { createHash } from 'node:crypto';
import { KIND_INFO, REPOSITORY_URL } from '@mwsguard/core';
import { explanationTexts } from '../explain.js';
import type { ExplanationTexts } from '../explain.js';
import type { FileFinding, ReportSeverity } from '../result.js';
import type { Renderer } from './types.js';

/** Version of GitLab's security report schema the document follows. */
const GITLAB_REPORT_VERSION = '15.0.7';

/** The schema of that version, as GitLab publishes it. */
const GITLAB_SCHEMA_URI = `https://gitlab.com/gitlab-org/security-products/security-report-schemas/-/raw/v${GITLAB_REPORT_VERSION}/dist/secret-detection-report-format.json`;

const SEVERITY: Readonly<Record<ReportSeverity, string>> = { error: 'Critical', warning: 'Medium', info: 'Info' };

/** GitLab's placeholder commit for findings outside a commit (working tree, index). */
const NO_COMMIT = '0000000';

/**
 * The `gitlab` format: a GitLab secret detection report (`artifacts:reports:secret_detection`),
 * so findings show in merge requests and the security dashboard. Each vulnerability has a
 * deterministic id (derived from fingerprint, file and line), our rule id as primary
 * identifier, and its commit (`0000000` outside `--history`). Never a raw source extract.
 */
export const renderGitlab: Renderer = function* (result, options) {
  const version = options.toolVersion ?? '0.0.0';
  yield `{"version":"${GITLAB_REPORT_VERSION}","schema":${JSON.stringify(GITLAB_SCHEMA_URI)},"vulnerabilities":[`;
  const texts = explanationTexts(options.locale);
  let first = true;
  for (const f of result.findings) {
    yield `${first ? '\n' : ',\n'}${JSON.stringify(vulnerability(f, texts))}`;
    first = false;
  }
  const started = result.startedAt ?? new Date(0);
  const finished = result.finishedAt ?? started;
  const tool = { id: 'mwsguard', name: 'mwsguard', version, vendor: { name: 'mwsguard' } };
  const scan = {
    analyzer: tool,
    scanner: { ...tool, url: REPOSITORY_URL },
    type: 'secret_detection',
    start_time: timestamp(started),
    end_time: timestamp(finished),
    status: 'success',
  };
  yield `${first ? '' : '\n'}],"scan":${JSON.stringify(scan)}}\n`;
};

function vulnerability(f: FileFinding, texts: ExplanationTexts): object {
  const info = KIND_INFO[f.kind];
  const title = texts.titles[f.kind];
  const commit = f.commit
    ? { sha: f.commit.sha, author: `${f.commit.author} <${f.commit.email}>`, date: f.commit.date }
    : { sha: NO_COMMIT };
  return {
    id: uuid(`${f.fingerprint}\0${f.file}\0${String(f.line)}\0${String(f.column)}`),
    name: `${title[0]?.toUpperCase() ?? ''}${title.slice(1)} (${f.kind})`,
    description: `${f.message} ${texts.explanations[f.kind].why}`,
    severity: SEVERITY[f.severity],
    solution: f.recommendation,
    location: { file: f.file, commit, start_line: f.line, end_line: f.endLine },
    identifiers: [
      { type: 'mwsguard_rule_id', name: `mwsguard rule ${f.ruleId}`, value: f.ruleId, url: info.docsUrl },
      { type: 'mwsguard_fingerprint', name: 'mwsguard fingerprint', value: f.fingerprint },
    ],
  };
}

/** A UUID-shaped id derived from `seed` (the same finding keeps its id from run to run). */
function uuid(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** `YYYY-MM-DDTHH:MM:SS` in UTC, the only shape the schema accepts. */
const timestamp = (date: Date): string => date.toISOString().slice(0, 19);
