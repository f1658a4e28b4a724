import type { PatchCommit, PatchFile } from './patch.js';
import { skippedFile } from './result.js';
import type { CommitInfo, FileFinding, SkippedFile, SkipReason, SuppressedFinding } from './result.js';
import type { FilesScan } from './scan-files.js';
import type { SourceScan } from './scan-source.js';
import { appendAll } from './append.js';

/**
 * What a history scan keeps of its blobs' findings: each secret once per file, at its first commit
 * (the walk goes oldest first), with the set of commits that added it there; each suppressed
 * finding once; each skipped file once per reason.
 */
export class HistoryFindings {
  readonly #first = new Map<string, { finding: FileFinding; commits: Set<string> }>();
  readonly #suppressed = new Map<string, SuppressedFinding>();
  readonly #skipped = new Map<string, SkippedFile>();

  /** Notes `file` as skipped for `reason`, unless it already is. */
  readonly skip = (file: string, reason: SkipReason, detail?: string): void => {
    const key = `${reason}\0${file}`;
    if (!this.#skipped.has(key)) this.#skipped.set(key, skippedFile(file, reason, detail));
  };

  /** Keeps the findings of `result` (the scan of `section`'s blob) that lie on the lines `section` added. */
  keepAdded(result: SourceScan, section: PatchFile): void {
    const added = new Set(section.added);
    const onAdded = (f: FileFinding): boolean => {
      for (let line = f.line; line <= f.endLine; line++) if (added.has(line)) return true;
      return false;
    };
    const commit: CommitInfo = { ...commitInfo(section.commit), count: 1 };
    for (const f of result.findings) {
      if (!onAdded(f)) continue;
      const id = `${f.fingerprint}\0${f.file}`;
      const seen = this.#first.get(id);
      if (seen) seen.commits.add(commit.sha);
      else this.#first.set(id, { finding: { ...f, commit }, commits: new Set([commit.sha]) });
    }
    for (const s of result.suppressed) {
      if (!onAdded(s.finding)) continue;
      const id = `${s.reason}\0${s.finding.fingerprint}\0${s.finding.file}`;
      if (!this.#suppressed.has(id)) this.#suppressed.set(id, { ...s, finding: { ...s.finding, commit } });
    }
  }

  /** Adds what was kept to `scan`, each finding with the number of commits that added it. */
  addTo(scan: FilesScan): void {
    for (const { finding, commits } of this.#first.values()) {
      const info = finding.commit;
      scan.findings.push(info ? { ...finding, commit: { ...info, count: commits.size } } : finding);
    }
    appendAll(scan.suppressed, this.#suppressed.values());
    appendAll(scan.skipped, this.#skipped.values());
  }
}

/** The commit fields findings carry (the message stays out of reports). */
const commitInfo = ({ sha, author, email, date }: PatchCommit): Omit<CommitInfo, 'count'> => ({
  sha,
  author,
  email,
  date,
});
