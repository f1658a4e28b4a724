import type { ScanResult } from '../result.js';

/** Options every formatter receives. */
export interface FormatOptions {
  /** Emit ANSI colors (human formats only; machine formats ignore it). */
  readonly color: boolean;
  /** Version of mwsguard, written into SARIF and GitLab reports (default `0.0.0`). */
  readonly toolVersion?: string;
  /** `--quiet`: the stylish format prints findings only, no summary. */
  readonly quiet?: boolean;
  /** `--verbose`: the stylish format prints the advice under each finding instead of once per kind. */
  readonly verbose?: boolean;
  /** `--locale`: language of the stylish report and of the rule help in SARIF and GitLab reports; default English. */
  readonly locale?: string | undefined;
}

/** Renders a scan result as the complete text written to stdout. Pure: no I/O, no globals. */
export type Formatter = (result: ScanResult, options: FormatOptions) => string;

/**
 * The same rendering as a sequence of pieces, for large reports: the CLI writes each piece as it
 * comes instead of building the whole document. Joined, the pieces are the {@link Formatter} output.
 */
export type Renderer = (result: ScanResult, options: FormatOptions) => Iterable<string>;
