import { parseCommand } from './args.js';
import { EXIT_OK } from './exit-codes.js';
import type { ExitCode } from './exit-codes.js';
import { HELP_TEXT } from './help.js';
import type { RunIO } from './io.js';
import { readVersion } from './version.js';

/**
 * The bin's entry point: `run` for every command, except that `--help` and `--version` are
 * answered here, from the handful of modules they need, instead of after loading the scanner
 * (the detection engine, the configuration, the git and file readers). A usage error goes to
 * `run` too, which reports it.
 */
export async function runCli(argv: readonly string[], io: RunIO): Promise<ExitCode> {
  const name = quickCommand(argv);
  if (name === 'help') {
    io.stdout.write(HELP_TEXT);
    return EXIT_OK;
  }
  if (name === 'version') {
    io.stdout.write(`${await readVersion()}\n`);
    return EXIT_OK;
  }
  const { run } = await import('./run.js');
  return run(argv, io);
}

/** `help` or `version` when that is what the command line asks for; `undefined` otherwise. */
function quickCommand(argv: readonly string[]): string | undefined {
  try {
    const { name } = parseCommand(argv);
    return name === 'help' || name === 'version' ? name : undefined;
  } catch {
    return undefined;
  }
}
