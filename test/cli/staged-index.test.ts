import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  mkdirSync,
  readdirSync,
  realpathSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readStagedFiles } from '../../packages/mwsguard/src/staged-index.js';
import type { IndexStaged, StagedEntry } from '../../packages/mwsguard/src/staged-index.js';
import { commit, git, gitEnv, tempDir, tempRepo, writeTree } from './support/tree.js';

// A staged scan reads the index and the objects in process (no git started) wherever that gives
// git's own answer. Every case here is held against the real git on a real repository: the staged
// set against `git diff --cached`, each blob's bytes against `git cat-file`; and the cases this
// does not handle must give `undefined` (the scan then asks git).
const ENV = gitEnv();

/** What git lists: the same command the git path of a staged scan runs. */
function gitStaged(cwd: string, env: NodeJS.ProcessEnv = ENV): StagedEntry[] {
  const args = ['-c', 'core.quotePath=false', 'diff', '--cached', '--raw', '-z', '--no-renames'];
  const result = spawnSync('git', [...args, '--abbrev=40', '--diff-filter=ACMRT'], { cwd, env });
  if (result.status !== 0) throw new Error(`git diff --cached failed: ${result.stderr.toString()}`);
  const fields = result.stdout.toString('utf8').split('\0');
  const entries: StagedEntry[] = [];
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const parts = (fields[i] ?? '').slice(1).split(' ');
    entries.push({ mode: parts[1] ?? '', id: parts[3] ?? '', path: fields[i + 1] ?? '' });
  }
  return entries;
}

function catFile(cwd: string, id: string): Buffer {
  const result = spawnSync('git', ['cat-file', 'blob', id], { cwd, env: ENV });
  if (result.status !== 0) throw new Error(`git cat-file failed: ${result.stderr.toString()}`);
  return result.stdout;
}

/** Reads in process, checks the staged set and every blob against git; returns what was read. */
function expectGitsAnswer(cwd: string, env: NodeJS.ProcessEnv = ENV): IndexStaged {
  const staged = readStagedFiles(cwd, [], env);
  if (staged === undefined) throw new Error(`${cwd}: not read without git`);
  try {
    expect(staged.entries).toEqual(gitStaged(cwd, env));
    expect(staged.root).toBe(git(cwd, 'rev-parse', '--show-toplevel').trim());
    for (const entry of staged.entries) {
      if (entry.mode === '160000') continue;
      const object = staged.objects.read(entry.id);
      expect('bytes' in object && object.type).toBe('blob');
      expect('bytes' in object ? object.bytes.toString('base64') : entry.path).toBe(
        catFile(cwd, entry.id).toString('base64'),
      );
    }
  } finally {
    staged.objects.close();
  }
  return staged;
}

/** A history whose files change a little each commit, so that a repack stores deltas. */
function history(dir: string, commits = 6): void {
  const lines = Array.from({ length: 200 }, (_, i) => `export const value${String(i)} = ${String(i * 7)};`);
  for (let n = 0; n < commits; n++) {
    lines[n * 13] = `export const changed${String(n)} = ${String(n)};`;
    commit(dir, `commit ${String(n)}`, {
      'src/values.js': `${lines.join('\n')}\n`,
      'src/lib/util.js': `${lines.slice(0, 120 + n).join('\n')}\n`,
      [`docs/page-${String(n % 3)}.md`]: `# Page\n\n${lines.slice(n).join('\n')}\n`,
      'README.md': `readme ${String(n)}\n`,
    });
  }
}

/** Stages one change of every kind `git diff --cached` lists (and a deletion, which it filters out). */
function stageEverything(dir: string): void {
  writeTree(dir, {
    'src/values.js': 'export const replaced = true;\n',
    'src/new/deep/file.js': 'export const added = 1;\n',
    'naïve name with spaces.txt': 'unicode path\n',
    'tool.sh': '#!/bin/sh\necho hi\n',
    'later.txt': 'not yet\n',
  });
  chmodSync(join(dir, 'tool.sh'), 0o755);
  chmodSync(join(dir, 'src/lib/util.js'), 0o755);
  git(dir, 'mv', 'docs/page-1.md', 'docs/renamed.md');
  git(dir, 'rm', '-q', 'docs/page-2.md');
  // A type change: a file becomes a symbolic link.
  unlinkSync(join(dir, 'README.md'));
  symlinkSync('src/values.js', join(dir, 'README.md'));
  git(dir, 'add', '-A');
  git(dir, 'add', '-N', 'later.txt');
  git(dir, 'reset', '-q', '--', 'later.txt');
  git(dir, 'add', '-N', 'later.txt');
  // A submodule's commit (a gitlink), staged without a clone.
  git(dir, 'update-index', '--add', '--cacheinfo', `160000,${'ab'.repeat(20)},vendor/lib`);
}

