import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scanJson } from './support/run-cli.js';

// examples/seller-tools/expected.json is the ground truth of the demo project: every file (path
// relative to the example) with the kind, line and column of each credential it must report, and
// [] for the files that must come out clean. The CLI is run from inside the example, as a user would.
const EXAMPLE = fileURLToPath(new URL('../../examples/seller-tools/', import.meta.url));

interface Place {
  readonly kind: string;
  readonly line: number;
  readonly column: number;
}

const byPosition = (a: Place, b: Place): number => a.line - b.line || a.column - b.column || (a.kind < b.kind ? -1 : 1);

describe('examples/seller-tools', () => {
  const expected = JSON.parse(readFileSync(`${EXAMPLE}expected.json`, 'utf8')) as Record<string, Place[]>;

  it('reports exactly the findings of expected.json', async () => {
    const { code, report } = await scanJson([], { cwd: EXAMPLE });
    const actual: Record<string, Place[]> = {};
    for (const file of Object.keys(expected)) actual[file] = [];
    for (const { file, kind, line, column } of report.findings) (actual[file] ??= []).push({ kind, line, column });
    const sorted = (map: Record<string, Place[]>): Record<string, Place[]> =>
      Object.fromEntries(Object.entries(map).map(([file, places]) => [file, [...places].sort(byPosition)]));
    expect(sorted(actual)).toEqual(sorted(expected));
    expect(code).toBe(1);
  });

  it('scans every file expected.json lists (and expected.json itself)', async () => {
    const { report } = await scanJson([], { cwd: EXAMPLE });
    expect(report.summary).toMatchObject({ filesScanned: Object.keys(expected).length + 1, filesSkipped: 0 });
  });
});
