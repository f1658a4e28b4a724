import { createContext } from './context.js';
import { DETECTORS } from './detectors/index.js';
import { fingerprint } from './fingerprint.js';
import { KIND_INFO } from './kinds.js';
import type { Kind, Severity } from './kinds.js';
import type { LineIndex } from './locate.js';
import { maskSecret } from './mask.js';
import type { AuthTokenOptions } from './mws-requests.js';
import { CREDENTIAL_PREFIXES } from './names.js';
import { renderMessage, renderRecommendation } from './messages.js';
import { onePerStructure } from './one-per-structure.js';
import type { MessageFacts } from './messages.js';
import type { RawFinding, ScanContext } from './types.js';

/** A credential found in a text. Positions are 1-based; `endColumn` is exclusive. */
export interface Finding {
  readonly ruleId: string;
  readonly kind: Kind;
  readonly severity: Severity;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  /** Masked value (never the whole secret); the field name for `shared-credentials`. */
  readonly secret: string;
  /** Salted SHA-256 of kind + secret: stable across lines, files and machines; no plaintext. */
  readonly fingerprint: string;
  readonly message: string;
  readonly recommendation: string;
  /** 0-based UTF-16 offsets of the reported span in the scanned text (after a leading BOM). */
  readonly offset: number;
  readonly endOffset: number;
  /** What the message was rendered from: render it in another locale with `renderMessage`. */
  readonly messageFacts: MessageFacts;
}

/** Options of {@link scanText}. */
export interface ScanOptions {
  /** File name (relative or absolute); decides CSV handling and appears nowhere in findings. */
  readonly path?: string;
  /** Message language; default `en`. */
  readonly locale?: string;
  /** Kinds to report; default all. */
  readonly kinds?: readonly Kind[];
  /**
   * What counts as a seller, a token and an own account for MWS requests without a token
   * (the ESLint rule `require-mws-auth-token`'s options); default: core's names, own accounts allowed.
   */
  readonly authToken?: AuthTokenOptions;
}

// A text containing none of these (case-insensitive) cannot hold any kind: the one cheap check
// that lets most files cost only their read. (A Kubernetes `kind: Secret` holds `secret`; an MWS
// client fed `process.env.X` and a literal secret holds `mws`.)
const PREFILTER = new RegExp(`${CREDENTIAL_PREFIXES.source}|secret|access|key.?id|seller|merchant|mws`, 'i');

/**
 * Scans any text (source code in any language, config, logs, notebooks, CSV, SQL, Markdown) and
 * returns the credentials in it, sorted by position.
 */
export function scanText(text: string, options: ScanOptions = {}): Finding[] {
  return scanTextForProject(text, options).findings;
}

/** A text's findings, and its project candidate (see {@link scanTextForProject}). */
export interface ProjectTextScan {
  readonly findings: Finding[];
  /**
   * At most one `shared-credentials` warning (`messageFacts.detail` `project`): where a file with
   * no type-A record of its own carries a seller's keys. Report it only when another file of the
   * same project holds a type-A record (`judgeProject`); alone it is no finding.
   */
  readonly candidates: Finding[];
}

/**
 * {@link scanText} for a scan of a whole project (a directory, a repository): also returns the
 * file's project candidate, which `judgeProject` confirms against the project's other files.
 */
export function scanTextForProject(text: string, options: ScanOptions = {}): ProjectTextScan {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (!PREFILTER.test(body) && (options.authToken?.sellerIdNames?.length ?? 0) === 0)
    return { findings: [], candidates: [] };
  const ctx = createContext(body, options.path ?? '', options.authToken ? { authToken: options.authToken } : {});
  const raw = runDetectors(ctx);
  appendAll(raw, scanBase64Secrets(ctx));
  const found = raw.filter((r) => r.typeA?.form !== 'project');
  const findings = toFindings(ctx, onePerStructure(ctx, found), options);
  // A file with a type-A finding of its own needs no other file's record to be read right, and a
  // field whose value (written within 200 characters after its name) is a hard-coded key is that
  // key's finding.
  const candidates =
    found.length === raw.length || found.some((r) => r.kind === 'shared-credentials')
      ? []
      : toFindings(
          ctx,
          raw.filter(
            (r) => r.typeA?.form === 'project' && !found.some((v) => v.start >= r.start && v.start <= r.end + 200),
          ),
          options,
        );
  return { findings, candidates };
}

function runDetectors(ctx: ScanContext): RawFinding[] {
  const out: RawFinding[] = [];
  for (const d of DETECTORS) appendAll(out, d.find(ctx));
  return out;
}

