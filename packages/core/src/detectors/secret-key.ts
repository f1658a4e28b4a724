import { isSecretKeyName, nameRole, nameWords } from '../names.js';
import type { NameRole } from '../names.js';
import { isBareCode } from '../quoting.js';
import type { Detector, RawFinding, ScanContext } from '../types.js';
import { looksLikeSecretKey } from '../values.js';

/**
 * AWS/MWS secret keys: exactly 40 of `[A-Za-z0-9/+]`, no prefix. Their shape alone matches
 * hashes, paths and base64 slices, so a value is reported only when it is bound to a secret-key
 * name (`secretKey`, `AWS_SECRET_ACCESS_KEY`, `<SecretKey>`, `define('AWS_SECRET_ACCESS_KEY', …)`)
 * or stands within {@link PAIRING_LINES} lines of an access key id (`new Client("AKIA…", "…")`,
 * a credentials CSV row). Fake sample: Kq7Zr1nV0bXwP3yH8sL5tA2mD9fG4jC6eU/oI+Rw.
 */
export const PAIRING_LINES = 3;

// Names whose values are never a secret key, even next to an access key.
const NEVER_SECRET: ReadonlySet<NameRole> = new Set([
  'not-secret',
  'access-key',
  'seller-id',
  'weak-seller-id',
  'auth-token',
  'lwa-client-id',
  'lwa-client-secret',
  'refresh-token',
]);

// Words that make a name designate a field rather than hold its value (`COLUMN_SECRET_KEY`,
// `FIELD_SECRET_KEY`). Such a constant holds a column's name, so the name alone binds nothing; but
// used as a map key beside an access key (`self::COLUMN_SECRET_KEY => '…'` next to
// `self::COLUMN_ACCESS_KEY_ID => 'AKIA…'`, a connector's developer keys per region) its value is
// the secret itself.
const DESIGNATORS: ReadonlySet<string> = new Set(['column', 'field', 'param', 'header']);

/** True when `name` is a secret-key name once its designator words are dropped. */
function designatesSecretKey(name: string, amazon: boolean): boolean {
  const words = nameWords(name);
  const rest = words.filter((w) => !DESIGNATORS.has(w));
  return rest.length > 0 && rest.length < words.length && isSecretKeyName(rest.join('_'), amazon);
}

function isPaired(ctx: ScanContext, line: number): boolean {
  if (ctx.pairedWithAccessKey) return true;
  for (let l = line - PAIRING_LINES; l <= line + PAIRING_LINES; l++) if (ctx.accessKeyLines.has(l)) return true;
  return false;
}

