import { parseCommand } from './args.js';
import type { ScanCommand } from './args.js';
import { isColorEnabled } from './color.js';
import { discoverFiles } from './discover.js';
import { EXIT_ERROR, EXIT_FINDINGS, EXIT_OK } from './exit-codes.js';
import type { ExitCode } from './exit-codes.js';
import { FORMATTERS } from './formatters/index.js';
import { HELP_TEXT, USAGE_HINT } from './help.js';
import type { RunIO } from './io.js';
import { scanFiles } from './scan-files.js';
import { UsageError } from './usage-error.js';
import { readVersion } from './version.js';

/**
 * Runs the mwsguard CLI with `argv` (the arguments after `mwsguard`) and resolves to its exit
 * code: 0 clean, 1 findings, 2 usage error. All I/O goes through `io`; unexpected errors reject
 * (the bin maps them to exit 2).
 */
export async function run(argv: readonly string[], io: RunIO): Promise<ExitCode> {
  try {
    const command = parseCommand(argv);
    switch (command.name) {
      case 'help':
        io.stdout.write(HELP_TEXT);
        return EXIT_OK;
      case 'version':
        io.stdout.write(`${await readVersion()}\n`);
        return EXIT_OK;
      case 'scan':
        return await runScan(command, io);
    }
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`mwsguard: ${error.message}\n${USAGE_HINT}\n`);
    return EXIT_ERROR;
  }
}

async function runScan(command: ScanCommand, io: RunIO): Promise<ExitCode> {
  const files = await discoverFiles(command.paths, { cwd: io.cwd, gitignore: command.gitignore });
  const result = await scanFiles(files, (message) => io.stderr.write(`mwsguard: warning: ${message}\n`));
  const color = isColorEnabled(io.env, io.stdout.isTTY === true);
  io.stdout.write(FORMATTERS[command.format](result, { color }));
  return result.findings.length > 0 ? EXIT_FINDINGS : EXIT_OK;
}
