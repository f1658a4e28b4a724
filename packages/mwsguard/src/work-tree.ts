import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { joinPath } from './join-path.js';

/** The nearest directory at or above `dir` holding `.git` (a directory, or a worktree's file). */
export function nearestWorkTree(dir: string): string | undefined {
  for (let current = dir; ; current = dirname(current)) {
    if (statSync(joinPath(current, '.git'), { throwIfNoEntry: false })) return current;
    if (dirname(current) === current) return undefined;
  }
}

/**
 * The top of the work tree `cwd` is in, found without starting git (a process start is a good
 * part of a commit hook's run), or `undefined` wherever git's own answer (`git rev-parse
 * --show-toplevel`) could differ: a variable that moves or bounds git's search is set, `cwd` is
 * inside a git directory, or the repository's configuration could name a work tree elsewhere.
 */
export function plainWorkTree(cwd: string, env: Readonly<Record<string, string | undefined>>): string | undefined {
  if (MOVED_BY.some((name) => env[name] !== undefined)) return undefined;
  if (cwd.split(/[\\/]/).includes('.git')) return undefined;
  const top = nearestWorkTree(cwd);
  if (top === undefined) return undefined;
  const gitDir = gitDirectory(joinPath(top, '.git'));
  const config = gitDir === undefined ? undefined : configText(gitDir);
  // `core.worktree`, or per-worktree configuration that could hold it: ask git.
  return config === undefined || /worktree/i.test(config) ? undefined : top;
}

/** Variables with which git looks for the repository or its work tree somewhere else. */
const MOVED_BY = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_CEILING_DIRECTORIES', 'GIT_DISCOVERY_ACROSS_FILESYSTEM'];

export const readOptional = (path: string): string | undefined => {
  try {
    // Asked first, without an exception: most of the files looked for are not there.
    if (statSync(path, { throwIfNoEntry: false }) === undefined) return undefined;
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
};

/** The git directory `.git` is, or names (`gitdir: <path>` in a linked worktree or a submodule). */
export function gitDirectory(dotGit: string): string | undefined {
  if (statSync(dotGit, { throwIfNoEntry: false })?.isDirectory()) return dotGit;
  const named = /^gitdir: ([^\r\n]+)/.exec(readOptional(dotGit) ?? '')?.[1];
  return named === undefined ? undefined : resolve(dirname(dotGit), named);
}

/** The directory holding what a linked worktree shares with the main one (objects, refs); `gitDir` itself otherwise. */
export function commonDirectory(gitDir: string): string {
  const common = readOptional(joinPath(gitDir, 'commondir'))?.trim();
  return common ? resolve(gitDir, common) : gitDir;
}

/** The configuration git reads for `gitDir`: its own, a linked worktree's common one, `config.worktree`. */
export function configText(gitDir: string): string | undefined {
  const common = commonDirectory(gitDir);
  const files = [joinPath(gitDir, 'config'), joinPath(gitDir, 'config.worktree')];
  if (common !== gitDir) files.push(joinPath(common, 'config'));
  const texts = files.map(readOptional).filter((text) => text !== undefined);
  return texts.length === 0 ? undefined : texts.join('\n');
}
