import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { FORMAT_NAMES, isFormatName } from './formatters/names.js';
import type { FormatName } from './formatters/names.js';
import { isValidGlob } from './globs.js';
import { SEVERITIES } from './result.js';
import type { ReportSeverity } from './result.js';
import { parseSize } from './size.js';
import { UsageError } from './usage-error.js';

/** `--format` when none is given. */
const DEFAULT_FORMAT: FormatName = 'stylish';

/** The subcommands, in the order the help lists them. */
const COMMAND_NAMES = ['scan', 'baseline', 'explain', 'install-hook', 'report'] as const;

/** The `--format` values of `mwsguard report merge`; the first is the default. */
const MERGE_FORMATS = ['json', 'markdown', 'sarif'] as const;

/** A `report merge --format` value. */
type MergeFormat = (typeof MERGE_FORMATS)[number];

// Every option of every subcommand. `allowNegative` turns the boolean `gitignore` into the
// `--no-gitignore` flag; new flags go here, into the command types below and into the help text.
const OPTIONS = {
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  gitignore: { type: 'boolean' },
  ignore: { type: 'string', multiple: true },
  'max-file-size': { type: 'string' },
  'follow-symlinks': { type: 'boolean', default: false },
  staged: { type: 'boolean', default: false },
  history: { type: 'boolean', default: false },
  since: { type: 'string' },
  branch: { type: 'string' },
  all: { type: 'boolean', default: false },
  'stdin-filenames': { type: 'boolean', default: false },
  config: { type: 'string', short: 'c' },
  'no-config': { type: 'boolean', default: false },
  baseline: { type: 'string' },
  'no-baseline': { type: 'boolean', default: false },
  'fail-on': { type: 'string' },
  quiet: { type: 'boolean', short: 'q', default: false },
  verbose: { type: 'boolean', short: 'v', default: false },
  jobs: { type: 'string', short: 'j' },
  locale: { type: 'string' },
  force: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', default: false },
} as const satisfies NonNullable<ParseArgsConfig['options']>;

type OptionName = keyof typeof OPTIONS;

/** Options shared by `scan` and `baseline`: what to read and how. */
interface ScanOptions {
  /** Files or directories (or, with `--staged`/`--history`, pathspecs) as given. */
  readonly paths: readonly string[];
  /** `true`/`false` from `--gitignore`/`--no-gitignore`; `undefined`: the config decides (default on). */
  readonly gitignore: boolean | undefined;
  readonly ignore: readonly string[];
  readonly maxFileSize: number | undefined;
  readonly followSymlinks: boolean;
  readonly staged: boolean;
  readonly history: boolean;
  readonly since: string | undefined;
  readonly branch: string | undefined;
  readonly all: boolean;
  readonly stdinFilenames: boolean;
  /** `--config FILE`; `false` for `--no-config`; `undefined` to search. */
  readonly config: string | false | undefined;
  readonly quiet: boolean;
  readonly verbose: boolean;
  /** Worker threads; 0: one per core. */
  readonly jobs: number;
  /** `--locale`: language of messages (`en`, `zh-CN`); unknown values fall back to English. */
  readonly locale: string | undefined;
}

/** `mwsguard scan [PATH...]`. */
export interface ScanCommand extends ScanOptions {
  readonly name: 'scan';
  readonly format: FormatName;
  readonly output: string | undefined;
  /** `--baseline FILE`; `false` for `--no-baseline`; `undefined`: the config's, if any. */
  readonly baseline: string | false | undefined;
  readonly failOn: ReportSeverity | undefined;
}

/** `mwsguard baseline [PATH...] [--output FILE]`. */
export interface BaselineCommand extends ScanOptions {
  readonly name: 'baseline';
  readonly output: string | undefined;
}

/** `mwsguard explain [KIND|RULE_ID]`. */
export interface ExplainCommand {
  readonly name: 'explain';
  readonly target: string | undefined;
  /** `--locale`: language of the guidance (`en`, `zh-CN`); unknown values fall back to English. */
  readonly locale: string | undefined;
}

/** `mwsguard install-hook [--force]`. */
export interface InstallHookCommand {
  readonly name: 'install-hook';
  readonly force: boolean;
}

/** `mwsguard report merge REPORT... [--format json|markdown|sarif] [--output FILE]`. */
export interface ReportMergeCommand {
  readonly name: 'report';
  readonly action: 'merge';
  /** JSON reports of `mwsguard scan --format json`, as given. */
  readonly reports: readonly string[];
  readonly format: MergeFormat;
  readonly output: string | undefined;
  /** `--locale`: language of the SARIF rule texts. */
  readonly locale: string | undefined;
}

/** What the command line asks for. */
export type Command =
  | ReportMergeCommand
  | { readonly name: 'help' }
  | { readonly name: 'version' }
  | ScanCommand
  | BaselineCommand
  | ExplainCommand
  | InstallHookCommand;

