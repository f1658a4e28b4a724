import type { SkipReason } from './result.js';

/** The errno code of a failed file system call (`ENOENT`, `EACCES`…), if it has one. */
export function errnoCode(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The path, or a directory on the way to it, does not exist. */
export function isMissing(code: string | undefined): boolean {
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/** ` (EACCES)`-style detail for a message: the errno code, or the error's first line. */
export function describeFailure(error: unknown): string {
  const code = errnoCode(error);
  if (code !== undefined) return code;
  return error instanceof Error ? (error.message.split('\n', 1)[0] ?? 'error') : 'unknown error';
}

/**
 * Why a path that failed to stat or read is skipped: `missing` when it does not exist (what that
 * means depends on the caller: a listed file not found, a broken link), `symlinkLoop` for ELOOP,
 * `unreadable` otherwise, with the errno code as detail.
 */
export function skipReasonOf(
  error: unknown,
  missing: SkipReason,
): { readonly reason: SkipReason; readonly detail: string } {
  const code = errnoCode(error);
  const reason = isMissing(code) ? missing : code === 'ELOOP' ? 'symlinkLoop' : 'unreadable';
  return { reason, detail: describeFailure(error) };
}
