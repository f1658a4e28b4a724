import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GITIGNORE } from './support/fake-credentials.js';
import { fixture, scanJson } from './support/run-cli.js';
import type { JsonReport } from './support/run-cli.js';

const files = (report: JsonReport): string[] => [...new Set(report.findings.map((f) => f.file))];

const writeTree = (root: string, tree: Record<string, string>): void => {
  for (const [path, text] of Object.entries(tree)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
};

// fixtures/gitignore/ lives inside this repository, so both its own .gitignore and the root one
// (`coverage/`, `node_modules/`) apply to it. The ignored files cannot be committed for that very
// reason: they are written here, and git keeps ignoring them if a run leaves them behind.
describe('inside the repository: fixtures/gitignore', () => {
  const root = fixture('gitignore');
  const cwd = root;

  beforeAll(() => {
    writeTree(root, {
      'ignored.env': `AWS_ACCESS_KEY_ID=${GITIGNORE.ignored}\n`,
      'coverage/leak.env': `AWS_ACCESS_KEY_ID=${GITIGNORE.coverage}\n`,
      'node_modules/pkg/leak.env': `AWS_ACCESS_KEY_ID=${GITIGNORE.nodeModules}\n`,
    });
  });
  afterAll(() => {
    rmSync(join(root, 'ignored.env'), { force: true });
    rmSync(join(root, 'coverage'), { recursive: true, force: true });
    rmSync(join(root, 'node_modules'), { recursive: true, force: true });
  });

  it("honours the tree's own .gitignore, dotfiles included", async () => {
    const { code, report } = await scanJson([], { cwd });
    expect(code).toBe(1);
    expect(files(report)).toEqual(['kept.env']);
    // .gitignore itself is a dotfile like any other and is scanned.
    expect(report.summary).toMatchObject({ filesScanned: 2, filesSkipped: 0, findings: 1 });
  });

  it("honours the repository's root .gitignore for a nested tree (coverage/)", async () => {
    const { report } = await scanJson(['.'], { cwd });
    expect(files(report)).not.toContain('coverage/leak.env');
    const fromRoot = await scanJson(['gitignore'], { cwd: fixture() });
    expect(files(fromRoot.report)).toEqual(['gitignore/kept.env']);
  });

  it('--no-gitignore scans ignored files, but never node_modules', async () => {
    const { report } = await scanJson(['--no-gitignore'], { cwd });
    expect(files(report)).toEqual(['coverage/leak.env', 'ignored.env', 'kept.env']);
    expect(report.summary.filesScanned).toBe(4);
  });

  it.each(['ignored.env', 'coverage/leak.env', 'node_modules/pkg/leak.env'])(
    'scans %s when named explicitly, although ignored',
    async (path) => {
      const { code, report } = await scanJson([path], { cwd });
      expect(code).toBe(1);
      expect(files(report)).toEqual([path]);
    },
  );

  it('does not exempt an explicitly named directory from the ignores', async () => {
    const { code, report } = await scanJson(['coverage'], { cwd });
    expect(code).toBe(0);
    expect(report.summary.filesScanned).toBe(0);
  });
});

// A tree outside any repository, with its own .git: only its .gitignore files apply, and the
// .git directory (which cannot be committed as a fixture) is never walked.
describe('outside the repository: a temporary tree', () => {
  let root = '';
  // Fake, well-shaped access key ids (AKIA + 16 of [A-Z2-7]), one per file: n is 2 to 7.
  const key = (n: number): string => `AWS_ACCESS_KEY_ID=AKIAQ7XK3M2ZP5RW${String(n).repeat(4)}\n`;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'mwsguard-cli-'));
    writeTree(root, {
      '.git/config': `[remote "origin"]\n${key(2)}`,
      '.git/objects/ab/cdef': key(3),
      '.gitignore': 'secret.env\n',
      '.env': key(4),
      'secret.env': key(5),
      'app/.gitignore': 'local/\n',
      'app/local/dev.env': key(6),
      'app/main.env': key(7),
    });
  });
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('honours root and nested .gitignore files', async () => {
    const { report } = await scanJson([], { cwd: root });
    expect(files(report)).toEqual(['.env', 'app/main.env']);
  });

  it('never walks .git, even with --no-gitignore', async () => {
    const { report } = await scanJson(['--no-gitignore'], { cwd: root });
    expect(files(report)).toEqual(['.env', 'app/local/dev.env', 'app/main.env', 'secret.env']);
    // The file would be reported if it were scanned: it is the walk that leaves it out.
    expect(files((await scanJson(['.git/config'], { cwd: root })).report)).toEqual(['.git/config']);
  });
});