describe('the staged set read without git', () => {
  it('before the first commit: every entry, loose objects, a symbolic link, an intent-to-add entry', () => {
    const repo = tempRepo();
    try {
      writeTree(repo.dir, { 'a.txt': 'a\n', 'src/b.js': 'b\n', 'later.txt': 'later\n' });
      symlinkSync('a.txt', join(repo.dir, 'link'));
      git(repo.dir, 'add', 'a.txt', 'src/b.js', 'link');
      git(repo.dir, 'add', '-N', 'later.txt');
      const staged = expectGitsAnswer(repo.dir);
      expect(staged.entries.map((e) => e.path)).toEqual(['a.txt', 'link', 'src/b.js']);
    } finally {
      repo.cleanup();
    }
  });

  it('on loose history: additions, modifications, renames, deletions, mode and type changes, a gitlink', () => {
    const repo = tempRepo();
    try {
      history(repo.dir);
      stageEverything(repo.dir);
      const staged = expectGitsAnswer(repo.dir);
      expect(staged.entries.length).toBeGreaterThanOrEqual(7);
      // From a subdirectory, paths stay relative to the top.
      expectGitsAnswer(join(repo.dir, 'src'));
    } finally {
      repo.cleanup();
    }
  });

  it('on packed history (deltas by offset and by id) and a commit on top of it', () => {
    for (const useOffsets of ['true', 'false']) {
      const repo = tempRepo();
      try {
        history(repo.dir);
        git(repo.dir, '-c', `repack.useDeltaBaseOffset=${useOffsets}`, 'repack', '-adf', '-q', '--depth=50');
        git(repo.dir, 'prune');
        expect(readdirSync(join(repo.dir, '.git/objects')).filter((d) => /^[0-9a-f]{2}$/.test(d))).toEqual([]);
        const packed = git(repo.dir, 'verify-pack', '-v', ...packIndexes(repo.dir));
        expect(packed).toMatch(/chain length = [1-9]/);
        stageEverything(repo.dir);
        expectGitsAnswer(repo.dir);
        // A loose commit over packed trees, then new changes on top.
        git(repo.dir, 'commit', '-q', '-m', 'on top');
        writeTree(repo.dir, { 'src/values.js': 'export const again = 2;\n', 'docs/page-0.md': '# changed\n' });
        git(repo.dir, 'add', '-A');
        expectGitsAnswer(repo.dir);
      } finally {
        repo.cleanup();
      }
    }
  });

  it('reads only the trees along the staged paths where the index caches the others', () => {
    const repo = tempRepo();
    try {
      const tree: Record<string, string> = {};
      for (let d = 0; d < 40; d++) tree[`dir${String(d)}/sub/file.txt`] = `file ${String(d)}\n`;
      commit(repo.dir, 'wide', tree);
      writeTree(repo.dir, { 'dir7/sub/file.txt': 'changed\n' });
      // One path added, as a user does (`add -A` right after a commit re-adds files written in the
      // index's second, which git cannot tell from changed ones, and drops their cached trees).
      git(repo.dir, 'add', 'dir7/sub/file.txt');
      // The root, dir7 and dir7/sub: the 39 other directories' cached ids match the commit's.
      expect(expectGitsAnswer(repo.dir).treesRead).toBe(3);
      // Without the cache (every path taken out of the index and added again), every tree is read.
      git(repo.dir, 'rm', '-r', '-q', '--cached', '.');
      git(repo.dir, 'add', '.');
      expect(expectGitsAnswer(repo.dir).treesRead).toBeGreaterThan(40);
    } finally {
      repo.cleanup();
    }
  });

  it('index version 4, packed refs, a detached HEAD', () => {
    const repo = tempRepo();
    try {
      history(repo.dir, 3);
      stageEverything(repo.dir);
      git(repo.dir, 'update-index', '--index-version', '4');
      expectGitsAnswer(repo.dir);
      git(repo.dir, 'pack-refs', '--all');
      expect(readdirSync(join(repo.dir, '.git/refs/heads'))).toEqual([]);
      expectGitsAnswer(repo.dir);
      git(repo.dir, 'checkout', '-q', '--detach');
      expectGitsAnswer(repo.dir);
    } finally {
      repo.cleanup();
    }
  });

  it('a linked worktree, and the temporary index of `git commit -a` (GIT_INDEX_FILE)', () => {
    const repo = tempRepo();
    const other = tempDir('mwsguard-linked-');
    try {
      history(repo.dir, 2);
      const linked = join(realpathSync(other.dir), 'linked');
      git(repo.dir, 'worktree', 'add', '-q', '-b', 'side', linked);
      writeTree(linked, { 'src/values.js': 'export const side = 1;\n', 'side.txt': 'side\n' });
      git(linked, 'add', '-A');
      expectGitsAnswer(linked);
      // What a hook sees: the index git is about to commit, named by GIT_INDEX_FILE.
      const top = realpathSync(repo.dir);
      writeTree(top, { 'README.md': 'changed, not added\n' });
      const temporary = join(top, '.git/next-index.lock');
      git(top, 'read-tree', `--index-output=${temporary}`, 'HEAD');
      const indexEnv = { ...ENV, GIT_INDEX_FILE: temporary };
      spawnSync('git', ['add', '-A'], { cwd: top, env: indexEnv });
      expect(expectGitsAnswer(top, indexEnv).entries.map((e) => e.path)).toEqual(['README.md']);
      // Relative, as a plain `git commit` sets it: taken from the top only.
      const relative = { ...ENV, GIT_INDEX_FILE: '.git/next-index.lock' };
      expectGitsAnswer(top, relative);
      expect(readStagedFiles(join(top, 'src'), [], relative)).toBeUndefined();
    } finally {
      repo.cleanup();
      other.cleanup();
    }
  });
});

