// What a package needs outside this repository: a licence in its tarball, where it comes from,
// and README links that work on a registry page. One repository URL, defined in core.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPOSITORY_URL } from '@mwsguard/core';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const PACKAGES = ['core', 'eslint-plugin', 'mwsguard', 'secretlint-rule-mws'] as const;

interface Manifest {
  name: string;
  keywords?: string[];
  homepage?: string;
  bugs?: { url: string };
  repository?: { type: string; url: string; directory: string };
  files: string[];
  engines: { node: string };
}

const manifestOf = (dir: string): Manifest =>
  JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8')) as Manifest;

describe.each(PACKAGES)('packages/%s', (dir) => {
  const manifest = manifestOf(dir);

  it('ships the root LICENSE unchanged', () => {
    expect(readFileSync(join(root, 'packages', dir, 'LICENSE'), 'utf8')).toBe(
      readFileSync(join(root, 'LICENSE'), 'utf8'),
    );
  });

  it('names its repository, home page and issue tracker from the one repository URL', () => {
    expect(manifest.repository).toEqual({
      type: 'git',
      url: `git+${REPOSITORY_URL}.git`,
      directory: `packages/${dir}`,
    });
    expect(manifest.homepage).toBe(`${REPOSITORY_URL}/tree/main/packages/${dir}#readme`);
    expect(manifest.bugs).toEqual({ url: `${REPOSITORY_URL}/issues` });
    expect(manifest.keywords?.length).toBeGreaterThan(0);
    expect(manifest.engines.node).toBe('>=20.19');
  });

  it('ships the sources its source maps point to', () => {
    expect(manifest.files).toEqual(expect.arrayContaining(['dist', 'src']));
  });

  it('README links are absolute, and those into this repository point at files that exist', () => {
    const readme = readFileSync(join(root, 'packages', dir, 'README.md'), 'utf8');
    const targets = [...readme.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1] ?? '');
    expect(targets.filter((t) => !/^(?:https?:|mailto:|#)/.test(t))).toEqual([]);
    const own = `${REPOSITORY_URL}/`;
    const missing = targets
      .filter((t) => t.startsWith(own))
      .filter((t) => {
        const path = /^(?:blob|tree)\/main\/([^#]*)/.exec(t.slice(own.length))?.[1];
        return path !== undefined && !existsSync(join(root, path)); // the repository itself, its issues
      });
    expect(missing).toEqual([]);
  });
});
