// The mwsguard CLI from its tarball: `npx mwsguard scan`, husky with lint-staged and
// `install-hook`, and the pre-commit framework's `try-repo` of this repository.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAKE, MASKED, REPO_ROOT, leaksNothing, npmInstall, ok, project, run, tarballs, writeTree } from './support.js';

const PLANTED = { 'config/prod.env': `MWS_ACCESS_KEY_ID=${FAKE.accessKeyId}\n` };
const CLEAN = {
  'src/region.js': 'export const region = process.env.AWS_REGION;\n',
  'README.md': '# app\n',
  '.gitignore': 'node_modules/\n',
};

/**
 * Commits the project as it is (the hook lets a clean tree through), then stages the planted key:
 * the hook must refuse that commit and show the key only masked.
 */
function expectHookToRefusePlanted(dir: string): void {
  ok(dir, 'git', ['add', '-A']);
  ok(dir, 'git', ['commit', '-q', '-m', 'init']);
  writeTree(dir, PLANTED);
  ok(dir, 'git', ['add', 'config/prod.env']);
  const refused = run(dir, 'git', ['commit', '-m', 'add config']);
  expect(refused.code).not.toBe(0);
  expect(refused.output).toContain(MASKED.accessKeyId);
  expect(leaksNothing(refused.output)).toBe(true);
  expect(ok(dir, 'git', ['log', '--oneline']).stdout).not.toContain('add config');
}

describe('mwsguard CLI from the tarball', () => {
  it('npx mwsguard scan: exit 1 with masked findings, JSON output, exit 0 on a clean tree, exit 2 on bad usage', () => {
    const dir = project('cli-scan', { ...CLEAN, ...PLANTED });
    npmInstall(dir, tarballs('mwsguard'));

    const found = run(dir, 'npx', ['mwsguard', 'scan']);
    expect(found.code).toBe(1);
    expect(found.stdout).toContain('config/prod.env');
    expect(found.stdout).toContain(MASKED.accessKeyId);
    expect(leaksNothing(found.output)).toBe(true);

    const json = run(dir, 'npx', ['mwsguard', 'scan', '--format', 'json']);
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout) as { findings: { file: string; kind: string }[] };
    expect(report.findings.map((f) => [f.file, f.kind])).toEqual([['config/prod.env', 'access-key-id']]);
    expect(leaksNothing(json.stdout)).toBe(true);

    expect(run(dir, 'npx', ['mwsguard', 'scan', 'src']).code).toBe(0);
    expect(run(dir, 'npx', ['mwsguard', 'scan', '--format', 'nope']).code).toBe(2);
  });

  it('husky: install-hook adds the scan to .husky/pre-commit; a staged key is refused, a clean commit passes', () => {
    const dir = project('cli-husky', CLEAN, true);
    npmInstall(dir, ['husky@9', ...tarballs('mwsguard')]);
    ok(dir, 'npx', ['--no-install', 'husky', 'init']);
    writeTree(dir, { '.husky/pre-commit': '' }); // husky init writes `npm test`, which npm init -y fails
    const hook = ok(dir, 'npx', ['--no-install', 'mwsguard', 'install-hook']);
    expect(hook.stdout).toContain('.husky/pre-commit');
    expect(readFileSync(join(dir, '.husky/pre-commit'), 'utf8')).toBe('npx --no-install mwsguard scan --staged\n');
    expectHookToRefusePlanted(dir);
  });

  it('husky with lint-staged: the staged files lint-staged passes are scanned', () => {
    const dir = project('cli-lint-staged', CLEAN, true);
    npmInstall(dir, ['husky@9', 'lint-staged@16', ...tarballs('mwsguard')]);
    ok(dir, 'npx', ['--no-install', 'husky', 'init']);
    writeTree(dir, {
      '.husky/pre-commit': 'npx --no-install lint-staged\n',
      '.lintstagedrc.json': JSON.stringify({ '*': 'mwsguard scan' }),
    });
    expectHookToRefusePlanted(dir);

    writeTree(dir, { 'config/prod.env': 'MWS_ACCESS_KEY_ID=${MWS_ACCESS_KEY_ID}\n' });
    ok(dir, 'git', ['add', 'config/prod.env']);
    expect(run(dir, 'git', ['commit', '-q', '-m', 'config from the environment']).code).toBe(0);
  });

  const hasPreCommit = spawnSync('pre-commit', ['--version']).status === 0;
  it.skipIf(!hasPreCommit)(
    'pre-commit try-repo <this repository> mwsguard: blocks a planted key, passes a clean tree',
    () => {
      const dir = project('cli-pre-commit', CLEAN, true);
      npmInstall(dir, tarballs('mwsguard'));
      ok(dir, 'git', ['add', '-A']);
      ok(dir, 'git', ['commit', '-q', '-m', 'init']);
      const env = { PRE_COMMIT_HOME: join(dir, '.pre-commit-home') };
      const clean = run(dir, 'pre-commit', ['try-repo', REPO_ROOT, 'mwsguard', '--all-files'], { env });
      expect(clean.code).toBe(0);

      writeTree(dir, PLANTED);
      ok(dir, 'git', ['add', 'config/prod.env']);
      const planted = run(dir, 'pre-commit', ['try-repo', REPO_ROOT, 'mwsguard', '--all-files'], { env });
      expect(planted.code).toBe(1);
      expect(planted.output).toContain(MASKED.accessKeyId);
      expect(leaksNothing(planted.output)).toBe(true);
    },
  );
});
