import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

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
