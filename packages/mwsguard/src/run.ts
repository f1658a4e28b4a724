import { relative, resolve } from 'node:path';
import { KINDS, compileAllow } from '@mwsguard/core';
import type { Allow } from '@mwsguard/core';
import { parseCommand } from './args.js';
import type { BaselineCommand, Command, ExplainCommand, InstallHookCommand, ScanCommand } from './args.js';
import { DEFAULT_BASELINE_FILE, loadBaseline, matchBaseline, renderBaseline } from './baseline.js';
import type { Baseline } from './baseline.js';
import { isColorEnabled } from './color.js';
import { emptyConfig, loadConfig } from './config.js';
import type { Config } from './config.js';
import { EXIT_ERROR, EXIT_FINDINGS, EXIT_INCOMPLETE, EXIT_OK } from './exit-codes.js';
import type { ExitCode } from './exit-codes.js';
import { FatalError } from './fatal-error.js';
import { loadRenderer } from './formatters/load.js';
import { HELP_TEXT, USAGE_HINT } from './help.js';
import type { OutputStream, RunIO } from './io.js';
import { writeToStream } from './write-stream.js';
import { DEFAULT_PROGRESS_DELAY_MS, Progress } from './progress.js';
import { INCOMPLETE_REASONS, SEVERITIES, compareFindings, compareStrings } from './result.js';
import type { FileFinding, ReportSeverity, ScanResult, SkippedFile, SuppressedFinding } from './result.js';
import { collect } from './collect.js';
import type { CollectedScan } from './collect.js';
import type { StagedSource } from './staged-source.js';
import { SKIP_REASON_TEXT, SUPPRESS_REASON_TEXT } from './summary.js';
import { redactMessage, redactPath } from './redact.js';
import { UsageError } from './usage-error.js';
import { readVersion } from './version.js';
import { appendAll } from './append.js';
import { escapeControl, escapeControlLines } from './escape.js';

/**
 * Runs the mwsguard CLI with `argv` (the arguments after `mwsguard`) and resolves to its exit
 * code: 0 clean, 1 findings, 2 usage or config error, 3 incomplete scan. All I/O goes through
 * `io`; unexpected errors reject (the bin maps them to exit 2).
 */
export async function run(argv: readonly string[], io: RunIO, started: Started = {}): Promise<ExitCode> {
  try {
    return await runCommand(argv, io, started);
  } finally {
    // Unused when the run stopped before the scan (a bad config): git must not wait on.
    await started.staged?.reader.close();
  }
}

async function runCommand(argv: readonly string[], io: RunIO, started: Started): Promise<ExitCode> {
  try {
    const command = started.command ?? parseCommand(argv);
    switch (command.name) {
      case 'help':
        io.stdout.write(HELP_TEXT);
        return EXIT_OK;
      case 'version':
        io.stdout.write(`${await readVersion()}\n`);
        return EXIT_OK;
      case 'explain':
        return await runExplain(command, io);
      case 'install-hook':
        return await runInstallHook(command, io);
      case 'scan':
      case 'baseline':
        return await runScan(command, io, started);
      case 'report': {
        // Loaded only for this command: it reads the SARIF formatter and its rule texts.
        const { runReportMerge } = await import('./report-merge/index.js');
        return await runReportMerge(command, io, chosenLocale(command, io));
      }
    }
  } catch (error) {
    if (error instanceof FatalError) {
      io.stderr.write(`mwsguard: ${redactMessage(error.message)}\n`);
      return EXIT_ERROR;
    }
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`mwsguard: ${escapeControlLines(redactMessage(error.message))}\n${USAGE_HINT}\n`);
    return EXIT_ERROR;
  }
}

/** Work the bin started before it loaded this module (`cli.ts`): a staged scan's source (the index, or git processes). */
export interface Started {
  /** `argv` parsed (the bin's entry parses it to tell what to start). */
  readonly command?: Command;
  readonly staged?: StagedSource;
}

