#!/usr/bin/env node
// The only module that touches `process`: everything else gets its I/O through `run`'s `io`, so
// tests run the whole CLI in-process. CommonJS (bin/package.json), like the bundle it loads: an
// ES module entry makes Node start its ES module loader, a few milliseconds of every run.

const { loadCli, quickAnswer } = require('./entry.js');
const { outputStream } = require('./fd-writer.js');

// Mirrors EXIT_ERROR in src/exit-codes.ts; kept literal so it applies even when dist fails to load.
const EXIT_ERROR = 2;

// `mwsguard scan | head` closes the pipe early: the rest of the report is dropped (the stream is
// destroyed and `run` stops writing), but the scan's exit code stands. Exiting here, before `run`
// had set it, turned findings into exit 0.
function onStdoutError(error) {
  if (error.code === 'EPIPE') return;
  stderr.write(`mwsguard: cannot write the output (${error.code ?? error.message}).\n`);
  process.exit(EXIT_ERROR);
}

// Written with fs.writeSync where the descriptor is a file, a pipe or a socket (fd-writer.js);
// the Node streams, and the handler above, from their first use.
const stdout = outputStream(1, () => process.stdout.on('error', onStdoutError));
const stderr = outputStream(2, () => process.stderr);

/** Clean-ups to run if a signal ends the process (the `--output` temporary file). */
const cleanups = new Set();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];

function onSignal(cleanup) {
  if (cleanups.size === 0) for (const signal of SIGNALS) process.on(signal, die);
  cleanups.add(cleanup);
  return () => {
    cleanups.delete(cleanup);
    if (cleanups.size === 0) for (const signal of SIGNALS) process.removeListener(signal, die);
  };
}

/** Runs the clean-ups, then dies by the same signal (a shell still sees 128 + its number). */
function die(signal) {
  for (const cleanup of cleanups) cleanup();
  cleanups.clear();
  for (const s of SIGNALS) process.removeListener(s, die);
  process.kill(process.pid, signal);
}

void main();

async function main() {
  const argv = process.argv.slice(2);
  try {
    // `--version` and `--help` alone: answered from two small files the bundle was written with.
    const quick = quickAnswer(argv);
    if (quick !== undefined) {
      stdout.write(quick);
      return;
    }
    // Loaded here, not required at the top, so a missing build is reported like any other fatal error.
    const { runCli: run, save } = await loadCli(argv, process.env);
    process.exitCode = await run(argv, {
      cwd: process.cwd(),
      stdout,
      stderr,
      env: process.env,
      onSignal,
      // A getter: process.stdin is only created when --stdin-filenames reads it.
      get stdin() {
        return process.stdin;
      },
    });
    save();
  } catch (error) {
    stderr.write(`mwsguard: ${describe(error)}\n`);
    if (process.env.MWSGUARD_DEBUG === '1' && error instanceof Error && error.stack) {
      stderr.write(`${error.stack}\n`);
    }
    process.exitCode = EXIT_ERROR;
  }
}

/** One line for the user; the stack trace is for MWSGUARD_DEBUG=1. */
function describe(error) {
  const missing =
    (error?.code === 'ERR_MODULE_NOT_FOUND' || error?.code === 'ENOENT') &&
    /(?:dist|bundle)\/[\w-]+\.js/.exec(String(error.message));
  if (missing) return `cannot load ${missing[0]}: build the package first (pnpm build).`;
  const message = error instanceof Error ? error.message : String(error);
  return `unexpected error: ${message.split('\n', 1)[0]} (set MWSGUARD_DEBUG=1 for details)`;
}
