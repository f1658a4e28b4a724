import { mkdirSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { plainWorkTree } from '../../packages/mwsguard/src/work-tree.js';
import { git, gitEnv, tempDir, tempRepo } from './support/tree.js';

// A staged scan finds the work tree's top without starting `git rev-parse` where git would give
// the same answer, and asks git everywhere else. Each case is held against git's own answer.
const ENV = gitEnv();
const gitTop = (cwd: string): string => git(cwd, 'rev-parse', '--show-toplevel').trim();

describe('the work tree found without git', () => {
  it("is git's --show-toplevel in a repository and in its subdirectories", () => {
    const repo = tempRepo();
    try {
      const top = realpathSync(repo.dir);
      mkdirSync(join(top, 'a/b'), { recursive: true });
      for (const cwd of [top, join(top, 'a'), join(top, 'a/b')]) {
        expect(plainWorkTree(cwd, ENV)).toBe(gitTop(cwd));
      }
    } finally {
      repo.cleanup();
    }
  });

  it("is git's answer in a linked worktree (a .git file naming the git directory)", () => {
    const repo = tempRepo();
    const other = tempDir('mwsguard-linked-');
    try {
      const top = realpathSync(repo.dir);
      git(top, 'commit', '-q', '--allow-empty', '-m', 'first');
      const linked = join(realpathSync(other.dir), 'linked');
      git(top, 'worktree', 'add', '-q', linked);
      mkdirSync(join(linked, 'src'));
      expect(plainWorkTree(join(linked, 'src'), ENV)).toBe(gitTop(join(linked, 'src')));
      expect(plainWorkTree(join(linked, 'src'), ENV)).toBe(linked);
    } finally {
      repo.cleanup();
      other.cleanup();
    }
  });

  it('leaves it to git when the environment or the configuration could move the work tree', () => {
    const repo = tempRepo();
    try {
      const top = realpathSync(repo.dir);
      for (const name of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_CEILING_DIRECTORIES', 'GIT_DISCOVERY_ACROSS_FILESYSTEM']) {
        expect(plainWorkTree(top, { ...ENV, [name]: '/elsewhere' })).toBeUndefined();
      }
      // Inside the git directory git has no work tree to show.
      expect(plainWorkTree(join(top, '.git'), ENV)).toBeUndefined();
      // core.worktree names another directory.
      const elsewhere = join(top, 'elsewhere');
      mkdirSync(elsewhere);
      git(top, 'config', 'core.worktree', elsewhere);
      expect(plainWorkTree(top, ENV)).toBeUndefined();
    } finally {
      repo.cleanup();
    }
  });

  it('is undefined outside a repository', () => {
    // The filesystem's root holds no repository (git would not look above it either).
    expect(plainWorkTree('/', ENV)).toBeUndefined();
  });
});
