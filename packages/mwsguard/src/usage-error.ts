/**
 * A mistake in how mwsguard was called (bad flag, unknown format, missing path). `run` prints its
 * message with a hint and exits 2, without a stack trace: the user has nothing to debug.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
