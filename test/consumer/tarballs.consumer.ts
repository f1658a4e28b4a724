// publint and are-the-types-wrong on every packed tarball, and what each tarball holds.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGES, REPO_ROOT, npmInstall, ok, project, run } from './support.js';

describe('every tarball', () => {
  const tarballs = inject('tarballs');
  let tools = '';
  beforeAll(() => {
    tools = project('tools');
    npmInstall(tools, ['publint@0.3', '@arethetypeswrong/cli@0.18']);
  });

  it.each(PACKAGES)('%s: ships LICENSE, README, dist and the sources its maps point to; publint is clean', (dir) => {
    const files = ok(tools, 'tar', ['-tzf', tarballs[dir]]).stdout.split('\n');
    expect(files).toEqual(expect.arrayContaining(['package/LICENSE', 'package/README.md', 'package/package.json']));
    expect(files.some((f) => f.startsWith('package/dist/') && f.endsWith('.js.map'))).toBe(true);
    expect(files.some((f) => f.startsWith('package/src/') && f.endsWith('.ts'))).toBe(true);
    expect(files.filter((f) => f.includes('tsbuildinfo') || f.includes('/test/'))).toEqual([]);

    const publint = run(tools, 'npx', ['--no-install', 'publint', tarballs[dir], '--strict']);
    expect(publint.output).not.toMatch(/warning|error|suggestion/i);
    expect(publint.code).toBe(0);
  });

  it.each(PACKAGES)('%s: are-the-types-wrong finds no problem (ESM only)', (dir) => {
    const attw = run(tools, 'npx', [
      '--no-install',
      'attw',
      tarballs[dir],
      '--profile',
      'esm-only',
      '--format',
      'ascii',
    ]);
    // ESM only, by design: the CommonJS resolutions (`require` of ESM) are ignored by the profile.
    expect(attw.output).not.toContain('❌');
    expect(attw.output).toContain('node16 (from ESM): 🟢');
    expect(attw.code).toBe(0);
  });
});

// The repository's own list, so the test notices a new package.
it('packs every package of the workspace', () => {
  expect(readdirSync(join(REPO_ROOT, 'packages')).sort()).toEqual([...PACKAGES]);
});
