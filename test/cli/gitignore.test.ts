import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanJson } from './support/run-cli.js';
import { commit, git, gitEnv, tempDir, tempRepo, writeTree } from './support/tree.js';

/**
 * The walk applies `.gitignore` files itself (one `readdir` per directory, rules read by
 * `ignore`), so git is the oracle here: in a real repository whose files are all untracked,
 * what mwsguard scans must be exactly what `git ls-files --others --exclude-standard` lists.
 * Every file but the `.gitignore` files holds one fake access key, so the findings name the
 * scanned files.
 */
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
// Spread over the alphabet (a run like `AAAAAAAC` would read as a placeholder and be skipped).
const keyFor = (n: number): string => {
  const h = Math.imul(n, 2654435761) >>> 0;
  const tail = [0, 5, 10, 15, 20, 25, 27].map((shift) => BASE32.charAt((h >>> shift) & 31)).join('');
  return `AWS_ACCESS_KEY_ID=AKIAQ7XK3M2ZP${tail}\n`;
};

const GITIGNORES: Record<string, string> = {
  '.gitignore': [
    '*.log',
    '!keep.log',
    '/build/',
    'tmp/',
    'secret*',
    '!secret-ok.env',
    'docs/**/draft.env',
    'vendor/',
    '# a comment',
    '\\#literal.env',
    'spaced name.env',
  ].join('\n'),
  'sub/.gitignore': '!a.log\nlocal.env\n/only-here.env\n',
  'vendor/.gitignore': '!*.env\n',
  'sub/deep/.gitignore': '*\n!*/\n!wanted.env\n',
};

const FILES = [
  'a.log',
  'keep.log',
  'build/x.env',
  'sub/build/x.env',
  'tmp/y.env',
  'sub/tmp/y.env',
  'secret1.env',
  'secret-ok.env',
  'docs/a/b/draft.env',
  'docs/draft2.env',
  'vendor/lib.env',
  '#literal.env',
  'spaced name.env',
  'sub/a.log',
  'sub/local.env',
  'local.env',
  'only-here.env',
  'sub/only-here.env',
  'sub/x/only-here.env',
  'sub/deep/unwanted.env',
  'sub/deep/wanted.env',
  'sub/deep/more/wanted.env',
  'sub/deep/more/other.env',
  '.hidden/kept.env',
];

describe('.gitignore files, against git itself', () => {
  const repo = tempRepo();
  const cwd = repo.dir;

  beforeAll(() => {
    writeTree(cwd, { ...GITIGNORES, ...Object.fromEntries(FILES.map((f, i) => [f, keyFor(i + 1)])) });
  });
  afterAll(repo.cleanup);

  /** What git lists as untracked and not ignored under `path`, `.gitignore` files left out. */
  const gitListed = (path: string): string[] =>
    git(cwd, 'ls-files', '--others', '--exclude-standard', '-z', '--', path)
      .split('\0')
      .filter((f) => f !== '' && !f.endsWith('.gitignore'))
      .sort();

  const scanned = async (args: readonly string[]): Promise<string[]> => {
    const { report } = await scanJson(args, { cwd });
    return [...new Set(report.findings.map((f) => f.file))].sort();
  };

  it('scans exactly the files git does not ignore', async () => {
    const expected = gitListed('.');
    // The oracle itself: some files of every kind of rule are in, some out.
    expect(expected).toContain('keep.log');
    expect(expected).not.toContain('a.log');
    expect(expected.length).toBeGreaterThan(8);
    expect(await scanned([])).toEqual(expected);
  });

  it('applies the .gitignore files above a walked subdirectory', async () => {
    expect(await scanned(['sub'])).toEqual(gitListed('sub'));
    expect(await scanned(['sub/deep'])).toEqual(gitListed('sub/deep'));
  });

  it('scans nothing in a directory that a .gitignore above it ignores', async () => {
    expect(gitListed('build')).toEqual([]);
    expect(await scanned(['build'])).toEqual([]);
    expect(await scanned(['vendor'])).toEqual([]);
  });
});

/**
 * Below the `.gitignore` files git reads `.git/info/exclude` (the main repository's, in a linked
 * worktree) and the user's `core.excludesFile`, default `$XDG_CONFIG_HOME/git/ignore`; a
 * `.gitignore` rule, a re-include too, wins over both. Same oracle: `git ls-files --others
 * --exclude-standard` with the same configuration.
 */
describe('.git/info/exclude and core.excludesFile, against git itself', () => {
  const repo = tempRepo();
  const home = tempDir('mwsguard-xdg-');
  const cwd = repo.dir;
  const env = { NO_COLOR: '1', XDG_CONFIG_HOME: home.dir };
  const files = ['a.env', 'b.info.env', 'c.global.env', 'd.configured.env', 'keep.info.env', 'sub/e.info.env'];

  beforeAll(() => {
    writeTree(cwd, {
      ...Object.fromEntries(files.map((f, i) => [f, keyFor(100 + i)])),
      '.gitignore': '!keep.info.env\n',
      '.git/info/exclude': '*.info.env\n',
    });
    writeTree(home.dir, { 'git/ignore': 'c.global.env\n', 'configured-ignore': 'd.configured.env\n' });
  });
  afterAll(() => {
    repo.cleanup();
    home.cleanup();
  });

  const gitListed = (dir: string): string[] => {
    const listed = spawnSync('git', ['ls-files', '--others', '--exclude-standard', '-z'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...gitEnv(), XDG_CONFIG_HOME: home.dir },
    });
    return listed.stdout
      .split('\0')
      .filter((f) => f !== '' && !f.endsWith('.gitignore'))
      .sort();
  };
  const scanned = async (dir: string): Promise<string[]> => {
    const { report } = await scanJson([], { cwd: dir, env });
    return [...new Set(report.findings.map((f) => f.file))].sort();
  };

  it('leaves out what info/exclude and the default global ignore file exclude, unless a .gitignore re-includes it', async () => {
    const expected = gitListed(cwd);
    expect(expected).toEqual(['a.env', 'd.configured.env', 'keep.info.env']);
    expect(await scanned(cwd)).toEqual(expected);
  });

  it('reads core.excludesFile where the configuration sets it, instead of the default', async () => {
    git(cwd, 'config', 'core.excludesFile', join(home.dir, 'configured-ignore'));
    try {
      const expected = gitListed(cwd);
      expect(expected).toEqual(['a.env', 'c.global.env', 'keep.info.env']);
      expect(await scanned(cwd)).toEqual(expected);
    } finally {
      git(cwd, 'config', '--unset', 'core.excludesFile');
    }
  });

  it("applies the main repository's info/exclude in a linked worktree", async () => {
    commit(cwd, 'first', { 'README.md': 'readme\n' });
    const outside = tempDir('mwsguard-worktree-');
    const worktree = join(outside.dir, 'wt');
    try {
      git(cwd, 'worktree', 'add', '-q', worktree);
      // Files of the worktree's own, untracked (the commit above took the main checkout's).
      writeTree(worktree, Object.fromEntries(files.map((f, i) => [`new/${f}`, keyFor(200 + i)])));
      const expected = gitListed(worktree);
      expect(expected).toContain('new/a.env');
      expect(expected).not.toContain('new/b.info.env');
      expect((await scanned(worktree)).filter((f) => f.startsWith('new/'))).toEqual(expected);
    } finally {
      git(cwd, 'worktree', 'remove', '--force', worktree);
      outside.cleanup();
    }
  });
});
