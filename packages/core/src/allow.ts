import { normalizeName } from './names.js';
import { scanText, scanTextForProject } from './scan.js';
import type { Finding, ScanOptions } from './scan.js';
import { suppressedLines } from './suppressions.js';

/**
 * Why a finding was not reported, in the order the checks run: an inline `mwsguard-ignore`
 * directive, then the allowed values, then the allowed paths, then the allowed fingerprints. The
 * first that applies is the reason; a finding has one. The ids appear in the CLI's JSON output.
 */
export type SuppressReason = 'inline' | 'allowlistValue' | 'allowlistPath' | 'allowlistFingerprint';

/** Every suppression reason, in the order they are checked (and summaries list them). */
export const SUPPRESS_REASONS: readonly SuppressReason[] = [
  'inline',
  'allowlistValue',
  'allowlistPath',
  'allowlistFingerprint',
];

/**
 * What a user allows. Every host (CLI config, ESLint rule options, secretlint rule options) keeps
 * its own option names and maps them onto these fields; the semantics are the same everywhere.
 */
export interface AllowOptions {
  /**
   * Reported texts never reported: a credential exactly as it is written in the file, or for
   * `shared-credentials` the field name (compared case- and separator-insensitively:
   * `seller_secret_key` allows `sellerSecretKey`).
   */
  readonly values?: readonly string[];
  /**
   * Regular expressions searched in the reported text (anchor them with `^…$` for whole values).
   * A string is compiled with the `u` flag; a RegExp keeps its flags except `g` and `y`, which
   * would make matching depend on the previous value.
   */
  readonly patterns?: readonly (string | RegExp)[];
  /** Findings' fingerprints (printed by the CLI's JSON output): allow one finding, no plaintext. */
  readonly fingerprints?: readonly string[];
  /** Whether a whole file is allowed, by its path as the host names it (the CLI's path globs). */
  readonly paths?: (path: string) => boolean;
  /** The option `patterns` came from, for the error an invalid pattern throws (`allowPatterns`). */
  readonly patternsOption?: string;
}

/** What a finding is checked with: the finding, the text it was found in, and that text's path. */
export interface AllowSubject {
  readonly finding: Pick<Finding, 'kind' | 'secret' | 'fingerprint' | 'offset' | 'endOffset' | 'line'>;
  /**
   * The reported text itself, when the host has it already (an ESLint rule's computed string);
   * otherwise it is read from `text` at the finding's offsets.
   */
  readonly reportedText?: string;
  readonly text?: string;
  readonly path?: string;
}

/** A compiled {@link AllowOptions}: compile once per run (or per rule options), use per finding. */
export interface Allow {
  /** The allowlist reason that suppresses the finding (not `inline`: see {@link scanWithAllow}). */
  readonly reasonFor: (subject: AllowSubject) => Exclude<SuppressReason, 'inline'> | undefined;
}

/** Compiles what a user allows; an invalid pattern throws a TypeError naming the option. */
export function compileAllow(options: AllowOptions = {}): Allow {
  const { values = [], patterns = [], fingerprints = [], paths } = options;
  const exact = new Set(values);
  const names = new Set(values.map(normalizeName));
  const regexes = patterns.map((p) => compilePattern(p, options.patternsOption ?? 'patterns'));
  const allowedFingerprints = new Set(fingerprints);
  const valueAllowed = (kind: string, reported: string): boolean =>
    (kind === 'shared-credentials' ? names.has(normalizeName(reported)) : exact.has(reported)) ||
    regexes.some((re) => re.test(reported));
  return {
    reasonFor({ finding, reportedText, text, path }) {
      const reported = reportedText ?? reportedTextOf(finding, text ?? '');
      if (valueAllowed(finding.kind, reported)) return 'allowlistValue';
      if (path !== undefined && paths?.(path) === true) return 'allowlistPath';
      if (allowedFingerprints.has(finding.fingerprint)) return 'allowlistFingerprint';
      return undefined;
    },
  };
}

/**
 * The text values and patterns are compared with: the credential as written in the file (offsets
 * count from after a leading BOM, as core's do), or the field name for `shared-credentials`.
 */
function reportedTextOf(finding: AllowSubject['finding'], text: string): string {
  if (finding.kind === 'shared-credentials') return finding.secret;
  const shift = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  return text.slice(finding.offset + shift, finding.endOffset + shift);
}

function compilePattern(pattern: string | RegExp, option: string): RegExp {
  if (typeof pattern !== 'string') return new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ''));
  try {
    return new RegExp(pattern, 'u');
  } catch (error) {
    throw new TypeError(`invalid ${option} entry ${JSON.stringify(pattern)}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/** A finding that was not reported, and why. */
export interface Suppressed {
  readonly finding: Finding;
  readonly reason: SuppressReason;
}

/** Options of {@link scanWithAllow}: the scan's, and what is allowed. */
export interface AllowScanOptions extends ScanOptions {
  readonly allow?: Allow;
  /**
   * Also return the text's project candidate (`scanTextForProject`), split by the same policy,
   * for a caller that runs the project pass (`judgeProject`) over the whole project.
   */
  readonly project?: boolean;
}

/** What {@link scanWithAllow} returns: nothing a scan found is dropped, only sorted. */
export interface AllowScan {
  readonly reported: Finding[];
  readonly suppressed: Suppressed[];
  /** With `project`: the project candidate, when no suppression covers it (else in `suppressedCandidates`). */
  readonly candidates: Finding[];
  readonly suppressedCandidates: Suppressed[];
}

/**
 * Scans a text and splits its findings into reported and suppressed (nothing is dropped), by the
 * one policy every surface applies: inline directives, values, paths, fingerprints, in that order.
 */
export function scanWithAllow(text: string, options: AllowScanOptions = {}): AllowScan {
  const scan =
    options.project === true
      ? scanTextForProject(text, options)
      : { findings: scanText(text, options), candidates: [] };
  const out: AllowScan = { reported: [], suppressed: [], candidates: [], suppressedCandidates: [] };
  if (scan.findings.length === 0 && scan.candidates.length === 0) return out;
  const inline = suppressedLines(text);
  const { allow, path } = options;
  const reasonOf = (finding: Finding): SuppressReason | undefined =>
    inline.has(finding.line) ? 'inline' : allow?.reasonFor({ finding, text, ...(path === undefined ? {} : { path }) });
  for (const finding of scan.findings) {
    const reason = reasonOf(finding);
    if (reason === undefined) out.reported.push(finding);
    else out.suppressed.push({ finding, reason });
  }
  for (const finding of scan.candidates) {
    const reason = reasonOf(finding);
    if (reason === undefined) out.candidates.push(finding);
    else out.suppressedCandidates.push({ finding, reason });
  }
  return out;
}
