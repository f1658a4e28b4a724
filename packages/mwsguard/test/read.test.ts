import fc from 'fast-check';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
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

// Issue 13, rows 10 and 15.
describe('decodeSource: UTF-32 and archives', () => {
  const utf32 = (text: string, littleEndian: boolean): Uint8Array => {
    const points = [0xfeff, ...Array.from(text, (c) => c.codePointAt(0) ?? 0)];
    const view = new DataView(new ArrayBuffer(points.length * 4));
    points.forEach((p, i) => {
      view.setUint32(i * 4, p, littleEndian);
    });
    return new Uint8Array(view.buffer);
  };

  it('decodes UTF-32 in both byte orders, before UTF-16 (whose LE mark starts the UTF-32 LE one)', () => {
    const text = 'key=AKIA 𝄞 é ☕\n'.repeat(5000);
    expect(decodeSource(utf32(text, true))).toEqual({ kind: 'text', text });
    expect(decodeSource(utf32(text, false))).toEqual({ kind: 'text', text });
  });

  it('replaces code points past U+10FFFF and surrogates, and drops a partial last unit', () => {
    const bytes = Uint8Array.from([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0, 0, 0, 0x11, 0, 0x00, 0xd8, 0, 0, 0x42, 0]);
    expect(decodeSource(bytes)).toEqual({ kind: 'text', text: 'A\ufffd\ufffd' });
  });

  it('recognises gzip and zip archives by their signature', () => {
    expect(decodeSource(gzipSync('AWS_ACCESS_KEY_ID=x\n'))).toEqual({ kind: 'archive', format: 'gzip' });
    expect(decodeSource(Uint8Array.from([0x50, 0x4b, 3, 4, 20, 0]))).toEqual({ kind: 'archive', format: 'zip' });
    expect(decodeSource(Uint8Array.from([0x50, 0x4b, 5, 6, 0, 0]))).toEqual({ kind: 'archive', format: 'zip' });
    expect(decodeSource(Buffer.from('PK is a text file'))).toEqual({ kind: 'text', text: 'PK is a text file' });
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

  // Issue 13, row 8: the limit held only against the reported size, so `/proc/self/` was read
  // without one (688 MB and growing).
  it.runIf(existsSync('/proc/self/status'))('applies the limit to the bytes read from a file of no size', async () => {
    const full = await readLimited('/proc/self/status', 0);
    const length = full.kind === 'text' ? full.text.length : 0;
    expect(length).toBeGreaterThan(64);
    expect(await readLimited('/proc/self/status', 64)).toEqual({ kind: 'tooLarge', size: 65 });
  });

  // Issue 13, row 7: a path that is not a regular file when opened (swapped for a FIFO or a
  // device after discovery) is not read. /dev/null stands in for it here; the FIFO itself is
  // test/faults/attack.test.ts (opening one blocked the scan forever).
  it('does not read what is not a regular file', async () => {
    expect(await readLimited('/dev/null', 0)).toEqual({ kind: 'notRegular' });
  });

  it('lets the open error through with its code', async () => {
    await expect(readLimited(join(dir, 'missing'), 0)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
