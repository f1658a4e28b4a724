import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type Ignore from 'ignore';
import { nearestWorkTree } from './work-tree.js';

/** `ignore`, required when the first ignore file is read: `scan FILE` reads none. */
let ignoreModule: typeof Ignore | undefined;
const ignore = (...args: Parameters<typeof Ignore>): ReturnType<typeof Ignore> => {
  ignoreModule ??= createRequire(import.meta.url)('ignore') as typeof Ignore;
  return ignoreModule(...args);
};

/** One `.gitignore` file: its directory and its rules (paths are matched relative to it). */
interface Level {
  readonly base: string;
  readonly rules: ReturnType<typeof Ignore>;
}

/** Environment variables the rules read: `HOME`, `XDG_CONFIG_HOME` (and what git needs). */
export type GitignoreEnv = Readonly<Record<string, string | undefined>>;

/**
 * The ignore rules in force in one directory of a walk, as git applies them: every `.gitignore`
 * from the repository's root down to the directory, where a deeper file's matching rule (an
 * ignore or a `!` re-include) overrides a shallower one and, within a file, the last matching
 * rule wins; below them the repository's `.git/info/exclude`, and below that the user's
 * `core.excludesFile` (default `$XDG_CONFIG_HOME/git/ignore`), as `git status` reads them.
 * Outside a repository only the `.gitignore` files at and below the walk's root apply. The rules
 * themselves are read by `ignore`, the matcher globby uses.
 */
export class GitignoreRules {
  private constructor(private readonly levels: readonly Level[]) {}

  /**
   * The rules for a walk starting at `root`, or `undefined` when `root` itself is ignored by a
   * `.gitignore` above it (`coverage/` in the repository's root file and a walk of `coverage`).
   */
  static forRoot(root: string, env: GitignoreEnv = {}): GitignoreRules | undefined {
    const top = nearestWorkTree(root);
    if (top === undefined) return new GitignoreRules([]);
    // The directories from the repository's root down to the walk's root, outermost first.
    const chain: string[] = [];
    for (let dir = root; ; dir = dirname(dir)) {
      chain.unshift(dir);
      if (dir === top || dirname(dir) === dir) break;
    }
    let rules = new GitignoreRules(repositoryExcludes(top, env));
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
    const level = readLevel(dir, join(dir, '.gitignore'));
    return level ? new GitignoreRules([...this.levels, level]) : this;
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

/** The rules of one ignore file, matched relative to `base`; `undefined` when it cannot be read. */
function readLevel(base: string, file: string): Level | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  return { base, rules: ignore({ allowRelativePaths: true }).add(text) };
}

/**
 * The repository's own ignore files below its `.gitignore` files, weakest first: the user's
 * `core.excludesFile`, then `.git/info/exclude` (of the main repository for a linked worktree).
 * Both match paths relative to the repository's root, as a root `.gitignore` does.
 */
function repositoryExcludes(top: string, env: GitignoreEnv): Level[] {
  const common = commonGitDir(top);
  return [excludesFile(top, env), common === undefined ? undefined : join(common, 'info', 'exclude')].flatMap((file) =>
    file === undefined ? [] : (readLevel(top, file) ?? []),
  );
}

/**
 * The git directory shared by every worktree of the repository at `top`: `.git` itself, or for a
 * linked worktree (a `.git` file, `gitdir: …`) the directory its `commondir` file names.
 */
function commonGitDir(top: string): string | undefined {
  const dotGit = join(top, '.git');
  try {
    if (statSync(dotGit).isDirectory()) return dotGit;
    const gitDir = readFileSync(dotGit, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('gitdir:'))
      ?.slice('gitdir:'.length)
      .trim();
    if (gitDir === undefined) return undefined;
    const own = resolve(top, gitDir);
    try {
      return resolve(own, readFileSync(join(own, 'commondir'), 'utf8').trim());
    } catch {
      return own; // a submodule's git directory has no `commondir`: it is its own
    }
  } catch {
    return undefined;
  }
}

/**
 * The user's global ignore file: `core.excludesFile` as git resolves it (system, global and
 * repository config, `~` expanded), else git's default `$XDG_CONFIG_HOME/git/ignore` or
 * `$HOME/.config/git/ignore`. Without git on the PATH only the default is looked for.
 */
function excludesFile(top: string, env: GitignoreEnv): string | undefined {
  const configured = spawnSync('git', ['config', '--path', '--get', 'core.excludesFile'], {
    cwd: top,
    env: { ...env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
    encoding: 'utf8',
    timeout: 10_000,
  });
  const value = configured.status === 0 ? configured.stdout.trim() : '';
  if (value !== '') return isAbsolute(value) ? value : resolve(top, value);
  const xdg = env.XDG_CONFIG_HOME;
  if (xdg !== undefined && xdg !== '') return join(xdg, 'git', 'ignore');
  const home = env.HOME;
  return home === undefined || home === '' ? undefined : join(home, '.config', 'git', 'ignore');
}
