import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BASIC } from './support/fake-credentials.js';
import { REPO_ROOT } from './support/run-cli.js';
import { spawnBin } from './support/tree.js';
import type { Spawned } from './support/tree.js';

// These run the real bin, which loads the compiled packages/mwsguard/dist/: they need a build
// first (`npx tsc -b`; the root `pnpm test` runs `tsc -b` before vitest).
const run = (args: readonly string[]): Promise<Spawned> => spawnBin(args, { cwd: REPO_ROOT });

describe('bin/mwsguard.js (spawned)', () => {
  beforeAll(() => {
    if (!existsSync(join(REPO_ROOT, 'packages/mwsguard/dist/run.js'))) {
      throw new Error('packages/mwsguard/dist is missing: run `npx tsc -b` first');
    }
  });

  it('scans a tree and exits 1, printing masked secrets only', async () => {
    const { code, stdout, stderr } = await run(['scan', 'test/cli/fixtures/basic']);
    expect({ code, stderr }).toEqual({ code: 1, stderr: '' });
    expect(stdout).toMatch(/^test\/cli\/fixtures\/basic\/\.env\n {2}3:19 {2}error {2}.*AKIA\*{12}AJAW {2}/);
    expect(stdout).toContain('\n✖ 3 findings in 2 files (3 files scanned, 0 skipped)\n');
    expect(stdout).not.toContain('\u001b[');
    for (const secret of Object.values(BASIC)) expect(stdout).not.toContain(secret);
  });

  it('exits 2 on a usage error with a one-line message and no stack trace', async () => {
    const { code, stdout, stderr } = await run(['scan', '--frmat', 'json']);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toBe(`mwsguard: Unknown option '--frmat'.\nRun "mwsguard --help" for usage.\n`);
  });
});
