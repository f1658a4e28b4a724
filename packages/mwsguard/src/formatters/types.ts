import type { ScanResult } from '../result.js';

/** Options every formatter receives. */
export interface FormatOptions {
  /** Emit ANSI colors (human formats only; machine formats ignore it). */
  readonly color: boolean;
}

/** Renders a scan result as the complete text written to stdout. Pure: no I/O, no globals. */
export type Formatter = (result: ScanResult, options: FormatOptions) => string;
