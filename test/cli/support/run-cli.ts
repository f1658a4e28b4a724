import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from 'mwsguard';

/** The repository root (where `pnpm mwsguard` runs). */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Absolute path of a fixture tree (or a path inside one) under test/cli/fixtures/. */
export const fixture = (...segments: string[]): string =>
  join(fileURLToPath(new URL('../fixtures/', import.meta.url)), ...segments);

/** What a CLI run printed and returned. */
export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** How to run the CLI in-process. */
export interface CliOptions {
  readonly cwd: string;
  /** Default `{ NO_COLOR: '1' }`: plain text whatever the test runner's own environment says. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Whether stdout pretends to be a terminal; default `false`. */
  readonly isTTY?: boolean;
  /** Whether stderr pretends to be a terminal (progress); default `false`. */
  readonly stderrTTY?: boolean;
  /** Standard input (for `--stdin-filenames`). */
  readonly stdin?: string;
}

/** Runs `mwsguard <argv>` in-process with string buffers for stdout and stderr. */
export async function runCli(argv: readonly string[], options: CliOptions): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    cwd: options.cwd,
    stdout: {
      write: (chunk: string) => (stdout += chunk),
      isTTY: options.isTTY ?? false,
    },
    stderr: { write: (chunk: string) => (stderr += chunk), isTTY: options.stderrTTY ?? false },
    env: options.env ?? { NO_COLOR: '1' },
    ...(options.stdin === undefined ? {} : { stdin: [options.stdin] }),
  });
  return { code, stdout, stderr };
}

/** One finding of the `json` format (version 1). */
interface JsonFinding {
  readonly ruleId: string;
  readonly kind: string;
  readonly severity: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly secret: string;
  readonly fingerprint: string;
  readonly message: string;
  readonly recommendation: string;
}

/** The `commit` object of a `--history` finding. */
interface JsonCommit {
  readonly sha: string;
  readonly author: string;
  readonly email: string;
  readonly date: string;
  readonly count: number;
}

/** The `json` format's summary (version 1, with the fields added within it). */
interface JsonSummary {
  readonly filesScanned: number;
  readonly filesSkipped: number;
  readonly findings: number;
  readonly findingsByKind: Readonly<Record<string, number>>;
  readonly findingsBySeverity: Readonly<Record<string, number>>;
  readonly skippedByReason: Readonly<Record<string, number>>;
  readonly suppressed: number;
  readonly suppressedByReason: Readonly<Record<string, number>>;
  readonly baselined: number;
  readonly staleBaselineEntries: number;
  readonly reused: readonly {
    readonly fingerprint: string;
    readonly kind: string;
    readonly secret: string;
    readonly count: number;
    readonly places: readonly string[];
  }[];
  readonly incomplete: boolean;
  readonly commitsScanned?: number;
}

/** The `json` format's document (version 1). */
export interface JsonReport {
  readonly version: number;
  readonly findings: readonly (JsonFinding & { readonly commit?: JsonCommit })[];
  readonly summary: JsonSummary;
}

/** Runs `mwsguard scan --format json <args>` and parses stdout. */
export async function scanJson(
  args: readonly string[],
  options: CliOptions,
): Promise<CliResult & { readonly report: JsonReport }> {
  const result = await runCli(['scan', '--format', 'json', ...args], options);
  return { ...result, report: JSON.parse(result.stdout) as JsonReport };
}

/** The places of a report's findings, in output order: `file line:column kind`. */
export const places = (report: JsonReport): string[] =>
  report.findings.map((f) => `${f.file} ${String(f.line)}:${String(f.column)} ${f.kind}`);
