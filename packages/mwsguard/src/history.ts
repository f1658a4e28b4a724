import { join } from 'node:path';
import { toDisplayPath } from './display-path.js';
import { scanCommitMessages } from './commit-messages.js';
import { BlobReader, git, repositoryRoot } from './git.js';
import type { GlobList } from './globs.js';
import { HistoryFindings } from './history-findings.js';
import { startPatchLog } from './history-log.js';
import { GITLINK_MODE, SYMLINK_MODE } from './patch.js';
import type { PatchFile } from './patch.js';
import type { SkipReason } from './result.js';
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
  await noteShallowClone(root, scan);

  const walk: HistoryWalk = {
    root,
    options,
    scan,
    kept: new HistoryFindings(),
    cache: new Map(),
    reader: new BlobReader(root, options.maxFileSize),
  };
  const log = startPatchLog(revisions, options);
  try {
    for await (const entry of log.read()) {
      if (entry.type === 'commit') scan.commitsScanned += 1;
      else await scanSection(walk, entry);
    }
  } finally {
    // A scan that stops early (a failed blob read) must not leave git writing into a full pipe.
    log.stop();
    await walk.reader.close();
  }
  await log.checkExit();
  walk.kept.addTo(scan);
  const messages = await scanCommitMessages(options.cwd, revisions, options.pathspecs, options);
  appendAll(scan.findings, messages.findings);
  appendAll(scan.suppressed, messages.suppressed);
  return scan;
}

/**
 * A shallow clone (CI checkouts fetch one commit by default) holds only the newest commits: say
 * so, since a key removed before them cannot be found and the scan would look complete.
 */
async function noteShallowClone(root: string, scan: HistoryScan): Promise<void> {
  const shallow = await git(['rev-parse', '--is-shallow-repository'], root);
  if (shallow.code === 0 && shallow.stdout.trim() === 'true') {
    scan.notes.push(
      'this clone is shallow: only its commits were scanned (older history is not in it; `git fetch --unshallow` fetches it).',
    );
  }
}

/** What the walk over the log carries from one file section to the next. */
interface HistoryWalk {
  readonly root: string;
  readonly options: HistoryOptions;
  readonly scan: HistoryScan;
  readonly kept: HistoryFindings;
  /** Each blob's scan under a file name, once (`undefined`: skipped). */
  readonly cache: Map<string, SourceScan | undefined>;
  readonly reader: BlobReader;
}

/** One file of one commit: its blob scanned (once per blob and name), its added lines' findings kept. */
async function scanSection(walk: HistoryWalk, section: PatchFile): Promise<void> {
  const { options, kept } = walk;
  const absolutePath = join(walk.root, section.path);
  const file = toDisplayPath(options.cwd, absolutePath);
  if (section.binary) {
    kept.skip(file, 'binary');
    return;
  }
  if (section.added.length === 0 || section.blob === undefined || section.mode === GITLINK_MODE) return;
  if (section.mode === SYMLINK_MODE) {
    kept.skip(file, 'symlink');
    return;
  }
  if (options.ignore.some((list) => list.matches(absolutePath))) {
    kept.skip(file, 'ignored');
    return;
  }
  const key = `${section.blob}\0${file}`;
  let result = walk.cache.get(key);
  if (!walk.cache.has(key)) {
    options.onFile?.();
    result = await scanBlob(walk.reader, section.blob, file, options, kept.skip);
    if (result) {
      walk.scan.filesScanned += 1;
      walk.scan.scannedFiles.push(file);
    }
    walk.cache.set(key, result);
  }
  if (result) kept.keepAdded(result, section);
}

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