/**
 * The language asked for: `--locale`, else `MWSGUARD_LOCALE`; `undefined` (English) when neither
 * is set. Messages, report rule help and `explain` all read it from here.
 */
function chosenLocale(command: { readonly locale: string | undefined }, io: RunIO): string | undefined {
  const locale = command.locale ?? io.env.MWSGUARD_LOCALE;
  return locale === '' ? undefined : locale;
}

// Each command's modules are imported when it runs: a commit hook's `scan --staged` loads neither
// `explain`'s texts, nor the history walker, nor the directory walker and its worker pool.
async function runExplain(command: ExplainCommand, io: RunIO): Promise<ExitCode> {
  const { renderExplanation, renderKindList, resolveKind } = await import('./explain.js');
  const locale = chosenLocale(command, io);
  if (command.target === undefined) {
    io.stdout.write(renderKindList(locale));
    return EXIT_OK;
  }
  const kind = resolveKind(command.target);
  if (kind === undefined) {
    throw new UsageError(`Unknown kind "${command.target}": expected one of ${KINDS.join(', ')} (or mwsguard/<kind>).`);
  }
  io.stdout.write(renderExplanation(kind, locale));
  return EXIT_OK;
}

async function runInstallHook(command: InstallHookCommand, io: RunIO): Promise<ExitCode> {
  const { HUSKY_COMMAND, installHook } = await import('./install-hook.js');
  const hook = await installHook(io.cwd, command.force);
  const where = relative(io.cwd, hook.path) || hook.path;
  if (hook.husky !== undefined) {
    const done = hook.husky === 'added' ? `added "${HUSKY_COMMAND}" to` : 'found mwsguard already in';
    io.stdout.write(`mwsguard: ${done} husky's pre-commit script ${where}.\n`);
    return EXIT_OK;
  }
  const saved = hook.backup ? ` (the previous hook is saved as ${relative(io.cwd, hook.backup)})` : '';
  io.stdout.write(`mwsguard: ${hook.replaced ? 'replaced' : 'installed'} the pre-commit hook ${where}${saved}.\n`);
  return EXIT_OK;
}

async function runScan(command: ScanCommand | BaselineCommand, io: RunIO, started: Started): Promise<ExitCode> {
  const startedAt = new Date();
  const config = command.config === false ? emptyConfig(io.cwd) : await loadConfig(io.cwd, command.config);
  const baseline = command.name === 'scan' ? resolveBaseline(command, config, io.cwd) : undefined;
  for (const warning of config.warnings)
    io.stderr.write(`mwsguard: warning: ${escapeControl(redactMessage(warning))}\n`);
  const progress = new Progress(io.stderr, !command.quiet, progressDelay(io.env));
  const scan = await collect(command, config, io, {
    locale: chosenLocale(command, io),
    staged: started.staged,
    onFile: () => {
      progress.tick();
    },
  });
  progress.done();

  const result = buildResult(scan, command, config, baseline, io, startedAt);
  const incomplete = result.skipped.filter((s) => INCOMPLETE_REASONS.has(s.reason));
  for (const s of incomplete) io.stderr.write(`mwsguard: warning: ${describeSkip(s)}\n`);
  if (!command.quiet) for (const note of scan.notes) io.stderr.write(`mwsguard: note: ${escapeControl(note)}\n`);
  if (command.verbose) writeVerbose(result, io.stderr);

  if (command.name === 'baseline') {
    await writeBaseline(command, result, io);
    return incomplete.length > 0 ? EXIT_INCOMPLETE : EXIT_OK;
  }
  await writeReport(command, result, io);
  const failOn = command.failOn ?? config.failOn ?? 'error';
  const threshold = SEVERITIES.indexOf(failOn);
  if (result.findings.some((f) => SEVERITIES.indexOf(f.severity) <= threshold)) return EXIT_FINDINGS;
  return incomplete.length > 0 ? EXIT_INCOMPLETE : EXIT_OK;
}