/** Options each subcommand accepts (besides `--help` and `--version`). */
const SCAN_OPTIONS: readonly OptionName[] = [
  'gitignore',
  'ignore',
  'max-file-size',
  'follow-symlinks',
  'staged',
  'history',
  'since',
  'branch',
  'all',
  'stdin-filenames',
  'config',
  'no-config',
  'quiet',
  'verbose',
  'jobs',
  'locale',
];
const ALLOWED: Readonly<Record<(typeof COMMAND_NAMES)[number], readonly OptionName[]>> = {
  scan: [...SCAN_OPTIONS, 'format', 'output', 'baseline', 'no-baseline', 'fail-on'],
  baseline: [...SCAN_OPTIONS, 'output'],
  explain: ['locale'],
  'install-hook': ['force'],
  report: ['format', 'output', 'locale'],
};

/** Parses the arguments after `mwsguard`; throws {@link UsageError} on any mistake. */
export function parseCommand(argv: readonly string[]): Command {
  const { values, positionals, tokens } = parseOrThrow(argv);
  if (values.help) return { name: 'help' };
  if (values.version) return { name: 'version' };
  const [subcommand, ...rest] = positionals;
  if (subcommand === undefined) throw new UsageError('Missing command: expected "mwsguard scan [PATH...]".');
  if (!isCommandName(subcommand)) {
    throw new UsageError(`Unknown command "${subcommand}": expected one of ${COMMAND_NAMES.join(', ')}.`);
  }
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const name = token.name;
    if (name === 'help' || name === 'version' || ALLOWED[subcommand].includes(name)) continue;
    throw new UsageError(`Option '${token.rawName}' does not apply to "mwsguard ${subcommand}".`);
  }
  switch (subcommand) {
    case 'explain':
      if (rest.length > 1) throw new UsageError('"mwsguard explain" takes one kind or rule id.');
      return { name: 'explain', target: rest[0], locale: nonEmpty(values.locale, '--locale') };
    case 'install-hook':
      if (rest.length > 0) throw new UsageError('"mwsguard install-hook" takes no arguments.');
      return { name: 'install-hook', force: values.force };
    case 'report':
      return reportCommand(values, rest);
    case 'baseline':
      return { name: 'baseline', ...scanOptions(values, rest), output: nonEmpty(values.output, '--output') };
    case 'scan': {
      const format = values.format ?? DEFAULT_FORMAT;
      if (!isFormatName(format)) {
        throw new UsageError(`Unknown format "${format}": expected one of ${FORMAT_NAMES.join(', ')}.`);
      }
      const failOn = values['fail-on'];
      if (failOn !== undefined && !(SEVERITIES as readonly string[]).includes(failOn)) {
        throw new UsageError(`Unknown --fail-on level "${failOn}": expected one of ${SEVERITIES.join(', ')}.`);
      }
      return {
        name: 'scan',
        ...scanOptions(values, rest),
        format,
        output: nonEmpty(values.output, '--output'),
        baseline: isNegated(values.baseline) ? false : nonEmpty(values.baseline, '--baseline'),
        failOn: failOn as ReportSeverity | undefined,
      };
    }
  }
}

type Values = Parsed['values'];

function reportCommand(values: Values, rest: readonly string[]): ReportMergeCommand {
  const [action, ...reports] = rest;
  if (action !== 'merge') throw new UsageError('Expected "mwsguard report merge REPORT...".');
  if (reports.length === 0) throw new UsageError('"mwsguard report merge" needs at least one JSON report.');
  const format = values.format ?? MERGE_FORMATS[0];
  if (!(MERGE_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`Unknown report merge format "${format}": expected one of ${MERGE_FORMATS.join(', ')}.`);
  }
  return {
    name: 'report',
    action,
    reports,
    format: format as MergeFormat,
    output: nonEmpty(values.output, '--output'),
    locale: nonEmpty(values.locale, '--locale'),
  };
}

