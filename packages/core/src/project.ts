import { scanWithAllow } from './allow.js';
import type { AllowScanOptions, Suppressed } from './allow.js';
import { renderMessage } from './messages.js';
import { normalizeName } from './names.js';
import type { Finding } from './scan.js';

/**
 * The project pass: type A is often declared in one file and carried in others. The schema or
 * the migration says an `AmazonAccount` row keeps each seller's `lwaClientSecret`; the service
 * that writes it, the DTO the form posts and the client built from it name the same secret
 * beside a seller id, and read alone none of them shows that the secret is kept per seller.
 * A scan that reads the whole project (the CLI's directory scans) first scans each file
 * (`scanTextForProject`: its findings and at most one candidate), then hands every file's
 * summary here: a candidate is reported, as a warning naming the record, when another file of
 * the project holds a type-A record. Editors see one file at a time and report per file only.
 * docs/kinds/shared-credentials.md#across-files.
 */

/** What the project pass needs of one scanned file. */
export interface ProjectFile {
  /** The file as the caller names it (a display path): confirmed candidates' messages name it. */
  readonly file: string;
  /** Its reported findings (a suppressed record does not confirm: its reader said it is not type A). */
  readonly findings: readonly Finding[];
  /** Its candidates that no suppression covers (`scanWithAllow`'s `candidates`). */
  readonly candidates: readonly Finding[];
  /** Its candidates that a suppression covers: when confirmed, listed as suppressed. */
  readonly suppressedCandidates?: readonly Suppressed[];
}

/** A confirmed candidate, with the file it belongs to. */
export interface ProjectFinding {
  readonly file: string;
  readonly finding: Finding;
}

/** What {@link judgeProject} adds to a project's findings. */
export interface ProjectResult {
  readonly reported: ProjectFinding[];
  readonly suppressed: (ProjectFinding & { readonly reason: Suppressed['reason'] })[];
}

/** A type-A record or a signed request: a file showing the project keeps sellers' own keys. */
function confirms(f: Finding): boolean {
  return (
    f.kind === 'shared-credentials' && f.messageFacts.detail !== 'missing-token' && f.messageFacts.detail !== 'project'
  );
}

/**
 * A record's name as a file's `links` list it: the last part of its container's name, normalized
 * and without a plural `s` (`amazon_accounts` and `AmazonAccount` are `amazonaccount`); empty for
 * a record with no name or a short one, which no link matches.
 */
function recordLink(f: Finding): string {
  const name = normalizeName(f.messageFacts.container?.name.split(/[.\s]/).at(-1) ?? '').replace(/s$/, '');
  return name.length > 4 ? name : '';
}

/**
 * Confirms the project's candidates: each is reported when another file holds a type-A record
 * (see {@link confirms}), and its message names that record's file and line (one of the same
 * API when there is one; the first by file name, then line, so the output does not depend on
 * the order files were scanned in).
 */
export function judgeProject(files: readonly ProjectFile[], locale = 'en'): ProjectResult {
  const records: { file: string; finding: Finding }[] = [];
  for (const { file, findings } of files)
    for (const finding of findings) if (confirms(finding)) records.push({ file, finding });
  const result: ProjectResult = { reported: [], suppressed: [] };
  if (records.length === 0) return result;
  records.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.finding.offset - b.finding.offset));
  const confirm = (file: string, candidate: Finding): Finding | undefined => {
    const { links, ...facts } = candidate.messageFacts;
    // A file with no seller id of its own is confirmed only by a record it names (`links`).
    const others = records.filter(
      (r) => r.file !== file && (links === undefined || links.includes(recordLink(r.finding))),
    );
    const record = others.find((r) => r.finding.messageFacts.api === candidate.messageFacts.api) ?? others[0];
    if (!record) return undefined;
    const messageFacts = { ...facts, project: { file: record.file, line: record.finding.line } };
    return { ...candidate, messageFacts, message: renderMessage(messageFacts, locale) };
  };
  for (const { file, candidates, suppressedCandidates = [] } of files) {
    for (const candidate of candidates) {
      const finding = confirm(file, candidate);
      if (finding) result.reported.push({ file, finding });
    }
    for (const { finding: candidate, reason } of suppressedCandidates) {
      const finding = confirm(file, candidate);
      if (finding) result.suppressed.push({ file, finding, reason });
    }
  }
  return result;
}

/** One text of a project, named as {@link ProjectFile.file}. */
export interface ProjectText {
  readonly file: string;
  readonly text: string;
}

/**
 * Scans every text of a project and applies the project pass: per file, what it reports and
 * what a suppression covers (core's one policy, `scanWithAllow`). For callers that hold the whole
 * project in memory (tests, evaluations, small tools); the CLI streams files and keeps only their
 * summaries. `options.path` is ignored: each text is scanned under its own `file`.
 */
export function scanProject(
  texts: readonly ProjectText[],
  options: AllowScanOptions = {},
): Map<string, { reported: Finding[]; suppressed: Suppressed[] }> {
  const out = new Map<string, { reported: Finding[]; suppressed: Suppressed[] }>();
  const files: ProjectFile[] = [];
  for (const { file, text } of texts) {
    const scan = scanWithAllow(text, { ...options, path: file, project: true });
    out.set(file, { reported: scan.reported, suppressed: scan.suppressed });
    files.push({
      file,
      findings: scan.reported,
      candidates: scan.candidates,
      suppressedCandidates: scan.suppressedCandidates,
    });
  }
  const { reported, suppressed } = judgeProject(files, options.locale);
  for (const { file, finding } of reported) out.get(file)?.reported.push(finding);
  for (const { file, finding, reason } of suppressed) out.get(file)?.suppressed.push({ finding, reason });
  for (const entry of out.values()) entry.reported.sort((a, b) => a.offset - b.offset || a.kind.localeCompare(b.kind));
  return out;
}
