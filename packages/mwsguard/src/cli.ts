import { parseCommand } from './args.js';
import type { Command } from './args.js';
import { EXIT_OK } from './exit-codes.js';
import type { ExitCode } from './exit-codes.js';
import { HELP_TEXT } from './help.js';
import type { RunIO } from './io.js';
import type { Started } from './run.js';
import { readVersion } from './version.js';

/**
 * The bin's entry point: `run` for every command, except that `--help` and `--version` are
 * answered here, from the handful of modules they need, instead of after loading the scanner
 * (the detection engine, the configuration, the git and file readers). A usage error goes to
 * `run` too, which reports it. For `scan --staged` the staged files are listed before the scanner
 * loads (from the index, or by git processes that then work while the engine's modules are read
 * and compiled).
 */
export async function runCli(argv: readonly string[], io: RunIO): Promise<ExitCode> {
  const command = parsed(argv);
  if (command?.name === 'help') {
    io.stdout.write(HELP_TEXT);
    return EXIT_OK;
  }
  if (command?.name === 'version') {
    io.stdout.write(`${await readVersion()}\n`);
    return EXIT_OK;
  }
  const started: Started = command === undefined ? {} : { command };
  if ((command?.name === 'scan' || command?.name === 'baseline') && command.staged) {
    const { startStaged } = await import('./staged-source.js');
    Object.assign(started, { staged: await startStaged(io.cwd, command.paths, io.env) });
  }
  let run: typeof import('./run.js').run;
  try {
    ({ run } = await import('./run.js'));
  } catch (error) {
    // A cat-file waiting for ids would keep the process alive; open packs are closed.
    await started.staged?.reader.close();
    throw error;
  }
  return run(argv, io, started);
}

/** The command the line asks for; `undefined` for a usage error, which `run` reports. */
function parsed(argv: readonly string[]): Command | undefined {
  try {
    return parseCommand(argv);
  } catch {
    return undefined;
  }
}
