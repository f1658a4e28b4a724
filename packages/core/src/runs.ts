/**
 * Candidate values for the context-bound kinds (40-character secrets, legacy 20-character key
 * ids, bare 64-hex LWA secrets): maximal runs of the base64 alphabet, where percent-encoded `+`
 * and `/` (`%2B`, `%2F`, as in signed URLs and form bodies) count as one character each.
 *
 * JSON encoders that escape `/` as `\/` (PHP's json_encode) are read the same way.
 *
 * One linear regex pass: `%` and `\` are not in the character class, so the alternation never
 * overlaps.
 */
const RUN = /(?:[A-Z0-9+/]|%2[BF]|\\\/){20,}/gi;
// Most texts have no `%2B`, `%2F` or `\/`: a plain character class is several times faster.
// eslint-disable-next-line regexp/use-ignore-case -- the `i` flag makes V8 match this about twice as slowly
const PLAIN_RUN = /[A-Za-z0-9+/]{20,}/g;
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
  const re = ENCODED.test(text) ? RUN : PLAIN_RUN;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    let start = m.index;
    const end = start + m[0].length;
    const before = text.charCodeAt(start - 1);
    // `%3D` before the run: its two hex digits were taken into the run.
    if (before === 37 /* % */ && /^[0-9A-F]{2}/i.test(m[0])) start += 2;
    // `\n`, `\t`, `\r` escapes in JSON-encoded source (notebooks) glue a letter to the value.
    else if (before === 92 /* \ */ && /^[ntr]/.test(m[0])) start += 1;
    else if (!isBoundaryBefore(before)) continue;
    // `scheme://AKIA…:secret@host`: a userinfo password ends at `@`.
    if (!isBoundaryAfter(text, end) && !(text.charCodeAt(end) === 64 && text.charCodeAt(start - 1) === 58)) continue;
    const encoded = re === RUN && (m[0].includes('%') || m[0].includes('\\'));
    if (!encoded && !CANDIDATE_LENGTHS.has(end - start)) continue;
    const value = encoded ? decodeRun(text.slice(start, end)) : text.slice(start, end);
    if (CANDIDATE_LENGTHS.has(value.length)) runs.push({ start, end, value });
  }
  return runs;
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
