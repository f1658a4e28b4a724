import { readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import ignore from 'ignore';
import type { Ignore } from 'ignore';

/** One `.gitignore` file: its directory and its rules (paths are matched relative to it). */
interface Level {
  readonly base: string;
  readonly rules: Ignore;
}

/**
 * The `.gitignore` rules in force in one directory of a walk, as git applies them: every
 * `.gitignore` from the repository's root down to the directory, where a deeper file's matching
 * rule (an ignore or a `!` re-include) overrides a shallower one and, within a file, the last
 * matching rule wins. Outside a repository only the files at and below the walk's root apply.
 * The rules themselves are read by `ignore`, the matcher globby uses.
 */
export class GitignoreRules {
  private constructor(private readonly levels: readonly Level[]) {}

  /**
   * The rules for a walk starting at `root`, or `undefined` when `root` itself is ignored by a
   * `.gitignore` above it (`coverage/` in the repository's root file and a walk of `coverage`).
   */
  static forRoot(root: string): GitignoreRules | undefined {
    const top = repositoryRoot(root);
    if (top === undefined) return new GitignoreRules([]);
    // The directories from the repository's root down to the walk's root, outermost first.
    const chain: string[] = [];
    for (let dir = root; ; dir = dirname(dir)) {
      chain.unshift(dir);
      if (dir === top || dirname(dir) === dir) break;
    }
    let rules = new GitignoreRules([]);
    for (const dir of chain.slice(0, -1)) {
      rules = rules.withFile(dir);
    }
    // Each directory between the repository's root and the walk's root may itself be ignored.
    for (const dir of chain.slice(1)) {
      if (rules.ignores(dir, true)) return undefined;
    }
    return rules;
  }

  /** These rules plus `dir/.gitignore` when it exists and can be read. */
  withFile(dir: string): GitignoreRules {
    let text: string;
    try {
      text = readFileSync(join(dir, '.gitignore'), 'utf8');
    } catch {
      return this;
    }
    return new GitignoreRules([...this.levels, { base: dir, rules: ignore({ allowRelativePaths: true }).add(text) }]);
  }

  /** Whether git would ignore the file or directory at `absolutePath`. */
  ignores(absolutePath: string, isDirectory: boolean): boolean {
    for (let i = this.levels.length - 1; i >= 0; i--) {
      const level = this.levels[i];
      if (!level) continue;
      const path = relative(level.base, absolutePath).split(sep).join('/');
      if (path === '' || path.startsWith('../')) continue;
      const verdict = level.rules.test(isDirectory ? `${path}/` : path);
      if (verdict.ignored) return true;
      if (verdict.unignored) return false;
    }
    return false;
  }
}

/** The nearest directory at or above `dir` holding `.git` (a directory, or a worktree's file). */
function repositoryRoot(dir: string): string | undefined {
  for (let current = dir; ; current = dirname(current)) {
    try {
      statSync(join(current, '.git'));
      return current;
    } catch {
      // not here: go up
    }
    if (dirname(current) === current) return undefined;
  }
}
