import { stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { globby } from 'globby';
import { UsageError } from './usage-error.js';

/** Options of {@link discoverFiles}. */
export interface DiscoverOptions {
  /** Directory the paths are relative to, and display paths are computed from. */
  readonly cwd: string;
  /** Leave out files ignored by `.gitignore` files (default in the CLI: `true`). */
  readonly gitignore: boolean;
}

/** A file to scan. */
export interface SourceFile {
  readonly absolutePath: string;
  /** Relative to `cwd`, with `/` separators: the path every output shows. */
  readonly displayPath: string;
}

/** Left out of directory walks even with `--no-gitignore`: git's own store is never source. */
const ALWAYS_IGNORED = ['**/.git/**'];

/** Left out of directory walks by default: installed dependencies are not the project's code. */
export const DEFAULT_IGNORES: readonly string[] = ['**/node_modules/**'];

/**
 * Expands the command-line paths into the files to scan, sorted by display path. Directories are
 * walked with dotfiles on and the ignores above; a file named explicitly is kept even when ignored,
 * since asking for it by name is the clearest possible intent. A missing path is a usage error.
 */
export async function discoverFiles(paths: readonly string[], options: DiscoverOptions): Promise<SourceFile[]> {
  // Keyed by absolute path so overlapping arguments (`scan . src`) scan each file once.
  const files = new Map<string, SourceFile>();
  const add = (absolutePath: string): void => {
    files.set(absolutePath, { absolutePath, displayPath: toDisplayPath(options.cwd, absolutePath) });
  };
  for (const path of paths) {
    const absolutePath = resolve(options.cwd, path);
    if ((await entryType(absolutePath, path)) === 'file') {
      add(absolutePath);
      continue;
    }
    // One walk per directory, rooted at it: globby then finds the .gitignore files inside it and
    // those of its parents up to the repository root, as git does.
    const found = await globby('**', {
      cwd: absolutePath,
      dot: true,
      gitignore: options.gitignore,
      ignore: [...ALWAYS_IGNORED, ...DEFAULT_IGNORES],
      onlyFiles: true,
    });
    for (const relativePath of found) add(join(absolutePath, relativePath));
  }
  return [...files.values()].sort((a, b) =>
    a.displayPath < b.displayPath ? -1 : a.displayPath > b.displayPath ? 1 : 0,
  );
}

async function entryType(absolutePath: string, argument: string): Promise<'file' | 'directory'> {
  let stats;
  try {
    stats = await stat(absolutePath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new UsageError(`No such file or directory: ${argument}`);
    throw new UsageError(`Cannot access ${argument} (${code ?? 'unknown error'}).`);
  }
  if (stats.isFile()) return 'file';
  if (stats.isDirectory()) return 'directory';
  // Reading a FIFO or a device could block forever or never end.
  throw new UsageError(`Not a regular file or directory: ${argument}`);
}

function toDisplayPath(cwd: string, absolutePath: string): string {
  return relative(cwd, absolutePath).split(sep).join('/');
}
