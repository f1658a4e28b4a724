/**
 * Reads the output of `git log -p -U0 --cc --full-index --format=<COMMIT_FORMAT>` into commits
 * and the files each one changed. No git, no file system: `history.ts` feeds it git's lines, and
 * tests feed it canned text.
 */

/** `git log --format`: a marker byte, then the commit's fields separated by unit separators. */
export const COMMIT_FORMAT = '%x01%H%x1f%an%x1f%ae%x1f%aI';

const COMMIT_MARK = '\u0001';
const FIELD_SEPARATOR = '\u001f';

/** The tree entry mode of a submodule (a commit id, not a file): never scanned. */
export const GITLINK_MODE = '160000';
/** The tree entry mode of a symbolic link: its blob is the link's target path, not content. */
export const SYMLINK_MODE = '120000';

/** A commit as the log names it. */
export interface PatchCommit {
  readonly sha: string;
  readonly author: string;
  readonly email: string;
  /** Author date, ISO 8601 with the author's offset. */
  readonly date: string;
  /**
   * Lines between the header and the first file, when the format prints a message (`%B`);
   * empty with {@link COMMIT_FORMAT}. Joined with `\n`, surrounding blank lines trimmed.
   */
  readonly message: string;
}

/** One file of one commit's patch: the blob it leads to and the lines the patch added. */
export interface PatchFile {
  readonly commit: PatchCommit;
  /** Path in the new tree, unquoted, without the `b/` prefix. */
  readonly path: string;
  /** The resulting blob (full id); absent for a deletion or a mode-only change. */
  readonly blob: string | undefined;
  /** The resulting mode (`100644`, {@link SYMLINK_MODE}, {@link GITLINK_MODE}…), when the patch says. */
  readonly mode: string | undefined;
  /** Git found the file binary: no lines, only `Binary files … differ`. */
  readonly binary: boolean;
  /**
   * 1-based line numbers, in the resulting blob, of lines this commit added. For a merge
   * (combined diff), only lines that differ from every parent.
   */
  readonly added: readonly number[];
}

/** What the parser yields, in log order: each commit, then each of its files. */
export type PatchEntry =
  { readonly type: 'commit'; readonly commit: PatchCommit } | ({ readonly type: 'file' } & PatchFile);

interface OpenFile {
  path?: string;
  blob?: string;
  mode?: string;
  binary: boolean;
  readonly added: number[];
}

const DIFF_HEADERS = ['diff --git ', 'diff --cc ', 'diff --combined '];
// `@@ -1,2 +3,4 @@` (one parent) or `@@@ -1 -2 +3,4 @@@` (a merge: one `-` range per parent).
const HUNK_HEADER = /^(@{2,}) (?:-\S+ )+\+(\d+)(?:,\d+)? @{2,}/;
const INDEX_LINE = /^index [0-9a-f,]+\.\.([0-9a-f]+)(?: (\d+))?$/;
const ALL_ADDED = /^\++$/;
const BINARY_TARGET = / and (.+) differ$/;

/**
 * Parses a `git log -p` stream line by line (lines without their ending). Yields a commit when
 * its message is complete (at its first file), and a file when its section ends, so memory holds
 * one file's added line numbers at a time.
 */
export async function* parsePatchLog(lines: AsyncIterable<string> | Iterable<string>): AsyncGenerator<PatchEntry> {
  let commit: PatchCommit | undefined;
  let message: string[] | undefined;
  let file: OpenFile | undefined;
  let inHunk = false;
  let parents = 1;
  let next = 0;

  function* flush(): Generator<PatchEntry> {
    if (commit && message) {
      commit = { ...commit, message: message.join('\n').trim() };
      message = undefined;
      yield { type: 'commit', commit };
    }
    if (commit && file?.path !== undefined) {
      yield {
        type: 'file',
        commit,
        path: file.path,
        blob: file.blob,
        mode: file.mode,
        binary: file.binary,
        added: file.added,
      };
    }
    file = undefined;
  }

  for await (const line of lines) {
    if (inHunk) {
      // ' ', '+', '-', '\': hunk content (a header line never starts with one of these).
      const c = line[0];
      if (c === ' ' || c === '+' || c === '-' || c === '\\') {
        if (c === '\\' || !file) continue; // `\ No newline at end of file`
        const prefix = line.slice(0, parents);
        if (prefix.includes('-')) continue; // a removed line: not in the resulting blob
        if (parents === 1 ? c === '+' : ALL_ADDED.test(prefix)) file.added.push(next);
        next += 1;
        continue;
      }
      inHunk = false;
    }
    if (line.startsWith(COMMIT_MARK)) {
      yield* flush();
      const [sha = '', author = '', email = '', date = ''] = line.slice(1).split(FIELD_SEPARATOR);
      commit = { sha, author, email, date, message: '' };
      message = [];
    } else if (DIFF_HEADERS.some((h) => line.startsWith(h))) {
      yield* flush();
      file = commit ? { binary: false, added: [] } : undefined;
    } else if (file) {
      const hunk = readFileHeader(file, line);
      if (hunk) {
        ({ parents, next } = hunk);
        inHunk = true;
      }
    } else {
      message?.push(line);
    }
  }
  yield* flush();
}

/**
 * Reads one header line of a file section into `file`. A hunk header opens a hunk: it returns the
 * number of parents (one `@` more than that on each side) and the first line number in the blob.
 */
function readFileHeader(file: OpenFile, line: string): { parents: number; next: number } | undefined {
  if (line.startsWith('@@')) {
    const header = HUNK_HEADER.exec(line);
    return header ? { parents: (header[1]?.length ?? 2) - 1, next: Number(header[2]) } : undefined;
  }
  if (line.startsWith('index ')) {
    const index = INDEX_LINE.exec(line);
    if (index) {
      file.blob = index[1];
      if (index[2] !== undefined) file.mode = index[2];
    }
  } else if (line.startsWith('new file mode ') || line.startsWith('new mode ')) {
    file.mode = line.slice(line.lastIndexOf(' ') + 1);
  } else if (line.startsWith('+++ ')) {
    const target = line.slice('+++ '.length);
    if (target !== '/dev/null') file.path = newPath(target);
  } else if (line.startsWith('Binary files ')) {
    file.binary = true;
    // Binary sections have no +++ line: take the new path from `and b/… differ`.
    const target = BINARY_TARGET.exec(line)?.[1];
    if (target !== undefined && target !== '/dev/null') file.path = newPath(target);
  }
  return undefined;
}

/** `b/src/a.ts` or `"b/caf\303\251.ts"` → the path in the new tree. */
function newPath(target: string): string {
  return unquote(target).replace(/^b\//, '');
}

const ESCAPES: Readonly<Record<string, number>> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };

/** Undoes git's C-style quoting of a path (`"b/caf\303\251\tx"`). */
export function unquote(text: string): string {
  if (!text.startsWith('"') || !text.endsWith('"') || text.length < 2) return text;
  const bytes: number[] = [];
  const body = text.slice(1, -1);
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
      bytes.push(ESCAPES[next] ?? next.charCodeAt(0));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}
