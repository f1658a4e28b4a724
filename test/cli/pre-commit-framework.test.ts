// The real pre-commit framework runs this repository's `.pre-commit-hooks.yaml` (`try-repo`) in a
// project that installed mwsguard. Skipped, with a message, where pre-commit is not installed;
// `.ci/run` installs it.
import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEYS, keyLine } from './support/fake-credentials.js';
import { REPO_ROOT } from './support/run-cli.js';
import { BIN, SPAWN_TIMEOUT, commit, gitEnv, tempDir, tempRepo, writeTree } from './support/tree.js';

const hasPreCommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status === 0;
if (!hasPreCommit) {
  console.warn('pre-commit is not installed: skipping the pre-commit framework test (apt-get install pre-commit).');
}

describe.skipIf(!hasPreCommit)('pre-commit try-repo <this repository> mwsguard', { timeout: SPAWN_TIMEOUT }, () => {
  it('blocks a planted key (masked in its output) and passes a clean tree', () => {
    const repo = tempRepo();
    const home = tempDir('mwsguard-pre-commit-home-');
    try {
      // The project's own install of mwsguard, as npm lays it out: node_modules/mwsguard and its bin.
      mkdirSync(join(repo.dir, 'node_modules/.bin'), { recursive: true });
      symlinkSync(join(REPO_ROOT, 'packages/mwsguard'), join(repo.dir, 'node_modules/mwsguard'));
      symlinkSync(BIN, join(repo.dir, 'node_modules/.bin/mwsguard'));
      writeTree(repo.dir, { '.gitignore': 'node_modules/\n' });
      commit(repo.dir, 'init', { 'README.md': '# app\n', 'src/region.js': 'export const region = "eu-west-1";\n' });
      const tryRepo = (): { status: number | null; output: string } => {
        const result = spawnSync('pre-commit', ['try-repo', REPO_ROOT, 'mwsguard', '--all-files'], {
          cwd: repo.dir,
          encoding: 'utf8',
          env: { ...gitEnv(), PRE_COMMIT_HOME: home.dir, NO_COLOR: '1' },
        });
        return { status: result.status, output: `${result.stdout}${result.stderr}` };
      };

      const clean = tryRepo();
      expect(clean.output).toMatch(/mwsguard \(Amazon MWS \/ SP-API credentials\)\.+Passed/);
      expect(clean.status).toBe(0);

      commit(repo.dir, 'add config', { 'config/prod.env': keyLine(KEYS.c) });
      const planted = tryRepo();
      expect(planted.status).toBe(1);
      expect(planted.output).toMatch(/mwsguard \(Amazon MWS \/ SP-API credentials\)\.+Failed/);
      expect(planted.output).toContain('config/prod.env\n  1:19  error');
      expect(planted.output).not.toContain(KEYS.c);
    } finally {
      repo.cleanup();
      home.cleanup();
    }
  });
});
