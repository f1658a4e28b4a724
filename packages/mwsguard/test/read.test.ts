import fc from 'fast-check';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeSource, readLimited } from '../src/read.js';

/**
 * UTF-8 is decoded by `Buffer#toString` (faster than TextDecoder on Node 20, issue 5); the
 * contract is still the WHATWG decoder's: a leading BOM dropped, each invalid sequence one U+FFFD.
 */
describe('decodeSource', () => {
  // Bytes that start, cut and corrupt UTF-8 sequences (overlong, surrogate, out-of-range lead).
  const nasty = fc.constantFrom(
    0xc0,
    0xc1,
    0xc2,
    0xe0,
    0xed,
    0xef,
    0xbb,
    0xbf,
    0xf0,
    0xf4,
    0xf5,
    0xff,
    0x80,
    0x9f,
    0xa0,
  );
  const bytes = fc
    .tuple(fc.boolean(), fc.array(fc.oneof(fc.integer({ min: 1, max: 0x7f }), nasty), { maxLength: 60 }))
    .map(([bom, body]) => Uint8Array.from([...(bom ? [0xef, 0xbb, 0xbf] : []), 0x80, ...body]));

  it('decodes UTF-8 exactly as the WHATWG TextDecoder does, BOM dropped', () => {
    const decoder = new TextDecoder('utf-8');
    fc.assert(
      fc.property(bytes, (b) => {
        expect(decodeSource(b)).toEqual({ kind: 'text', text: decoder.decode(b) });
      }),
      { seed: 0x75746638, numRuns: 5000 },
    );
  });
});

describe('readLimited', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mwsguard-read-'));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads a whole file and decodes it', async () => {
    const file = join(dir, 'big.env');
    const text = `${'x'.repeat(300_000)}\nSECRET=é\n`;
    writeFileSync(file, text);
    expect(await readLimited(file, 0)).toEqual({ kind: 'text', text });
  });

  it('refuses a file over the limit by its size, before reading it', async () => {
    const file = join(dir, 'six.txt');
    writeFileSync(file, '123456');
    expect(await readLimited(file, 5)).toEqual({ kind: 'tooLarge', size: 6 });
    expect(await readLimited(file, 6)).toEqual({ kind: 'text', text: '123456' });
  });

  // Linux reports a size of 0 for /proc files, which still have content: read to the end.
  it.runIf(existsSync('/proc/self/status'))('reads files that report no size to their end', async () => {
    const read = await readLimited('/proc/self/status', 0);
    expect(read.kind === 'text' ? read.text : '').toMatch(/^Name:[\s\S]*\nPid:/);
  });

  it('lets the open error through with its code', async () => {
    await expect(readLimited(join(dir, 'missing'), 0)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
