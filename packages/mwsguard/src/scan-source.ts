import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { judgeProject, scanWithAllow } from '@mwsguard/core';
import type { Allow, Finding, Kind, ProjectFile } from '@mwsguard/core';
import type { SourceText } from './read.js';
import type { FilesScan } from './scan-files.js';
import type { SkipReason, SuppressReason } from './result.js';

/** What the scan of one text needs beyond the text: decided once per run. */
export interface SourceScanOptions {
  /** Kinds to report (a kind set to `off` in the config is left out); default all. */
  readonly kinds?: readonly Kind[];
  /**
   * The allowlist checks that need the plaintext (`allowlist.values`), compiled by core's
   * `compileAllow`; paths and fingerprints are checked after the scan (`run.ts`), in the same
   * order core defines.
   */
  readonly allow?: Allow;
  /** Language of messages and recommendations (core's `locale`); default English. */
  readonly locale?: string;
  /**
   * Also keep the text's project candidate ({@link SourceScan.candidates}), for a scan that reads
   * a whole project and runs the project pass ({@link ProjectPass}): the directory and staged
   * scans. History (blobs across time are not one project) and commit messages do not.
   */
  readonly project?: boolean;
}

/** A finding as a file's scan gives it: core's, severity included (overrides come later, in `run.ts`). */
export type ScannedFinding = Finding & { readonly file: string };

/** A {@link ScannedFinding} that an inline directive or a value allowlist suppressed. */
export interface ScannedSuppressed {
  readonly finding: ScannedFinding;
  readonly reason: SuppressReason;
}

/** Findings of one text, split into reported and suppressed. Plain data: it crosses `postMessage`. */
export interface SourceScan {
  readonly findings: ScannedFinding[];
  readonly suppressed: ScannedSuppressed[];
  /**
   * With `project`: the text's project candidate when no suppression covers it (else in
   * `suppressedCandidates`); nothing until {@link ProjectPass} confirms it against other files.
   */
  readonly candidates: ScannedFinding[];
  readonly suppressedCandidates: ScannedSuppressed[];
}

/**
 * Scans one decoded text. This is the only place that sees plaintext secrets next to findings:
 * inline `mwsguard-ignore` directives and value allowlists are applied here (by core's one
 * policy), and nothing but the masked finding leaves.
 */
export function scanSource(text: string, file: string, options: SourceScanOptions): SourceScan {
  const scan = scanWithAllow(text, {
    path: file,
    ...(options.kinds ? { kinds: options.kinds } : {}),
    ...(options.locale === undefined ? {} : { locale: options.locale }),
    ...(options.allow ? { allow: options.allow } : {}),
    ...(options.project === true ? { project: true } : {}),
  });
  const suppressed = (list: readonly { finding: Finding; reason: SuppressReason }[]): ScannedSuppressed[] =>
    list.map(({ finding, reason }) => ({ finding: withFile(finding, file), reason }));
  return {
    findings: scan.reported.map((f) => withFile(f, file)),
    suppressed: suppressed(scan.suppressed),
    candidates: scan.candidates.map((f) => withFile(f, file)),
    suppressedCandidates: suppressed(scan.suppressedCandidates),
  };
}

/** What scanning one file gave. */
export type FileOutcome =
  | ({ readonly status: 'scanned' } & SourceScan)
  | { readonly status: 'skipped'; readonly reason: SkipReason; readonly detail?: string };

/**
 * Scans a decoded file (from disk, the index or history): binary files and archives are
 * skipped, and a failure in one file's scan (a bug, an input past an engine limit) becomes that
 * file's `scanFailed` skip, so it cannot take the other files' findings with it.
 */
