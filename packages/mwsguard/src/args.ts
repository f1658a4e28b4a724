import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { FORMAT_NAMES, isFormatName } from './formatters/index.js';
import type { FormatName } from './formatters/index.js';
import { UsageError } from './usage-error.js';

/** `--format` when none is given. */
export const DEFAULT_FORMAT: FormatName = 'stylish';

// Every option of every subcommand. `allowNegative` turns the boolean `gitignore` into the
// `--no-gitignore` flag; new flags go here and into the command types below.
const OPTIONS = {
  format: { type: 'string', default: DEFAULT_FORMAT },
  gitignore: { type: 'boolean', default: true },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', default: false },
} as const satisfies NonNullable<ParseArgsConfig['options']>;

/** `mwsguard scan [PATH...]`. */
export interface ScanCommand {
  readonly name: 'scan';
  /** Files or directories relative to the working directory; `['.']` when none is given. */
  readonly paths: readonly string[];
  readonly format: FormatName;
  /** Honour `.gitignore` files (default `true`; `--no-gitignore` sets `false`). */
  readonly gitignore: boolean;
}

/** What the command line asks for. */
export type Command = { readonly name: 'help' } | { readonly name: 'version' } | ScanCommand;

/** Parses the arguments after `mwsguard`; throws {@link UsageError} on any mistake. */
export function parseCommand(argv: readonly string[]): Command {
  const { values, positionals } = parseOrThrow(argv);
  if (values.help) return { name: 'help' };
  if (values.version) return { name: 'version' };
  const [subcommand, ...paths] = positionals;
  if (subcommand === undefined) throw new UsageError('Missing command: expected "mwsguard scan [PATH...]".');
  if (subcommand !== 'scan') throw new UsageError(`Unknown command "${subcommand}": expected "scan".`);
  if (!isFormatName(values.format)) {
    throw new UsageError(`Unknown format "${values.format}": expected one of ${FORMAT_NAMES.join(', ')}.`);
  }
  return { name: 'scan', paths: paths.length > 0 ? paths : ['.'], format: values.format, gitignore: values.gitignore };
}

function parseOrThrow(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: true, allowNegative: true });
  } catch (error) {
    // parseArgs errors carry an ERR_PARSE_ARGS_* code; anything else is a bug, not a usage error.
    if (isParseArgsError(error)) throw new UsageError(firstSentence(error.message));
    throw error;
  }
}

function isParseArgsError(error: unknown): error is Error {
  return error instanceof Error && String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS_');
}

// Node appends advice about `--` to unknown-option errors; the usage hint already covers it.
function firstSentence(message: string): string {
  const end = message.search(/\.(?:\s|$)/);
  return end === -1 ? message : message.slice(0, end + 1);
}
