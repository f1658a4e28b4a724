/**
 * Candidate values for the context-bound kinds (40-character secrets, legacy 20-character key
 * ids, bare 64-hex LWA secrets): maximal runs of the base64 alphabet, where percent-encoded `+`
 * and `/` (`%2B`, `%2F`, as in signed URLs and form bodies) count as one character each.
 *
 * JSON encoders that escape `/` as `\/` (PHP's json_encode) are read the same way.
 *
 * The runs are measured by hand, not by a regex: `(?:…){20,}` keeps one backtrack entry per
 * character, and a run of 5.33 MiB or more overflowed V8's stack (the whole file was lost).
 * Each character is read once.
 */
// Every encoded form holds `%2` or `\/`; a text with none is matched as the plain alphabet.
const ENCODED = /%2[BF]|\\\//i;

/** The only value lengths any detector looks at: legacy key ids, secret keys, bare LWA secrets. */
const CANDIDATE_LENGTHS: ReadonlySet<number> = new Set([20, 40, 64]);

export interface ValueRun {
  readonly start: number;
  readonly end: number;
  /** The run with `%2B`/`%2F` decoded. */
  readonly value: string;
}

/**
 * Runs whose neighbours show they are a whole value and whose (decoded) length is one a detector
 * reads (20, 40 or 64). Computed once per text by the scan context and shared by the detectors.
 */
export function valueRuns(text: string): ValueRun[] {
  const runs: ValueRun[] = [];
  // Every encoded form holds `%2` or `\/`, found far faster than by the regex.
  const encoded = (text.includes('%2') || text.includes('\\/')) && ENCODED.test(text);
  const found = zones(text);
  for (let z = 0; z < found.length; z += 3) {
    let from = found[z] ?? 0;
    const to = found[z + 1] ?? 0;
    if (found[z + 2] === PLAIN) {
      // No `%` or `\` in the zone: it is one run (after a line comment glued to it, see toRun).
      from = afterGluedComment(text, from, to);
      if (!CANDIDATE_LENGTHS.has(to - from)) continue;
      const run = toRun(text, from, to, text.slice(from, to), encoded);
      if (run) runs.push(run);
      continue;
    }
    // No run can cross a character outside the zone alphabet, so the runs of each zone are
    // exactly those of one pass over the whole text.
    const spans = runsIn(text, from, to, encoded);
    for (let i = 0; i < spans.length; i += 2) {
      const start = spans[i] ?? 0;
      const end = spans[i + 1] ?? 0;
      const run = toRun(text, start, end, text.slice(start, end), encoded);
      if (run) runs.push(run);
    }
  }
  return runs;
}

/**
 * Length in characters of the run unit at `i` (one alphabet character, or with `encoded` a
 * `%2B`/`%2F` (any case) or `\/`), 0 when none starts there.
 */
function unitAt(text: string, i: number, encoded: boolean): number {
  const c = text.charCodeAt(i);
  if ((ZONE_CHAR[c] ?? 0) === PLAIN) return 1;
  if (!encoded) return 0;
  if (c === 37 /* % */ && text.charCodeAt(i + 1) === 50 /* 2 */) {
    const h = text.charCodeAt(i + 2) | 0x20;
    return h === 98 /* b */ || h === 102 /* f */ ? 3 : 0;
  }
  return c === 92 /* \ */ && text.charCodeAt(i + 1) === 47 /* / */ ? 2 : 0;
}

/**
 * The leftmost-longest matches of `(?:[A-Z0-9+/]|%2[BF]|\\\/){20,}` (case-insensitive; the plain
 * alphabet only unless `encoded`) between `from` and `to`, as `[start, end, start, end, …]`.
 * Each maximal stretch of units is one match when it has at least {@link MIN_RUN} units; a
 * shorter one that opens with `%2B`/`%2F` still matches from its `2`, which counts one unit more.
 */
export function runsIn(text: string, from: number, to: number, encoded: boolean): number[] {
  const out: number[] = [];
  let i = from;
  while (i < to) {
    const start = i;
    let units = 0;
    for (let n = unitAt(text, i, encoded); n > 0 && i + n <= to; n = unitAt(text, i, encoded)) {
      i += n;
      units++;
    }
    if (units >= MIN_RUN) out.push(start, i);
    else if (units === MIN_RUN - 1 && text.charCodeAt(start) === 37 /* % */) out.push(start + 1, i);
    if (i === start) i++;
  }
  return out;
}

/** Shortest run any detector reads, in characters (and so the shortest zone worth matching). */
const MIN_RUN = 20;

/**
 * Characters a run (plain or encoded: `%2B`, `%2F`, `\\/`) can be made of, by UTF-16 code unit:
 * {@link PLAIN} for the base64 alphabet, {@link ESCAPE} for `%` and `\\`, 0 for the rest.
 */
const ZONE_CHAR = new Uint8Array(65536);
const PLAIN = 1;
const ESCAPE = 2;
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/') ZONE_CHAR[c.charCodeAt(0)] = PLAIN;
for (const c of '%\\') ZONE_CHAR[c.charCodeAt(0)] = PLAIN | ESCAPE;

