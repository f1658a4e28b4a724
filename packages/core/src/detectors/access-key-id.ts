import { nameRole } from '../names.js';
import { isBareCode } from '../quoting.js';
import type { Detector, RawFinding, ScanContext } from '../types.js';
import { isPlaceholder, looksLikeAccessKeyId } from '../values.js';

/**
 * AWS-format access key IDs: a 4-letter type prefix and 16 of `[A-Z0-9]` (real keys use
 * `[A-Z2-7]`). `AKIA` long-term, `ASIA` STS temporary, `ABIA` STS service bearer, `ACCA`
 * context-specific. Resource ids (`AIDA` users, `AROA` roles, `AGPA` groups, `ANPA` policies...)
 * share the shape but are not credentials, so they are not in the list.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids
 * Fake sample: AKIA2OGYBAH6Q7KD4XZM. A `%XX` escape may stand right before it in a signed URL.
 */
const PREFIXED_KEY = /(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Za-z0-9])/g;
// Checked in code rather than by a lookbehind, which would stop V8 from searching for the
// literal prefixes directly: the key starts a token, or follows a `%XX` escape.
const startsToken = (text: string, at: number): boolean =>
  !/[a-z0-9]/i.test(text.charAt(at - 1)) || /%[0-9a-f]{2}$/i.test(text.slice(Math.max(0, at - 3), at));

// A key id as the credential scope of a SigV4 presigned URL: `X-Amz-Credential=AKIA…/20240301/…`.
const V4_CREDENTIAL_BEFORE = /X-Amz-Credential=$/i;
const V4_SCOPE_AFTER = /^(?:\/|%2F)\d{8}(?:\/|%2F)/i;
// A SigV2 query-string presigned URL: `?AWSAccessKeyId=AKIA…&Expires=…&Signature=…`, no `Action`.
const V2_KEY_BEFORE = /[?&]AWSAccessKeyId=$/;

/**
 * True when the key id at `start` is the public part of a presigned URL (S3 and other AWS
 * services hand these out by design): the URL names its key id, and its signature grants access
 * to one object until it expires. Reported as a warning, with a message that says so.
 */
function inPresignedUrl(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 20), start);
  if (V4_CREDENTIAL_BEFORE.test(before)) return V4_SCOPE_AFTER.test(text.slice(start + 20, start + 34));
  if (!V2_KEY_BEFORE.test(before)) return false;
  // The rest of the URL: up to the first space or quote, bounded.
  const rest = /^[^\s"'<>]{0,2000}/.exec(text.slice(start, start + 2000))?.[0] ?? '';
  return /[?&]Expires=\d/.test(rest) && /[?&]Signature=/.test(rest) && !/[?&]Action=/.test(rest);
}

function find(ctx: ScanContext): RawFinding[] {
  const found: RawFinding[] = [];
  const presigned: RawFinding[] = [];
  PREFIXED_KEY.lastIndex = 0;
  for (let m = PREFIXED_KEY.exec(ctx.text); m !== null; m = PREFIXED_KEY.exec(ctx.text)) {
    const value = m[0];
    if (!startsToken(ctx.text, m.index) || isPlaceholder(value)) continue;
    if (inPresignedUrl(ctx.text, m.index))
      presigned.push({
        kind: 'access-key-id',
        severity: 'warning',
        start: m.index,
        end: m.index + 20,
        secret: value,
        presigned: true,
      });
    else found.push({ kind: 'access-key-id', severity: 'error', start: m.index, end: m.index + 20, secret: value });
  }
  // Legacy MWS key ids had no type prefix: only their name tells them apart from other ids, and
  // every such name holds the words of `ACCESS_KEY_NAME_WORDS`.
  const mayBind = ctx.hasNameOverride || ctx.tabular !== undefined || ctx.hasAccessKeyWord;
  for (const run of mayBind ? ctx.valueRuns() : []) {
    if (run.end - run.start !== 20 || /^(?:AKIA|ASIA|ABIA|ACCA)/.test(run.value)) continue;
    if (!looksLikeAccessKeyId(run.value)) continue;
    if (isBareCode(ctx, run.start)) continue;
    const name = ctx.nameAt(run.start);
    if (name === undefined || nameRole(name) !== 'access-key') continue;
    found.push({ kind: 'access-key-id', severity: 'error', start: run.start, end: run.end, secret: run.value });
  }
  // A presigned URL's key id pairs with no secret: its signature is the only other value there.
  for (const f of found) ctx.accessKeyLines.add(ctx.index.lineOf(f.start));
  return [...found, ...presigned];
}

/** Detector for `access-key-id`. */
export const accessKeyId: Detector = Object.freeze({
  kind: 'access-key-id',
  keywords: ['AKIA', 'ASIA', 'ABIA', 'ACCA', 'access', 'keyid', 'key_id', 'key-id'],
  find,
  samples: {
    positive: [
      { text: 'const key = "AKIA2OGYBAH6Q7KD4XZM";', value: 'AKIA2OGYBAH6Q7KD4XZM', reason: 'long-term key in code' },
      {
        text: 'AWS_ACCESS_KEY_ID=ASIAY34FZKBOKMUTVV7A',
        value: 'ASIAY34FZKBOKMUTVV7A',
        reason: 'temporary STS key in .env',
      },
      {
        text: 'log: ?AWSAccessKeyId=AKIAJ5Q7R2D4LMNOPQ3X&Action=ListOrders',
        value: 'AKIAJ5Q7R2D4LMNOPQ3X',
        reason: 'key in a signed URL',
      },
      {
        text: 'q=AWSAccessKeyId%3DAKIAJ5Q7R2D4LMNOPQ3X%26',
        value: 'AKIAJ5Q7R2D4LMNOPQ3X',
        reason: 'key after a percent-encoded =',
      },
      {
        text: 'AWSAccessKeyId=0PB842ZQ7N4ZTR2F9K3M&Action=ListOrders',
        value: '0PB842ZQ7N4ZTR2F9K3M',
        reason: 'legacy un-prefixed MWS key id in a request',
      },
      {
        text: "mws_access_key_id: '1QW2ER3TY4UI5OP6AS7D'",
        value: '1QW2ER3TY4UI5OP6AS7D',
        reason: 'legacy key bound to an access-key name',
      },
      {
        text: "$store['Acme']['keyId'] = 'X9C3B7N2M5K8J4H6G1F0';",
        value: 'X9C3B7N2M5K8J4H6G1F0',
        reason: 'phpAmazonMWS keyId',
      },
    ],
    negative: [
      { text: 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE', reason: 'AWS documentation example' },
      { text: 'AWSAccessKeyId=022QF0EXAMPLEH9DHM02', reason: 'MWS documentation example' },
      { text: 'UserId: AIDAJQABLZS4A3QDU576Q', reason: 'IAM user resource id, not a key' },
      { text: 'RoleId: AROA3XFRBF535PLBIFPI4', reason: 'IAM role resource id, not a key' },
      { text: 'AWS_ACCESS_KEY_ID=AKIAXXXXXXXXXXXXXXXX', reason: 'placeholder' },
      { text: 'key: AKIA************MPLE', reason: 'already masked' },
      { text: 'build_id = "0PB842ZQ7N4ZTR2F9K3M"', reason: 'un-prefixed id not bound to an access-key name' },
      { text: 'const hash = "xAKIA2OGYBAH6Q7KD4XZM";', reason: 'inside a longer token' },
      { text: 'seller_id = "A2NODRKZP88ZB9"', reason: 'Seller or Marketplace id' },
    ],
  },
});
