import type * as Fs from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { fixture, places, scanJson } from './support/run-cli.js';

// Tests run as any user (root in CI containers reads everything), so a permission error is
// simulated: reading settings.ini fails as a chmod 000 file would.
// (The scanner opens each file with openSync; test/faults/matrix.test.ts has the real EACCES.)
vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof Fs>();
  const openSync = ((...args: Parameters<typeof actual.openSync>) => {
    const [path] = args;
    if (typeof path === 'string' && path.endsWith('settings.ini')) {
      throw Object.assign(new Error(`EACCES: permission denied, open '${path}'`), { code: 'EACCES' });
    }
    return actual.openSync(...args);
  }) as typeof actual.openSync;
  return { ...actual, default: { ...actual, openSync }, openSync };
});

describe('an unreadable file', () => {
  it('is named in a warning, counted as skipped, and the scan goes on', async () => {
    const { code, stderr, report } = await scanJson([], { cwd: fixture('basic') });
    expect(code).toBe(1);
    expect(stderr).toBe('mwsguard: warning: cannot read config/settings.ini (EACCES); skipped.\n');
    expect(places(report)).toEqual(['.env 3:19 access-key-id', '.env 4:23 secret-key']);
    expect(report.summary).toMatchObject({ filesScanned: 2, filesSkipped: 1, findings: 2, incomplete: true });
    expect(report.summary.skippedByReason).toMatchObject({ unreadable: 1 });
  });
});
