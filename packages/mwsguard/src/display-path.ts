import { relative, sep } from 'node:path';

/** Relative to `cwd`, POSIX separators: the one place display paths are made. */
export function toDisplayPath(cwd: string, absolutePath: string): string {
  return relative(cwd, absolutePath).split(sep).join('/');
}
