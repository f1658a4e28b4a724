import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEYS, keyLine } from './support/fake-credentials.js';
import { places } from './support/run-cli.js';
import { SPAWN_TIMEOUT, commit, git, spawnBin, spawnJson, tempRepo, writeTree } from './support/tree.js';

describe.concurrent('scan --history', { timeout: SPAWN_TIMEOUT }, () => {
  it('finds a key that was later deleted, at the commit and line that added it', async () => {
    const repo = tempRepo();
    try {
      commit(repo.dir, 'init', { 'README.md': '# app\n' });
      const leak = commit(repo.dir, 'add config', { 'config/prod.env': `REGION=eu\n${keyLine(KEYS.a)}` });
      git(repo.dir, 'rm', '-q', 'config/prod.env');
      commit(repo.dir, 'remove the key');
      expect((await spawnJson([], { cwd: repo.dir })).code).toBe(0);
      const { code, report } = await spawnJson(['--history'], { cwd: repo.dir });
      expect(code).toBe(1);
      expect(places(report)).toEqual(['config/prod.env 2:19 access-key-id']);
      expect(report.findings[0]?.commit).toEqual({
        sha: leak,
        author: 'Test Author',
        email: 'author@example.com',
        date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/) as unknown,
        count: 1,
      });
      expect(report.summary.commitsScanned).toBe(3);
      expect(JSON.stringify(report)).not.toContain(KEYS.a);
    } finally {
      repo.cleanup();
    }
  });

  it('reports a secret added to a file in many commits once, with its first commit and a count', async () => {
    const repo = tempRepo();
    try {
      const first = commit(repo.dir, 'one', { 'a.env': keyLine(KEYS.a) });
      commit(repo.dir, 'two', { 'b.env': `X=1\n${keyLine(KEYS.a)}` });
      git(repo.dir, 'rm', '-q', 'a.env');
      commit(repo.dir, 'three');
      commit(repo.dir, 'four', { 'a.env': `# back\n${keyLine(KEYS.a)}` });
      // Unchanged lines are not added again: editing another line of b.env does not count.
      commit(repo.dir, 'five', { 'b.env': `X=2\n${keyLine(KEYS.a)}` });
      const { report } = await spawnJson(['--history'], { cwd: repo.dir });
      // One finding per file that ever held it; b.env's second commit did not add the line again.
      expect(places(report)).toEqual(['a.env 1:19 access-key-id', 'b.env 2:19 access-key-id']);
      expect(report.findings[0]?.commit).toMatchObject({ sha: first, count: 2 });
      expect(report.findings[1]?.commit).toMatchObject({ count: 1 });
      expect(report.summary.reused).toHaveLength(1);
      expect(report.summary.reused[0]?.places).toEqual(['a.env:1', 'b.env:2']);
      const stylish = await spawnBin(['scan', '--history'], { cwd: repo.dir });
      expect(stylish.stdout).toContain(
        `first added in commit ${first.slice(0, 12)} by Test Author <author@example.com>`,
      );
      expect(stylish.stdout).toContain('added in 2 commits in all');
    } finally {
      repo.cleanup();
    }
  });

  it('--since, --branch and --all choose the commits', async () => {
    const repo = tempRepo();
    try {
      const base = commit(repo.dir, 'base', { 'old.env': keyLine(KEYS.a) });
      commit(repo.dir, 'main work', { 'new.env': keyLine(KEYS.b) });
      git(repo.dir, 'checkout', '-q', '-b', 'feature', base);
      commit(repo.dir, 'feature work', { 'feature.env': keyLine(KEYS.c) });
      git(repo.dir, 'checkout', '-q', 'main');
      const files = async (...args: string[]): Promise<string[]> =>
        (await spawnJson(['--history', ...args], { cwd: repo.dir })).report.findings.map((f) => f.file);
      const [head, since, branch, all, allSince] = await Promise.all([
        files(),
        files('--since', base),
        files('--branch', 'feature'),
        files('--all'),
        files('--all', '--since', 'main'),
      ]);
      expect(head).toEqual(['new.env', 'old.env']);
      expect(since).toEqual(['new.env']);
      expect(branch).toEqual(['feature.env', 'old.env']);
      expect(all).toEqual(['feature.env', 'new.env', 'old.env']);
      expect(allSince).toEqual(['feature.env']);
      const bad = await spawnBin(['scan', '--history', '--branch', 'nope'], { cwd: repo.dir });
      expect({ code: bad.code, stderr: bad.stderr.split('\n')[0] }).toEqual({
        code: 2,
        stderr: 'mwsguard: Unknown branch or revision: nope',
      });
    } finally {
      repo.cleanup();
    }
  });

  it('does not report a merged branch twice, but finds a key added by the merge itself', async () => {
    const repo = tempRepo();
    try {
      commit(repo.dir, 'base', { 'shared.env': 'A=1\n' });
      git(repo.dir, 'checkout', '-q', '-b', 'feature');
      const feature = commit(repo.dir, 'feature', { 'f.env': keyLine(KEYS.a) });
      git(repo.dir, 'checkout', '-q', 'main');
      commit(repo.dir, 'main', { 'shared.env': 'A=2\n' });
      git(repo.dir, 'merge', '-q', '--no-ff', '--no-commit', 'feature');
      // An "evil merge": a line that is in neither parent.
      commit(repo.dir, 'merge', { 'shared.env': `A=2\n${keyLine(KEYS.b)}` });
      const { report } = await spawnJson(['--history'], { cwd: repo.dir });
      expect(places(report)).toEqual(['f.env 1:19 access-key-id', 'shared.env 2:19 access-key-id']);
      expect(report.findings[0]?.commit).toMatchObject({ sha: feature, count: 1 });
    } finally {
      repo.cleanup();
    }
  });

  it('handles file names git quotes (tab, quote, non-ASCII), in history and in the index', async () => {
    const repo = tempRepo();
    try {
      const names = ['tab\tname.env', 'quote"d.env', 'café.env'];
      commit(
        repo.dir,
        'odd names',
        Object.fromEntries(names.map((n, i) => [n, keyLine([KEYS.a, KEYS.b, KEYS.c][i]!)])),
      );
      const history = await spawnJson(['--history'], { cwd: repo.dir });
      expect(history.report.findings.map((f) => f.file)).toEqual([...names].sort());
      writeTree(repo.dir, { 'new "name".env': keyLine(KEYS.d) });
      git(repo.dir, 'add', '.');
      const staged = await spawnJson(['--staged'], { cwd: repo.dir });
      expect(staged.report.findings.map((f) => f.file)).toEqual(['new "name".env']);
    } finally {
      repo.cleanup();
    }
  });

  it('finds nothing, cleanly, in a repository without commits; works with inline ignores', async () => {
    const repo = tempRepo();
    try {
      const empty = await spawnJson(['--history'], { cwd: repo.dir });
      expect(empty.code).toBe(0);
      expect(empty.report.summary.commitsScanned).toBe(0);
      commit(repo.dir, 'ignored', { 'doc.md': `<!-- mwsguard-ignore-next-line -->\n${keyLine(KEYS.a)}` });
      const { code, report } = await spawnJson(['--history'], { cwd: repo.dir });
      expect(code).toBe(0);
      expect(report.summary.suppressedByReason.inline).toBe(1);
    } finally {
      repo.cleanup();
    }
  });
  it("a failing git log is a fatal error: exit 2, git's reason, no usage hint", async () => {
    const repo = tempRepo();
    try {
      commit(repo.dir, 'one', { 'a.env': 'A=1\n' });
      // Delete the blob's object: `git log -p` cannot show the patch and fails.
      const id = git(repo.dir, 'rev-parse', 'HEAD:a.env').trim();
      rmSync(join(repo.dir, '.git', 'objects', id.slice(0, 2), id.slice(2)), { force: true });
      const run = await spawnBin(['scan', '--history'], { cwd: repo.dir });
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^mwsguard: git log failed: .+\n$/);
      expect(run.stderr).not.toContain('--help');
    } finally {
      repo.cleanup();
    }
  });
});
