#!/usr/bin/env node
// The static checks of `pnpm test` (after `tsc -b` and the bundle, before vitest), in two lanes at
// once: ESLint, whose type-aware rules keep one core busy for most of a minute, and the rest one
// after another (the type check of the tests and the benchmark, Prettier, knip). Run in a row they
// took about 80 s on 2 cores, of which the second lane's 24 s now run beside ESLint. Each check is
// the same command as before; a lane stops at its first failure (as `&&` did), the other finishes,
// and the script fails when any check failed. Each check's output is printed in one piece when it
// ends, so the lanes' lines never interleave.

import { spawn } from 'node:child_process';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** @type {string[][][]} Lanes of commands; the commands of a lane run in order. */
const LANES = [
  [['eslint', '.']],
  [
    ['tsc', '-p', 'tsconfig.check.json'],
    ['tsc', '-p', 'bench/tsconfig.json'],
    ['prettier', '--check', '--cache', '--cache-strategy', 'content', '.'],
    ['knip'],
  ],
];

const env = { ...process.env, PATH: [join(root, 'node_modules', '.bin'), process.env.PATH].join(delimiter) };
// The output goes through a pipe: keep the colours a terminal would have shown.
if (process.stdout.isTTY && env.NO_COLOR === undefined) env.FORCE_COLOR ??= '1';

/** Runs one command; resolves to whether it succeeded, once its output is printed. */
function run(argv) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(argv[0], argv.slice(1), {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      // The bins in node_modules/.bin are .cmd files on Windows.
      shell: process.platform === 'win32',
    });
    const out = [];
    child.stdout.on('data', (chunk) => out.push(chunk));
    child.stderr.on('data', (chunk) => out.push(chunk));
    const done = (ok, note) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      process.stdout.write(`\n$ ${argv.join(' ')}  (${ok ? 'ok' : note}, ${seconds} s)\n`);
      process.stdout.write(Buffer.concat(out));
      resolve(ok);
    };
    child.on('error', (error) => {
      done(false, `could not start: ${error.message}`);
    });
    child.on('close', (code, signal) => {
      done(code === 0, signal === null ? `exit ${String(code)}` : `killed by ${signal}`);
    });
  });
}

/** Runs a lane's commands in order, up to the first that fails. */
async function lane(commands) {
  for (const argv of commands) if (!(await run(argv))) return false;
  return true;
}

const results = await Promise.all(LANES.map(lane));
if (results.includes(false)) {
  process.stderr.write('\nchecks: a static check failed (its output is above).\n');
  process.exitCode = 1;
}
