/**
 * A file's path as the project sees it: relative to the directory a tool runs in, as the CLI's
 * paths are (`src/amazon/keys.ts`). Editors and secretlint hand core absolute paths, whose upper
 * folders are only where the project happens to sit (`~/mws-tools/`, `/builds/tests/`): read as
 * part of the path they would change what core decides from it (an `amazon` folder, a test folder).
 */

/** `file` relative to `cwd` when it lies inside it (with `/` separators), else `file` unchanged. */
export function projectPath(cwd: string | undefined, file: string): string {
  if (cwd === undefined || cwd === '') return file;
  let base = cwd.replace(/\\/g, '/');
  while (base.endsWith('/')) base = base.slice(0, -1);
  const path = file.replace(/\\/g, '/');
  return base !== '' && path.startsWith(`${base}/`) ? path.slice(base.length + 1) : file;
}
