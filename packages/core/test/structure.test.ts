import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractFields, findSharedCredentialFields } from '../src/index.js';
import { LineIndex } from '../src/locate.js';

/**
 * `extractFields(…, { requireKeyField: true })` returns nothing for a text whose key fields all
 * read the environment or compute their value (issue 5: the token pass and the layout are then
 * skipped). That shortcut must never change what `shared-credentials` reports: for any text, the
 * records judged from the shortcut's fields are those judged from all fields.
 */
const keyName = fc.constantFrom(
  'secretKey',
  'accessKeyId',
  'mws_secret_key',
  'AWS_ACCESS_KEY_ID',
  'mwsKey',
  'key-id',
  'SecretKey',
  'aws_secret_access_key',
);
const otherName = fc.constantFrom('sellerId', 'merchant_id', 'accountId', 'token', 'mwsAuthToken', 'tenant', 'region');
const value = fc.constantFrom(
  'process.env.MWS_SECRET_KEY',
  "os.environ['SECRET']",
  '${SECRET_KEY}',
  "'Kq7Zr1nV0bXwP3yH8sL5tA2mD9fG4jC6eU/oI+Rw'",
  "''",
  'seller.secretKey',
  'row.access_key',
  'compute(x)',
  'string',
  'secretKey',
  '"A1B2C3D4E5F6G7"',
);
const sep = fc.constantFrom(': ', ' = ', ' => ', '=', ', ');
const field = fc.tuple(fc.oneof(keyName, otherName), sep, value).map(([n, s, v]) => `${n}${s}${v}`);
const glue = fc.constantFrom('\n', ',\n', ', ', ';\n', '\n  ', '\n- ', ' {\n', '\n}\n', '(', ')', '[', ']');
const head = fc.constantFrom(
  '',
  'sellers:\n',
  'class Seller {\n',
  'const config = {',
  '[seller]\n',
  'regions:\n  na:\n',
);
const text = fc
  .tuple(head, fc.array(fc.tuple(field, glue), { maxLength: 12 }))
  .map(([h, parts]) => h + parts.map(([f, g]) => f + g).join(''));

function judged(t: string, requireKeyField: boolean): string[] {
  const fields = extractFields(t, new LineIndex(t), undefined, { requireKeyField });
  return findSharedCredentialFields(fields).map((f) => `${f.name}@${String(f.start)}`);
}

describe('extractFields requireKeyField', () => {
  it('never changes which records are type A', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(judged(t, true)).toEqual(judged(t, false));
      }),
      { seed: 0x6b657973, numRuns: 3000 },
    );
  });

  it('skips texts whose keys all come from the environment or an expression', () => {
    const t =
      'const c = {\n  sellerId: seller.id,\n  secretKey: process.env.MWS_SECRET_KEY,\n  accessKeyId: load(x),\n};';
    expect(extractFields(t, new LineIndex(t), undefined, { requireKeyField: true })).toEqual([]);
    expect(extractFields(t, new LineIndex(t)).length).toBeGreaterThan(0);
  });

  it('keeps texts with a hard-coded, declared, blank or referenced key', () => {
    for (const v of ["'Kq7Zr1nV0bXwP3yH8sL5tA2mD9fG4jC6eU/oI+Rw'", 'string', "''", 'seller.secretKey']) {
      const t = `const c = {\n  sellerId: 'A1B2C3D4E5F6G7',\n  secretKey: ${v},\n};`;
      expect(extractFields(t, new LineIndex(t), undefined, { requireKeyField: true }).length).toBeGreaterThan(0);
    }
  });
});

describe('submitted reads', () => {
  it('reads `$request->secret_key` as submitted, not a setter called on an MWS request named `$request`', () => {
    const t = [
      '<?php',
      '$account->secret_key = $request->secret_key;',
      "$request->setSellerId('A5SNRN8F1PEZR');",
      '',
    ].join('\n');
    const fields = extractFields(t, new LineIndex(t));
    expect(fields.some((f) => f.name === 'secret_key' && f.value === 'body.secret_key')).toBe(true);
    expect(fields.find((f) => f.name === 'setSellerId')?.value).not.toMatch(/^body\./);
  });
});
