import { basename, resolve } from 'node:path';
import { compareStrings } from '../result.js';

/** One report to merge and the repository it belongs to. */
export interface MergeInput {
  readonly repository: string;
  /** Absolute path. */
  readonly path: string;
  /** As given on the command line, for messages. */
  readonly display: string;
}

// What a scan's report file may end with besides `.json`: which part of the repository it covers.
const SCOPE_SUFFIX = /\.(?:tree|history)$/;

/**
 * The repository a report belongs to, from its file name: `acme__billing.history.json` is
 * `acme/billing`. `__` stands for `/`, which a file name cannot hold; a trailing `.tree` or
 * `.history` names the scan, not the repository. The org workflows name their reports this way.
 */
function repositoryOf(file: string): string {
  const name = basename(file)
    .replace(/\.json$/i, '')
    .replace(SCOPE_SUFFIX, '');
  return name.replaceAll('__', '/');
}

/**
 * The reports in merge order: by repository, then path, so that the reports of one repository
 * are adjacent and each repository's run and totals are finished before the next begins.
 */
export function mergeInputs(files: readonly string[], cwd: string): MergeInput[] {
  return files
    .map((file) => ({ repository: repositoryOf(file), path: resolve(cwd, file), display: file }))
    .sort((a, b) => compareStrings(a.repository, b.repository) || compareStrings(a.path, b.path));
}
