import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Tests import packages by name; point the names at the sources so tests need no build.
const src = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

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
    include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
    pool: 'threads',
    testTimeout: 30_000,
  },
});
