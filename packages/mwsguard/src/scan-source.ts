import { applyInlineIgnores, scanText } from '@mwsguard/core';
import type { Finding, Kind } from '@mwsguard/core';
import type { SourceText } from './read.js';
import type { FileFinding, SkipReason, SuppressedFinding } from './result.js';

/** What the scan of one text needs beyond the text: decided once per run. */
export interface SourceScanOptions {
  /** Kinds to report (a kind set to `off` in the config is left out); default all. */
  readonly kinds?: readonly Kind[];
  /** `allowlist.values`: a finding whose reported text matches one is suppressed. */
  readonly allowValues: readonly RegExp[];
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
 * inline `mwsguard-ignore` directives and value allowlists are applied here, and nothing but the
 * masked finding leaves.
 */
export function scanSource(text: string, file: string, options: SourceScanOptions): SourceScan {
  const raw = scanText(text, {
    path: file,
    ...(options.kinds ? { kinds: options.kinds } : {}),
    ...(options.locale === undefined ? {} : { locale: options.locale }),
  });
  if (raw.length === 0) return { findings: [], suppressed: [] };
  // Core offsets count from after a leading BOM; decoded texts have none, but stay safe.
  const shift = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const { reported, suppressed } = applyInlineIgnores(text, raw);
  const out: SourceScan = { findings: [], suppressed: [] };
  for (const f of suppressed) out.suppressed.push({ finding: withFile(f, file), reason: 'inline' });
  for (const f of reported) {
    const span = text.slice(f.offset + shift, f.endOffset + shift);
    if (options.allowValues.some((re) => re.test(span))) {
      out.suppressed.push({ finding: withFile(f, file), reason: 'allowlistValue' });
    } else {
      out.findings.push(withFile(f, file));
    }
  }
  return out;
}

/** What scanning one file gave. */
export type FileOutcome =
  | ({ readonly status: 'scanned' } & SourceScan)
  | { readonly status: 'skipped'; readonly reason: SkipReason; readonly detail?: string };

/**
 * Scans a decoded file (from disk, the index or history): binary files and archives are
 * skipped, and a failure in one file's scan (a bug, an input past an engine limit) becomes that
 * file's `scanFailed` skip, so it cannot take the other files' findings with it.
 */
export function scanDecoded(source: SourceText, file: string, options: SourceScanOptions): FileOutcome {
  if (source.kind === 'binary') return { status: 'skipped', reason: 'binary' };
  if (source.kind === 'archive') return { status: 'skipped', reason: 'archive', detail: source.format };
  try {
    return { status: 'scanned', ...scanSource(source.text, file, options) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { status: 'skipped', reason: 'scanFailed', detail: message.split('\n', 1)[0] ?? 'error' };
  }
}

const withFile = (f: Finding, file: string): FileFinding => ({ ...f, file });
