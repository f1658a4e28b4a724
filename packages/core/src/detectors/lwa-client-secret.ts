import { nameRole } from '../names.js';
import { isBareCode } from '../quoting.js';
import type { Detector, RawFinding, ScanContext } from '../types.js';
import { hasLongRun, isPlaceholder } from '../values.js';

/**
 * Login with Amazon client secret of an SP-API application: `amzn1.oa2-cs.v1.` + 64 hex. Older
 * applications have a bare 64-hex secret; that one is only reported when bound to a
 * client-secret name in a file that also holds the app's client id, because a bare SHA-256 is
 * otherwise indistinguishable. Fake sample: amzn1.oa2-cs.v1.3f9a…(64 hex).
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
  if (!ctx.hasLwaClientId) return found;
  for (const run of ctx.valueRuns()) {
    if (run.value.length !== 64 || !/^[0-9a-f]+$/.test(run.value) || hasLongRun(run.value, 6)) continue;
    if (isBareCode(ctx, run.start)) continue;
    const name = ctx.nameAt(run.start);
    if (name === undefined || nameRole(name) !== 'lwa-client-secret') continue;
    found.push({ kind: 'lwa-client-secret', severity: 'error', start: run.start, end: run.end, secret: run.value });
  }
  return found;
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
    ],
    negative: [
      { text: `checksum = "${HEX64}"`, reason: 'SHA-256 with a non-secret name' },
      { text: `client_secret = "${HEX64}"`, reason: 'bare hex without an LWA client id in the file' },
      {
        text: 'LWA_CLIENT_ID=amzn1.application-oa2-client.4c1f0e2d3b5a69788796a5b4c3d2e1f0',
        reason: 'client id is not secret',
      },
      { text: `secret: amzn1.oa2-cs.v1.${'0'.repeat(64)}`, reason: 'placeholder' },
    ],
  },
});