/**
 * Maximal stretches of run characters at least {@link MIN_RUN} long, as start offset, end offset
 * and kind (`[s0, e0, k0, s1, e1, k1, …]`; kind {@link PLAIN} when the stretch holds no `%` or
 * `\\`), found without looking at every character: any such stretch covers one of the positions
 * 19, 39, 59…, so only those are probed, and a probe that lands on a run character is widened to
 * its stretch. Code is mostly short identifiers, so this reads about a third of the characters,
 * where a regex with `{20,}` retries up to 20 characters at each one (the hot spot of large
 * minified bundles).
 */
export function zones(text: string): number[] {
  const n = text.length;
  const out: number[] = [];
  let floor = 0;
  for (let p = MIN_RUN - 1; p < n;) {
    let kind = ZONE_CHAR[text.charCodeAt(p)] ?? 0;
    if (kind === 0) {
      p += MIN_RUN;
      continue;
    }
    // Bounds are checked before each read: a read past either end (a NaN index) makes V8 fall
    // back to slow generic loads for the whole loop (zones took twice as long).
    let s = p;
    while (s > floor) {
      const k = ZONE_CHAR[text.charCodeAt(s - 1)] ?? 0;
      if (k === 0) break;
      kind |= k;
      s--;
    }
    let e = p + 1;
    while (e < n) {
      const k = ZONE_CHAR[text.charCodeAt(e)] ?? 0;
      if (k === 0) break;
      kind |= k;
      e++;
    }
    if (e - s >= MIN_RUN) out.push(s, e, kind);
    floor = e;
    p = e + MIN_RUN;
  }
  return out;
}

/**
 * The value run of a match from `matchStart` to `end`, or `undefined` when its neighbours show it
 * is part of something longer or its length is none a detector reads. Exported for tests.
 */
export function toRun(
  text: string,
  matchStart: number,
  end: number,
  match: string,
  mayBeEncoded: boolean,
): ValueRun | undefined {
  let start = afterGluedComment(text, matchStart, end);
  const before = text.charCodeAt(start - 1);
  // `%3D` before the run: its two hex digits were taken into the run.
  if (before === 37 /* % */ && /^[0-9A-F]{2}/i.test(match)) start += 2;
  // `\n`, `\t`, `\r` escapes in JSON-encoded source (notebooks) glue a letter to the value.
  else if (before === 92 /* \ */ && /^[ntr]/.test(match)) start += 1;
  else if (!isBoundaryBefore(before)) return undefined;
  // `scheme://AKIA…:secret@host`: a userinfo password ends at `@`.
  if (!isBoundaryAfter(text, end) && !(text.charCodeAt(end) === 64 && text.charCodeAt(start - 1) === 58))
    return undefined;
  const encoded = mayBeEncoded && (match.includes('%') || match.includes('\\'));
  if (!encoded && !CANDIDATE_LENGTHS.has(end - start)) return undefined;
  const value = encoded ? decodeRun(text.slice(start, end)) : text.slice(start, end);
  return CANDIDATE_LENGTHS.has(value.length) ? { start, end, value } : undefined;
}

/**
 * Where a run's value starts when a line comment is glued to it (`//2jULyWIBpD…` under a
 * commented-out key id): `/` is in the alphabet, so the run took the comment's slashes in.
 */
function afterGluedComment(text: string, start: number, end: number): number {
  if (text.charCodeAt(start) !== 47 || text.charCodeAt(start + 1) !== 47 || !atLineStart(text, start)) return start;
  let at = start;
  while (at < end && text.charCodeAt(at) === 47) at++;
  return at;
}

/** True when only spaces or tabs stand between `at` and its line's start (at most 200 read). */
function atLineStart(text: string, at: number): boolean {
  for (let i = at - 1; i >= 0 && i >= at - 200; i--) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true;
    if (c !== 32 && c !== 9) return false;
  }
  return at <= 200;
}

function isBoundaryBefore(c: number): boolean {
  // `_`, `-` and `.` join the run to a larger identifier, domain, or `sha512-` integrity string.
  return !(c === 95 || c === 45 || c === 46);
}

function isBoundaryAfter(text: string, end: number): boolean {
  const c = text.charCodeAt(end);
  if (c === 95 || c === 45 || c === 61 /* = padding */ || c === 40 /* ( call */ || c === 64 /* @ */) return false;
  if (c === 46 /* . */) {
    const n = text.charCodeAt(end + 1);
    return !((n >= 48 && n <= 57) || (n >= 65 && n <= 90) || (n >= 97 && n <= 122));
  }
  return true;
}

function decodeRun(raw: string): string {
  let v = raw;
  if (v.includes('%')) v = v.replace(/%2B/gi, '+').replace(/%2F/gi, '/');
  if (v.includes('\\')) v = v.replaceAll('\\/', '/');
  return v;
}
