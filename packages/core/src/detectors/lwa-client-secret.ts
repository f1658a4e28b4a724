import { nameRole, normalizeName } from '../names.js';
import { isBareCode } from '../quoting.js';
import type { Detector, RawFinding, ScanContext } from '../types.js';
import { hasLongRun, isPlaceholder } from '../values.js';

/**
 * Login with Amazon client secret of an SP-API application: `amzn1.oa2-cs.v1.` + 64 hex. Older
 * applications have a bare 64-hex secret, which a SHA-256 digest looks exactly like: it is only
 * reported when bound to a client-secret name with strong evidence that the secret is LWA's (see
 * {@link isLwaSecretName}). Fake sample: amzn1.oa2-cs.v1.3f9a…(64 hex).
 * https://developer-docs.amazon.com/sp-api/docs/connecting-to-the-selling-partner-api
 */
const PREFIXED_SECRET = /(?<![A-Za-z0-9])amzn1\.oa2-cs\.v1\.[0-9a-fA-F]{64}(?![0-9A-Za-z])/g;

function find(ctx: ScanContext): RawFinding[] {
  const found: RawFinding[] = [];
  // `includes` finds the literal several times faster than the regex with its lookbehind.
  PREFIXED_SECRET.lastIndex = 0;
  const prefixed = ctx.includesAmzn('amzn1.oa2-cs.');
  for (let m = prefixed ? PREFIXED_SECRET.exec(ctx.text) : null; m !== null; m = PREFIXED_SECRET.exec(ctx.text)) {
    if (isPlaceholder(m[0].slice(16))) continue;
    found.push({
      kind: 'lwa-client-secret',
      severity: 'error',
      start: m.index,
      end: m.index + m[0].length,
      secret: m[0],
    });
  }
  const lwaPath = LWA_WORDS.test(lastSegments(ctx.path));
  for (const run of ctx.valueRuns()) {
    if (run.value.length !== 64 || !/^[0-9a-f]+$/.test(run.value) || hasLongRun(run.value, 6)) continue;
    if (isBareCode(ctx, run.start)) continue;
    const name = ctx.nameAt(run.start);
    const role = name === undefined ? undefined : nameRole(name);
    const besideClientId = ctx.includesAmzn(LWA_CLIENT_ID) && nearClientId(ctx, run.start);
    // Unnamed or named only `secret`: the argument or entry right after an LWA client id
    // (`new Credentials('amzn1.application-oa2-client.…', '…')`, `'client_id' => …, 'secret' => …`).
    if (role === undefined || role === 'generic-secret' || role === 'none') {
      if (!besideClientId) continue;
    } else if (role !== 'lwa-client-secret' || name === undefined || !isLwaSecretName(ctx, name, run.start, lwaPath))
      continue;
    found.push({ kind: 'lwa-client-secret', severity: 'error', start: run.start, end: run.end, secret: run.value });
  }
  return found;
}

// Words that name Login with Amazon or the SP-API (normalised: no separators, lower case).
const LWA_WORDS = /lwa|sp-?_?api|sellingpartner|selling[-_ ]partner|loginwithamazon/i;
// The same in a normalised name: `lwa_client_secret`, `SELLING_PARTNER_APP_CLIENT_SECRET`,
// `spApiClientSecret`, `amazon_client_secret`.
const LWA_NAME = /lwa|spapi|sellingpartner|amazon|amzn|amz/;
/** How many lines above a value the object naming it may open (`lwa: {`, `[sp_api]`). */
const OBJECT_LINES = 6;

/**
 * A bare 64-hex value under a client-secret name is LWA's when the name says so
 * (`lwa_client_secret`), or a generic one (`clientSecret`) stands in a text that shows LWA (an
 * LWA client id, a refresh token, the token endpoint, the SP-API host: `hasLwaContext`), in a
 * file named for the SP-API or LWA, or in an object or section named for them.
 */
