import { join, relative, sep } from 'node:path';

// `path.join` and `path.relative` normalize their result with a loop over every character, in
// JavaScript. A commit hook's run made about a hundred such calls (config discovery up to the
// root, each staged file's path, its object's path, its display path), which made V8 compile that
// loop with TurboFan: about 10 million instructions of a run of 160 (docs/performance.md#start-up).
// Where the result is already known to be normal, these two functions concatenate or slice
// instead, and give the same string; anything else goes to `node:path`.

/** Whether `path` is an absolute POSIX path with no empty, `.` or `..` component and no trailing slash. */
function isNormalAbsolute(path: string): boolean {
  if (path === '/') return true;
  if (!path.startsWith('/')) return false;
  const ended = `${path}/`;
  return !ended.includes('//') && !ended.includes('/./') && !ended.includes('/../');
}

/** `join(dir, tail)`: `tail` is relative (`name` or `a/b/name`). */
export function joinPath(dir: string, tail: string): string {
  if (sep === '/' && isNormalAbsolute(dir) && tail !== '' && isNormalAbsolute(`/${tail}`)) {
    return dir === '/' ? `/${tail}` : `${dir}/${tail}`;
  }
  return join(dir, tail);
}

/** `relative(from, to)`, for `to` at or below `from` given as normal absolute paths; `node:path`'s otherwise. */
export function relativePath(from: string, to: string): string {
  if (sep === '/' && isNormalAbsolute(from) && isNormalAbsolute(to)) {
    if (to === from) return '';
    const prefix = from === '/' ? '/' : `${from}/`;
    if (to.startsWith(prefix)) return to.slice(prefix.length);
  }
  return relative(from, to);
}
