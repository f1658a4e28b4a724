import { KINDS, compileAllow } from '@mwsguard/core';
import type { Allow, Kind } from '@mwsguard/core';
import type { BaselineCommand, ScanCommand } from './args.js';
import type { Config } from './config.js';
import type { PathArgument } from './discover.js';
import { GlobList } from './globs.js';
import type { RunIO } from './io.js';
import { DEFAULT_MAX_FILE_SIZE } from './read.js';
import type { FilesScan } from './scan-files.js';
import type { StagedSource } from './staged-source.js';

/** What {@link collect} found: a files, staged or history scan (only history counts commits). */
export type CollectedScan = FilesScan & { commitsScanned?: number };

/** What the run hands the scan beyond the command and the config. */
export interface ScanContext {
  /** The message language (`--locale`, else `MWSGUARD_LOCALE`); `undefined`: English. */
  readonly locale: string | undefined;
  /** The staged scan's source, when the bin started it before loading the run (`cli.ts`). */
  readonly staged: StagedSource | undefined;
  /** Called after each file (scanned or skipped), for progress. */
  readonly onFile: () => void;
}

/** Runs the scan the command asks for: staged content, history, or files. */
export async function collect(
  command: ScanCommand | BaselineCommand,
  config: Config,
  io: RunIO,
  context: ScanContext,
): Promise<CollectedScan> {
  const inputs = scanInputs(command, config, io, context.locale);
  const { maxFileSize, ignore, allow, kinds } = inputs;
  const { onFile } = context;
  // What a staged and a history scan both take: they read git's blobs of the paths given.
  const blobScan = { cwd: io.cwd, pathspecs: command.paths, maxFileSize, ignore, allow, onFile, ...kinds };
  if (command.staged) {
    const { scanStaged } = await import('./staged.js');
    return scanStaged({ ...blobScan, ...(context.staged === undefined ? {} : { git: context.staged }) });
  }
  if (command.history) {
    const { scanHistory } = await import('./history.js');
    return scanHistory({
      ...blobScan,
      all: command.all,
      ...(command.since === undefined ? {} : { since: command.since }),
      ...(command.branch === undefined ? {} : { branch: command.branch }),
    });
  }
  return scanFiles(command, config, io, inputs, onFile);
}

/** What every scan takes from the command and the config, whatever it reads. */
interface ScanInputs {
  readonly maxFileSize: number;
  readonly ignore: GlobList[];
  readonly allow: Allow;
  /** The kinds turned on, the message language and the value allowlist's sources. */
  readonly kinds: {
    readonly kinds?: readonly Kind[];
    readonly locale?: string;
    readonly allowValueSources: readonly string[];
  };
}

function scanInputs(
  command: ScanCommand | BaselineCommand,
  config: Config,
  io: RunIO,
  locale: string | undefined,
): ScanInputs {
  const maxFileSize = command.maxFileSize ?? config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const ignore = [new GlobList(command.ignore, io.cwd), config.ignore].filter((list) => !list.isEmpty);
  const enabled = KINDS.filter((k) => config.severity[k] !== 'off');
  // Values need the plaintext, so they are checked where the text is scanned; paths and
  // fingerprints after the scan (`applyPolicy` in run.ts), in the order core's policy defines.
  const allow = compileAllow({ patterns: config.allowValues });
  // What every file's scan needs beyond its text: the kinds turned on, the message language, and
  // the value allowlist's sources (a worker thread compiles them again).
  const kinds = {
    ...(enabled.length === KINDS.length ? {} : { kinds: enabled }),
    ...(locale === undefined ? {} : { locale }),
    allowValueSources: config.allowValues.map((re) => re.source),
  };
  return { maxFileSize, ignore, allow, kinds };
}

/** A scan of the paths given (`.` when none; stdin's with `--stdin-filenames`): discovery streamed into the scanner. */
async function scanFiles(
  command: ScanCommand | BaselineCommand,
  config: Config,
  io: RunIO,
  { maxFileSize, ignore, kinds }: ScanInputs,
  onFile: () => void,
): Promise<FilesScan> {
  const [{ checkArguments, discover }, { scanDiscovered }] = await Promise.all([
    import('./discover.js'),
    import('./scan-files.js'),
  ]);
  let paths: AsyncIterable<PathArgument> | PathArgument[];
  if (command.stdinFilenames) {
    paths = readStdinPaths(io.stdin);
  } else {
    const given = command.paths.length > 0 ? command.paths : ['.'];
    await checkArguments(given, io.cwd);
    paths = given.map((path) => ({ path, origin: 'argument' }));
  }
  const discovered = discover(paths, {
    cwd: io.cwd,
    gitignore: command.gitignore ?? config.gitignore ?? true,
    followSymlinks: command.followSymlinks,
    ignore,
    include: config.include,
    env: io.env,
  });
  return scanDiscovered(discovered, {
    maxFileSize,
    jobs: command.jobs,
    onFile,
    ...poolDebug(io),
    ...workerHeap(io.env.MWSGUARD_WORKER_HEAP_MB),
    ...kinds,
  });
}

/** `MWSGUARD_DEBUG=1`: the pool says how many workers it started, and when one ran out of memory. */
function poolDebug(io: RunIO): { onSchedule: (workers: number) => void; onRescue: (files: number) => void } {
  return {
    onSchedule: (workers) => {
      if (io.env.MWSGUARD_DEBUG === '1') io.stderr.write(`mwsguard: debug: ${String(workers)} worker threads\n`);
    },
    onRescue: (files) => {
      if (io.env.MWSGUARD_DEBUG === '1') {
        io.stderr.write(
          `mwsguard: debug: a scan worker ran out of memory; ${String(files)} files rescanned in the main thread\n`,
        );
      }
    },
  };
}

/** `MWSGUARD_WORKER_HEAP_MB`, when it is a positive whole number; otherwise the pool's default. */
function workerHeap(value: string | undefined): { workerHeapMb?: number } {
  const mb = Number(value);
  return value !== undefined && Number.isInteger(mb) && mb > 0 ? { workerHeapMb: mb } : {};
}

/** Paths from stdin: NUL-separated when there is a NUL (`git diff -z`), else one per line. */
async function* readStdinPaths(stdin: RunIO['stdin']): AsyncGenerator<PathArgument> {
  if (!stdin) return;
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  const text = Buffer.concat(chunks).toString('utf8');
  const lines = text.includes('\0') ? text.split('\0') : text.split(/\r?\n/);
  for (const line of lines) if (line !== '') yield { path: line, origin: 'stdin' };
}
