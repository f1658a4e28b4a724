import { spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEYS, keyLine } from './support/fake-credentials.js';
import { REPO_ROOT } from './support/run-cli.js';
import { BIN, SPAWN_TIMEOUT, commit, git, gitEnv, spawnBin, tempDir, tempRepo, writeTree } from './support/tree.js';

/** `git commit` as a user types it; the hook's output is in stdout + stderr. */
function gitCommit(cwd: string, message: string): { status: number | null; output: string } {
  const result = spawnSync('git', ['commit', '-m', message], {
    cwd,
    encoding: 'utf8',
    env: { ...gitEnv(), NO_COLOR: '1' },
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe.concurrent('mwsguard install-hook', { timeout: SPAWN_TIMEOUT }, () => {
  it('installs a pre-commit hook that refuses a staged key (showing the finding) and lets a clean commit pass', async () => {
    const repo = tempRepo();
    try {
      commit(repo.dir, 'init', { 'README.md': '# app\n' });
      const installed = await spawnBin(['install-hook'], { cwd: repo.dir });
      expect(installed).toMatchObject({ code: 0, stderr: '' });
      expect(installed.stdout).toBe('mwsguard: installed the pre-commit hook .git/hooks/pre-commit.\n');
      const hook = join(repo.dir, '.git/hooks/pre-commit');
      expect(statSync(hook).mode & 0o111).not.toBe(0);
      expect(readFileSync(hook, 'utf8')).toContain(`MWSGUARD='${BIN}'`);

      writeTree(repo.dir, { 'config/prod.env': keyLine(KEYS.a) });
      git(repo.dir, 'add', 'config/prod.env');
      const refused = gitCommit(repo.dir, 'add prod config');
      expect(refused.status).not.toBe(0);
      expect(refused.output).toContain(
        'config/prod.env\n  1:19  error  Hard-coded AWS access key ID AKIA************HJPD  access-key-id\n',
      );
      expect(refused.output).not.toContain(KEYS.a);
      expect(git(repo.dir, 'log', '--oneline')).not.toContain('add prod config');

      // Unstaging the key (keeping it in the working tree only) makes the commit clean.
      git(repo.dir, 'rm', '-q', '--cached', 'config/prod.env');
      writeTree(repo.dir, { 'src/app.js': "export const region = 'eu-west-1';\n" });
      git(repo.dir, 'add', 'src/app.js');
      const passed = gitCommit(repo.dir, 'add app');
      expect(passed).toMatchObject({ status: 0 });
      expect(git(repo.dir, 'log', '--oneline')).toContain('add app');

      // `git commit -a` stages into a temporary index (GIT_INDEX_FILE): the hook reads that one.
      writeTree(repo.dir, { 'README.md': `# app\n${keyLine(KEYS.b)}` });
      const all = spawnSync('git', ['commit', '-a', '-m', 'readme'], {
        cwd: repo.dir,
        encoding: 'utf8',
        env: gitEnv(),
      });
      expect(all.status).not.toBe(0);
      expect(`${all.stdout}${all.stderr}`).toContain('README.md\n  2:19  error');
    } finally {
      repo.cleanup();
    }
  });

  it('refuses to overwrite a foreign hook without --force, and keeps a backup with it', async () => {
    const repo = tempRepo();
    try {
      const hook = join(repo.dir, '.git/hooks/pre-commit');
      writeFileSync(hook, '#!/bin/sh\necho custom hook\n');
      chmodSync(hook, 0o755);
      const refused = await spawnBin(['install-hook'], { cwd: repo.dir });
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain('A pre-commit hook that mwsguard did not write already exists');
      expect(readFileSync(hook, 'utf8')).toBe('#!/bin/sh\necho custom hook\n');
      const forced = await spawnBin(['install-hook', '--force'], { cwd: repo.dir });
      expect(forced.code).toBe(0);
      expect(forced.stdout).toContain('saved as .git/hooks/pre-commit.mwsguard-backup');
      expect(readFileSync(`${hook}.mwsguard-backup`, 'utf8')).toBe('#!/bin/sh\necho custom hook\n');
      // Its own hook is replaced without --force.
      expect((await spawnBin(['install-hook'], { cwd: repo.dir })).stdout).toBe(
        'mwsguard: replaced the pre-commit hook .git/hooks/pre-commit.\n',
      );
      git(repo.dir, 'config', 'core.hooksPath', '.githooks');
      const custom = await spawnBin(['install-hook'], { cwd: repo.dir });
      expect(custom.stdout).toBe('mwsguard: installed the pre-commit hook .githooks/pre-commit.\n');
    } finally {
      repo.cleanup();
    }
  });

  it('in a husky repository, adds the scan to .husky/pre-commit, not to husky’s generated .husky/_/', async () => {
    // husky 9's layout (the consumer test runs the real husky): core.hooksPath is `.husky/_`,
    // regenerated on install, whose runner `h` runs the project's own `.husky/pre-commit`.
    const repo = tempRepo();
    try {
      writeTree(repo.dir, { '.husky/_/h': '#!/usr/bin/env sh\n', '.husky/_/pre-commit': '. "$(dirname "$0")/h"\n' });
      writeTree(repo.dir, { '.husky/pre-commit': 'npm test' });
      git(repo.dir, 'config', 'core.hooksPath', '.husky/_');
      const added = await spawnBin(['install-hook'], { cwd: repo.dir });
      expect(added).toMatchObject({ code: 0, stderr: '' });
      expect(added.stdout).toBe(
        'mwsguard: added "npx --no-install mwsguard scan --staged" to husky\'s pre-commit script .husky/pre-commit.\n',
      );
      expect(readFileSync(join(repo.dir, '.husky/pre-commit'), 'utf8')).toBe(
        'npm test\nnpx --no-install mwsguard scan --staged\n',
      );
      expect(readFileSync(join(repo.dir, '.husky/_/pre-commit'), 'utf8')).toBe('. "$(dirname "$0")/h"\n');
      const again = await spawnBin(['install-hook'], { cwd: repo.dir });
      expect(again.stdout).toBe("mwsguard: found mwsguard already in husky's pre-commit script .husky/pre-commit.\n");
      expect(readFileSync(join(repo.dir, '.husky/pre-commit'), 'utf8')).toBe(
        'npm test\nnpx --no-install mwsguard scan --staged\n',
      );
    } finally {
      repo.cleanup();
    }
  });

  it('is a usage error outside a repository', async () => {
    const dir = tempDir();
    try {
      const { code, stderr } = await spawnBin(['install-hook'], { cwd: dir.dir });
      expect(code).toBe(2);
      expect(stderr).toMatch(/^mwsguard: Not inside a git repository/);
    } finally {
      dir.cleanup();
    }
  });
});

describe.concurrent('pre-commit framework and lint-staged invocations', { timeout: SPAWN_TIMEOUT }, () => {
  // These run exactly what pre-commit runs, the hook's `entry` followed by the staged file names,
  // from the repository root; the real framework runs it below when it is installed.
  const hooks = readFileSync(join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8');
  const entries = [...hooks.matchAll(/^ {2}entry: (.+)$/gm)].map((m) => m[1]!);

  it('.pre-commit-hooks.yaml declares a hook that passes file names to the project\'s "mwsguard scan"', () => {
    expect([...hooks.matchAll(/^- id: (\S+)$/gm)].map((m) => m[1])).toEqual(['mwsguard']);
    expect(entries).toEqual(['npx --no-install mwsguard scan']);
    expect(hooks).toMatch(/^ {2}language: system$/m);
    expect(hooks.match(/^ {2}pass_filenames: true$/gm)).toHaveLength(1);
  });

  it('the hook entry with the staged file names fails on a key and passes without one', async () => {
    const repo = tempRepo();
    try {
      commit(repo.dir, 'init', { 'README.md': '# app\n' });
      writeTree(repo.dir, { 'a.env': keyLine(KEYS.b), 'b.txt': 'fine\n' });
      git(repo.dir, 'add', '.');
      const staged = git(repo.dir, 'diff', '--cached', '--name-only', '--diff-filter=ACMR').trim().split('\n');
      const args = entries[0]!.replace('npx --no-install mwsguard ', '').split(' ');
      const failing = await spawnBin([...args, ...staged], { cwd: repo.dir });
      expect(failing.code).toBe(1);
      expect(failing.stdout).toContain('a.env\n  1:19  error');
      const passing = await spawnBin([...args, 'b.txt'], { cwd: repo.dir });
      expect(passing.code).toBe(0);
    } finally {
      repo.cleanup();
    }
  });

  it('a file list on stdin, NUL-separated from git diff -z', async () => {
    const repo = tempRepo();
    try {
      commit(repo.dir, 'init', { 'README.md': '# app\n' });
      writeTree(repo.dir, { 'changed file.env': keyLine(KEYS.d), 'README.md': '# app 2\n' });
      git(repo.dir, 'add', '.');
      const list = git(repo.dir, 'diff', '--cached', '--name-only', '-z', '--diff-filter=d');
      const { code, stdout } = await spawnBin(['scan', '--stdin-filenames', '--format', 'json'], {
        cwd: repo.dir,
        input: list,
      });
      expect(code).toBe(1);
      const report = JSON.parse(stdout) as { findings: { file: string }[]; summary: { filesScanned: number } };
      expect(report.findings.map((f) => f.file)).toEqual(['changed file.env']);
      expect(report.summary.filesScanned).toBe(2);
    } finally {
      repo.cleanup();
    }
  });

  it('lint-staged style: absolute paths of staged files', async () => {
    const dir = tempDir();
    try {
      writeTree(dir.dir, { 'src/a.env': keyLine(KEYS.c), 'src/b.js': 'ok\n' });
      const { code, stdout } = await spawnBin(['scan', join(dir.dir, 'src/a.env'), join(dir.dir, 'src/b.js')], {
        cwd: dir.dir,
      });
      expect(code).toBe(1);
      expect(stdout).toMatch(/^src\/a\.env\n {2}1:19 {2}error/);
    } finally {
      dir.cleanup();
    }
  });
});