/**
 * The report's content: the scan's findings after the project pass, the config's allowlists and
 * severity overrides and the baseline, each list sorted (the output is the same whatever the
 * scheduling).
 */
function buildResult(
  scan: CollectedScan,
  command: ScanCommand | BaselineCommand,
  config: Config,
  baseline: Baseline | undefined,
  io: RunIO,
  startedAt: Date,
): ScanResult & { readonly skipped: readonly SkippedFile[] } {
  const allow = compilePolicy(config, io.cwd);
  // The project pass, once every file is scanned: its confirmed candidates then take the same
  // allowlists, baseline and severity overrides as every other finding.
  judgeProject(scan, allow, chosenLocale(command, io), io.cwd);
  const { findings, suppressed } = applyPolicy(scan.findings, config, allow);
  appendAll(suppressed, scan.suppressed);
  const match = baseline
    ? matchBaseline(findings, baseline, io.cwd, scan.scannedFiles)
    : { fresh: findings, known: 0, stale: [] };
  const skipped = [...scan.skipped].sort(
    (a, b) => compareStrings(a.file, b.file) || compareStrings(a.reason, b.reason),
  );
  return {
    findings: match.fresh.sort(compareFindings),
    filesScanned: scan.filesScanned,
    filesSkipped: skipped.length,
    skipped,
    suppressed: suppressed.sort((a, b) => compareFindings(a.finding, b.finding)),
    baselined: match.known,
    staleBaseline: match.stale,
    ...(scan.commitsScanned === undefined ? {} : { commitsScanned: scan.commitsScanned }),
    startedAt,
    finishedAt: new Date(),
  };
}

/** Adds the project pass's confirmed findings (and those it suppressed) to `scan`. */
function judgeProject(scan: CollectedScan, allow: Allow, locale: string | undefined, cwd: string): void {
  if (!scan.project) return;
  const confirmed = scan.project.judge(locale, (f) => allow.reasonFor({ finding: f, path: f.file }) === undefined, cwd);
  appendAll(scan.findings, confirmed.findings);
  appendAll(scan.suppressed, confirmed.suppressed);
}

/** `mwsguard baseline`: writes the findings as baseline entries (atomically) and says how many. */
async function writeBaseline(command: BaselineCommand, result: ScanResult, io: RunIO): Promise<void> {
  const target = resolve(io.cwd, command.output ?? DEFAULT_BASELINE_FILE);
  const entries = renderBaseline(result.findings, target, io.cwd);
  const { writeFileAtomically } = await import('./output.js');
  await writeFileAtomically(target, [entries], command.output ?? DEFAULT_BASELINE_FILE, io.onSignal);
  const count = (entries.match(/"fingerprint"/g) ?? []).length;
  if (!command.quiet) {
    io.stdout.write(
      `mwsguard: wrote ${String(count)} baseline ${count === 1 ? 'entry' : 'entries'} to ${relative(io.cwd, target)}.\n`,
    );
  }
}

/** Renders the report in the `--format` asked for, into the `--output` file (atomically) or to stdout. */
async function writeReport(command: ScanCommand, result: ScanResult, io: RunIO): Promise<void> {
  const toolVersion = await readVersion();
  const render = await loadRenderer(command.format);
  // Rule help in SARIF and GitLab reports speaks the language of the messages.
  const locale = chosenLocale(command, io);
  if (command.output !== undefined) {
    const color = isColorEnabled(io.env, false);
    const parts = render(result, { color, toolVersion, quiet: command.quiet, verbose: command.verbose, locale });
    const { writeFileAtomically } = await import('./output.js');
    await writeFileAtomically(resolve(io.cwd, command.output), parts, command.output, io.onSignal);
  } else {
    const color = isColorEnabled(io.env, io.stdout.isTTY === true);
    const options = { color, toolVersion, quiet: command.quiet, verbose: command.verbose, locale };
    await writeToStream(render(result, options), io.stdout);
  }
}