describe('what is left to git', () => {
  /**
   * A repository with history and a staged change, read in process (checked against git) before
   * `change`; what reading it gives after.
   */
  function afterChange(change: (dir: string) => void, env: NodeJS.ProcessEnv = ENV): IndexStaged | undefined {
    const repo = tempRepo();
    try {
      history(repo.dir, 2);
      writeTree(repo.dir, { 'src/values.js': 'export const staged = 1;\n' });
      git(repo.dir, 'add', '-A');
      expectGitsAnswer(repo.dir);
      change(repo.dir);
      return readStagedFiles(repo.dir, [], env);
    } finally {
      repo.cleanup();
    }
  }

  it('pathspecs and variables that move or change what git reads', () => {
    const repo = tempRepo();
    try {
      writeTree(repo.dir, { 'a.txt': 'a\n' });
      git(repo.dir, 'add', '-A');
      expect(readStagedFiles(repo.dir, ['a.txt'], ENV)).toBeUndefined();
      for (const name of ['GIT_DIR', 'GIT_OBJECT_DIRECTORY', 'GIT_ALTERNATE_OBJECT_DIRECTORIES', 'GIT_NAMESPACE']) {
        expect(readStagedFiles(repo.dir, [], { ...ENV, [name]: join(repo.dir, '.git') }) ?? name).toBe(name);
      }
      expect(readStagedFiles(repo.dir, [], { ...ENV, GIT_CONFIG_PARAMETERS: "'core.sparsecheckout'='true'" })).toBe(
        undefined,
      );
    } finally {
      repo.cleanup();
    }
  });

  it('a split index, a sparse index, an entry in conflict', () => {
    expect(
      afterChange((dir) => {
        git(dir, 'update-index', '--split-index');
      }),
    ).toBeUndefined();
    expect(
      afterChange((dir) => {
        git(dir, 'sparse-checkout', 'set', '--cone', '--sparse-index', 'src');
      }),
    ).toBeUndefined();
    expect(
      afterChange((dir) => {
        git(dir, 'commit', '-q', '-m', 'staged');
        git(dir, 'checkout', '-q', '-b', 'other', 'HEAD~1');
        commit(dir, 'other side', { 'src/values.js': 'export const other = 2;\n' });
        spawnSync('git', ['merge', '-q', 'main'], { cwd: dir, env: ENV });
        expect(git(dir, 'ls-files', '-u')).not.toBe('');
      }),
    ).toBeUndefined();
  });

  it('an index too large to read faster than git, or with too many trees to read', () => {
    const repo = tempRepo();
    try {
      const blob = spawnSync('git', ['hash-object', '-w', '--stdin'], { cwd: repo.dir, env: ENV, input: 'x\n' });
      const id = blob.stdout.toString().trim();
      // 150 directories committed, then every cached tree id dropped: over the 100 trees allowed.
      const list = (count: number, name: (i: number) => string): string =>
        Array.from({ length: count }, (_, i) => `100644 ${id}\t${name(i)}\n`).join('');
      spawnSync('git', ['update-index', '--index-info'], {
        cwd: repo.dir,
        env: ENV,
        input: list(150, (i) => `d${String(i)}/f`),
      });
      git(repo.dir, 'commit', '-q', '-m', 'wide');
      writeTree(repo.dir, { 'd7/f': 'changed\n' });
      git(repo.dir, 'add', 'd7/f');
      expect(readStagedFiles(repo.dir, [], ENV)).toBeDefined();
      git(repo.dir, 'rm', '-r', '-q', '--cached', '.');
      spawnSync('git', ['update-index', '--index-info'], {
        cwd: repo.dir,
        env: ENV,
        input: list(150, (i) => `d${String(i)}/f`),
      });
      expect(gitStaged(repo.dir)).toEqual([]);
      expect(readStagedFiles(repo.dir, [], ENV)).toBeUndefined();
      // More than 2,000 entries.
      spawnSync('git', ['update-index', '--index-info'], {
        cwd: repo.dir,
        env: ENV,
        input: list(1900, (i) => `e/${String(i)}`),
      });
      git(repo.dir, 'commit', '-q', '-m', 'large');
      git(repo.dir, 'add', 'd7/f');
      expect(readStagedFiles(repo.dir, [], ENV)).toBeUndefined();
    } finally {
      repo.cleanup();
    }
  });

  it('objects elsewhere or replaced: alternates, a partial clone, replace refs, grafts', () => {
    expect(
      afterChange((dir) => {
        writeTree(dir, { '.git/objects/info/alternates': `${join(dir, '.git/objects')}\n` });
      }),
    ).toBeUndefined();
    expect(
      afterChange((dir) => {
        git(dir, 'repack', '-adq');
        const [pack] = packIndexes(dir);
        writeFileSync((pack ?? '').replace(/\.idx$/, '.promisor'), '');
      }),
    ).toBeUndefined();
    expect(
      afterChange((dir) => {
        git(dir, 'replace', git(dir, 'rev-parse', 'HEAD').trim(), git(dir, 'rev-parse', 'HEAD~1').trim());
      }),
    ).toBeUndefined();
    expect(
      afterChange((dir) => {
        writeTree(dir, { '.git/info/grafts': `${git(dir, 'rev-parse', 'HEAD').trim()}\n` });
      }),
    ).toBeUndefined();
  });

  it('another object format or ref store, a missing object, a repository owned by someone else', () => {
    const repo = tempDir('mwsguard-sha256-');
    try {
      git(repo.dir, 'init', '-q', '--object-format=sha256');
      writeTree(repo.dir, { 'a.txt': 'a\n' });
      git(repo.dir, 'add', '-A');
      expect(readStagedFiles(repo.dir, [], ENV)).toBeUndefined();
    } finally {
      repo.cleanup();
    }
    expect(
      afterChange((dir) => {
        git(dir, 'config', 'extensions.refStorage', 'files');
      }),
    ).toBeUndefined();
    expect(
      afterChange((dir) => {
        // The commit's root tree, loose: without it the staged set cannot be told.
        const tree = git(dir, 'rev-parse', 'HEAD^{tree}').trim();
        rmSync(join(dir, '.git/objects', tree.slice(0, 2), tree.slice(2)));
      }),
    ).toBeUndefined();
    // Under sudo git compares ownership with SUDO_UID's user, not root: git decides.
    const underSudo = afterChange(() => undefined, { ...ENV, SUDO_UID: '1000' });
    expect(underSudo === undefined).toBe(process.getuid?.() === 0);
  });
});

function packIndexes(dir: string): string[] {
  const packs = join(dir, '.git/objects/pack');
  mkdirSync(packs, { recursive: true });
  return readdirSync(packs)
    .filter((name) => name.endsWith('.idx'))
    .map((name) => join(packs, name));
}
