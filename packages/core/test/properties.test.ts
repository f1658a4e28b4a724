import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KINDS, classifyString, mayHoldStringCredentials, scanText } from '@mwsguard/core';
import type { Finding, Kind } from '@mwsguard/core';

/**
 * Property-based tests for the detection engine (issue 6, "Adversarial input"). Three families:
 *
 * 1. Whatever the text (random ASCII, full Unicode, lone surrogates, soups of key characters and
 *    credential fragments, every format below), `scanText` and `classifyString` never throw and
 *    return well-formed findings: positions that match the offsets, spans inside the text, sorted,
 *    no duplicates, and no whole secret in any shown field.
 * 2. Round trip per format: a well-shaped fake planted at a random place in random but realistic
 *    surrounding text is found at exactly the planted line and column (encoded secrets: at their
 *    first encoded character), with nothing else reported; the same text with the secret replaced
 *    by a placeholder yields no finding of that kind.
 * 3. The generators of well-shaped fakes are well-shaped, and each fake bound to its name is found.
 *
 * Every property runs with a fixed seed, so a failure reproduces exactly; fast-check prints the
 * shrunk counterexample. What is and is not a finding: test/fixtures/corpus/LABELING.md.
 */
const SEED = 0x6d777367; // "mwsg"
const runs = (numRuns: number): { seed: number; numRuns: number } => ({ seed: SEED, numRuns });

type SecretKind = Exclude<Kind, 'shared-credentials'>;
const SEVERITIES: readonly string[] = ['error', 'warning'];
const SECRET_KINDS: readonly SecretKind[] = [
  'access-key-id',
  'secret-key',
  'mws-auth-token',
  'lwa-client-secret',
  'lwa-refresh-token',
  'lwa-access-token',
];

// ---------------------------------------------------------------------------------------------
// Independent oracles: positions, randomness, placeholders (never the engine's own helpers).
// ---------------------------------------------------------------------------------------------

const stripBom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/** 1-based line and column of a 0-based offset; `\r\n`, `\n` and `\r` each end a line. */
function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = text[i];
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Some character repeats `n` or more times in a row. */
function repeats(value: string, n: number): boolean {
  let run = 1;
  for (let i = 1; i < value.length; i++) {
    run = value[i] === value[i - 1] ? run + 1 : 1;
    if (run >= n) return true;
  }
  return false;
}

/** `n` or more consecutive ascending characters (`ABCDEFGH`, `23456789`). */
function ascends(value: string, n: number): boolean {
  let run = 1;
  for (let i = 1; i < value.length; i++) {
    run = value.charCodeAt(i) === value.charCodeAt(i - 1) + 1 ? run + 1 : 1;
    if (run >= n) return true;
  }
  return false;
}

function shannon(value: string): number {
  const counts = new Map<string, number>();
  for (const c of value) counts.set(c, (counts.get(c) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) h -= (n / value.length) * Math.log2(n / value.length);
  return h;
}

// LABELING.md: anything containing EXAMPLE, `xxx`, `YOUR_...`, `changeme` is a placeholder, and
// core treats 6+ repeated and 8+ ascending characters as made up. Fakes avoid all of them.
const MADE_UP_WORDS = /EXAMPLE|SAMPLE|PLACEHOLDER|REDACTED|CHANGE_?ME|REPLACE|YOUR|INSERT|X{4}/i;
const madeUp = (value: string): boolean => MADE_UP_WORDS.test(value) || repeats(value, 6) || ascends(value, 8);

// ---------------------------------------------------------------------------------------------
// Well-shaped fakes (property 3): a real secret's alphabet and length, never real.
// ---------------------------------------------------------------------------------------------

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';
const BASE32 = `${UPPER}234567`;
const BASE64 = `${UPPER}${LOWER}${DIGITS}/+`;
const BASE64URL = `${UPPER}${LOWER}${DIGITS}_-`;
const HEX = '0123456789abcdef';

const ofLength = (alphabet: string, min: number, max = min): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(...Array.from(alphabet)), minLength: min, maxLength: max });

/** AKIA + 16 of `[A-Z2-7]`. */
const accessKeyIdArb = ofLength(BASE32, 16)
  .map((s) => `AKIA${s}`)
  .filter((v) => !madeUp(v));

const count = (value: string, re: RegExp): number => value.match(re)?.length ?? 0;

/** 40 of `[A-Za-z0-9/+]`, 3+ upper, 3+ lower, a digit or `/+`, entropy >= 4, not hex (a SHA-1). */
function isWellShapedSecretKey(v: string): boolean {
  return (
    v.length === 40 &&
    count(v, /[A-Z]/g) >= 3 &&
    count(v, /[a-z]/g) >= 3 &&
    count(v, /[0-9/+]/g) >= 1 &&
    shannon(v) >= 4 &&
    !/^[0-9a-f]+$/i.test(v) &&
    !madeUp(v)
  );
}

/** How AWS makes them (base64 of 30 random bytes), or 40 draws from the alphabet. */
const secretKeyArb = fc
  .oneof(
    ofLength(BASE64, 40),
    fc.uint8Array({ minLength: 30, maxLength: 30 }).map((b) => Buffer.from(b).toString('base64')),
  )
  .filter(isWellShapedSecretKey);

/**
 * The same constraints, drawn from corners of the alphabet: letters and `/` only (about 1 real
 * key in 2000 has no digit and no `+`), letters and `+` only, letters and digits only.
 */
const secretKeyCornerArb = fc
  .oneof(
    ofLength(`${UPPER}${LOWER}/`, 40),
    ofLength(`${UPPER}${LOWER}+`, 40),
    ofLength(`${UPPER}${LOWER}${DIGITS}`, 40),
  )
  .filter(isWellShapedSecretKey);

/** amzn.mws. + a lower-case UUID. */
const mwsAuthTokenArb = fc
  .uuid()
  .filter((u) => !madeUp(u) && !madeUp(u.replaceAll('-', '')))
  .map((u) => `amzn.mws.${u}`);

/** amzn1.oa2-cs.v1. + 64 lower-case hex. */
const lwaClientSecretArb = ofLength(HEX, 64)
  .map((h) => `amzn1.oa2-cs.v1.${h}`)
  .filter((v) => !madeUp(v));

/** Atzr|IwEB + 100 to 400 of `[A-Za-z0-9_-]`. */
const refreshTokenArb = ofLength(BASE64URL, 100, 400)
  .map((b) => `Atzr|IwEB${b}`)
  .filter((v) => !madeUp(v));

/** Atza|IwEB + 100 to 400 of `[A-Za-z0-9_-]`. */
const accessTokenArb = ofLength(BASE64URL, 100, 400)
  .map((b) => `Atza|IwEB${b}`)
  .filter((v) => !madeUp(v));

const FAKE: Readonly<Record<SecretKind, fc.Arbitrary<string>>> = {
  'access-key-id': accessKeyIdArb,
  'secret-key': secretKeyArb,
  'mws-auth-token': mwsAuthTokenArb,
  'lwa-client-secret': lwaClientSecretArb,
  'lwa-refresh-token': refreshTokenArb,
  'lwa-access-token': accessTokenArb,
};

const SHAPE: Readonly<Record<SecretKind, RegExp>> = {
  'access-key-id': /^AKIA[A-Z2-7]{16}$/,
  'secret-key': /^[\d+/a-z]{40}$/i,
  'mws-auth-token': /^amzn\.mws\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
  'lwa-client-secret': /^amzn1\.oa2-cs\.v1\.[0-9a-f]{64}$/,
  'lwa-refresh-token': /^Atzr\|IwEB[\w-]{100,400}$/,
  'lwa-access-token': /^Atza\|IwEB[\w-]{100,400}$/,
};

/** Placeholders per kind (LABELING.md): none of them is ever a finding of that kind. */
const PLACEHOLDERS: Readonly<Record<SecretKind, readonly string[]>> = {
  'access-key-id': [
    'YOUR_ACCESS_KEY_ID',
    '<access-key-id>',
    '${MWS_ACCESS_KEY_ID}',
    'AKIAXXXXXXXXXXXXXXXX',
    'AKIAIOSFODNN7EXAMPLE',
    '{{ aws_access_key_id }}',
  ],
  'secret-key': [
    'YOUR_SECRET_KEY',
    '<secret>',
    '${MWS_SECRET_KEY}',
    'x'.repeat(40),
    'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    '{{ secret_key }}',
    '%(secret_key)s',
    'changeme',
  ],
  'mws-auth-token': [
    'YOUR_MWS_AUTH_TOKEN',
    '<mws-auth-token>',
    '${MWS_AUTH_TOKEN}',
    'amzn.mws.xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx',
    'amzn.mws.00000000-0000-0000-0000-000000000000',
    'amzn.mws.4ea38b7b-f563-7709-4bae-87aeaEXAMPLE',
  ],
  'lwa-client-secret': [
    'YOUR_CLIENT_SECRET',
    '<client-secret>',
    '${LWA_CLIENT_SECRET}',
    `amzn1.oa2-cs.v1.${'x'.repeat(64)}`,
    `amzn1.oa2-cs.v1.${'0'.repeat(64)}`,
  ],
  'lwa-refresh-token': [
    'YOUR_REFRESH_TOKEN',
    '<refresh-token>',
    '${LWA_REFRESH_TOKEN}',
    `Atzr|${'x'.repeat(40)}`,
    'Atzr|IQEBLzAtAhRPpMJxdwVz2Nn6f2y-tpJX2DeXEXAMPLE',
    'Atzr|...',
  ],
  'lwa-access-token': [
    'YOUR_ACCESS_TOKEN',
    '<access-token>',
    '${LWA_ACCESS_TOKEN}',
    `Atza|${'x'.repeat(40)}`,
    'Atza|...',
  ],
};