/** The config's path and fingerprint allowlists, checked after the scan (core's order). */
function compilePolicy(config: Config, cwd: string): Allow {
  return compileAllow({
    paths: (file) => config.allowPaths.matches(resolve(cwd, file)),
    fingerprints: [...config.allowFingerprints.keys()],
  });
}

/** Splits findings by the config's path and fingerprint allowlists; applies severity overrides. */
function applyPolicy(
  findings: readonly FileFinding[],
  config: Config,
  allow: Allow,
): { findings: FileFinding[]; suppressed: SuppressedFinding[] } {
  const kept: FileFinding[] = [];
  const suppressed: SuppressedFinding[] = [];
  for (const f of findings) {
    const reason = allow.reasonFor({ finding: f, path: f.file });
    if (reason !== undefined) {
      suppressed.push({ finding: f, reason });
    } else {
      const override = config.severity[f.kind];
      const severity: ReportSeverity = override === undefined || override === 'off' ? f.severity : override;
      kept.push(severity === f.severity ? f : { ...f, severity });
    }
  }
  return { findings: kept, suppressed };
}

function resolveBaseline(command: ScanCommand, config: Config, cwd: string): Baseline | undefined {
  if (command.baseline === false) return undefined;
  if (command.baseline !== undefined) return loadBaseline(resolve(cwd, command.baseline), command.baseline);
  if (config.baseline !== undefined) return loadBaseline(config.baseline, relative(cwd, config.baseline));
  return undefined;
}

function describeSkip(skip: SkippedFile): string {
  const s = { ...skip, file: escapeControl(skip.file) };
  switch (s.reason) {
    case 'unreadable':
      return `cannot read ${s.file} (${s.detail ?? 'unknown error'}); skipped.`;
    case 'brokenSymlink':
      return `broken symbolic link ${s.file}; skipped.`;
    case 'symlinkLoop':
      return `symbolic link loop at ${s.file} (${s.detail ?? 'ELOOP'}); skipped.`;
    case 'notFound':
      return `no such file ${s.file}; skipped.`;
    case 'scanFailed':
      return `could not scan ${s.file} (${s.detail ?? 'unknown error'}); skipped.`;
    default:
      return `${s.file}: ${SKIP_REASON_TEXT[s.reason]}; skipped.`;
  }
}

/** `--verbose`: skipped files, suppressed findings and stale baseline entries, on stderr. */
function writeVerbose(result: ScanResult, stderr: OutputStream): void {
  const skipped = result.skipped ?? [];
  if (skipped.length > 0) {
    stderr.write('mwsguard: skipped files:\n');
    for (const s of skipped) {
      stderr.write(`  ${escapeControl(s.file)}  ${SKIP_REASON_TEXT[s.reason]}${s.detail ? ` (${s.detail})` : ''}\n`);
    }
  }
  const suppressed = result.suppressed ?? [];
  if (suppressed.length > 0) {
    stderr.write('mwsguard: suppressed findings:\n');
    for (const { finding: f, reason } of suppressed) {
      stderr.write(
        `  ${escapeControl(f.file)}:${String(f.line)}:${String(f.column)}  ${f.kind}  ${f.secret}  ${SUPPRESS_REASON_TEXT[reason]}  ${f.fingerprint}\n`,
      );
    }
  }
  const stale = result.staleBaseline ?? [];
  if (stale.length > 0) {
    stderr.write('mwsguard: stale baseline entries (no longer found; remove them or regenerate the baseline):\n');
    // A baseline is input: a forged one can hold a secret as a path.
    for (const e of stale) stderr.write(`  ${escapeControl(redactPath(e.file))}  ${e.kind}  ${e.fingerprint}\n`);
  }
}

function progressDelay(env: RunIO['env']): number {
  const value = Number(env.MWSGUARD_PROGRESS_DELAY_MS);
  return env.MWSGUARD_PROGRESS_DELAY_MS !== undefined && Number.isFinite(value) && value >= 0
    ? value
    : DEFAULT_PROGRESS_DELAY_MS;
}