/**
 * `out.push(...items)` passes every item as an argument: past about 120k items (a log with one
 * key per line) V8 throws a RangeError and the whole file's findings were lost. A loop has no limit.
 */
function appendAll<T>(out: T[], items: Iterable<T>): void {
  for (const item of items) out.push(item);
}

/** Converts raw findings to public ones: dedupe, positions, mask, fingerprint, prose. */
export function toFindings(ctx: ScanContext, raw: readonly RawFinding[], options: ScanOptions = {}): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const r of raw) {
    if (options.kinds && !options.kinds.includes(r.kind)) continue;
    const key = `${r.kind}:${String(r.start)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(toFinding(ctx.index, ctx.hasMwsContext, r, options.locale));
  }
  return out.sort((a, b) => a.offset - b.offset || a.kind.localeCompare(b.kind));
}

function toFinding(index: LineIndex, mws: boolean, r: RawFinding, locale = 'en'): Finding {
  const start = index.position(r.start);
  const end = index.position(r.end);
  const isShared = r.kind === 'shared-credentials';
  const masked = isShared ? (r.detail ?? 'field') : maskSecret(r.secret);
  const messageFacts: MessageFacts = {
    kind: r.kind,
    severity: r.severity,
    masked,
    mws,
    ...(r.typeA?.form === 'request' ? { detail: 'request' } : {}),
    ...(r.typeA?.form === 'project' ? { detail: 'project' } : {}),
    ...(r.typeA?.form === 'missing-token' ? { detail: 'missing-token', seller: r.typeA.seller ?? '' } : {}),
    ...(r.presigned === true ? { detail: 'presigned' } : {}),
    ...(r.typeA?.api === 'sp-api' ? { api: 'sp-api' as const } : {}),
    ...(r.typeA !== undefined && r.typeA.records > 1 ? { records: r.typeA.records } : {}),
    ...(r.typeA?.source === undefined ? {} : { source: r.typeA.source }),
    ...(r.container === undefined ? {} : { container: r.container }),
    ...(r.fields === undefined ? {} : { fields: r.fields }),
    ...(r.tokenField === undefined ? {} : { tokenField: r.tokenField }),
    ...(r.links === undefined ? {} : { links: r.links }),
  };
  return {
    ruleId: KIND_INFO[r.kind].ruleId,
    kind: r.kind,
    severity: r.severity,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    secret: masked,
    fingerprint: fingerprint(r.kind, r.secret),
    message: renderMessage(messageFacts, locale),
    recommendation: renderRecommendation(r.kind, locale),
    offset: r.start,
    endOffset: r.end,
    messageFacts,
  };
}

// Kubernetes Secret manifests keep values base64-encoded under `data:`; decode them and report
// what they hold at the encoded value. The value is bounded: Kubernetes refuses a Secret over
// 1 MiB (1,398,104 base64 characters), and an unbounded `{12,}` overflowed V8's stack on a run of
// 5.33 MiB (losing the file's findings).
const K8S_DATA_VALUE = /^([ \t]+)([\w.-]{1,120}):[ \t]*["']?([A-Z0-9+/]{12,1400000}={0,2})["']?[ \t]*$/gim;

function scanBase64Secrets(ctx: ScanContext): RawFinding[] {
  // `includes` rules most texts out several times faster than the regex.
  if (
    !ctx.text.includes('Secret') ||
    !/kind:[ \t]*["']?Secret\b/.test(ctx.text) ||
    !/^[ \t]*(?:data|binaryData):/m.test(ctx.text)
  )
    return [];
  const out: RawFinding[] = [];
  K8S_DATA_VALUE.lastIndex = 0;
  for (let m = K8S_DATA_VALUE.exec(ctx.text); m !== null; m = K8S_DATA_VALUE.exec(ctx.text)) {
    const [, , key = '', encoded = ''] = m;
    const decoded = decodeBase64Text(encoded);
    if (decoded === undefined) continue;
    const valueStart = m.index + m[0].indexOf(encoded, m[0].indexOf(':'));
    // `echo "$SECRET" | base64` keeps the trailing newline: one value, not a document.
    const body = decoded.replace(/\r?\n$/, '');
    const inner = body.includes('\n') ? body : `${key}=${body}`;
    const innerCtx = createContext(inner, ctx.path);
    for (const f of runDetectors(innerCtx)) {
      out.push({ ...f, start: valueStart, end: valueStart + encoded.length });
    }
  }
  return out;
}

function decodeBase64Text(encoded: string): string | undefined {
  try {
    const binary = atob(encoded);
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    // Only printable text can hold a credential; binary blobs (certificates, images) are skipped.
    return /^[\x20-\x7e\t\r\n]*$/.test(text) ? text : undefined;
  } catch {
    return undefined;
  }
}
