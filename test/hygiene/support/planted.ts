import { createHash } from 'node:crypto';
import { writeTree } from '../../cli/support/tree.js';

// Fake, well-shaped credentials (never issued by AWS or Amazon) that the hygiene tests plant in a
// temporary tree, then look for in every output. Each is valid for its detector: AKIA + 16 of
// [A-Z2-7] with no run of 8 ascending characters, 40-character mixed secrets bound to secret-key
// names, amzn.mws.<uuid>, amzn1.oa2-cs.v1.<64 hex>, Atzr|IwEB and Atza|IwEB + 300 base64url characters.

/** 300 deterministic base64url characters (SHA-256 chain: no placeholder words, runs or sequences). */
function refreshBody(seed = 'mwsguard-hygiene'): string {
  let out = '';
  for (let i = 0; out.length < 300; i++) out += createHash('sha256').update(`${seed}-${i}`).digest('base64url');
  return out.slice(0, 300);
}

/** The planted plaintexts, by name. */
export const PLANTED = {
  accessKeyId: 'AKIAQ3ZN7XK2WJ5RT4MB',
  accessKeyId2: 'AKIAM6PW3YH2TQ7ZX5NV',
  secretKey: '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',
  secretKey2: 'r5Tb8Nw2Qz/Lk7Xc4Vm9Pj3Hd6Gf1Sa0Ye+Ui8Oq',
  mwsAuthToken: 'amzn.mws.4f8a2c1e-9b3d-4e7f-a6c5-2d1b0e9f8a7c',
  lwaClientSecret: 'amzn1.oa2-cs.v1.3f9a1c7e5b2d8f4a6c0e9b1d3f5a7c9e2b4d6f8a0c1e3b5d7f9a2c4e6b8d0f1a',
  refreshToken: `Atzr|IwEB${refreshBody()}`,
  accessToken: `Atza|IwEB${refreshBody('mwsguard-hygiene-access')}`,
} as const;

const P = PLANTED;
const b64 = (s: string): string => Buffer.from(s).toString('base64');
const pct = (s: string): string => encodeURIComponent(s);

/**
 * Every string that must never appear in an output: each secret in full, the encoded forms it was
 * planted in (percent-encoded, base64) and its unmasked middle (masking keeps 4 characters, or
 * the public prefix, at each end).
 */
export function forbidden(): string[] {
  const out = new Set<string>();
  for (const secret of Object.values(PLANTED)) {
    out.add(secret);
    out.add(pct(secret));
    out.add(b64(secret));
    const prefix = /^(?:amzn\.mws\.|amzn1\.oa2-cs\.v1\.|Atz[ar]\|)/.exec(secret)?.[0] ?? secret.slice(0, 4);
    out.add(secret.slice(prefix.length, -4));
  }
  out.add(`Atzr%7C${P.refreshToken.slice(5)}`);
  return [...out];
}

/** The strings of `forbidden()` that `text` contains (an empty list is the pass). */
export function leaks(text: string): string[] {
  return forbidden().filter((s) => text.includes(s));
}

/** Code, config, a URL with percent-encoded values, a base64 Kubernetes Secret and a type-A record. */
export const TREE: Readonly<Record<string, string>> = {
  'src/client.js': [
    'const mws = new MWSClient({',
    `  accessKeyId: '${P.accessKeyId}',`,
    `  secretAccessKey: '${P.secretKey}',`,
    `  mwsAuthToken: '${P.mwsAuthToken}',`,
    '});',
    `const lwa = { clientSecret: '${P.lwaClientSecret}', refreshToken: '${P.refreshToken}' };`,
    'export { mws, lwa };',
    '',
  ].join('\n'),
  'config/.env': [
    `AWS_ACCESS_KEY_ID=${P.accessKeyId2}`,
    `MWS_SECRET_KEY=${P.secretKey2}`,
    `LWA_REFRESH_TOKEN=${P.refreshToken}`,
    `LWA_ACCESS_TOKEN=${P.accessToken}`,
    `MWS_AUTH_TOKEN_OLD=${P.mwsAuthToken} # mwsguard-ignore`,
    '',
  ].join('\n'),
  'config/settings.json': `${JSON.stringify({ mws: { accessKeyId: P.accessKeyId, secretKey: P.secretKey } }, null, 2)}\n`,
  'config/request.txt': [
    `https://mws.amazonservices.com/Orders?AWSAccessKeyId=${P.accessKeyId2}&SecretKey=${pct(P.secretKey)}&Action=ListOrders`,
    `grant_type=refresh_token&refresh_token=Atzr%7C${P.refreshToken.slice(5)}&client_secret=${pct(P.lwaClientSecret)}`,
    '',
  ].join('\n'),
  'k8s/secret.yaml': [
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: mws',
    'data:',
    `  MWS_SECRET_KEY: ${b64(P.secretKey2)}`,
    `  MWS_AUTH_TOKEN: ${b64(P.mwsAuthToken)}`,
    '',
  ].join('\n'),
  'db/schema.sql':
    'CREATE TABLE sellers (\n  seller_id VARCHAR(20),\n  mws_access_key VARCHAR(20),\n  mws_secret_key VARCHAR(40)\n);\n',
};

/** Writes {@link TREE} under `dir`. */
export function plant(dir: string): void {
  writeTree(dir, TREE);
}
