import { relative, sep } from 'node:path';
import type Picomatch from 'picomatch';

/**
 * picomatch, required on first use: most runs (a commit hook, `--version`) match no globs, and
 * the argument parser that imports this module runs before every command. `node:module` too:
 * importing it loads Node's ES module loader (1.4 million instructions of a commit hook's run).
 */
let picomatchModule: typeof Picomatch | undefined;
function picomatch(...args: Parameters<typeof Picomatch>): ReturnType<typeof Picomatch> {
  picomatchModule ??= process.getBuiltinModule('node:module').createRequire(import.meta.url)(
    'picomatch',
  ) as typeof Picomatch;
  return picomatchModule(...args);
}

/**
 * A list of gitignore-like globs, matched against paths relative to `base`:
 *
 * - a pattern without a `/` (other than a trailing one) matches a file or directory name at any
 *   depth: `*.min.js`, `fixtures`, `vendor/`;
 * - a pattern with a `/` is anchored at `base`: `src/generated/**`, `/config/local.json`;
 * - a pattern that matches a directory matches everything below it.
 *
 * `**`, `*`, `?`, `[abc]` and `{a,b}` work as in picomatch; dotfiles are matched like other files.
 */
export class GlobList {
  readonly patterns: readonly string[];
  readonly base: string;
  readonly #match: (path: string) => boolean;

  constructor(patterns: readonly string[], base: string) {
    this.patterns = patterns;
    this.base = base;
    const expanded = patterns.flatMap(expand);
    this.#match = expanded.length === 0 ? () => false : picomatch(expanded, { dot: true });
  }

  get isEmpty(): boolean {
    return this.patterns.length === 0;
  }

  /** Whether the file at `absolutePath` matches one of the patterns. */
  matches(absolutePath: string): boolean {
    if (this.patterns.length === 0) return false;
    let path = relative(this.base, absolutePath).split(sep).join('/');
    // Outside the base only name patterns can match: drop the leading `../` segments.
    while (path.startsWith('../')) path = path.slice(3);
    return this.#match(path);
  }
}

/** Turns one gitignore-like pattern into picomatch patterns for the path and its contents. */
function expand(pattern: string): string[] {
  let p = pattern.trim();
  if (p.startsWith('./')) p = p.slice(2);
  const anchored = p.startsWith('/') || trimSlashes(p).includes('/');
  p = trimSlashes(p);
  if (p === '') return [];
  const prefix = anchored || p.startsWith('**/') ? '' : '**/';
  return [`${prefix}${p}`, `${prefix}${p}/**`];
}

/** `/a/b//` → `a/b` (a loop, not a regex: no backtracking on long runs of slashes). */
function trimSlashes(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text[start] === '/') start++;
  while (end > start && text[end - 1] === '/') end--;
  return text.slice(start, end);
}

/** Whether `pattern` compiles (used to validate the config and `--ignore`). */
export function isValidGlob(pattern: string): boolean {
  try {
    picomatch(pattern);
    return true;
  } catch {
    return false;
  }
}