/** Words of the names each kind is bound to, rendered in each format's naming style. */
const NAME_WORDS: Readonly<Record<SecretKind, readonly (readonly string[])[]>> = {
  'access-key-id': [
    ['aws', 'access', 'key', 'id'],
    ['mws', 'access', 'key', 'id'],
    ['access', 'key', 'id'],
    ['access', 'key'],
  ],
  'secret-key': [
    ['aws', 'secret', 'access', 'key'],
    ['mws', 'secret', 'key'],
    ['secret', 'key'],
    ['secret', 'access', 'key'],
    ['aws', 'secret', 'key'],
  ],
  'mws-auth-token': [
    ['mws', 'auth', 'token'],
    ['auth', 'token'],
  ],
  'lwa-client-secret': [
    ['lwa', 'client', 'secret'],
    ['client', 'secret'],
  ],
  'lwa-refresh-token': [
    ['lwa', 'refresh', 'token'],
    ['refresh', 'token'],
    ['sp', 'api', 'refresh', 'token'],
  ],
  'lwa-access-token': [
    ['lwa', 'access', 'token'],
    ['access', 'token'],
  ],
};

type Style = 'snake' | 'upper' | 'camel' | 'pascal' | 'kebab' | 'dotted' | 'title' | 'sentence';
const cap = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);

function styled(words: readonly string[], style: Style): string {
  switch (style) {
    case 'snake':
      return words.join('_');
    case 'upper':
      return words.join('_').toUpperCase();
    case 'camel':
      return words.map((w, i) => (i === 0 ? w : cap(w))).join('');
    case 'pascal':
      return words.map(cap).join('');
    case 'kebab':
      return words.join('-');
    case 'dotted':
      return words.join('.');
    case 'title':
      return words.map(cap).join(' ');
    case 'sentence':
      return cap(words.join(' '));
  }
}

const styleArb = (...styles: readonly Style[]): fc.Arbitrary<Style> => fc.constantFrom(...styles);

// ---------------------------------------------------------------------------------------------
// Surrounding text: other keys and values, comments, indentation, line ends.
// ---------------------------------------------------------------------------------------------

interface Pair {
  readonly words: readonly string[];
  readonly value: string;
}

const FILLER_NAMES: readonly (readonly string[])[] = [
  ['host'],
  ['port'],
  ['region'],
  ['timeout'],
  ['log', 'level'],
  ['debug'],
  ['user'],
  ['database'],
  ['cache', 'ttl'],
  ['retries'],
  ['environment'],
  ['app', 'name'],
  ['endpoint'],
  ['bucket'],
  ['queue'],
  ['marketplace'],
  ['currency'],
  ['worker', 'count'],
  ['git', 'commit'],
  ['request', 'id'],
  ['page', 'size'],
  ['locale'],
];

/** Values that are never credentials, including hard negatives: SHA-1s and UUIDs. */
const fillerValueArb: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: 0, max: 99_999 }).map(String),
  fc.constantFrom(
    'us-east-1',
    'eu-west-1',
    'info',
    'true',
    'false',
    'localhost',
    'orders',
    'reports',
    'https://example.com/v1/orders',
    'ATVPDKIKX0DER',
    'EUR',
    'en_US',
    'sync-worker',
  ),
  ofLength(HEX, 40),
  fc.uuid(),
);

/** Another key and its value; now and then the AWS documentation example, a hard negative. */
const fillerPairArb: fc.Arbitrary<Pair> = fc.oneof(
  { arbitrary: fc.record({ words: fc.constantFrom(...FILLER_NAMES), value: fillerValueArb }), weight: 12 },
  { arbitrary: fc.constant({ words: ['aws', 'access', 'key', 'id'], value: 'AKIAIOSFODNN7EXAMPLE' }), weight: 1 },
  {
    arbitrary: fc.constant({
      words: ['aws', 'secret', 'access', 'key'],
      value: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    }),
    weight: 1,
  },
);

const commentArb = fc
  .array(
    fc.constantFrom(
      'TODO',
      'rotate',
      'before',
      'release',
      'staging',
      'see',
      'docs',
      'for',
      'the',
      'orders',
      'sync',
      'job',
    ),
    { minLength: 1, maxLength: 6 },
  )
  .map((w) => w.join(' '));

const eolArb = fc.constantFrom('\n', '\r\n');
const indentArb = fc.constantFrom('  ', '    ', '\t');
const PARENTS = ['production', 'mws', 'amazon', 'sp_api', 'credentials', 'aws', 'sync', 'orders'];
const parentsArb = fc.array(fc.constantFrom(...PARENTS), { maxLength: 3 });

const join = (lines: readonly string[], eol: string, final: boolean): string => lines.join(eol) + (final ? eol : '');
const insertAt = <T>(list: readonly T[], at: number, item: T): T[] => {
  const i = at % (list.length + 1);
  return [...list.slice(0, i), item, ...list.slice(i)];
};
const xmlEscape = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');
const pct = (s: string): string => encodeURIComponent(s);

// ---------------------------------------------------------------------------------------------
// Formats. Each builds, from random layout choices, a function of the planted value: the text,
// how the value appears in it (its encoding) and any other credential planted on purpose.
// ---------------------------------------------------------------------------------------------

interface Plant {
  readonly kind: SecretKind;
  readonly value: string;
  readonly placeholder: string;
  readonly words: readonly string[];
}

/** A credential the layout plants next to the one under test, which must be found too. */
type Also = readonly [kind: SecretKind, value: string];

interface Built {
  readonly path: string;
  readonly text: (value: string) => string;
  /** How the value appears in the text; identity unless the format encodes it. */
  readonly encode?: (value: string) => string;
  readonly also?: readonly Also[];
}

type Layout = fc.Arbitrary<(plant: Plant) => Built>;

const pairArb = fc.record({ accessKeyId: accessKeyIdArb, secretKey: secretKeyArb, withPartner: fc.boolean() });

/** The access key id / secret key that goes with a planted secret key / access key id. */
function partnerOf(plant: Plant, pair: { accessKeyId: string; secretKey: string }): Also | undefined {
  if (plant.kind === 'secret-key') return ['access-key-id', pair.accessKeyId];
  if (plant.kind === 'access-key-id') return ['secret-key', pair.secretKey];
  return undefined;
}

const envLineArb = fc.oneof(
  { arbitrary: fillerPairArb.map((f) => `${styled(f.words, 'upper')}=${f.value}`), weight: 4 },
  { arbitrary: commentArb.map((c) => `# ${c}`), weight: 1 },
  { arbitrary: fc.constant(''), weight: 1 },
);

const env: Layout = fc
  .record({
    path: fc.constantFrom('.env', '.env.production', 'config/.env.local'),
    before: fc.array(envLineArb, { maxLength: 8 }),
    after: fc.array(envLineArb, { maxLength: 8 }),
    style: styleArb('upper', 'snake'),
    quote: fc.constantFrom('', '"', "'"),
    comment: fc.option(commentArb),
    eol: eolArb,
    final: fc.boolean(),
  })
  .map((r) => (p) => ({
    path: r.path,
    text: (v) =>
      join(
        [
          ...r.before,
          `${styled(p.words, r.style)}=${r.quote}${v}${r.quote}${r.comment === null ? '' : ` # ${r.comment}`}`,
          ...r.after,
        ],
        r.eol,
        r.final,
      ),
  }));

const shellLineArb = fc.oneof(
  { arbitrary: fillerPairArb.map((f) => `export ${styled(f.words, 'upper')}="${f.value}"`), weight: 4 },
  { arbitrary: commentArb.map((c) => `# ${c}`), weight: 1 },
  { arbitrary: commentArb.map((c) => `echo "${c}"`), weight: 1 },
  { arbitrary: fc.constantFrom('set -euo pipefail', 'cd "$(dirname "$0")"', ''), weight: 1 },
);