export function scanDecoded(source: SourceText, file: string, options: SourceScanOptions): FileOutcome {
  if (source.kind === 'binary') return { status: 'skipped', reason: 'binary' };
  if (source.kind === 'archive') return { status: 'skipped', reason: 'archive', detail: source.format };
  try {
    return { status: 'scanned', ...scanSource(source.text, file, options) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { status: 'skipped', reason: 'scanFailed', detail: message.split('\n', 1)[0] ?? 'error' };
  }
}

const withFile = (f: Finding, file: string): ScannedFinding => ({ ...f, file });

/**
 * The project pass of one run (core's `judgeProject`, docs/cli.md#across-files-the-project-pass):
 * the files a directory or staged scan reads are one project per repository (the nearest folder
 * holding `.git`), whatever roots the command named.
 * Each scanned file leaves only its summary here (its findings and candidates, already masked;
 * never its text); once every file is scanned, `run.ts` adds the candidates another file's type-A
 * record confirms to the run's findings, before its allowlists, baselines and severity overrides.
 * Here, not in a module of its own: a commit hook's scan loads no module more for it.
 */
export class ProjectPass {
  readonly #files: (Omit<SourceScan, 'suppressed'> & { readonly file: string })[] = [];

  /** Keeps the summary of a scanned file; one with neither findings nor candidates adds nothing. */
  add(file: string, scan: SourceScan): void {
    const { findings, candidates, suppressedCandidates } = scan;
    if (findings.length === 0 && candidates.length === 0 && suppressedCandidates.length === 0) return;
    this.#files.push({ file, findings, candidates, suppressedCandidates });
  }

  /**
   * The candidates another file confirms, reported and suppressed, unsorted. A record `confirms`
   * rejects (one the path or fingerprint allowlist suppresses) confirms nothing, as a record an
   * inline directive suppresses: whoever allowlisted it said it is not type A.
   */
  judge(
    locale: string | undefined,
    confirms: (record: ScannedFinding) => boolean,
    cwd?: string,
  ): { findings: ScannedFinding[]; suppressed: ScannedSuppressed[] } {
    const out: { findings: ScannedFinding[]; suppressed: ScannedSuppressed[] } = { findings: [], suppressed: [] };
    if (!this.#files.some((f) => f.candidates.length > 0 || f.suppressedCandidates.length > 0)) return out;
    // One judgement per repository: a scan of a folder of many repositories must not confirm one
    // repository's file by another's record. (Without `cwd`, every file is one project.)
    const projectOf = cwd === undefined ? () => '' : repositoryOf(cwd);
    const projects = new Map<string, ProjectFile[]>();
    for (const f of this.#files) {
      const key = projectOf(f.file);
      const list = projects.get(key) ?? [];
      if (list.length === 0) projects.set(key, list);
      list.push({ ...f, findings: f.findings.filter(confirms) });
    }
    for (const files of projects.values()) {
      if (!files.some((f) => f.candidates.length > 0 || (f.suppressedCandidates?.length ?? 0) > 0)) continue;
      const { reported, suppressed } = judgeProject(files, locale);
      for (const { file, finding } of reported) out.findings.push(withFile(finding, file));
      for (const { file, finding, reason } of suppressed)
        out.suppressed.push({ finding: withFile(finding, file), reason });
    }
    return out;
  }
}

/**
 * The repository a scanned file belongs to: the nearest folder above it that holds `.git` (a
 * folder, or a worktree's or submodule's file), or `''` outside any. Each folder is looked at
 * once; only files with findings or candidates are ever asked about.
 */
function repositoryOf(cwd: string): (file: string) => string {
  const known = new Map<string, string>();
  const lookup = (dir: string): string => {
    let root = known.get(dir);
    if (root === undefined) {
      const parent = dirname(dir);
      const here = statSync(`${dir === '/' ? '' : dir}/.git`, { throwIfNoEntry: false }) !== undefined;
      root = here ? dir : parent === dir ? '' : lookup(parent);
      known.set(dir, root);
    }
    return root;
  };
  return (file) => lookup(dirname(resolve(cwd, file)));
}

/** An empty {@link FilesScan}; a scan that reads a project (directory, staged) passes its {@link ProjectPass}. */
export function emptyScan(project?: ProjectPass): FilesScan {
  const scan = { findings: [], suppressed: [], skipped: [], notes: [], scannedFiles: [], filesScanned: 0 };
  return project === undefined ? scan : { ...scan, project };
}
