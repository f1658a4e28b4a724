import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { toDisplayPath } from './display-path.js';
import { scanCommitMessages } from './commit-messages.js';
import { BlobReader, git, repositoryRoot, spawnGit } from './git.js';
import type { GlobList } from './globs.js';
import { FatalError } from './fatal-error.js';
import { COMMIT_FORMAT, GITLINK_MODE, SYMLINK_MODE, parsePatchLog } from './patch.js';
import type { PatchCommit, PatchFile } from './patch.js';
import { skippedFile } from './result.js';
import type { CommitInfo, FileFinding, SkippedFile, SkipReason, SuppressedFinding } from './result.js';
import type { FilesScan } from './scan-files.js';
import { scanBytes } from './isolated-scan.js';
import type { ByteScanOptions } from './isolated-scan.js';
import { emptyScan } from './scan-source.js';
import type { SourceScan } from './scan-source.js';
import { formatSize } from './size.js';
import { UsageError } from './usage-error.js';
import { appendAll } from './append.js';

/** Options of {@link scanHistory}. */
export interface HistoryOptions extends ByteScanOptions {
  readonly cwd: string;
  readonly pathspecs: readonly string[];
  readonly maxFileSize: number;
  readonly ignore: readonly GlobList[];
  /** Only commits not reachable from this revision (`--since REV`). */
  readonly since?: string;
  /** Start from this branch or revision instead of HEAD (`--branch`). */
  readonly branch?: string;
  /** Every ref (`--all`). */
  readonly all: boolean;
  readonly onFile?: () => void;
}

/** A history scan: one finding per secret (its first commit), plus the number of commits visited. */
export interface HistoryScan extends FilesScan {
  commitsScanned: number;
}

/**
 * Scans the lines each commit added: `git log -p -U0` gives, per commit and file, the added line
 * numbers and the resulting blob (read by `parsePatchLog`); the blob is scanned whole (so context
 * such as a key name on the line above counts) and only findings on added lines are kept. A
 * secret added to a file in many commits is reported once for that file, at its first commit
 * (oldest first, parents before children), with the number of commits that added it there; the
 * same secret in several files gives one finding per file, which the summary counts as reuse.
 * Merge commits count only for lines that differ from every parent (`--cc`), so a merged branch
 * does not report its secrets twice. A failing git is a fatal error (exit 2).
 */