const shell: Layout = fc
  .record({
    path: fc.constantFrom('deploy.sh', 'scripts/mws-env.sh', '.envrc'),
    shebang: fc.boolean(),
    before: fc.array(shellLineArb, { maxLength: 8 }),
    after: fc.array(shellLineArb, { maxLength: 8 }),
    indent: fc.constantFrom('', '  ', '\t'),
    style: styleArb('upper', 'snake'),
    quote: fc.constantFrom('', '"', "'"),
    comment: fc.option(commentArb),
    eol: eolArb,
    final: fc.boolean(),
  })
  .map((r) => (p) => ({
    path: r.path,
    text: (v) =>
      join(
        [
          ...(r.shebang ? ['#!/usr/bin/env bash'] : []),
          ...r.before,
          `${r.indent}export ${styled(p.words, r.style)}=${r.quote}${v}${r.quote}${r.comment === null ? '' : ` # ${r.comment}`}`,
          ...r.after,
        ],
        r.eol,
        r.final,
      ),
  }));

const iniLineArb = (style: Style): fc.Arbitrary<string> =>
  fc.oneof(
    { arbitrary: fillerPairArb.map((f) => `${styled(f.words, style)} = ${f.value}`), weight: 4 },
    { arbitrary: commentArb.map((c) => `; ${c}`), weight: 1 },
    { arbitrary: commentArb.map((c) => `# ${c}`), weight: 1 },
    { arbitrary: fc.constant(''), weight: 1 },
  );

const iniSectionArb = fc.record({
  name: fc.constantFrom('mws', 'production', 'amazon', 'sync', 'database', 'logging'),
  lines: fc.array(iniLineArb('snake'), { maxLength: 5 }),
});

const iniSections = (sections: readonly { name: string; lines: readonly string[] }[]): string[] =>
  sections.flatMap((s) => [`[${s.name}]`, ...s.lines]);

const ini: Layout = fc
  .record({
    path: fc.constantFrom('mws.ini', 'setup.cfg', 'config/app.ini'),
    before: fc.array(iniSectionArb, { maxLength: 3 }),
    after: fc.array(iniSectionArb, { maxLength: 3 }),
    section: fc.constantFrom('mws', 'credentials', 'amazon', 'production'),
    siblingsBefore: fc.array(iniLineArb('snake'), { maxLength: 4 }),
    siblingsAfter: fc.array(iniLineArb('snake'), { maxLength: 4 }),
    style: styleArb('snake', 'pascal', 'camel'),
    separator: fc.constantFrom(' = ', '=', ': '),
    indent: fc.constantFrom('', '', '  '),
    eol: eolArb,
    final: fc.boolean(),
  })
  .map((r) => (p) => ({
    path: r.path,
    text: (v) =>
      join(
        [
          ...iniSections(r.before),
          `[${r.section}]`,
          ...r.siblingsBefore,
          `${r.indent}${styled(p.words, r.style)}${r.separator}${v}`,
          ...r.siblingsAfter,
          ...iniSections(r.after),
        ],
        r.eol,
        r.final,
      ),
  }));

const awsLineArb = fc.oneof(
  fc.constantFrom('region = us-east-1', 'region=eu-west-1', 'output = json', 'cli_pager ='),
  commentArb.map((c) => `# ${c}`),
);
const awsProfileArb = fc.record({
  name: fc.constantFrom('default', 'profile reports', 'orders-prod', 'sync-temp'),
  lines: fc.array(awsLineArb, { maxLength: 3 }),
  example: fc.boolean(),
});
const awsProfiles = (profiles: readonly { name: string; lines: readonly string[]; example: boolean }[]): string[] =>
  profiles.flatMap((s) => [
    `[${s.name}]`,
    ...(s.example
      ? ['aws_access_key_id = AKIAIOSFODNN7EXAMPLE', 'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY']
      : []),
    ...s.lines,
    '',
  ]);

const awsCredentials: Layout = fc
  .record({
    path: fc.constantFrom('.aws/credentials', 'credentials', 'deploy/aws-credentials'),
    before: fc.array(awsProfileArb, { maxLength: 3 }),
    after: fc.array(awsProfileArb, { maxLength: 3 }),
    profile: fc.constantFrom('default', 'mws', 'reports-sync'),
    siblings: fc.array(awsLineArb, { maxLength: 3 }),
    pair: pairArb,
    partnerFirst: fc.boolean(),
    separator: fc.constantFrom(' = ', '='),
    eol: eolArb,
    final: fc.boolean(),
  })
  .map((r) => (p) => {
    const nameOf = (kind: SecretKind, words: readonly string[]): string =>
      kind === 'access-key-id'
        ? 'aws_access_key_id'
        : kind === 'secret-key'
          ? 'aws_secret_access_key'
          : styled(words, 'snake');
    const partner = r.pair.withPartner ? partnerOf(p, r.pair) : undefined;
    return {
      path: r.path,
      also: partner ? [partner] : [],
      text: (v) => {
        const target = `${nameOf(p.kind, p.words)}${r.separator}${v}`;
        const other = partner ? [`${nameOf(partner[0], [])}${r.separator}${partner[1]}`] : [];
        const profile = r.partnerFirst ? [...other, target] : [target, ...other];
        return join(
          [...awsProfiles(r.before), `[${r.profile}]`, ...profile, ...r.siblings, '', ...awsProfiles(r.after)],
          r.eol,
          r.final,
        );
      },
    };
  });

const propertiesLineArb = fc.oneof(
  { arbitrary: fillerPairArb.map((f) => `app.${styled(f.words, 'dotted')}=${f.value}`), weight: 4 },
  { arbitrary: commentArb.map((c) => `# ${c}`), weight: 1 },
  { arbitrary: commentArb.map((c) => `! ${c}`), weight: 1 },
  { arbitrary: fc.constant(''), weight: 1 },
);

const properties: Layout = fc
  .record({
    path: fc.constantFrom('application.properties', 'src/main/resources/mws-client.properties'),
    before: fc.array(propertiesLineArb, { maxLength: 8 }),
    after: fc.array(propertiesLineArb, { maxLength: 8 }),
    namespace: fc.constantFrom('', 'mws.', 'amazon.mws.', 'app.'),
    style: styleArb('dotted', 'camel', 'snake'),
    separator: fc.constantFrom('=', ' = ', ':', ': '),
    eol: eolArb,
    final: fc.boolean(),
  })
  .map((r) => (p) => ({
    path: r.path,
    text: (v) =>
      join([...r.before, `${r.namespace}${styled(p.words, r.style)}${r.separator}${v}`, ...r.after], r.eol, r.final),
  }));

/** A top-level YAML block: a pair, a map of pairs, a list, a comment or a blank line. */
const yamlBlockArb = (indent: string): fc.Arbitrary<readonly string[]> =>
  fc.oneof(
    fillerPairArb.map((f) => [`${styled(f.words, 'snake')}: ${f.value}`]),
    fc
      .record({ key: fc.constantFrom('logging', 'database', 'queues', 'http'), pairs: fc.array(fillerPairArb) })
      .map(({ key, pairs }) => [`${key}:`, ...pairs.map((f) => `${indent}${styled(f.words, 'snake')}: ${f.value}`)]),
    fc
      .record({ key: fc.constantFrom('marketplaces', 'regions', 'jobs'), items: fc.array(fillerValueArb) })
      .map(({ key, items }) => [`${key}:`, ...items.map((i) => `${indent}- ${i}`)]),
    commentArb.map((c) => [`# ${c}`]),
    fc.constant(['']).map((l) => [...l]),
  );

const yaml: Layout = indentArb
  .filter((i) => i !== '\t') // tabs cannot indent YAML
  .chain((indent) =>
    fc.record({
      indent: fc.constant(indent),
      path: fc.constantFrom('config/mws.yml', 'application.yaml', 'deploy/values.yaml'),
      documentStart: fc.boolean(),
      before: fc.array(yamlBlockArb(indent), { maxLength: 4 }),
      after: fc.array(yamlBlockArb(indent), { maxLength: 4 }),
      parents: parentsArb,
      siblingsBefore: fc.array(fillerPairArb, { maxLength: 3 }),
      siblingsAfter: fc.array(fillerPairArb, { maxLength: 3 }),
      style: styleArb('snake', 'camel', 'upper', 'kebab'),
      form: fc.constantFrom('pair', 'pair', 'compose list'),
      quote: fc.constantFrom('', '"', "'"),
      comment: fc.option(commentArb),
      eol: eolArb,
      final: fc.boolean(),
    }),
  )
  .map((r) => (p) => ({
    path: r.path,
    text: (v) => {
      const depth = r.parents.length;
      const pad = (d: number): string => r.indent.repeat(d);
      const parents = r.parents.map((k, d) => `${pad(d)}${k}:`);
      const comment = r.comment === null ? '' : ` # ${r.comment}`;
      const sibling = (f: Pair): string => `${pad(depth)}${styled(f.words, 'snake')}: ${f.value}`;
      const target =
        r.form === 'pair'
          ? [`${pad(depth)}${styled(p.words, r.style)}: ${r.quote}${v}${r.quote}${comment}`]
          : [`${pad(depth)}environment:`, `${pad(depth)}${r.indent}- ${styled(p.words, 'upper')}=${v}`];
      return join(
        [
          ...(r.documentStart ? ['---'] : []),
          ...r.before.flat(),
          ...parents,
          ...r.siblingsBefore.map(sibling),
          ...target,
          ...r.siblingsAfter.map(sibling),
          ...r.after.flat(),
        ],
        r.eol,
        r.final,
      );
    },
  }));

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

