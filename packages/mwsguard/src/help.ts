import { EXIT_ERROR, EXIT_FINDINGS, EXIT_OK } from './exit-codes.js';

/** The `--help` text: synopsis, options, formats and exit codes in one place. */
export const HELP_TEXT = `Usage: mwsguard scan [options] [PATH...]

Find hard-coded or shared Amazon MWS / SP-API credentials in files.

PATH is a file or a directory (default: the current directory). Directories are
searched recursively, dotfiles included; files ignored by .gitignore, node_modules
and .git are left out. A file named on the command line is always scanned.

Options:
  --format <name>   Output format (default: stylish)
  --no-gitignore    Also scan files that .gitignore ignores
  -h, --help        Show this help
  --version         Print the version

Formats:
  stylish   Findings grouped by file, for people. Colors on a terminal;
            NO_COLOR turns them off, FORCE_COLOR=1 forces them.
  json      One JSON document (version 1) for tools; see docs/json-format.md.

Exit codes:
  ${String(EXIT_OK)}  No credentials found
  ${String(EXIT_FINDINGS)}  Credentials found
  ${String(EXIT_ERROR)}  Usage error or fatal error
`;

/** Printed after a usage error's message. */
export const USAGE_HINT = 'Run "mwsguard --help" for usage.';
