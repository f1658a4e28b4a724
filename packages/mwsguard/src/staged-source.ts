import type { BlobContent, BlobReader } from './git.js';
import { readStagedFiles } from './staged-index.js';
import type { StagedEntry } from './staged-index.js';
import type { ObjectStore } from './git-objects.js';

export type { StagedEntry } from './staged-index.js';

/** The staged blobs, read by id in the order they are asked for. */
export interface BlobSource {
  /** The size above which a blob is skipped (0: no limit); set before the first read. */
  set maxSize(bytes: number);
  read(id: string): Promise<BlobContent>;
  /** Ends the reading; requests not answered yet are rejected. */
  close(): Promise<void>;
}

/** What is staged: the entries, or why git could not list them. */
type StagedListing = { readonly entries: readonly StagedEntry[] } | { readonly failure: string };

/** Where a staged scan reads from, started before anything waits on it. */
export interface StagedSource {
  /** The top of the work tree (the staged paths are relative to it). */
  readonly root: Promise<string>;
  readonly listed: Promise<StagedListing>;
  readonly reader: BlobSource;
}

/**
 * Starts reading what is staged in the repository `cwd` is in: from the repository's own files,
 * in this process, wherever that gives git's answer (`readStagedFiles`: a commit hook in an
 * ordinary repository starts no process at all); otherwise through `git diff --cached` and
 * `git cat-file --batch` (`staged-git.ts`).
 */
export async function startStaged(
  cwd: string,
  pathspecs: readonly string[],
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<StagedSource> {
  let staged: ReturnType<typeof readStagedFiles>;
  try {
    staged = readStagedFiles(cwd, pathspecs, env);
  } catch {
    staged = undefined;
  }
  if (staged === undefined) {
    const { startStagedGit } = await import('./staged-git.js');
    return startStagedGit(cwd, pathspecs, env);
  }
  return {
    root: Promise.resolve(staged.root),
    listed: Promise.resolve({ entries: staged.entries }),
    reader: new ObjectBlobReader(staged.objects, cwd, env),
  };
}

/**
 * Reads blobs from the object database in this process; a blob it cannot read (damaged, or
 * stored in a way `git-objects.ts` does not handle) is asked of `git cat-file` instead, so the
 * scan reports what git would.
 */
class ObjectBlobReader implements BlobSource {
  #maxSize = 0;
  #git: Promise<BlobReader> | undefined;
  #closed = false;

  constructor(
    private readonly objects: ObjectStore,
    private readonly cwd: string,
    private readonly env: Readonly<Record<string, string | undefined>>,
  ) {}

  set maxSize(bytes: number) {
    this.#maxSize = bytes;
  }

  read(id: string): Promise<BlobContent> {
    if (this.#closed) return Promise.reject(new Error('closed'));
    try {
      const object = this.objects.read(id, this.#maxSize);
      // Only the header of an object over the limit is read; git's reader says `tooLarge` too.
      if (!('bytes' in object)) return Promise.resolve({ kind: 'tooLarge', size: object.size });
      return Promise.resolve(object.type === 'blob' ? { kind: 'blob', bytes: object.bytes } : { kind: 'missing' });
    } catch {
      this.#git ??= import('./git.js').then(
        ({ BlobReader: GitReader }) => new GitReader(this.cwd, this.#maxSize, this.env),
      );
      return this.#git.then((reader) => reader.read(id));
    }
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.objects.close();
    await (await this.#git)?.close();
  }
}