const jsonValueArb: fc.Arbitrary<Json> = fc.oneof(
  fillerValueArb,
  fc.integer({ min: 0, max: 1000 }),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 3 }),
);
interface JsonEntry {
  readonly words: readonly string[];
  readonly value: Json;
  readonly style: Style;
}

const jsonEntriesArb = (names: readonly (readonly string[])[]): fc.Arbitrary<JsonEntry[]> =>
  fc.array(fc.record({ words: fc.constantFrom(...names), value: jsonValueArb, style: styleArb('camel', 'snake') }), {
    maxLength: 4,
  });

/** A JSON document: the value under `parents`, other entries before and after it at every level. */
interface JsonDoc {
  readonly parents: readonly string[];
  readonly levels: readonly { readonly before: readonly JsonEntry[]; readonly after: readonly JsonEntry[] }[];
  readonly inArray: boolean;
  readonly style: Style;
}

const jsonDocArb = (names: readonly (readonly string[])[]): fc.Arbitrary<JsonDoc> =>
  fc.record({
    parents: parentsArb,
    levels: fc.array(fc.record({ before: jsonEntriesArb(names), after: jsonEntriesArb(names) }), {
      minLength: 4,
      maxLength: 4,
    }),
    inArray: fc.boolean(),
    style: styleArb('camel', 'snake', 'upper', 'pascal', 'kebab'),
  });

function jsonText(doc: JsonDoc, p: Plant, v: string, space: number | string): string {
  const level = (d: number): Json => {
    const o: Record<string, Json> = {};
    const { before = [], after = [] } = doc.levels[d] ?? {};
    for (const e of before) o[styled(e.words, e.style)] = e.value;
    const parent = doc.parents[d];
    if (parent === undefined) o[styled(p.words, doc.style)] = v;
    else o[parent] = doc.inArray && d === doc.parents.length - 1 ? [level(d + 1)] : level(d + 1);
    for (const e of after) o[styled(e.words, e.style)] = e.value;
    return o;
  };
  return JSON.stringify(level(0), null, space);
}

const json: Layout = fc
  .record({
    path: fc.constantFrom('config/production.json', 'appsettings.json', 'credentials.json'),
    doc: jsonDocArb(FILLER_NAMES),
    space: fc.constantFrom(0, 2, 4, '\t'),
    eol: eolArb,
    final: fc.boolean(),
  })
  .map((r) => (p) => ({
    path: r.path,
    text: (v) => join(jsonText(r.doc, p, v, r.space).split('\n'), r.eol, r.final),
  }));

const tomlLineArb = fc.oneof(
  { arbitrary: fillerPairArb.map((f) => `${styled(f.words, 'snake')} = "${f.value}"`), weight: 3 },
  { arbitrary: fc.integer({ min: 0, max: 9999 }).map((n) => `port = ${String(n)}`), weight: 1 },
  { arbitrary: fc.constantFrom('enabled = true', 'ports = [80, 443]', 'tags = ["a", "b"]'), weight: 1 },
  { arbitrary: commentArb.map((c) => `# ${c}`), weight: 1 },
  { arbitrary: fc.constant(''), weight: 1 },
);
const tomlSectionArb = fc.record({
  name: fc.constantFrom('server', 'database', 'logging', 'mws.endpoints', '[jobs]'),
  lines: fc.array(tomlLineArb, { maxLength: 4 }),
});
const tomlSections = (sections: readonly { name: string; lines: readonly string[] }[]): string[] =>
  sections.flatMap((s) => [`[${s.name}]`, ...s.lines]);

const toml: Layout = fc
  .record({
    path: fc.constantFrom('config.toml', 'settings.toml', 'deploy/app.toml'),
    top: fc.array(tomlLineArb, { maxLength: 3 }),
    before: fc.array(tomlSectionArb, { maxLength: 3 }),
    after: fc.array(tomlSectionArb, { maxLength: 3 }),
    section: fc.constantFrom('mws', 'amazon.mws', 'sp_api', 'credentials'),
    siblingsBefore: fc.array(tomlLineArb, { maxLength: 3 }),
    siblingsAfter: fc.array(tomlLineArb, { maxLength: 3 }),
    form: fc.constantFrom('pair', 'pair', 'inline table'),
    style: styleArb('snake', 'camel', 'kebab'),
    quote: fc.constantFrom('"', "'"),
    comment: fc.option(commentArb),
    eol: eolArb,
    final: fc.boolean(),
  })
  .map((r) => (p) => ({
    path: r.path,
    text: (v) => {
      const name = styled(p.words, r.style);
      const comment = r.comment === null ? '' : ` # ${r.comment}`;
      const target =
        r.form === 'pair'
          ? `${name} = ${r.quote}${v}${r.quote}${comment}`
          : `keys = { region = "us-east-1", ${name} = ${r.quote}${v}${r.quote} }${comment}`;
      return join(
        [
          ...r.top,
          ...tomlSections(r.before),
          `[${r.section}]`,
          ...r.siblingsBefore,
          target,
          ...r.siblingsAfter,
          ...tomlSections(r.after),
        ],
        r.eol,
        r.final,
      );
    },
  }));

const xmlAdd: Layout = indentArb
  .chain((indent) =>
    fc.record({
      indent: fc.constant(indent),
      path: fc.constantFrom('App.config', 'Web.config', 'src/MwsSync/app.config'),
      declaration: fc.boolean(),
      before: fc.array(fc.oneof(fillerPairArb, commentArb), { maxLength: 6 }),
      after: fc.array(fc.oneof(fillerPairArb, commentArb), { maxLength: 6 }),
      style: styleArb('pascal', 'camel', 'upper', 'dotted'),
      quote: fc.constantFrom('"', "'"),
      equals: fc.constantFrom('=', ' = '),
      close: fc.constantFrom(' />', '/>', '></add>'),
      eol: eolArb,
      final: fc.boolean(),
    }),
  )
  .map((r) => (p) => ({
    path: r.path,
    text: (v) => {
      const q = r.quote;
      const add = (name: string, value: string): string =>
        `${r.indent.repeat(2)}<add key${r.equals}${q}${name}${q} value${r.equals}${q}${xmlEscape(value)}${q}${r.close}`;
      const line = (x: Pair | string): string =>
        typeof x === 'string' ? `${r.indent.repeat(2)}<!-- ${x} -->` : add(styled(x.words, 'pascal'), x.value);
      return join(
        [
          ...(r.declaration ? ['<?xml version="1.0" encoding="utf-8"?>'] : []),
          '<configuration>',
          `${r.indent}<appSettings>`,
          ...r.before.map(line),
          add(styled(p.words, r.style), v),
          ...r.after.map(line),
          `${r.indent}</appSettings>`,
          '</configuration>',
        ],
        r.eol,
        r.final,
      );
    },
  }));

const xmlElement: Layout = indentArb
  .chain((indent) =>
    fc.record({
      indent: fc.constant(indent),
      path: fc.constantFrom('MwsCredentials.xml', 'config/settings.xml', 'pom.xml'),
      declaration: fc.boolean(),
      root: fc.constantFrom('MwsCredentials', 'Configuration', 'Settings'),
      parents: fc.array(fc.constantFrom('Amazon', 'Mws', 'Credentials', 'Properties'), { maxLength: 2 }),
      before: fc.array(fc.oneof(fillerPairArb, commentArb), { maxLength: 5 }),
      after: fc.array(fc.oneof(fillerPairArb, commentArb), { maxLength: 5 }),
      style: styleArb('pascal', 'camel', 'dotted'),
      attribute: fc.constantFrom('', ' encrypted="false"', ' type="string"'),
      eol: eolArb,
      final: fc.boolean(),
    }),
  )
  .map((r) => (p) => ({
    path: r.path,
    text: (v) => {
      const depth = r.parents.length + 1;
      const pad = r.indent.repeat(depth);
      const line = (x: Pair | string): string => {
        if (typeof x === 'string') return `${pad}<!-- ${x} -->`;
        const tag = styled(x.words, 'pascal');
        return `${pad}<${tag}>${xmlEscape(x.value)}</${tag}>`;
      };
      const tag = styled(p.words, r.style);
      return join(
        [
          ...(r.declaration ? ['<?xml version="1.0" encoding="UTF-8"?>'] : []),
          `<${r.root}>`,
          ...r.parents.map((t, d) => `${r.indent.repeat(d + 1)}<${t}>`),
          ...r.before.map(line),
          `${pad}<${tag}${r.attribute}>${xmlEscape(v)}</${tag}>`,
          ...r.after.map(line),
          ...r.parents.map((t, d) => `${r.indent.repeat(d + 1)}</${t}>`).reverse(),
          `</${r.root}>`,
        ],
        r.eol,
        r.final,
      );
    },
  }));