// The argument before a value, when it reads the environment: `process.env.MWS_ACCESS_KEY_ID, '`,
// `os.environ["AWS_ACCESS_KEY_ID"], "`, `getenv('KEY_ID'), '`, `ENV['X'], '`.
const ENV_ARGUMENT_BEFORE =
  /(?:process\.env\.([A-Z_]\w{0,80})|(?:os\.environ(?:\.get)?|getenv|ENV(?:\.fetch)?)\s*[[(]\s*["']([A-Z_]\w{0,80})["']\s*[\])])\s*,\s*["'`]$/i;

/**
 * A secret passed right after an access key read from the environment (`new AmazonMws(process.env
 * .MWS_ACCESS_KEY_ID, '…')`, `require('amazon-mws')(process.env.X, '…')`): the pair is a key id and
 * its secret, whether or not the key id is written out. Moving the key id to the environment must
 * not hide the secret beside it.
 */
function followsEnvAccessKey(ctx: ScanContext, start: number): boolean {
  const lineStart = ctx.index.lineStart(ctx.index.lineOf(start));
  const before = ctx.text.slice(Math.max(lineStart, start - 160), start);
  const m = ENV_ARGUMENT_BEFORE.exec(before);
  if (!m) return false;
  const envName = m[1] ?? m[2] ?? '';
  return nameRole(envName) === 'access-key' || ctx.hasMwsContext;
}

function find(ctx: ScanContext): RawFinding[] {
  const found: RawFinding[] = [];
  const mayBind =
    ctx.hasNameOverride ||
    ctx.pairedWithAccessKey ||
    ctx.tabular !== undefined ||
    ctx.accessKeyLines.size > 0 ||
    // Every secret-key name holds `secret`; without it, only a nearby access key can bind a value
    // (written out, or read from the environment in an MWS or access-key context).
    ctx.hasSecretWord ||
    ctx.hasAccessKeyWord ||
    ctx.hasMwsContext;
  if (!mayBind) return found;
  for (const run of ctx.valueRuns()) {
    if (run.value.length !== 40 || !looksLikeSecretKey(run.value)) continue;
    if (isBareCode(ctx, run.start)) continue;
    const name = ctx.nameAt(run.start);
    const bound = name !== undefined && isSecretKeyName(name, ctx.hasAmazonContext);
    if (!bound) {
      const paired = isPaired(ctx, ctx.index.lineOf(run.start)) || followsEnvAccessKey(ctx, run.start);
      if (!paired) continue;
      // (An access-key name holding 40 characters beside a key id holds the secret: the two
      // values were entered the wrong way round, `AccessKey = "<secret>"`, `SecretKey = "AKIA…"`.
      // No key id is 40 characters long.)
      const role = name === undefined ? undefined : nameRole(name);
      if (
        name !== undefined &&
        role !== 'access-key' &&
        role !== undefined &&
        NEVER_SECRET.has(role) &&
        !designatesSecretKey(name, ctx.hasAmazonContext)
      )
        continue;
    }
    found.push({ kind: 'secret-key', severity: 'error', start: run.start, end: run.end, secret: run.value });
  }
  return found;
}

const SECRET = 'Kq7Zr1nV0bXwP3yH8sL5tA2mD9fG4jC6eU/oI+Rw';

/** Detector for `secret-key`. Runs after `access-key-id`, whose lines it pairs with. */
export const secretKey: Detector = Object.freeze({
  kind: 'secret-key',
  keywords: ['secret', 'AKIA', 'ASIA', 'access', 'key'],
  find,
  samples: {
    positive: [
      { text: `const secretKey = "${SECRET}";`, value: SECRET, reason: 'bound to a secret-key name in JS' },
      { text: `AWS_SECRET_ACCESS_KEY=${SECRET}`, value: SECRET, reason: '.env' },
      { text: `aws_secret_access_key = ${SECRET}`, value: SECRET, reason: 'credentials file' },
      {
        text: `define('AWS_SECRET_ACCESS_KEY', '${SECRET}');`,
        value: SECRET,
        reason: 'official MWS PHP client config',
      },
      { text: `<add key="SecretKey" value="${SECRET}" />`, value: SECRET, reason: 'App.config appSettings' },
      { text: `<SecretKey>${SECRET}</SecretKey>`, value: SECRET, reason: 'XML element' },
      {
        text: `new MarketplaceWebServiceOrdersClient("AKIA2OGYBAH6Q7KD4XZM", "${SECRET}", "app", "1.0", config);`,
        value: SECRET,
        reason: 'paired with an access key in the same call',
      },
      {
        text: `var config = new Config {\n  AccessKey = "${SECRET}",\n  SecretKey = "AKIA2OGYBAH6Q7KD4XZM",\n};`,
        value: SECRET,
        reason: 'the secret under the access-key name, beside the key id entered the wrong way round',
      },
      {
        text: `- name: AWS_SECRET_ACCESS_KEY\n  value: "${SECRET}"`,
        value: SECRET,
        reason: 'Kubernetes env name/value pair',
      },
      {
        text: 'secret_key = "rT5+aB9/cD3eF7gH1iJ2kL4mN6oP8qR0sT2uV4w+"',
        value: 'rT5+aB9/cD3eF7gH1iJ2kL4mN6oP8qR0sT2uV4w+',
        reason: 'secret ending in +',
      },
      {
        text: 'GET /?mws_secret_key=rT5+aB9/cD3eF7gH1iJ2kL4mN6oP8qR0sT2uV4w%2F&x=1',
        value: 'rT5+aB9/cD3eF7gH1iJ2kL4mN6oP8qR0sT2uV4w%2F',
        reason: 'percent-encoded / at the end',
      },
      {
        text: `"source": ["SECRET_KEY = \\"${SECRET}\\"\\n"]`,
        path: 'a.ipynb',
        value: SECRET,
        reason: 'JSON-escaped notebook source',
      },
      {
        text: `self::COLUMN_SECRET_KEY => '${SECRET}',\nself::COLUMN_ACCESS_KEY_ID => 'AKIA2OGYBAH6Q7KD4XZM',`,
        value: SECRET,
        reason: 'a column-name constant as the map key beside an access key (developer keys per region)',
      },
      {
        text: `return [\n    //AKIA2OGYBAH6Q7KD4XZM\n    //${SECRET}\n];`,
        path: 'config/amazon-mws.php',
        value: SECRET,
        reason: 'a commented-out pair, the line comment glued to the value',
      },
      {
        text: `s3://AKIA2OGYBAH6Q7KD4XZM:${SECRET}@seller-reports/daily`,
        value: SECRET,
        reason: 'password of a URL whose user is an access key',
      },
    ],
    negative: [
      { text: 'secret_key = "da39a3ee5e6b4b0d3255bfef95601890afd80709"', reason: 'SHA-1 hex' },
      { text: 'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', reason: 'AWS documentation example' },
      { text: 'secret_key = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"', reason: 'low entropy' },
      { text: `const cacheKey = "${SECRET}";`, reason: 'no secret name and no access key nearby' },
      { text: `accessKey: "${SECRET}"`, reason: 'an access-key name with no key id nearby' },
      { text: `signature = "${SECRET}"\nkey = "AKIA2OGYBAH6Q7KD4XZM"`, reason: 'a signature, even next to a key' },
      {
        text: `self::COLUMN_SECRET_KEY => '${SECRET}',`,
        reason: 'a column-name constant as a key, with no access key near',
      },
      { text: `integrity sha512-${SECRET}${SECRET}==`, reason: 'lockfile integrity' },
      { text: 'secretKey: process.env.MWS_SECRET_KEY', reason: 'read from the environment' },
      { text: 'secret_key = "src/components/SellerCentral/OrdersPage"', reason: 'a path of words' },
    ],
  },
});
