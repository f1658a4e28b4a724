import { scanWithAllow } from '@mwsguard/core';
import type { Allow, Finding, Kind } from '@mwsguard/core';
import type { FileFinding, SuppressedFinding } from './result.js';

/** What the scan of one text needs beyond the text: decided once per run. */
export interface SourceScanOptions {
  /** Kinds to report (a kind set to `off` in the config is left out); default all. */
  readonly kinds?: readonly Kind[];
  /**
   * The allowlist checks that need the plaintext (`allowlist.values`), compiled by core's
   * `compileAllow`; paths and fingerprints are checked after the scan (`run.ts`), in the same
   * order core defines.
   */
  readonly allow?: Allow;
  /** Language of messages and recommendations (core's `locale`); default English. */
  readonly locale?: string;
}

/** Findings of one text, split into reported and suppressed. */
export interface SourceScan {
  readonly findings: FileFinding[];
  readonly suppressed: SuppressedFinding[];
}

/**
 * Scans one decoded text. This is the only place that sees plaintext secrets next to findings:
 * inline `mwsguard-ignore` directives and value allowlists are applied here (by core's one
 * policy), and nothing but the masked finding leaves.
 */
export function scanSource(text: string, file: string, options: SourceScanOptions): SourceScan {
  const { reported, suppressed } = scanWithAllow(text, {
    path: file,
    ...(options.kinds ? { kinds: options.kinds } : {}),
    ...(options.locale === undefined ? {} : { locale: options.locale }),
    ...(options.allow ? { allow: options.allow } : {}),
  });
  return {
    findings: reported.map((f) => withFile(f, file)),
    suppressed: suppressed.map(({ finding, reason }) => ({ finding: withFile(finding, file), reason })),
  };
}

const withFile = (f: Finding, file: string): FileFinding => ({ ...f, file });