const pythonLineArb = fc.oneof(
  { arbitrary: fillerPairArb.map((f) => `${styled(f.words, 'upper')} = "${f.value}"`), weight: 3 },
  { arbitrary: fc.integer({ min: 0, max: 9999 }).map((n) => `PORT = ${String(n)}`), weight: 1 },
  {
    arbitrary: fc.constantFrom('import os', 'from datetime import datetime', 'import requests', 'print("starting")'),
    weight: 1,
  },
  { arbitrary: commentArb.map((c) => `# ${c}`), weight: 1 },
  { arbitrary: fc.constant(''), weight: 1 },
);

/** A Python statement binding the value: assignment, dict entry, keyword argument. */
const pythonTargetArb = fc.record({
  form: fc.constantFrom('assignment', 'dict', 'kwarg', 'positional'),
  style: styleArb('upper', 'snake'),
  quote: fc.constantFrom('"', "'"),
  pair: pairArb,
});

interface PythonTarget {
  readonly form: string;
  readonly style: Style;
  readonly quote: string;
}

function pythonTarget(t: PythonTarget, p: Plant, v: string, partner: Also | undefined): string[] {
  const q = t.quote;
  const name = styled(p.words, t.style);
  if (t.form === 'positional' && partner) {
    const [ak, sk] = partner[0] === 'access-key-id' ? [partner[1], v] : [v, partner[1]];
    return [`conn = connect_mws(${q}${ak}${q}, ${q}${sk}${q})`];
  }
  if (t.form === 'dict') return ['CONFIG = {', `    ${q}${name}${q}: ${q}${v}${q},`, '}'];
  if (t.form === 'kwarg') return [`client = Client(${styled(p.words, 'snake')}=${q}${v}${q}, region="us-east-1")`];
  return [`${name} = ${q}${v}${q}`];
}

const positionalPartner = (
  form: string,
  plant: Plant,
  pair: { accessKeyId: string; secretKey: string },
): Also | undefined => (form === 'positional' ? partnerOf(plant, pair) : undefined);

const python: Layout = fc
  .record({
    path: fc.constantFrom('settings.py', 'sync/config.py'),
    before: fc.array(pythonLineArb, { maxLength: 8 }),
    after: fc.array(pythonLineArb, { maxLength: 8 }),
    target: pythonTargetArb,
    eol: eolArb,
    final: fc.boolean(),
  })
  .map((r) => (p) => {
    const partner = positionalPartner(r.target.form, p, r.target.pair);
    return {
      path: r.path,
      also: partner ? [partner] : [],
      text: (v) => join([...r.before, ...pythonTarget(r.target, p, v, partner), ...r.after], r.eol, r.final),
    };
  });

const notebook: Layout = fc
  .record({
    path: fc.constantFrom('notebooks/sales.ipynb', 'analysis.ipynb'),
    cellsBefore: fc.array(fc.array(pythonLineArb, { minLength: 1, maxLength: 4 }), { maxLength: 3 }),
    cellsAfter: fc.array(fc.array(pythonLineArb, { minLength: 1, maxLength: 4 }), { maxLength: 3 }),
    before: fc.array(pythonLineArb, { maxLength: 4 }),
    after: fc.array(pythonLineArb, { maxLength: 4 }),
    target: pythonTargetArb,
    markdown: fc.option(commentArb),
    space: fc.constantFrom(1, 2),
    eol: eolArb,
    final: fc.boolean(),
  })
  .map((r) => (p) => {
    const partner = positionalPartner(r.target.form, p, r.target.pair);
    const source = (lines: readonly string[]): string[] => lines.map((l, i) => (i < lines.length - 1 ? `${l}\n` : l));
    const code = (lines: readonly string[]): Json => ({
      cell_type: 'code',
      execution_count: null,
      metadata: {},
      outputs: [],
      source: source(lines),
    });
    return {
      path: r.path,
      also: partner ? [partner] : [],
      text: (v) => {
        const nb: Json = {
          cells: [
            ...(r.markdown === null ? [] : [{ cell_type: 'markdown', metadata: {}, source: [`# ${r.markdown}`] }]),
            ...r.cellsBefore.map(code),
            code([...r.before, ...pythonTarget(r.target, p, v, partner), ...r.after]),
            ...r.cellsAfter.map(code),
          ],
          metadata: { kernelspec: { display_name: 'Python 3', language: 'python', name: 'python3' } },
          nbformat: 4,
          nbformat_minor: 5,
        };
        return join(JSON.stringify(nb, null, r.space).split('\n'), r.eol, r.final);
      },
    };
  });

const jsLineArb = fc.oneof(
  { arbitrary: fillerPairArb.map((f) => `const ${styled(f.words, 'camel')} = '${f.value}';`), weight: 3 },
  {
    arbitrary: fc.constantFrom(
      "import fs from 'node:fs';",
      "import { Orders } from './orders.js';",
      'export function main() {}',
      "console.log('starting');",
      'const PORT = 8080;',
    ),
    weight: 1,
  },
  { arbitrary: commentArb.map((c) => `// ${c}`), weight: 1 },
  { arbitrary: commentArb.map((c) => `/* ${c} */`), weight: 1 },
  { arbitrary: fc.constant(''), weight: 1 },
);

const jsTs: Layout = fc
  .record({
    path: fc.constantFrom('src/config.ts', 'config/mws.js', 'index.mjs', 'src/client.tsx'),
    before: fc.array(jsLineArb, { maxLength: 8 }),
    after: fc.array(jsLineArb, { maxLength: 8 }),
    form: fc.constantFrom('declaration', 'object', 'positional'),
    declaration: fc.constantFrom('const', 'let', 'export const'),
    siblings: fc.array(fillerPairArb, { maxLength: 3 }),
    style: styleArb('camel', 'upper', 'snake'),
    quote: fc.constantFrom("'", '"', '`'),
    indent: fc.constantFrom('  ', '    ', '\t'),
    pair: pairArb,
    eol: eolArb,
    final: fc.boolean(),
  })
  .map((r) => (p) => {
    const partner = positionalPartner(r.form, p, r.pair);
    const q = r.quote;
    const target = (v: string): string[] => {
      const name = styled(p.words, r.style);
      if (r.form === 'positional' && partner) {
        const [ak, sk] = partner[0] === 'access-key-id' ? [partner[1], v] : [v, partner[1]];
        return [`const client = new MwsClient(${q}${ak}${q}, ${q}${sk}${q}, { region: 'us-east-1' });`];
      }
      if (r.form === 'object') {
        const sibling = (f: Pair): string => `${r.indent}${styled(f.words, 'camel')}: '${f.value}',`;
        return ['const config = {', ...r.siblings.map(sibling), `${r.indent}${name}: ${q}${v}${q},`, '};'];
      }
      return [`${r.declaration} ${name} = ${q}${v}${q};`];
    };
    return {
      path: r.path,
      also: partner ? [partner] : [],
      text: (v) => join([...r.before, ...target(v), ...r.after], r.eol, r.final),
    };
  });

const logLineArb = fc.oneof(
  commentArb.map((c) => `2024-05-01T12:00:00Z INFO ${c}`),
  fc.constantFrom('2024-05-01T12:00:01Z DEBUG worker started', 'HTTP/1.1 200 OK', 'Content-Type: application/json', ''),
);
const queryParamArb = fillerPairArb.map((f) => `${styled(f.words, 'camel')}=${pct(f.value)}`);

const urlQuery: Layout = fc
  .record({
    path: fc.constantFrom('logs/mws.log', 'logs/proxy.log', 'debug.txt'),
    before: fc.array(logLineArb, { maxLength: 6 }),
    after: fc.array(logLineArb, { maxLength: 6 }),
    params: fc.array(queryParamArb, { maxLength: 6 }),
    at: fc.nat(),
    form: fc.constantFrom('GET url', 'form body', 'quoted url'),
    style: styleArb('snake', 'camel', 'pascal', 'upper'),
    eol: eolArb,
    final: fc.boolean(),
  })
  .map((r) => (p) => ({
    path: r.path,
    encode: pct,
    text: (v) => {
      const query = insertAt(r.params, r.at, `${styled(p.words, r.style)}=${pct(v)}`).join('&');
      const line =
        r.form === 'GET url'
          ? `2024-05-01T12:00:02Z INFO GET https://api.example.com/orders/v0/orders?${query} HTTP/1.1`
          : r.form === 'form body'
            ? query
            : `fetch("https://api.example.com/sync?${query}")`;
      return join([...r.before, line, ...r.after], r.eol, r.final);
    },
  }));

