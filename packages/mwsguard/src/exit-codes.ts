/** Exit code: the scan found no credentials (or help/version was printed). */
export const EXIT_OK = 0;

/** Exit code: the scan found at least one credential. */
export const EXIT_FINDINGS = 1;

/** Exit code: bad command line, missing path, or an unexpected (fatal) error. */
export const EXIT_ERROR = 2;

/** One of the exit codes `mwsguard` can return. */
export type ExitCode = typeof EXIT_OK | typeof EXIT_FINDINGS | typeof EXIT_ERROR;
