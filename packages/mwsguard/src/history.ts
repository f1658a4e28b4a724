import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { toDisplayPath } from './display-path.js';
import { BlobReader, git, repositoryRoot, spawnGit } from './git.js';
import type { GlobList } from './globs.js';
import { decodeSource } from './read.js';
import type { CommitInfo, FileFinding, SkipReason, SuppressedFinding } from './result.js';
import type { FilesScan } from './scan-files.js';
import { scanSource } from './scan-source.js';
import type { SourceScan, SourceScanOptions } from './scan-source.js';
import { formatSize } from './size.js';
import { UsageError } from './usage-error.js';

/** Options of {@link scanHistory}. */
export interface HistoryOptions extends SourceScanOptions {
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

type Commit = Omit<CommitInfo, 'count'>;

/** One file of one commit's patch: the blob it leads to and the lines the patch added. */
interface Section {
  readonly commit: Commit;
  path?: string;
  id?: string;
  mode?: string;
  binary: boolean;
  readonly added: number[];
}

/**
 * Scans the lines each commit added: `git log -p -U0` gives, per commit and file, the added line
 * numbers and the resulting blob; the blob is scanned whole (so context such as a key name on
 * the line above counts) and only findings on added lines are kept. A secret added to a file in
 * many commits is reported once for that file, at its first commit (oldest first, parents before
 * children), with the number of commits that added it there; the same secret in several files
 * gives one finding per file, which the summary counts as reuse. Merge commits count only for
 * lines that differ from every parent (`--cc`), so a merged branch does not report its secrets
 * twice.
 */
export async function scanHistory(options: HistoryOptions): Promise<HistoryScan> {
  const root = await repositoryRoot(options.cwd);
  const revisions = await resolveRevisions(options);
  const scan: HistoryScan = {
    findings: [],
    suppressed: [],
    skipped: [],
    notes: [],
    scannedFiles: [],
    filesScanned: 0,
    commitsScanned: 0,
  };
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
  const skipped = new Map<string, { file: string; reason: SkipReason; detail?: string }>();
  const cache = new Map<string, SourceScan | undefined>();
  const reader = new BlobReader(root, options.maxFileSize);

  const skip = (file: string, reason: SkipReason, detail?: string): void => {
    const key = `${reason}\0${file}`;
    if (!skipped.has(key)) skipped.set(key, detail === undefined ? { file, reason } : { file, reason, detail });
  };

  const finish = async (section: Section | undefined): Promise<void> => {
    if (!section?.path) return;
    const absolutePath = join(root, section.path);
    const file = toDisplayPath(options.cwd, absolutePath);
    if (section.binary) {
      skip(file, 'binary');
      return;
    }
    if (section.added.length === 0 || section.id === undefined || section.mode === '160000') return;
    if (section.mode === '120000') {
      skip(file, 'symlink');
      return;
    }
    if (options.ignore.some((list) => list.matches(absolutePath))) {
      skip(file, 'ignored');
      return;
    }
    const key = `${section.id}\0${file}`;
    let result = cache.get(key);
    if (!cache.has(key)) {
      options.onFile?.();
      result = await scanBlob(reader, section.id, file, options, skip);
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
    for (const f of result.findings) {
      if (!onAdded(f)) continue;
      const id = `${f.fingerprint}\0${f.file}`;
      const seen = first.get(id);
      if (seen) seen.commits.add(section.commit.sha);
      else
        first.set(id, {
          finding: { ...f, commit: { ...section.commit, count: 1 } },
          commits: new Set([section.commit.sha]),
        });
    }
    for (const s of result.suppressed) {
      if (!onAdded(s.finding)) continue;
      const id = `${s.reason}\0${s.finding.fingerprint}\0${s.finding.file}`;
      if (!suppressed.has(id))
        suppressed.set(id, { ...s, finding: { ...s.finding, commit: { ...section.commit, count: 1 } } });
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
      '--format=%x01%H%x1f%an%x1f%ae%x1f%aI',
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
    let commit: Commit | undefined;
    let section: Section | undefined;
    let inHunk = false;
    let parents = 1;
    let next = 0;
    for await (const line of createInterface({ input: child.stdout, crlfDelay: Infinity })) {
      if (inHunk) {
        const c = line.charCodeAt(0);
        // ' ', '+', '-', '\': hunk content (a header line never starts with one of these).
        if (c === 32 || c === 43 || c === 45 || c === 92) {
          if (c === 92 || !section) continue;
          const prefix = line.slice(0, parents);
          if (prefix.includes('-')) continue;
          if (parents === 1 ? c === 43 : /^\++$/.test(prefix)) section.added.push(next);
          next += 1;
          continue;
        }
        inHunk = false;
      }
      if (line.startsWith('\u0001')) {
        await finish(section);
        section = undefined;
        const [sha = '', author = '', email = '', date = ''] = line.slice(1).split('\u001f');
        commit = { sha, author, email, date };
        scan.commitsScanned += 1;
      } else if (
        line.startsWith('diff --git ') ||
        line.startsWith('diff --cc ') ||
        line.startsWith('diff --combined ')
      ) {
        await finish(section);
        section = commit ? { commit, binary: false, added: [] } : undefined;
      } else if (section) {
        if (line.startsWith('@@')) {
          const header = /^(@{2,}) (?:-\S+ )+\+(\d+)(?:,\d+)? @{2,}/.exec(line);
          if (header) {
            parents = (header[1]?.length ?? 2) - 1;
            next = Number(header[2]);
            inHunk = true;
          }
        } else if (line.startsWith('index ')) {
          const index = /^index [0-9a-f,]+\.\.([0-9a-f]+)(?: (\d+))?$/.exec(line);
          if (index) {
            section.id = index[1];
            if (index[2] !== undefined) section.mode = index[2];
          }
        } else if (line.startsWith('new file mode ') || line.startsWith('new mode ')) {
          section.mode = line.slice(line.lastIndexOf(' ') + 1);
        } else if (line.startsWith('+++ ')) {
          const target = line.slice(4);
          if (target !== '/dev/null') section.path = unquote(target).replace(/^b\//, '');
        } else if (line.startsWith('Binary files ')) {
          section.binary = true;
          // Binary sections have no +++ line: take the new path from `and b/… differ`.
          const match = / and (.+) differ$/.exec(line);
          if (match?.[1] && match[1] !== '/dev/null') section.path = unquote(match[1]).replace(/^b\//, '');
        }
      }
    }
    await finish(section);
  } finally {
    await reader.close();
  }
  const code = await exited;
  if (code !== 0) {
    throw new UsageError(`git log failed: ${Buffer.concat(stderr).toString('utf8').split('\n', 1)[0]?.trim() ?? ''}`);
  }
  for (const { finding, commits } of first.values()) {
    const info = finding.commit;
    scan.findings.push(info ? { ...finding, commit: { ...info, count: commits.size } } : finding);
  }
  scan.suppressed.push(...suppressed.values());
  scan.skipped.push(...skipped.values());
  return scan;
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
  const source = decodeSource(blob.bytes);
  if (source.kind === 'binary') {
    skip(file, 'binary');
    return undefined;
  }
  return scanSource(source.text, file, options);
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

/** Undoes git's C-style quoting of a path (`"b/caf\303\251\tx"`). */
export function unquote(text: string): string {
  if (!text.startsWith('"') || !text.endsWith('"') || text.length < 2) return text;
  const bytes: number[] = [];
  const body = text.slice(1, -1);
  const escapes: Readonly<Record<string, number>> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };
  for (let i = 0; i < body.length; i++) {
    const c = body[i] ?? '';
    if (c !== '\\') {
      bytes.push(...Buffer.from(c, 'utf8'));
      continue;
    }
    const next = body[i + 1] ?? '';
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(body.slice(i + 1, i + 4), 8));
      i += 3;
    } else {
      bytes.push(escapes[next] ?? next.charCodeAt(0));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}
