import { BlobReader, git, repositoryRoot } from './git.js';
import type { StagedEntry, StagedSource } from './staged-source.js';
import { plainWorkTree } from './work-tree.js';

/**
 * Starts the two git processes of a staged scan, for a repository the scan cannot read in
 * process (`staged-source.ts`): `git diff --cached` and `git cat-file --batch`, which waits for
 * the ids the diff will list. The bin starts them before it loads the scanner, so git works
 * while the engine's modules load. The work tree's top is found without a third process where
 * that is safe (`plainWorkTree`). Nothing here rejects unobserved: the caller awaits `root` and
 * `listed` and closes `reader`.
 */
export function startStagedGit(
  cwd: string,
  pathspecs: readonly string[],
  env: Readonly<Record<string, string | undefined>> = process.env,
): StagedSource {
  const plain = plainWorkTree(cwd, env);
  const root = plain === undefined ? repositoryRoot(cwd, env) : Promise.resolve(plain);
  const listed = git(
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
  ).then((diff) =>
    diff.code === 0
      ? { entries: parseRaw(diff.stdout) }
      : { failure: `git diff --cached failed: ${firstLine(diff.stderr)}` },
  );
  // Observed here so that a run that stops first (a bad config) leaves no unhandled rejection.
  root.catch(() => undefined);
  listed.catch(() => undefined);
  return { root, listed, reader: new BlobReader(cwd, 0, env) };
}

/** Parses `git diff --raw -z`: `:old new oldId newId status\0path\0` records. */
function parseRaw(output: string): StagedEntry[] {
  const fields = output.split('\0');
  const entries: StagedEntry[] = [];
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
