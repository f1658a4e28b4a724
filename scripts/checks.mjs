#!/usr/bin/env node
// `pnpm test` after `tsc -b` and the bundle, in two lanes at once: ESLint, whose type-aware rules
// keep one core busy for most of a minute, and the rest one after another (the type check of the
// tests and the benchmark, Prettier, knip, then vitest, which starts while ESLint still runs and
// fills the time its workers spend waiting on the processes the tests start). Each command is the
// same as before; a lane stops at its first failure (as `&&` did), the other finishes, and the
// script fails when any command failed. vitest writes to the terminal as it runs; every other
// command's output is printed in one piece when it ends (after vitest's, if vitest is running),
// so the lanes' lines never interleave.

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
    ['vitest', 'run'],
  ],
];

/** The command whose output goes straight to the terminal. */
const STREAMED = 'vitest';

const env = { ...process.env, PATH: [join(root, 'node_modules', '.bin'), process.env.PATH].join(delimiter) };
// The output goes through a pipe: keep the colours a terminal would have shown.
if (process.stdout.isTTY && env.NO_COLOR === undefined) env.FORCE_COLOR ??= '1';

/** Outputs held while the streamed command runs. */
let held = null;

/** Runs one command; resolves to whether it succeeded, once its output is printed (or held). */
function run(argv) {
  const streamed = argv[0] === STREAMED;
  if (streamed) held = [];
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(argv[0], argv.slice(1), {
      cwd: root,
      env,
      stdio: streamed ? 'inherit' : ['ignore', 'pipe', 'pipe'],
      // The bins in node_modules/.bin are .cmd files on Windows.
      shell: process.platform === 'win32',
    });
    const out = [];
    child.stdout?.on('data', (chunk) => out.push(chunk));
    child.stderr?.on('data', (chunk) => out.push(chunk));
    const done = (ok, note) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const text = Buffer.concat([Buffer.from(`\n$ ${argv.join(' ')}  (${ok ? 'ok' : note}, ${seconds} s)\n`), ...out]);
      if (streamed) {
        process.stdout.write(text);
        for (const other of held) process.stdout.write(other);
        held = null;
      } else if (held === null) process.stdout.write(text);
      else held.push(text);
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
