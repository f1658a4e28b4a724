import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The consumer test (`pnpm test:consumer`): packs every package and installs the tarballs with
// npm into projects outside the workspace. It needs the npm registry, so it is its own CI step
// (`.ci/run`), not part of `pnpm test`.
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['test/consumer/**/*.consumer.ts'],
    globalSetup: ['test/consumer/setup.ts'],
    // Steps mostly wait on npm and on child processes; each file's projects are independent.
    testTimeout: 600_000,
    hookTimeout: 600_000,
    maxWorkers: 4,
  },
});
