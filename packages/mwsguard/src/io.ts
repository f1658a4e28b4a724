/** Where `run` writes: `process.stdout`/`process.stderr` in the bin, string buffers in tests. */
export interface OutputStream {
  write(chunk: string): unknown;
  /** Whether the stream is a terminal; decides colors (see `isColorEnabled`) and progress. */
  readonly isTTY?: boolean;
  /** Present on Node streams: `write` returning `false` is then followed by a `drain` event. */
  once?(event: 'drain' | 'close', listener: () => void): unknown;
  removeListener?(event: 'drain' | 'close', listener: () => void): unknown;
  /** Present on Node streams: true once the stream is closed (a reader that went away: EPIPE). */
  readonly destroyed?: boolean;
}

/** Everything `run` may know about its process, passed in so the CLI runs in-process in tests. */
export interface RunIO {
  /** Directory positional paths are resolved against and display paths are relative to. */
  readonly cwd: string;
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  /** Environment variables (`NO_COLOR`, `FORCE_COLOR`, …). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /**
   * Registers a synchronous clean-up to run if a signal (SIGINT, SIGTERM, SIGHUP) ends the
   * process, and returns its removal: the temporary file of `--output` must not outlive the run.
   * The bin runs them, then dies by the signal as before. Absent in tests that run in-process.
   */
  readonly onSignal?: (cleanup: () => void) => () => void;
  /** Standard input, read only with `--stdin-filenames`. */
  readonly stdin?: AsyncIterable<string | Buffer> | Iterable<string | Buffer>;
}
