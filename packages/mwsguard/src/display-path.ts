import { sep } from 'node:path';
import { relativePath } from './join-path.js';

/** Relative to `cwd`, POSIX separators: the one place display paths are made. */
export function toDisplayPath(cwd: string, absolutePath: string): string {
  return relativePath(cwd, absolutePath).split(sep).join('/');
}