/** A Kubernetes Secret; `newline` encodes the value the way `echo "$KEY" | base64` does. */
const kubernetesSecret = (newline: boolean): Layout =>
  fc
    .record({
      path: fc.constantFrom('k8s/secret.yaml', 'deploy/mws-credentials.yml'),
      kindFirst: fc.boolean(),
      namespace: fc.boolean(),
      indent: fc.constantFrom('  ', '    '),
      before: fc.array(fc.oneof(fillerPairArb, commentArb), { maxLength: 5 }),
      after: fc.array(fc.oneof(fillerPairArb, commentArb), { maxLength: 5 }),
      style: styleArb('upper', 'snake', 'camel', 'kebab', 'dotted'),
      quote: fc.constantFrom('', '', '"'),
      eol: eolArb,
      final: fc.boolean(),
    })
    .map((r) => (p) => {
      const encode = (v: string): string => b64(newline ? `${v}\n` : v);
      return {
        path: r.path,
        encode,
        text: (v) => {
          const line = (x: Pair | string): string =>
            typeof x === 'string' ? `${r.indent}# ${x}` : `${r.indent}${styled(x.words, 'upper')}: ${encode(x.value)}`;
          const metadata = ['metadata:', `${r.indent}name: sp-api-credentials`];
          if (r.namespace) metadata.push(`${r.indent}namespace: orders`);
          return join(
            [
              'apiVersion: v1',
              ...(r.kindFirst ? ['kind: Secret', ...metadata] : [...metadata, 'kind: Secret']),
              'type: Opaque',
              'data:',
              ...r.before.map(line),
              `${r.indent}${styled(p.words, r.style)}: ${r.quote}${encode(v)}${r.quote}`,
              ...r.after.map(line),
            ],
            r.eol,
            r.final,
          );
        },
      };
    });

const CSV_COLUMNS: readonly (readonly string[])[] = [
  ['user', 'name'],
  ['console', 'login', 'link'],
  ['region'],
  ['status'],
  ['email'],
  ['description'],
];

const csv: Layout = fc
  .record({
    path: fc.constantFrom('credentials.csv', 'accessKeys.csv', 'export/keys.tsv'),
    columns: fc.uniqueArray(fc.constantFrom(...CSV_COLUMNS), { maxLength: 4 }),
    column: fc.nat(),
    rows: fc.array(fc.array(fc.constantFrom('deploy', 'orders-sync', 'Active', 'us-east-1', 'ops@example.com', '42')), {
      minLength: 1,
      maxLength: 5,
    }),
    row: fc.nat(),
    empty: fc.constantFrom('', 'n/a', 'rotated'),
    delimiter: fc.constantFrom(',', ';', '\t'),
    quoted: fc.boolean(),
    style: styleArb('sentence', 'title', 'snake', 'upper', 'camel'),
    eol: eolArb,
    final: fc.boolean(),
  })
  .map((r) => (p) => ({
    path: r.path,
    text: (v) => {
      const cell = (s: string): string => (r.quoted ? `"${s}"` : s);
      const width = r.columns.length + 1;
      const targetColumn = r.column % width;
      const header = insertAt(
        r.columns.map((c) => styled(c, r.style)),
        targetColumn,
        styled(p.words, r.style),
      );
      const targetRow = r.row % r.rows.length;
      const rows = r.rows.map((cells, i) => {
        const others = Array.from({ length: width - 1 }, (_, k) => cells[k % Math.max(cells.length, 1)] ?? 'x');
        return insertAt(others, targetColumn, i === targetRow ? v : r.empty);
      });
      return join(
        [header, ...rows].map((cells) => cells.map(cell).join(r.delimiter)),
        r.eol,
        r.final,
      );
    },
  }));

const sql: Layout = fc
  .record({
    path: fc.constantFrom('seed.sql', 'migrations/0003_seed.sql'),
    table: fc.constantFrom('api_credentials', 'app_config', 'integrations', 'mws_config'),
    rows: fc.array(fc.constantFrom('orders', 'reports', 'inventory', 'ads'), { minLength: 1, maxLength: 5 }),
    row: fc.nat(),
    multiRow: fc.boolean(),
    pair: pairArb,
    preamble: fc.array(
      fc.oneof(
        commentArb.map((c) => `-- ${c}`),
        fc.constantFrom('BEGIN;', 'SET NAMES utf8mb4;', ''),
      ),
      {
        maxLength: 3,
      },
    ),
    eol: eolArb,
    final: fc.boolean(),
  })
  .map((r) => (p) => {
    // A 40-character secret in a VALUES row has no name: it is found because an access key id
    // stands next to it. An access key id is found alone or next to its secret.
    const keyed = p.kind === 'secret-key' || p.kind === 'access-key-id';
    const partner = p.kind === 'secret-key' || r.pair.withPartner ? partnerOf(p, r.pair) : undefined;
    const columns = keyed
      ? ['id', 'label', 'access_key_id', 'secret_access_key']
      : ['id', 'label', styled(p.words, 'snake')];
    return {
      path: r.path,
      also: partner ? [partner] : [],
      text: (v) => {
        const targetRow = r.row % r.rows.length;
        const values = r.rows.map((label, i) => {
          const cells = [String(i + 1), `'${label}'`];
          if (i !== targetRow) cells.push(...(keyed ? ['NULL', 'NULL'] : ['NULL']));
          else if (!keyed) cells.push(`'${v}'`);
          else if (p.kind === 'access-key-id') cells.push(`'${v}'`, partner ? `'${partner[1]}'` : 'NULL');
          else cells.push(`'${partner?.[1] ?? ''}'`, `'${v}'`);
          return `(${cells.join(', ')})`;
        });
        const insert = `INSERT INTO ${r.table} (${columns.join(', ')}) VALUES`;
        const statements = r.multiRow
          ? [insert, ...values.map((row, i) => `  ${row}${i === values.length - 1 ? ';' : ','}`)]
          : values.map((row) => `${insert} ${row};`);
        return join([...r.preamble, ...statements, 'COMMIT;'], r.eol, r.final);
      },
    };
  });

const FORMATS: Readonly<Record<string, Layout>> = {
  env,
  ini,
  'AWS credentials': awsCredentials,
  properties,
  yaml,
  json,
  toml,
  'xml <add key value>': xmlAdd,
  'xml element': xmlElement,
  'Jupyter notebook (JSON-escaped source)': notebook,
  'URL query string (percent-encoded)': urlQuery,
  'Kubernetes Secret (base64)': kubernetesSecret(false),
  'Kubernetes Secret (base64 of `echo` output, with its trailing newline)': kubernetesSecret(true),
  'CSV with a header': csv,
  'SQL INSERT (secret next to a key id)': sql,
  'JS/TS': jsTs,
  Python: python,
  'shell export': shell,
};

// ---------------------------------------------------------------------------------------------
// Cases and checks.
// ---------------------------------------------------------------------------------------------

const plantArb: fc.Arbitrary<Plant> = fc.oneof(
  ...SECRET_KINDS.map((kind) =>
    fc.record({
      kind: fc.constant(kind),
      value: FAKE[kind],
      placeholder: fc.constantFrom(...PLACEHOLDERS[kind]),
      words: fc.constantFrom(...NAME_WORDS[kind]),
    }),
  ),
);

interface Case {
  readonly path: string;
  readonly kind: SecretKind;
  readonly value: string;
  /** The value as it appears in `text` (percent- or base64-encoded in some formats). */
  readonly needle: string;
  readonly text: string;
  readonly also: readonly Also[];
  readonly placeholder: string;
  readonly placeholderText: string;
}

const bomArb = fc.oneof({ arbitrary: fc.constant(''), weight: 5 }, { arbitrary: fc.constant('\uFEFF'), weight: 1 });

const caseArb = (layout: Layout): fc.Arbitrary<Case> =>
  fc.record({ plant: plantArb, build: layout, bom: bomArb }).map(({ plant, build, bom }) => {
    const b = build(plant);
    const encode = b.encode ?? ((v: string) => v);
    return {
      path: b.path,
      kind: plant.kind,
      value: plant.value,
      needle: encode(plant.value),
      text: bom + b.text(plant.value),
      also: (b.also ?? []).map(([kind, value]) => [kind, encode(value)] as const),
      placeholder: plant.placeholder,
      placeholderText: bom + b.text(plant.placeholder),
    };
  });

