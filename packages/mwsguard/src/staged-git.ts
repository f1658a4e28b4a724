import { BlobReader, git, repositoryRoot } from './git.js';
import type { GitOutput } from './git.js';
import { plainWorkTree } from './work-tree.js';

/** The git processes a staged scan reads from, started together before anything waits on them. */
export interface StagedGit {
  /** The top of the work tree (the staged paths are relative to it). */
  readonly root: Promise<string>;
  /** `git diff --cached --raw -z`: what is staged. */
  readonly diff: Promise<GitOutput>;
  /** The staged blobs, read by id. */
  readonly reader: BlobReader;
}

/**
 * Starts the two git processes of a staged scan: `git diff --cached` and `git cat-file --batch`,
 * which waits for the ids the diff will list. The bin starts them before it loads the scanner,
 * so git works while the engine's modules load. The work tree's top is found without a third
 * process where that is safe (`plainWorkTree`). Nothing here rejects unobserved: the caller
 * awaits `root` and `diff` and closes `reader`.
 */
export function startStagedGit(
  cwd: string,
  pathspecs: readonly string[],
  env: Readonly<Record<string, string | undefined>> = process.env,
): StagedGit {
  const plain = plainWorkTree(cwd, env);
  const root = plain === undefined ? repositoryRoot(cwd, env) : Promise.resolve(plain);
  const diff = git(
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
      ...pathspecs,
    ],
    cwd,
    env,
  );
  // Observed here so that a run that stops first (a bad config) leaves no unhandled rejection.
  root.catch(() => undefined);
  diff.catch(() => undefined);
  return { root, diff, reader: new BlobReader(cwd, 0, env) };
}
