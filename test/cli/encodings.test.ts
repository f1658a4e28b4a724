import { describe, expect, it } from 'vitest';
import { ENCODINGS } from './support/fake-credentials.js';
import { fixture, places, runCli, scanJson } from './support/run-cli.js';

// fixtures/encodings/ holds one planted access key id per file:
//   utf16le.env, utf16be.env  UTF-16 with a BOM, key on line 2
//   utf8-bom.env              UTF-8 with a BOM, key on line 1 (the BOM must not shift the column)
//   latin1.env                Latin-1 bytes and broken UTF-8 sequences on line 1, key on line 2
//   image.bin                 PNG-like header with NUL bytes, then the key as ASCII: skipped
const cwd = fixture('encodings');

describe('file encodings', () => {
  it('decodes UTF-16 LE/BE and UTF-8 with a BOM, and survives invalid UTF-8', async () => {
    const { code, stderr, report } = await scanJson([], { cwd });
    expect(code).toBe(1);
    expect(stderr).toBe('');
    expect(places(report)).toEqual([
      'latin1.env 2:19 access-key-id',
      'utf16be.env 2:19 access-key-id',
      'utf16le.env 2:19 access-key-id',
      'utf8-bom.env 1:19 access-key-id',
    ]);
    for (const f of report.findings) {
      const key = ENCODINGS[f.file as keyof typeof ENCODINGS];
      expect(f.secret).toBe(`AKIA${'*'.repeat(12)}${key.slice(-4)}`);
    }
  });

  it('never prints a decoded key in full', async () => {
    const { stdout } = await runCli(['scan'], { cwd });
    for (const key of Object.values(ENCODINGS)) expect(stdout).not.toContain(key);
  });

  it('skips binary files and counts them', async () => {
    const { report } = await scanJson([], { cwd });
    expect(report.findings.map((f) => f.file)).not.toContain('image.bin');
    expect(report.summary).toMatchObject({ filesScanned: 4, filesSkipped: 1, findings: 4 });
    expect(report.summary.skippedByReason).toMatchObject({ binary: 1 });
  });

  it('skips a binary file even when named explicitly', async () => {
    expect(await runCli(['scan', 'image.bin'], { cwd })).toEqual({
      code: 0,
      stdout: '✔ No credentials found (0 files scanned, 1 skipped)\n  Skipped: 1 binary\n',
      stderr: '',
    });
  });
});
