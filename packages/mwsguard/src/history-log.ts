import { createInterface } from 'node:readline';
import { spawnGit } from './git.js';
import { FatalError } from './fatal-error.js';
import { COMMIT_FORMAT, parsePatchLog } from './patch.js';
import type { PatchEntry } from './patch.js';

/** A running `git log -p -U0`: its commits and files as they come, and its exit. */
export interface PatchLog {
  /** The log's entries (`parsePatchLog`); call once. */
  readonly read: () => AsyncGenerator<PatchEntry>;
  /** Stops git if it is still running. */
  readonly stop: () => void;
  /** Waits for git to exit; a fatal error (exit 2) naming git's first error line when it failed. */
  readonly checkExit: () => Promise<void>;
}

/**
 * Starts `git log` over `revisions` (oldest first, parents before children), limited to
 * `pathspecs`: per commit and file, the added line numbers and the resulting blob.
 */
export function startPatchLog(
  revisions: readonly string[],
  options: { readonly cwd: string; readonly pathspecs: readonly string[] },
): PatchLog {
  const child = spawnGit(patchLogArgs(revisions, options.pathspecs), options.cwd);
  const stderr: Buffer[] = [];
  child.stderr.on('data', (chunk: Buffer) => {
    stderr.push(chunk);
  });
  const exited = new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      resolve(code ?? 1);
    });
  });
  return {
    read: () => parsePatchLog(createInterface({ input: child.stdout, crlfDelay: Infinity })),
    stop: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill();
    },
    checkExit: async () => {
      const code = await exited;
      if (code !== 0) {
        const reason = Buffer.concat(stderr).toString('utf8').split('\n', 1)[0]?.trim() ?? '';
        throw new FatalError(`git log failed: ${reason || `exit code ${String(code)}`}`);
      }
    },
  };
}

/**
 * `git log`'s arguments: patches with no context lines (only added lines count), full blob ids
 * (each blob is read whole), merges against every parent (`--cc`), paths unquoted.
 */
function patchLogArgs(revisions: readonly string[], pathspecs: readonly string[]): string[] {
  return [
    '-c',
    'core.quotePath=false',
    'log',
    '--reverse',
    '--topo-order',
    '-p',
    '-U0',
    '--no-color',
    '--no-ext-diff',
    '--no-textconv',
    '--no-renames',
    '--full-index',
    '--diff-merges=dense-combined',
    `--format=${COMMIT_FORMAT}`,
    ...revisions,
    '--',
    ...pathspecs,
  ];
}
