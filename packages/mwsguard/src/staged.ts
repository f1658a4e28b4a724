import { toDisplayPath } from './display-path.js';
import { joinPath } from './join-path.js';
import type { BlobContent } from './git.js';
import type { GlobList } from './globs.js';
import type { FilesScan } from './scan-files.js';
import { scanBytes } from './isolated-scan.js';
import type { ByteScanOptions } from './isolated-scan.js';
import { ProjectPass, emptyScan } from './scan-source.js';
import { formatSize } from './size.js';
import { UsageError } from './usage-error.js';
import { startStaged } from './staged-source.js';
import type { BlobSource, StagedEntry, StagedSource } from './staged-source.js';
import { appendAll } from './append.js';

/** Options of {@link scanStaged}. */
export interface StagedOptions extends ByteScanOptions {
  readonly cwd: string;
  /** Pathspecs limiting the scan (relative to `cwd`); empty: everything staged. */
  readonly pathspecs: readonly string[];
  readonly maxFileSize: number;
  readonly ignore: readonly GlobList[];
  readonly onFile?: () => void;
  /** The staged files' source, when it was started before the scanner loaded ({@link startStaged}). */
  readonly git?: StagedSource;
}

const EMPTY_ID = /^0+$/;

/**
 * Scans what is about to be committed: the index content (`git show :path`) of every added,
 * copied, modified, renamed or type-changed file, never the working tree. Works before the first
 * commit (the index is compared with the empty tree), with partially staged files, and ignores
 * deletions; symbolic links (their content is a path) and submodules are skipped. The staged
 * files are the project of the project pass ({@link ProjectPass}): a hook sees nothing else, so a
 * service staged without its schema is not judged against the schema committed earlier.
 */
export async function scanStaged(options: StagedOptions): Promise<FilesScan> {
  const started = options.git ?? (await startStaged(options.cwd, options.pathspecs));
  const { reader } = started;
  reader.maxSize = options.maxFileSize;
  try {
    // Outside a repository `root` rejects (git diff only fails).
    const [root, listed] = await Promise.all([started.root, started.listed]);
    if ('failure' in listed) throw new UsageError(listed.failure);
    const project = new ProjectPass();
    const scan = emptyScan(project);
    const scanOptions = { ...options, project: true };
    const blobs = new Prefetch(reader);
    const entries = listed.entries.map((entry) => {
      const absolutePath = joinPath(root, entry.path);
      return { ...entry, absolutePath, skip: skipReason(entry, absolutePath, options.ignore) };
    });
    for (const entry of entries) if (entry.skip === undefined) blobs.add(entry.id);
    for (const entry of entries) {
      const file = toDisplayPath(options.cwd, entry.absolutePath);
      options.onFile?.();
      if (entry.skip === 'none') continue;
      if (entry.skip !== undefined) {
        scan.skipped.push({ file, reason: entry.skip });
        continue;
      }
      const blob = await blobs.next();
      if (blob.kind === 'missing') {
        scan.skipped.push({ file, reason: 'unreadable', detail: 'blob missing from the object database' });
        continue;
      }
      if (blob.kind === 'tooLarge') {
        scan.skipped.push({ file, reason: 'tooLarge', detail: formatSize(blob.size) });
        continue;
      }
      const result = await scanBytes(blob.bytes, file, scanOptions);
      if (result.status === 'skipped') {
        const { reason, detail } = result;
        scan.skipped.push(detail === undefined ? { file, reason } : { file, reason, detail });
        continue;
      }
      scan.filesScanned += 1;
      scan.scannedFiles.push(file);
      appendAll(scan.findings, result.findings);
      appendAll(scan.suppressed, result.suppressed);
      project.add(file, result);
    }
    return scan;
  } finally {
    await reader.close();
  }
}

/**
 * Why a staged entry is not read: `none` for what is not a file's content (a submodule, an
 * intent-to-add entry, `git add -N`, which has no content staged yet), a skip reason for a
 * symbolic link (its content is a path) or an ignored path; `undefined` for a blob to scan.
 */
function skipReason(
  entry: StagedEntry,
  absolutePath: string,
  ignore: readonly GlobList[],
): 'none' | 'symlink' | 'ignored' | undefined {
  if (entry.mode === '160000') return 'none';
  if (entry.mode === '120000') return 'symlink';
  if (ignore.some((list) => list.matches(absolutePath))) return 'ignored';
  return EMPTY_ID.test(entry.id) ? 'none' : undefined;
}

/** How many blobs are asked of git ahead of the one being scanned: at most this many are held in memory. */
const READ_AHEAD = 8;

/**
 * The blobs to scan, in order, each asked of git a few blobs before it is needed, so that git
 * writes the next while this process scans the last instead of waiting on one round trip each.
 */
class Prefetch {
  readonly #ids: string[] = [];
  readonly #asked: Promise<BlobContent>[] = [];
  #taken = 0;

  constructor(private readonly reader: BlobSource) {}

  add(id: string): void {
    this.#ids.push(id);
  }

  next(): Promise<BlobContent> {
    while (this.#asked.length < this.#ids.length && this.#asked.length < this.#taken + 1 + READ_AHEAD) {
      const blob = this.reader.read(this.#ids[this.#asked.length] ?? '');
      // Awaited in turn by `next`; a read that fails after an earlier failure ended the scan is
      // not an unhandled rejection.
      blob.catch(() => undefined);
      this.#asked.push(blob);
    }
    const blob = this.#asked[this.#taken];
    if (blob === undefined) return Promise.reject(new Error('no blob left to read'));
    this.#taken += 1;
    return blob;
  }
}