interface Located {
  readonly kind: Kind;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

const byPosition = (a: Located, b: Located): number =>
  a.line - b.line || a.column - b.column || a.kind.localeCompare(b.kind);

const located = (findings: readonly Finding[]): Located[] =>
  findings.map(({ kind, line, column, endLine, endColumn }) => ({ kind, line, column, endLine, endColumn }));

/** Where a planted needle stands; a needle that is missing or not unique is a bug in the generator. */
function plantedAt(text: string, kind: Kind, needle: string): Located {
  const body = stripBom(text);
  const start = body.indexOf(needle);
  if (start === -1 || body.includes(needle, start + 1)) {
    throw new Error(`generator bug: ${JSON.stringify(needle)} is not exactly once in the text`);
  }
  const s = positionOf(body, start);
  const e = positionOf(body, start + needle.length);
  return { kind, line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
}

/**
 * What is wrong with a list of findings (nothing, for well-formed findings): known kind and rule,
 * integer 1-based positions that match the offsets (`scanText` counts them after a leading BOM,
 * `classifyString` from the value's first character), spans inside the text, sorted, no
 * duplicates, and no whole secret (the reported span or any planted value) in the secret, masked
 * value, message, recommendation or fingerprint.
 */
function problems(
  text: string,
  findings: readonly Finding[],
  planted: readonly string[] = [],
  { bomIsSkipped = true } = {},
): string[] {
  const body = bomIsSkipped ? stripBom(text) : text;
  const out: string[] = [];
  const seen = new Set<string>();
  let previous = 0;
  for (const f of findings) {
    const problem = (message: string): void => {
      out.push(`${message}: ${JSON.stringify(f)}`);
    };
    if (!KINDS.includes(f.kind) || f.ruleId !== `mwsguard/${f.kind}`) problem('unknown kind or rule');
    if (!SEVERITIES.includes(f.severity)) problem('unknown severity');
    const numbers = [f.line, f.column, f.endLine, f.endColumn, f.offset, f.endOffset];
    if (!numbers.every((n) => Number.isInteger(n))) problem('non-integer position');
    if (f.line < 1 || f.column < 1) problem('line and column must be 1-based');
    if (f.offset < 0 || f.endOffset <= f.offset || f.endOffset > body.length) problem('span outside the text');
    const start = positionOf(body, f.offset);
    const end = positionOf(body, f.endOffset);
    if (start.line !== f.line || start.column !== f.column) problem(`start is at ${JSON.stringify(start)}`);
    if (end.line !== f.endLine || end.column !== f.endColumn) problem(`end is at ${JSON.stringify(end)}`);
    if (f.offset < previous) problem('not sorted by offset');
    previous = f.offset;
    const key = `${f.kind}@${String(f.offset)}`;
    if (seen.has(key)) problem('duplicate finding');
    seen.add(key);
    if (!/^[0-9a-f]{64}$/.test(f.fingerprint)) problem('fingerprint is not a SHA-256');
    const shown = [f.secret, f.messageFacts.masked, f.message, f.recommendation, f.fingerprint];
    // `shared-credentials` reports a field name, which is not a secret.
    const secrets = f.kind === 'shared-credentials' ? planted : [body.slice(f.offset, f.endOffset), ...planted];
    for (const secret of secrets) {
      if (shown.some((s) => s.includes(secret))) problem(`a shown field holds the secret ${JSON.stringify(secret)}`);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// 1. Never throws, always well-formed.
// ---------------------------------------------------------------------------------------------

const FRAGMENTS = [
  'AKIA',
  'ASIA',
  'AKIAIOSFODNN7EXAMPLE',
  'Atzr|',
  'Atzr%7C',
  'Atza|',
  'amzn.mws.',
  'amzn1.oa2-cs.v1.',
  'amzn1.application-oa2-client.',
  'secret',
  'secret_key',
  'SecretKey',
  'AWS_SECRET_ACCESS_KEY',
  'AWSAccessKeyId',
  'access_key',
  'accessKeyId',
  'seller_id',
  'SellerId',
  'sellers',
  'MWSAuthToken',
  'clientSecret',
  'kind: Secret',
  'data:',
  '=',
  '%',
  '%2F',
  '%2B',
  '%3D',
  '"',
  "'",
  '`',
  '\\',
  '\\"',
  '\\n',
  '\\/',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  '<',
  '>',
  '</',
  '/>',
  '<add key="',
  '" value="',
  ':',
  ';',
  ',',
  '&',
  '?',
  '#',
  '//',
  '/*',
  '*/',
  '--',
  '- ',
  '|',
  '\n',
  '\r\n',
  '\r',
  ' ',
  '\t',
  '  ',
  '\uFEFF',
  '${',
  '{{',
  'EXAMPLE',
  'process.env.',
  'INSERT INTO sellers VALUES (',
  'CREATE TABLE ',
  'define(',
  '$store[',
  'def ',
  'function(',
];

/** Well-shaped fakes and their encodings, to glue between fragments. */
const anyFakeArb: fc.Arbitrary<string> = fc
  .record({ value: fc.oneof(...SECRET_KINDS.map((k) => FAKE[k])), encoding: fc.constantFrom('plain', 'pct', 'b64') })
  .map(({ value, encoding }) => (encoding === 'pct' ? pct(value) : encoding === 'b64' ? b64(value) : value));

const soupArb = fc
  .array(
    fc.oneof(
      { arbitrary: fc.constantFrom(...FRAGMENTS), weight: 6 },
      { arbitrary: fc.string({ maxLength: 6 }), weight: 2 },
      { arbitrary: anyFakeArb, weight: 1 },
      { arbitrary: ofLength(`${BASE64}=`, 18, 44), weight: 1 },
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

const surrogateSoup = fc.string({
  unit: fc.oneof(
    fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
    fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)),
    fc.constantFrom('\uFEFF', '\u2028', '\u2029', '\u0085', 'A', 'K', 'I', '=', '\n', 'secret'),
  ),
  maxLength: 300,
});

const TEXTS: Readonly<Record<string, fc.Arbitrary<string>>> = {
  'printable ASCII (fc.string)': fc.string({ maxLength: 400 }),
  'full Unicode (fc.string, binary units)': fc.string({ unit: 'binary', maxLength: 300 }),
  'grapheme clusters': fc.string({ unit: 'grapheme', maxLength: 200 }),
  'lone surrogates, control characters, BOMs, line separators': surrogateSoup,
  'key characters, quotes, brackets, =, %, newlines': fc.string({
    unit: fc.constantFrom(...Array.from('AKIAZ2345670aBzr+/=%"\'`[]{}()<>:;,&?#\\|-_. \t\r\n')),
    maxLength: 400,
  }),
  'credential fragments and well-shaped fakes': soupArb,
};

const PATHS = [
  '',
  'notes.txt',
  '.env',
  'config.yml',
  'a.json',
  'keys.csv',
  'keys.tsv',
  'client.ts',
  'settings.py',
  'App.config',
  'nb.ipynb',
  'secret.yaml',
  'schema.sql',
];

describe('never throws, always well-formed', () => {
  it.each(Object.entries(TEXTS))('scanText on %s', (_name, textArb) => {
    fc.assert(
      fc.property(textArb, fc.constantFrom(...PATHS), (text, path) => {
        expect(problems(text, scanText(text, { path }))).toEqual([]);
      }),
      runs(300),
    );
  });

  it('classifyString on any value with any binding', () => {
    const valueArb = fc.oneof(anyFakeArb, ...Object.values(TEXTS));
    const bindingArb = fc.record(
      {
        name: fc.oneof(
          fc.string({ maxLength: 20 }),
          ...SECRET_KINDS.map((k) => fc.constantFrom(...NAME_WORDS[k]).map((w) => styled(w, 'camel'))),
        ),
        hasMwsContext: fc.boolean(),
        hasLwaContext: fc.boolean(),
        pairedWithAccessKey: fc.boolean(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(valueArb, bindingArb, (value, binding) => {
        expect(problems(value, classifyString(value, binding), [], { bomIsSkipped: false })).toEqual([]);
      }),
      runs(300),
    );
  });

  it('the planted plaintext never shows in any field of any finding (credential soup)', () => {
    const plantedSoup = fc
      .tuple(soupArb, fc.array(fc.oneof(...SECRET_KINDS.map((k) => FAKE[k])), { minLength: 1, maxLength: 4 }), soupArb)
      .map(([a, fakes, b]) => ({ text: `${a} ${fakes.join('\n')} ${b}`, fakes }));
    fc.assert(
      fc.property(plantedSoup, fc.constantFrom(...PATHS), ({ text, fakes }, path) => {
        expect(problems(text, scanText(text, { path }), fakes)).toEqual([]);
      }),
      runs(200),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// 2. Round trip per format.
// ---------------------------------------------------------------------------------------------

describe('round trip: a planted secret is found exactly there, a placeholder is not', () => {
  it.each(Object.entries(FORMATS))('%s', (_name, layout) => {
    fc.assert(
      fc.property(caseArb(layout), (c) => {
        const expected = [plantedAt(c.text, c.kind, c.needle), ...c.also.map(([k, n]) => plantedAt(c.text, k, n))];
        const findings = scanText(c.text, { path: c.path });
        expect(problems(c.text, findings, [c.value, ...c.also.map(([, v]) => v)])).toEqual([]);
        expect(located(findings).sort(byPosition)).toEqual(expected.sort(byPosition));

        const withPlaceholder = scanText(c.placeholderText, { path: c.path });
        expect(problems(c.placeholderText, withPlaceholder)).toEqual([]);
        expect(located(withPlaceholder.filter((f) => f.kind === c.kind))).toEqual([]);
      }),
      runs(100),
    );
  });

  // LABELING.md: one developer key pair (per region, per profile, per app) is never
  // `shared-credentials`. Record names here hold digits (regions, versions, years, ports), as
  // real configs do, but name no seller.
  it('one key pair under a record named with digits is not a per-seller record', () => {
    const labelArb = fc.oneof(
      fc.constantFrom('aws_us_east_1', 'aws_eu_west_1', 'analytics_2024', 'app_v2_config', 'archive_2023_q4'),
      fc
        .record({
          word: fc.constantFrom('aws', 'api', 'app', 'analytics', 'archive', 'orders', 'reports'),
          number: fc.integer({ min: 1, max: 99_999 }),
        })
        .map(({ word, number }) => `${word}_${String(number)}`),
    );
    const layoutArb = fc.constantFrom('yaml', 'json', 'ini');
    fc.assert(
      fc.property(labelArb, layoutArb, accessKeyIdArb, secretKeyArb, (label, layout, ak, sk) => {
        const text =
          layout === 'yaml'
            ? `${label}:\n  access_key_id: ${ak}\n  secret_access_key: ${sk}\n`
            : layout === 'json'
              ? JSON.stringify({ [label]: { accessKeyId: ak, secretAccessKey: sk } }, null, 2)
              : `[${label}]\naws_access_key_id = ${ak}\naws_secret_access_key = ${sk}\n`;
        const path = layout === 'yaml' ? 'config.yml' : layout === 'json' ? 'config.json' : 'credentials';
        expect(scanText(text, { path }).map((f) => f.kind)).toEqual(['access-key-id', 'secret-key']);
      }),
      runs(100),
    );
  });

  // Layout is not meaning: minifying a JSON document changes no finding. Sibling keys are biased
  // towards names that merely contain a word core reads as a per-seller record (request, row,
  // input, body, form, payload, record); they hold numbers and strings, never a seller.
  it('JSON minified or pretty-printed yields the same findings', () => {
    const names = [
      ...FILLER_NAMES,
      ['request', 'id'],
      ['row', 'limit'],
      ['input', 'dir'],
      ['body', 'limit'],
      ['form', 'id'],
      ['payload', 'size'],
      ['record', 'ttl'],
    ];
    fc.assert(
      fc.property(plantArb, jsonDocArb(names), fc.constantFrom(2, 4, '\t'), (plant, doc, space) => {
        const found = (s: number | string): string[] => {
          const text = jsonText(doc, plant, plant.value, s);
          return scanText(text, { path: 'config.json' })
            .map((f) => `${f.kind} ${text.slice(f.offset, f.endOffset)}`)
            .sort();
        };
        const minified = found(0);
        expect(minified).toContain(`${plant.kind} ${plant.value}`);
        expect(minified).toEqual(found(space));
      }),
      runs(150),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// 3. Well-shaped fakes.
// ---------------------------------------------------------------------------------------------

describe('well-shaped fakes', () => {
  it.each(SECRET_KINDS)('%s: well-shaped, and found when bound to its name', (kind) => {
    const valueArb = kind === 'secret-key' ? fc.oneof(FAKE[kind], secretKeyCornerArb) : FAKE[kind];
    const nameArb = fc.record({ words: fc.constantFrom(...NAME_WORDS[kind]), style: styleArb('upper', 'camel') });
    fc.assert(
      fc.property(valueArb, nameArb, (value, { words, style }) => {
        expect(value).toMatch(SHAPE[kind]);
        expect(madeUp(value)).toBe(false);
        const name = styled(words, style);
        const text = `${name}=${value}`;
        const span = { kind, offset: name.length + 1, endOffset: text.length };
        const pick = ({ kind: k, offset, endOffset }: Finding): object => ({ kind: k, offset, endOffset });
        expect(scanText(text, { path: '.env' }).map(pick)).toEqual([span]);
        expect(classifyString(value, { name }).map(pick)).toEqual([{ kind, offset: 0, endOffset: value.length }]);
      }),
      runs(150),
    );
  });

  // A 40-character secret passed positionally next to an access key id has no name of its own;
  // whatever the key id's letters, the pair is found. Key ids are biased towards holding short
  // words (ARN, URL, MD5, IS...) that mean "not a secret" when they appear in a name.
  it('an unnamed secret next to any access key id in the same call is found', () => {
    const WORDS = ['ARN', 'URL', 'URI', 'MD5', 'SHA256', 'ROLE', 'NAME', 'PATH', 'SALT', 'FILE', 'HASH', 'IS', 'HAS'];
    const keyWithWordArb = fc
      .record({ word: fc.constantFrom(...WORDS), rest: ofLength(BASE32, 16), at: fc.nat() })
      .map(({ word, rest, at }) => {
        const i = at % (17 - word.length);
        return `AKIA${(rest.slice(0, i) + word + rest.slice(i)).slice(0, 16)}`;
      })
      .filter((v) => !madeUp(v));
    const call = (language: string, ak: string, sk: string): { path: string; text: string } =>
      language === 'js'
        ? { path: 'client.js', text: `const client = new MwsClient("${ak}", "${sk}");` }
        : language === 'python'
          ? { path: 'sync.py', text: `conn = connect_mws('${ak}', '${sk}')` }
          : { path: 'seed.sql', text: `INSERT INTO api_keys VALUES (1, '${ak}', '${sk}');` };
    const languageArb = fc.constantFrom('js', 'python', 'sql');
    fc.assert(
      fc.property(fc.oneof(accessKeyIdArb, keyWithWordArb), secretKeyArb, languageArb, (ak, sk, language) => {
        const { path, text } = call(language, ak, sk);
        const found = scanText(text, { path }).map((f) => [f.kind, text.slice(f.offset, f.endOffset)]);
        expect(found).toEqual([
          ['access-key-id', ak],
          ['secret-key', sk],
        ]);
      }),
      runs(300),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// The AST adapters' prefilter.
// ---------------------------------------------------------------------------------------------

describe('mayHoldStringCredentials', () => {
  // ESLint's no-hardcoded-credentials skips its per-string pass where this is false, so it must
  // hold for every text that contains a value `classifyString` reports and the name binding it:
  // names in any case, with any run of separators between their words.
  it('is true for any text holding a reported value and its name', () => {
    const words = SECRET_KINDS.flatMap((k) => NAME_WORDS[k]);
    const nameArb = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc
        .record({
          words: fc.constantFrom(...words),
          sep: fc.constantFrom('', '_', '__', '-', '.', ' ', '_-_', '::'),
          upper: fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
        })
        .map(({ words: w, sep, upper }) =>
          Array.from(w.join(sep), (c, i) => (upper[i] === true ? c.toUpperCase() : c)).join(''),
        ),
    );
    const valueArb = fc.oneof(
      anyFakeArb,
      ofLength(BASE32, 20),
      secretKeyArb,
      ofLength(HEX, 64),
      TEXTS['printable ASCII (fc.string)']!,
    );
    let reported = 0;
    fc.assert(
      fc.property(valueArb, nameArb, fc.boolean(), fc.boolean(), (value, name, mws, lwa) => {
        if (classifyString(value, { name, hasMwsContext: mws, hasLwaContext: lwa }).length === 0) return;
        reported++;
        expect(mayHoldStringCredentials(`const ${name} = "${value}";`)).toBe(true);
      }),
      runs(3000),
    );
    // The property is only worth something if many cases were reported.
    expect(reported).toBeGreaterThan(400);
  });

  it('is false for code without credential prefixes or credential names', () => {
    expect(mayHoldStringCredentials('const cacheKey = "Kq7Zr1nV0bXwP3yH8sL5tA2mD9fG4jC6eU/oI+Rw";')).toBe(false);
    expect(mayHoldStringCredentials('export function connect(token) { return fetch(url, { token }); }')).toBe(false);
    expect(mayHoldStringCredentials('const AWS__ACCESS__KEY = x;')).toBe(true);
    expect(mayHoldStringCredentials("const id = 'amzn.mws.' + uuid;")).toBe(true);
  });
});