function isLwaSecretName(ctx: ScanContext, name: string, start: number, lwaPath: boolean): boolean {
  if (LWA_NAME.test(normalizeName(name)) || ctx.hasLwaContext || lwaPath) return true;
  const line = ctx.index.lineOf(start);
  for (let l = line; l >= Math.max(0, line - OBJECT_LINES); l--) {
    const from = ctx.index.lineStart(l);
    const text = ctx.text.slice(from, Math.min(ctx.index.lineEnd(l, ctx.text), from + 200));
    // The line that opens the object or section holding the value: `lwa: {`, `"SpApi": {`, `[lwa]`.
    if (l < line && /[{[(:]\s*$|^\s*\[/.test(text)) return LWA_WORDS.test(text);
  }
  return false;
}

/**
 * True when an LWA client id literal ends just before the value, separated only by quotes, a
 * comma or a key (`'amzn1.application-oa2-client.…', '…'`, `'client_id' => '…', 'secret' => '…'`).
 */
function nearClientId(ctx: ScanContext, start: number): boolean {
  const line = ctx.index.lineOf(start);
  const from = ctx.index.lineStart(Math.max(0, line - 1));
  const before = ctx.text.slice(Math.max(from, start - 240), start);
  const at = before.lastIndexOf(LWA_CLIENT_ID);
  if (at === -1) return false;
  // The client id's own characters, then at most a separator and a short key.
  return CLIENT_ID_THEN_VALUE.test(before.slice(at + LWA_CLIENT_ID.length));
}

const LWA_CLIENT_ID = 'amzn1.application-oa2-client.';
// The rest of the client id, its closing quote, a comma, and at most one key (`'secret' =>`).
const CLIENT_ID_THEN_VALUE =
  /^[\w.]{0,64}["'`]?[\s,]{0,4}(?:["'`][\w-]{1,30}["'`]\s{0,3}(?:=>|:)|[\w-]{1,30}\s{0,3}[:=])?\s{0,3}["'`]?$/;

/** The file's folder and name: every surface passes a path of its own form. */
function lastSegments(path: string): string {
  return path.split(/[/\\]/).slice(-2).join('/');
}

const HEX64 = '9f2c4e6a8b0d1f3e5c7a9b1d3f5e7c9a0b2d4f6e8c0a2b4d6f8e0c2a4b6d8f0e';

/** Detector for `lwa-client-secret`. */
export const lwaClientSecret: Detector = Object.freeze({
  kind: 'lwa-client-secret',
  keywords: ['amzn1.oa2-cs', 'secret'],
  find,
  samples: {
    positive: [
      {
        text: `LWA_CLIENT_SECRET=amzn1.oa2-cs.v1.${HEX64}`,
        value: `amzn1.oa2-cs.v1.${HEX64}`,
        reason: 'prefixed client secret',
      },
      {
        text: `client_id = "amzn1.application-oa2-client.4c1f0e2d3b5a69788796a5b4c3d2e1f0"\nclient_secret = "${HEX64}"`,
        value: HEX64,
        reason: 'bare 64-hex secret next to an LWA client id',
      },
      {
        text: `const TOKEN_URL = 'https://api.amazon.com/auth/o2/token';\nconst clientSecret = '${HEX64}';`,
        value: HEX64,
        reason: 'bare 64-hex secret in a text that calls the LWA token endpoint',
      },
      {
        text: `LWA_CLIENT_SECRET="${HEX64}"`,
        value: HEX64,
        reason: 'bare 64-hex secret under an LWA-named secret name',
      },
      {
        text: `lwa:\n  client_id: \${LWA_CLIENT_ID}\n  client_secret: "${HEX64}"`,
        value: HEX64,
        reason: 'bare 64-hex secret in an object named for LWA',
      },
    ],
    negative: [
      { text: `checksum = "${HEX64}"`, reason: 'SHA-256 with a non-secret name' },
      { text: `client_secret = "${HEX64}"`, reason: 'bare hex without an LWA client id in the file' },
      {
        text: `github:\n  client_id: Iv1.8a61f9b3a7aba766\n  client_secret: "${HEX64}"`,
        reason: "another OAuth app's client secret: nothing says LWA",
      },
      { text: `lwa_client_secret_sha256 = "${HEX64}"`, reason: 'a digest of the secret, named so' },
      {
        text: 'LWA_CLIENT_ID=amzn1.application-oa2-client.4c1f0e2d3b5a69788796a5b4c3d2e1f0',
        reason: 'client id is not secret',
      },
      { text: `secret: amzn1.oa2-cs.v1.${'0'.repeat(64)}`, reason: 'placeholder' },
    ],
  },
});
