import { availableParallelism, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { BaseSequencer } from 'vitest/node';
import type { TestSpecification } from 'vitest/node';

// Tests import packages by name; point the names at the sources so tests need no build.
const src = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

/**
 * Two tiers, each runnable alone (`pnpm test:unit`, `pnpm test:e2e`); `pnpm test` runs both.
 * - unit: everything else: in-process tests of the packages and the corpora (no git, no build).
 * - e2e: the real bin, git repositories in temp dirs, docs commands, and the ESLint and
 *   secretlint hosts as users run them. They load the compiled `dist/` (`tsc -b` first).
 */
const E2E = [
  'test/cli/**/*.test.ts',
  'test/ci/**/*.test.ts',
  'test/faults/**/*.test.ts',
  'test/docs/**/*.test.ts',
  'test/hygiene/**/*.test.ts',
  'test/parity/**/*.test.ts',
  'test/eslint-plugin/**/*.test.ts',
  'packages/secretlint-rule-mws/test/cli.test.ts',
  'packages/eslint-plugin/test/plugin.test.ts',
  'packages/eslint-plugin/test/bundle.test.ts',
];

/**
 * Vitest's own order runs the e2e files (longest first), then the unit files (longest first), so
 * the longest unit file (about 30 s) started near the end and ran while the other worker had
 * nothing left. This order is longest first across both projects (failed and new files first, as
 * vitest's), with the durations of the last run; without them (a fresh clone) it is vitest's.
 */
class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const order = await super.sort(files);
    /** Smaller runs earlier: unknown files, then failed ones, then the longest. */
    const rank = (file: TestSpecification): number => {
      const key = `${file.project.name}:${relative(this.ctx.config.root, file.moduleId)}`;
      const result = this.ctx.cache.getFileTestResults(key);
      if (result === undefined) return -2e12;
      return (result.failed ? -1e12 : 0) - result.duration;
    };
    const ranks = new Map(order.map((file) => [file, rank(file)]));
    // A stable sort: files of equal rank keep vitest's order.
    return order.toSorted((a, b) => (ranks.get(a) ?? 0) - (ranks.get(b) ?? 0));
  }
}

export default defineConfig({
  resolve: {
    alias: {
      '@mwsguard/core': src('./packages/core/src/index.ts'),
      '@mwsguard/eslint-plugin': src('./packages/eslint-plugin/src/index.ts'),
      mwsguard: src('./packages/mwsguard/src/index.ts'),
      '@mwsguard/secretlint-rule-mws': src('./packages/secretlint-rule-mws/src/index.ts'),
    },
  },
  test: {
    pool: 'threads',
    // Vitest runs one file at a time on 2 cores (its default is cores - 1). Most e2e time is spent
    // waiting on a child process (the bin, git, ESLint, secretlint), so a second file keeps the
    // other core busy: on 2 loaded cores the run took about 20% less wall time for the same CPU.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    sequence: { sequencer: LongestFirst },
    // Fixture trees reproduce real projects, whose own test files must never run here.
    exclude: ['**/node_modules/**', '**/fixtures/**'],
    // Guards against hangs, not speed limits: the suite must pass on a loaded 2-core machine.
    // A test or hook that hangs fails after minutes, and vitest names it.
    testTimeout: 180_000,
    hookTimeout: 300_000,
    // The bins the tests spawn keep their V8 code cache here, never in the user's own cache
    // directory (packages/mwsguard/bin/code-cache.js).
    env: { XDG_CACHE_HOME: join(tmpdir(), 'mwsguard-test-cache') },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: [...E2E, '**/fixtures/**'],
        },
      },
      { extends: true, test: { name: 'e2e', include: E2E } },
    ],
  },
});