export async function scanHistory(options: HistoryOptions): Promise<HistoryScan> {
  const root = await repositoryRoot(options.cwd, undefined, true);
  const revisions = await resolveRevisions(options);
  const scan: HistoryScan = { ...emptyScan(), commitsScanned: 0 };
  if (revisions === undefined) return scan;
  // A shallow clone (CI checkouts fetch one commit by default) holds only the newest commits: say
  // so, since a key removed before them cannot be found and the scan would look complete.
  const shallow = await git(['rev-parse', '--is-shallow-repository'], root);
  if (shallow.code === 0 && shallow.stdout.trim() === 'true') {
    scan.notes.push(
      'this clone is shallow: only its commits were scanned (older history is not in it; `git fetch --unshallow` fetches it).',
    );
  }

  const first = new Map<string, { finding: FileFinding; commits: Set<string> }>();
  const suppressed = new Map<string, SuppressedFinding>();
  const skipped = new Map<string, SkippedFile>();
  const cache = new Map<string, SourceScan | undefined>();
  const reader = new BlobReader(root, options.maxFileSize);

  const skip = (file: string, reason: SkipReason, detail?: string): void => {
    const key = `${reason}\0${file}`;
    if (!skipped.has(key)) skipped.set(key, skippedFile(file, reason, detail));
  };

  const scanFile = async (section: PatchFile): Promise<void> => {
    const absolutePath = join(root, section.path);
    const file = toDisplayPath(options.cwd, absolutePath);
    if (section.binary) {
      skip(file, 'binary');
      return;
    }
    if (section.added.length === 0 || section.blob === undefined || section.mode === GITLINK_MODE) return;
    if (section.mode === SYMLINK_MODE) {
      skip(file, 'symlink');
      return;
    }
    if (options.ignore.some((list) => list.matches(absolutePath))) {
      skip(file, 'ignored');
      return;
    }
    const key = `${section.blob}\0${file}`;
    let result = cache.get(key);
    if (!cache.has(key)) {
      options.onFile?.();
      result = await scanBlob(reader, section.blob, file, options, skip);
      if (result) {
        scan.filesScanned += 1;
        scan.scannedFiles.push(file);
      }
      cache.set(key, result);
    }
    if (!result) return;
    const added = new Set(section.added);
    const onAdded = (f: FileFinding): boolean => {
      for (let line = f.line; line <= f.endLine; line++) if (added.has(line)) return true;
      return false;
    };
    const commit: CommitInfo = { ...commitInfo(section.commit), count: 1 };
    for (const f of result.findings) {
      if (!onAdded(f)) continue;
      const id = `${f.fingerprint}\0${f.file}`;
      const seen = first.get(id);
      if (seen) seen.commits.add(commit.sha);
      else first.set(id, { finding: { ...f, commit }, commits: new Set([commit.sha]) });
    }
    for (const s of result.suppressed) {
      if (!onAdded(s.finding)) continue;
      const id = `${s.reason}\0${s.finding.fingerprint}\0${s.finding.file}`;
      if (!suppressed.has(id)) suppressed.set(id, { ...s, finding: { ...s.finding, commit } });
    }
  };

  const child = spawnGit(
    [
      '-c',
      'core.quotePath=false',
      'log',
      '--reverse',
      '--topo-order',
      '-p',
      '-U0',
      '--no-color',
      '--no-ext-diff',
      '--no-textconv',
      '--no-renames',
      '--full-index',
      '--diff-merges=dense-combined',
      `--format=${COMMIT_FORMAT}`,
      ...revisions,
      '--',
      ...options.pathspecs,
    ],
    options.cwd,
  );
  const stderr: Buffer[] = [];
  child.stderr.on('data', (chunk: Buffer) => {
    stderr.push(chunk);
  });
  const exited = new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      resolve(code ?? 1);
    });
  });

  try {
    const lines = createInterface({ input: child.stdout, crlfDelay: Infinity });
    for await (const entry of parsePatchLog(lines)) {
      if (entry.type === 'commit') scan.commitsScanned += 1;
      else await scanFile(entry);
    }
  } finally {
    // A scan that stops early (a failed blob read) must not leave git writing into a full pipe.
    if (child.exitCode === null && child.signalCode === null) child.kill();
    await reader.close();
  }
  const code = await exited;
  if (code !== 0) {
    const reason = Buffer.concat(stderr).toString('utf8').split('\n', 1)[0]?.trim() ?? '';
    throw new FatalError(`git log failed: ${reason || `exit code ${String(code)}`}`);
  }
  for (const { finding, commits } of first.values()) {
    const info = finding.commit;
    scan.findings.push(info ? { ...finding, commit: { ...info, count: commits.size } } : finding);
  }
  appendAll(scan.suppressed, suppressed.values());
  appendAll(scan.skipped, skipped.values());
  const messages = await scanCommitMessages(options.cwd, revisions, options.pathspecs, options);
  appendAll(scan.findings, messages.findings);
  appendAll(scan.suppressed, messages.suppressed);
  return scan;
}

/** The commit fields findings carry (the message stays out of reports). */
const commitInfo = ({ sha, author, email, date }: PatchCommit): Omit<CommitInfo, 'count'> => ({
  sha,
  author,
  email,
  date,
});

async function scanBlob(
  reader: BlobReader,
  id: string,
  file: string,
  options: HistoryOptions,
  skip: (file: string, reason: SkipReason, detail?: string) => void,
): Promise<SourceScan | undefined> {
  const blob = await reader.read(id);
  if (blob.kind === 'missing') {
    skip(file, 'unreadable', `blob ${id.slice(0, 12)} missing`);
    return undefined;
  }
  if (blob.kind === 'tooLarge') {
    skip(file, 'tooLarge', formatSize(blob.size));
    return undefined;
  }
  const result = await scanBytes(blob.bytes, file, options);
  if (result.status === 'scanned') return result;
  skip(file, result.reason, result.detail);
  return undefined;
}

/** The revision arguments of `git log`, or `undefined` when there is no commit to scan yet. */
async function resolveRevisions(options: HistoryOptions): Promise<string[] | undefined> {
  const verify = async (rev: string): Promise<boolean> =>
    (await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`], options.cwd)).code === 0;
  const revisions: string[] = [];
  if (options.all) {
    revisions.push('--all');
  } else {
    const tip = options.branch ?? 'HEAD';
    if (!(await verify(tip))) {
      if (options.branch === undefined) return undefined; // an unborn branch: nothing committed yet
      throw new UsageError(`Unknown branch or revision: ${tip}`);
    }
    revisions.push(tip);
  }
  if (options.since !== undefined) {
    if (!(await verify(options.since))) throw new UsageError(`Unknown revision for --since: ${options.since}`);
    revisions.push(`^${options.since}`);
  }
  return revisions;
}
