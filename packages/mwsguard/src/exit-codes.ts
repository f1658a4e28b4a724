/** Exit code: the scan found no credentials at or above `--fail-on` (or help/version was printed). */
export const EXIT_OK = 0;

/** Exit code: the scan found at least one credential at or above `--fail-on`. */
export const EXIT_FINDINGS = 1;

/** Exit code: bad command line or configuration, missing path, not a git repository, or a fatal error. */
export const EXIT_ERROR = 2;

/**
 * Exit code: nothing to report, but the scan is incomplete: a file could not be read, a symbolic
 * link is broken or loops, or a listed file does not exist. Findings take precedence (exit 1).
 */
export const EXIT_INCOMPLETE = 3;

/** One of the exit codes `mwsguard` can return. */
export type ExitCode = typeof EXIT_OK | typeof EXIT_FINDINGS | typeof EXIT_ERROR | typeof EXIT_INCOMPLETE;
