import { existsSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { KINDS, isKind } from '@mwsguard/core';
import { describeFailure, errnoCode } from './errno.js';
import { compareStrings } from './result.js';
import type { FileFinding, StaleBaselineEntry } from './result.js';
import { parserMessage } from './redact.js';
import { UsageError } from './usage-error.js';

/** Default file written by `mwsguard baseline`. */
export const DEFAULT_BASELINE_FILE = '.mwsguard-baseline.json';

/** Version of the baseline file format. */
const BASELINE_VERSION = 1;

/** One known finding: which secret (fingerprint), of which kind, in which file. No line, no plaintext. */
interface BaselineEntry {
  /** Relative to the directory of the baseline file, `/` separators. */
  readonly path: string;
  readonly kind: string;
  readonly fingerprint: string;
}

/** A loaded baseline, its paths resolved. */
export interface Baseline {
  readonly file: string;
  readonly entries: readonly (BaselineEntry & { readonly absolutePath: string })[];
}

/**
 * The baseline document: one entry per line, sorted by path, kind and fingerprint, so that two
 * branches that each add a finding merge without conflict (or with a trivial one).
 */
export function renderBaseline(findings: readonly FileFinding[], baselineFile: string, cwd: string): string {
  const dir = dirname(baselineFile);
  const unique = new Map<string, BaselineEntry>();
  for (const f of findings) {
    const path = relative(dir, resolve(cwd, f.file)).split(sep).join('/');
    const entry = { path, kind: f.kind, fingerprint: f.fingerprint };
    unique.set(`${path}\0${f.kind}\0${f.fingerprint}`, entry);
  }
  const entries = [...unique.values()].sort(
    (a, b) =>
      compareStrings(a.path, b.path) || compareStrings(a.kind, b.kind) || compareStrings(a.fingerprint, b.fingerprint),
  );
  const lines = entries.map((e) => `    ${JSON.stringify(e)}`);
  return [
    '{',
    `  "version": ${String(BASELINE_VERSION)},`,
    '  "description": "Known mwsguard findings: scans with --baseline report only findings not listed here. Regenerate with `mwsguard baseline`.",',
    lines.length === 0 ? '  "entries": []' : `  "entries": [\n${lines.join(',\n')}\n  ]`,
    '}',
    '',
  ].join('\n');
}

/** Reads and checks a baseline file; any problem is a usage error naming the file. */
export function loadBaseline(path: string, displayName: string): Baseline {
  let text: string;
  try {
    // Synchronous, as every small read of a run: `node:fs/promises` alone costs a few
    // milliseconds of start-up.
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') throw new UsageError(`Baseline file not found: ${displayName}`);
    throw new UsageError(`Cannot read the baseline file ${displayName} (${describeFailure(error)}).`);
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`Baseline file ${displayName} is not valid JSON: ${parserMessage(error)}.`);
  }
  const bad = (why: string): UsageError => new UsageError(`Invalid baseline file ${displayName}: ${why}.`);
  if (typeof document !== 'object' || document === null || Array.isArray(document)) throw bad('expected an object');
  const { version, entries } = document as { version?: unknown; entries?: unknown };
  if (version !== BASELINE_VERSION) throw bad(`"version" must be ${String(BASELINE_VERSION)}`);
  if (!Array.isArray(entries)) throw bad('"entries" must be an array');
  const dir = dirname(path);
  return {
    file: path,
    entries: entries.map((raw: unknown, i) => {
      const entry = raw as Partial<Record<keyof BaselineEntry, unknown>> | null;
      if (typeof entry !== 'object' || entry === null) throw bad(`entries[${String(i)}] must be an object`);
      if (typeof entry.fingerprint !== 'string' || !/^[0-9a-f]{64}$/.test(entry.fingerprint)) {
        throw bad(`entries[${String(i)}].fingerprint must be 64 lower-case hex characters`);
      }
      if (typeof entry.path !== 'string' || entry.path === '') throw bad(`entries[${String(i)}].path must be a path`);
      // An entry of a kind this version does not know (a typo, a hand edit, a newer mwsguard)
      // would silently match on fingerprint alone: refuse it.
      if (typeof entry.kind !== 'string' || !isKind(entry.kind)) {
        throw bad(`entries[${String(i)}].kind must be one of ${KINDS.join(', ')}`);
      }
      return {
        path: entry.path,
        kind: entry.kind,
        fingerprint: entry.fingerprint,
        absolutePath: resolve(dir, entry.path),
      };
    }),
  };
}

/** Findings split by a baseline, and the entries nothing matched. */
export interface BaselineMatch {
  readonly fresh: FileFinding[];
  readonly known: number;
  readonly stale: StaleBaselineEntry[];
}

/**
 * Keeps the findings the baseline does not list. A finding is known when an entry has its
 * fingerprint and its file: a new secret on a line that already held a baselined one has another
 * fingerprint and is reported. An entry is stale when its file was scanned without that finding,
 * or when the file no longer exists.
 */
export function matchBaseline(
  findings: readonly FileFinding[],
  baseline: Baseline,
  cwd: string,
  scannedFiles: readonly string[],
): BaselineMatch {
  const key = (fingerprint: string, absolutePath: string): string => `${fingerprint}\0${absolutePath}`;
  const listed = new Set(baseline.entries.map((e) => key(e.fingerprint, e.absolutePath)));
  const used = new Set<string>();
  const fresh: FileFinding[] = [];
  let known = 0;
  for (const f of findings) {
    const k = key(f.fingerprint, resolve(cwd, f.file));
    if (listed.has(k)) {
      known += 1;
      used.add(k);
    } else fresh.push(f);
  }
  const scanned = new Set(scannedFiles.map((file) => resolve(cwd, file)));
  const stale: StaleBaselineEntry[] = [];
  for (const e of baseline.entries) {
    if (used.has(key(e.fingerprint, e.absolutePath))) continue;
    if (scanned.has(e.absolutePath) || !existsSync(e.absolutePath)) {
      stale.push({
        fingerprint: e.fingerprint,
        kind: e.kind,
        file: relative(cwd, e.absolutePath).split(sep).join('/'),
      });
    }
  }
  stale.sort((a, b) => compareStrings(a.file, b.file) || compareStrings(a.fingerprint, b.fingerprint));
  return { fresh, known, stale };
}
