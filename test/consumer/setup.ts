// Packs every package once (`pnpm pack`, which turns `workspace:` ranges into versions) into a
// directory outside the workspace, where each consumer project is created.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { PACKAGES, REPO_ROOT } from './support.js';
import type { PackageDir } from './support.js';

declare module 'vitest' {
  export interface ProvidedContext {
    consumerRoot: string;
    tarballs: Record<PackageDir, string>;
  }
}

export default function setup(project: TestProject): () => void {
  const root = mkdtempSync(join(tmpdir(), 'mwsguard-consumer-'));
  const out = join(root, 'tarballs');
  mkdirSync(out);
  execFileSync(process.execPath, [join(REPO_ROOT, 'node_modules/typescript/bin/tsc'), '-b'], { cwd: REPO_ROOT });
  const tarballs = {} as Record<PackageDir, string>;
  for (const dir of PACKAGES) {
    const before = new Set(readdirSync(out));
    execFileSync('npx', ['--yes', 'pnpm@10.34.9', 'pack', '--pack-destination', out], {
      cwd: join(REPO_ROOT, 'packages', dir),
      stdio: 'ignore',
    });
    const made = readdirSync(out).filter((f) => !before.has(f));
    if (made.length !== 1 || made[0] === undefined)
      throw new Error(`pnpm pack in packages/${dir} made ${made.join(', ')}`);
    tarballs[dir] = join(out, made[0]);
  }
  project.provide('consumerRoot', root);
  project.provide('tarballs', tarballs);
  return () => {
    if (process.env.MWSGUARD_KEEP_CONSUMER === undefined) rmSync(root, { recursive: true, force: true });
  };
}