function scanOptions(values: Values, paths: readonly string[]): ScanOptions {
  const modes = [
    values.staged && '--staged',
    values.history && '--history',
    values['stdin-filenames'] && '--stdin-filenames',
  ];
  const chosen = modes.filter((m): m is string => typeof m === 'string');
  if (chosen.length > 1) throw new UsageError(`${chosen.join(' and ')} cannot be used together.`);
  if (!values.history) {
    for (const flag of ['since', 'branch', 'all'] as const) {
      if (values[flag] !== undefined && values[flag] !== false) throw new UsageError(`--${flag} needs --history.`);
    }
  }
  if (values.branch !== undefined && values.all) throw new UsageError('--branch and --all cannot be used together.');
  if (values['stdin-filenames'] && paths.length > 0) {
    throw new UsageError('--stdin-filenames reads the paths from stdin: give no PATH arguments.');
  }
  if (values.quiet && values.verbose) throw new UsageError('--quiet and --verbose cannot be used together.');
  const ignore = values.ignore ?? [];
  for (const glob of ignore) {
    if (glob.trim() === '' || !isValidGlob(glob)) throw new UsageError(`Invalid --ignore glob "${glob}".`);
  }
  let maxFileSize: number | undefined;
  if (values['max-file-size'] !== undefined) {
    maxFileSize = parseSize(values['max-file-size']);
    if (maxFileSize === undefined) {
      throw new UsageError(
        `Invalid --max-file-size "${values['max-file-size']}": expected bytes or a size such as 5MiB.`,
      );
    }
  }
  let jobs = 0;
  if (values.jobs !== undefined) {
    jobs = /^\d{1,3}$/.test(values.jobs) ? Number(values.jobs) : -1;
    if (jobs < 0) throw new UsageError(`Invalid --jobs "${values.jobs}": expected a number (0: one per core).`);
  }
  return {
    paths,
    gitignore: values.gitignore,
    ignore,
    maxFileSize,
    followSymlinks: values['follow-symlinks'],
    staged: values.staged,
    history: values.history,
    since: nonEmpty(values.since, '--since'),
    branch: nonEmpty(values.branch, '--branch'),
    all: values.all,
    stdinFilenames: values['stdin-filenames'],
    config: isNegated(values.config) ? false : nonEmpty(values.config, '--config'),
    quiet: values.quiet,
    verbose: values.verbose,
    jobs,
    locale: nonEmpty(values.locale, '--locale'),
  };
}

// With allowNegative, `--no-config` sets the string option `config` to `false` (the `no-config`
// entries in OPTIONS only make the flag known); the last of `--config X`/`--no-config` wins.
const isNegated = (value: unknown): value is false => value === false;

function nonEmpty(value: string | undefined, flag: string): string | undefined {
  if (value?.trim() === '') throw new UsageError(`${flag} needs a non-empty value.`);
  return value;
}

function isCommandName(name: string): name is (typeof COMMAND_NAMES)[number] {
  return (COMMAND_NAMES as readonly string[]).includes(name);
}

/** How the command line is parsed: `util.parseArgs` with these settings. */
export const PARSE_CONFIG = {
  options: OPTIONS,
  strict: true,
  allowPositionals: true,
  allowNegative: true,
  tokens: true,
} as const satisfies ParseArgsConfig;

type Parsed = ReturnType<typeof parseArgs<typeof PARSE_CONFIG>>;

function parseOrThrow(argv: readonly string[]): Parsed {
  const simple = parseSimple(argv);
  if (simple !== undefined) return simple;
  try {
    return parseArgs({ ...PARSE_CONFIG, args: [...argv] });
  } catch (error) {
    // parseArgs errors carry an ERR_PARSE_ARGS_* code; anything else is a bug, not a usage error.
    if (isParseArgsError(error)) throw new UsageError(firstSentence(error.message));
    throw error;
  }
}

/**
 * `util.parseArgs`'s result for a command line of positionals and boolean flags alone (`scan
 * --staged`, `scan FILE…`), the same values, positionals and tokens; `undefined` for anything
 * else (a value, a short or negated flag, `--`, `-`, an unknown option), which parseArgs
 * answers. A commit hook's command line: the first call of parseArgs in a process, which compiles
 * it, cost about 3 million instructions, 2% of the run (docs/performance.md#start-up).
 */
export function parseSimple(argv: readonly string[]): Parsed | undefined {
  const values: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  const positionals: string[] = [];
  const tokens: object[] = [];
  for (const [index, arg] of argv.entries()) {
    if (!arg.startsWith('-')) {
      positionals.push(arg);
      tokens.push({ kind: 'positional', index, value: arg });
      continue;
    }
    const name = arg.slice(2);
    if (!arg.startsWith('--') || name.startsWith('no-') || !isBooleanOption(name)) return undefined;
    values[name] = true;
    tokens.push({ kind: 'option', name, rawName: arg, index, value: undefined, inlineValue: undefined });
  }
  // parseArgs adds the defaults of the options not given last, in the order they are declared.
  for (const [name, option] of Object.entries(OPTIONS)) {
    if ('default' in option && values[name] === undefined) values[name] = option.default;
  }
  return { values, positionals, tokens } as unknown as Parsed;
}

function isBooleanOption(name: string): name is OptionName {
  return Object.hasOwn(OPTIONS, name) && OPTIONS[name as OptionName].type === 'boolean';
}

function isParseArgsError(error: unknown): error is Error {
  return error instanceof Error && String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS_');
}

// Node appends advice about `--` to unknown-option errors; the usage hint already covers it.
function firstSentence(message: string): string {
  const end = message.search(/\.(?:\s|$)/);
  return end === -1 ? message : message.slice(0, end + 1);
}
