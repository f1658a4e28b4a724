import { join } from 'node:path';
import { toDisplayPath } from './display-path.js';
import { BlobReader, git, repositoryRoot } from './git.js';
import type { GlobList } from './globs.js';
import { decodeSource } from './read.js';
import type { FilesScan } from './scan-files.js';
import { scanDecoded } from './scan-source.js';
import type { SourceScanOptions } from './scan-source.js';
import { formatSize } from './size.js';
import { UsageError } from './usage-error.js';
import { appendAll } from './append.js';

/** Options of {@link scanStaged}. */
export interface StagedOptions extends SourceScanOptions {
  readonly cwd: string;
  /** Pathspecs limiting the scan (relative to `cwd`); empty: everything staged. */
  readonly pathspecs: readonly string[];
  readonly maxFileSize: number;
  readonly ignore: readonly GlobList[];
  readonly onFile?: () => void;
}

const EMPTY_ID = /^0+$/;

/**
 * Scans what is about to be committed: the index content (`git show :path`) of every added,
 * copied, modified, renamed or type-changed file, never the working tree. Works before the first
 * commit (the index is compared with the empty tree), with partially staged files, and ignores
 * deletions; symbolic links (their content is a path) and submodules are skipped.
 */
export async function scanStaged(options: StagedOptions): Promise<FilesScan> {
  // Both at once: each git process costs a few milliseconds of start-up, which is a good part of
  // a commit hook's run. Outside a repository `repositoryRoot` rejects, as before (git diff only fails).
  const [root, diff] = await Promise.all([
    repositoryRoot(options.cwd),
    git(
      [
        '-c',
        'core.quotePath=false',
        'diff',
        '--cached',
        '--raw',
        '-z',
        '--no-renames',
        '--no-ext-diff',
        '--abbrev=40',
        '--diff-filter=ACMRT',
        '--',
        ...options.pathspecs,
      ],
      options.cwd,
    ),
  ]);
  if (diff.code !== 0) throw new UsageError(`git diff --cached failed: ${firstLine(diff.stderr)}`);
  const scan: FilesScan = { findings: [], suppressed: [], skipped: [], notes: [], scannedFiles: [], filesScanned: 0 };
  const entries = parseRaw(diff.stdout);
  if (entries.length === 0) return scan;
  const reader = new BlobReader(root, options.maxFileSize);
  try {
    for (const entry of entries) {
      const absolutePath = join(root, entry.path);
      const file = toDisplayPath(options.cwd, absolutePath);
      options.onFile?.();
      if (entry.mode === '160000') continue;
      if (entry.mode === '120000') {
        scan.skipped.push({ file, reason: 'symlink' });
        continue;
      }
      if (options.ignore.some((list) => list.matches(absolutePath))) {
        scan.skipped.push({ file, reason: 'ignored' });
        continue;
      }
      // An intent-to-add entry (git add -N) has no content staged yet.
      if (EMPTY_ID.test(entry.id)) continue;
      const blob = await reader.read(entry.id);
      if (blob.kind === 'missing') {
        scan.skipped.push({ file, reason: 'unreadable', detail: 'blob missing from the object database' });
        continue;
      }
      if (blob.kind === 'tooLarge') {
        scan.skipped.push({ file, reason: 'tooLarge', detail: formatSize(blob.size) });
        continue;
      }
      const result = scanDecoded(decodeSource(blob.bytes), file, options);
      if (result.status === 'skipped') {
        const { reason, detail } = result;
        scan.skipped.push(detail === undefined ? { file, reason } : { file, reason, detail });
        continue;
      }
      scan.filesScanned += 1;
      scan.scannedFiles.push(file);
      appendAll(scan.findings, result.findings);
      appendAll(scan.suppressed, result.suppressed);
    }
  } finally {
    await reader.close();
  }
  return scan;
}

interface RawEntry {
  readonly mode: string;
  readonly id: string;
  readonly path: string;
}

/** Parses `git diff --raw -z`: `:old new oldId newId status\0path\0` records. */
function parseRaw(output: string): RawEntry[] {
  const fields = output.split('\0');
  const entries: RawEntry[] = [];
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const meta = fields[i] ?? '';
    const path = fields[i + 1] ?? '';
    const parts = meta.replace(/^:/, '').split(' ');
    const mode = parts[1];
    const id = parts[3];
    if (mode === undefined || id === undefined || path === '') continue;
    entries.push({ mode, id, path });
  }
  return entries;
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0]?.trim() ?? '';
}
