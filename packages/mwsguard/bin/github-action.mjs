#!/usr/bin/env node
// Entry of the GitHub Action (action.yml runs the bundle of this file, action/bundle/main.js).
// Like bin/mwsguard.js, the only module that touches `process`.

const EXIT_ERROR = 2;

try {
  const { runAction } = await import('../dist/github-action/main.js');
  process.exitCode = await runAction({
    cwd: process.env.GITHUB_WORKSPACE || process.cwd(),
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
  });
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  process.stdout.write(`::error title=mwsguard::unexpected error: ${message.split('\n', 1)[0]}\n`);
  if (process.env.MWSGUARD_DEBUG === '1' && error instanceof Error && error.stack) {
    process.stderr.write(`${error.stack}\n`);
  }
  process.exitCode = EXIT_ERROR;
}
