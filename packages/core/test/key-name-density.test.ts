import { describe, expect, it } from 'vitest';
import { extractFields, scanText } from '../src/index.js';
import { createContext } from '../src/context.js';
import { MIN_READ, READ_ALLOWANCE, READ_PER_CHAR } from '../src/read-budget.js';
import { countWork } from './support/work.js';

// Issue 13, row 9: text packed with key names. Each name's field reader reads up to 160
// characters either side of it, so `secret_key=` repeated on one line cost about 330 counted steps
// per character (16 MB: 15 s and 704 MB), ten times ordinary code, and made a Field per 11
// characters. The reading budget (`read-budget.ts`) bounds both. Work is counted, never timed.

const SECRET = 'Kq7Zr1nV0bXwP3yH8sL5tA2mD9fG4jC6eU/oI+Rw';
/** `unit` repeated to exactly `n` characters. */
const fill = (unit: string, n: number): string => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);

/** Ordinary code that names seller keys (a client built per seller), as dense as real code gets. */
const CONNECT =
  'export function connect(seller: Seller): Client {\n  const secretKey = process.env.MWS_SECRET_KEY;\n  return new Client({ sellerId: seller.id, secretKey }); // one per seller\n}\n';
const ordinary = (n: number): string => fill(CONNECT, n);

interface Variant {
  readonly path: string;
  readonly make: (n: number) => string;
}

const variants: Record<string, Variant> = {
  '`secret_key=` on one line': { path: 'soup.txt', make: (n) => fill('secret_key=', n) },
  '`secret_key=` on many lines': { path: 'soup.txt', make: (n) => fill('secret_key=\n', n) },
  '`secret_key=<secret>` lines': { path: 'keys.env', make: (n) => fill(`secret_key=${SECRET}\n`, n) },
  '`"secretKey": "` on one line': { path: 'soup.json', make: (n) => fill('"secretKey": "', n) },
  '`aws_access_key_id: ` on one line': { path: 'soup.yml', make: (n) => fill('aws_access_key_id: ', n) },
  '`aws_access_key_id: ` on many lines': { path: 'soup.yml', make: (n) => fill('aws_access_key_id: \n', n) },
  '`SellerId=`/`MWSAuthToken` soup': { path: 'soup.log', make: (n) => fill('SellerId=MWSAuthToken&', n) },
  'key-name words dense in one line': {
    path: 'soup.txt',
    make: (n) => fill('secret access seller token merchant key_id ', n),
  },
  'a CSV header of key names': { path: 'keys.csv', make: (n) => fill('secret_key,', n) },
  'CSV rows of key names': { path: 'keys.csv', make: (n) => `id,secret_key\n${fill('secret_key,access_key\n', n)}` },
  'one minified line of seller records': {
    path: 'dump.min.json',
    make: (n) => fill(`{"sellerId":"A1B2C3D4E5F6G7","accessKeyId":"AKIA2OGYBAH6Q7KD4XZM","secretKey":"${SECRET}"},`, n),
  },
};

/** Counted work of scanning `text` as the CLI does. */
function workOf(text: string, path: string): { steps: number; execCalls: number } {
  return countWork(() => scanText(text, { path })).work;
}

/** Text packed with key names costs at most this many times what ordinary code costs. */
const ORDINARY_FACTOR = 2;
// Large enough for the budget's first allowance to be a small part of the reading.
const N = 256_000;

describe('text packed with key names scans like ordinary code', () => {
  const baseline = workOf(ordinary(N), 'connect.ts').steps / N;

  it.each(Object.entries(variants))(
    `%s: linear, and within ${String(ORDINARY_FACTOR)}x of ordinary code per character`,
    (_name, { path, make }) => {
      const small = workOf(make(N / 8), path);
      const large = workOf(make(N), path);
      expect(Math.max(large.steps / small.steps, large.execCalls / small.execCalls)).toBeLessThan(16);
      expect(large.steps / N).toBeLessThan(ORDINARY_FACTOR * baseline);
    },
  );

  it.each(Object.entries(variants))('%s: fields bounded by the reading budget', (_name, { path, make }) => {
    const text = make(N);
    const ctx = createContext(text, path);
    const fields = extractFields(text, ctx.index, ctx.tabular);
    // A CSV header's cells are fields of their own, read once (at most 2,000 characters).
    expect(fields.length).toBeLessThanOrEqual((READ_ALLOWANCE + READ_PER_CHAR * N) / MIN_READ + 2_000);
  });
});

describe('the reading budget never skips a name of ordinary text', () => {
  /** Fields per repeated unit at `n` characters: the same at every size when nothing is skipped. */
  const fieldsPerUnit = (unit: string, n: number, path: string): number => {
    const text = fill(unit, Math.floor(n / unit.length) * unit.length);
    const ctx = createContext(text, path);
    return extractFields(text, ctx.index, ctx.tabular).length / (text.length / unit.length);
  };
  const dense: Record<string, [string, string]> = {
    'a client built per seller': [CONNECT, 'connect.ts'],
    'a YAML list of seller keys': [
      `- seller_id: A1B2C3D4E5F6G7\n  access_key: AKIA2OGYBAH6Q7KD4XZM\n  secret_key: ${SECRET}\n`,
      'sellers.yml',
    ],
    'an .env file of seller keys': [`SELLER_1_SECRET_KEY=${SECRET}\n`, 'sellers.env'],
    'a minified bundle naming a key every 150 characters': [
      'var t={};function n(r){if(t[r])return t[r].exports;var o=t[r]={i:r,l:!1,exports:{}};return e[r].call(o.exports,o,o.exports,n),o.l=!0,o.exports}n.m=e,n.c=t,n.d=function(e,t,r){n.o(e,t)||Object.defineProperty(e,t,{enumerable:!0,get:r})};var secretKey=e.secretKey;',
      'bundle.min.js',
    ],
  };
  it.each(Object.entries(dense))('%s', (_name, [unit, path]) => {
    expect(fieldsPerUnit(unit, N * 2, path)).toBe(fieldsPerUnit(unit, unit.length, path));
  });
});
