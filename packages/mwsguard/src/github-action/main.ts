import { randomBytes } from 'node:crypto';
import { existsSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { EXIT_ERROR } from '../exit-codes.js';
import type { ExitCode } from '../exit-codes.js';
import { annotation } from '../formatters/github.js';
import type { RunIO } from '../io.js';
import { writeFileAtomically, writeToStream } from '../output.js';
import { redactMessage } from '../redact.js';
import { readReport } from '../report-merge/read-report.js';
import { renderMergedSarif } from '../report-merge/render-sarif.js';
import { run } from '../run.js';
import { UsageError } from '../usage-error.js';
import { readVersion } from '../version.js';
import { readInputs } from './inputs.js';
import { renderJobSummary } from './job-summary.js';
import { pullRequestBase, scanArguments } from './scan-args.js';
import { writeOutputs, writeSummary } from './workflow-files.js';

/** Every output action.yml declares. */
export const OUTPUT_NAMES = ['findings', 'sarif-file', 'exit-code'] as const;

/**
 * The GitHub Action (action.yml): reads its inputs from `INPUT_*`, scans once with the CLI into
 * a JSON report, then writes annotations (stdout), the SARIF file, the job summary
 * (`GITHUB_STEP_SUMMARY`) and the outputs `findings`, `sarif-file` and `exit-code`
 * (`GITHUB_OUTPUT`). Resolves to the scan's exit code, which fails the step when it is not 0.
 */
export async function runAction(io: RunIO): Promise<ExitCode> {
  const env = io.env;
  const report = join(env.RUNNER_TEMP ?? tmpdir(), `mwsguard-${randomBytes(6).toString('hex')}.json`);
  try {
    const inputs = readInputs(env);
    const cwd = resolve(io.cwd, inputs.workingDirectory ?? '.');
    const since = inputs.mode === 'pull-request' ? pullRequestBase(inputs, env) : undefined;
    const args = scanArguments(inputs, since, report);
    const exitCode = await run(args, { ...io, cwd });
    if (!existsSync(report)) {
      // The CLI printed why (a usage or configuration error); nothing to summarize.
      writeOutputs(env.GITHUB_OUTPUT, { findings: '0', 'sarif-file': '', 'exit-code': String(exitCode) });
      return exitCode;
    }
    const scanned = readReport(report, 'the scan report');
    if (inputs.annotations)
      await writeToStream(
        scanned.findings.map((f) => `${annotation(f)}\n`),
        io.stdout,
      );
    io.stdout.write(
      `mwsguard: ${String(scanned.findings.length)} finding(s), ${String(scanned.summary.filesScanned)} file(s) scanned; exit code ${String(exitCode)}.\n`,
    );
    let sarifFile = '';
    if (inputs.sarifFile !== undefined) {
      const repository = env.GITHUB_REPOSITORY ?? 'repository';
      const parts = renderMergedSarif([{ repository, path: report, display: 'the scan report' }], {
        toolVersion: await readVersion(),
        locale: inputs.locale ?? env.MWSGUARD_LOCALE,
        ruleHelp: true,
        automationIds: false,
      });
      await writeFileAtomically(resolve(cwd, inputs.sarifFile), parts, inputs.sarifFile);
      sarifFile = inputs.sarifFile;
    }
    const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
    writeSummary(
      env.GITHUB_STEP_SUMMARY,
      renderJobSummary(scanned, {
        mode: inputs.mode,
        since,
        exitCode,
        repositoryUrl: env.GITHUB_REPOSITORY === undefined ? undefined : `${server}/${env.GITHUB_REPOSITORY}`,
        sha: env.GITHUB_SHA,
      }),
    );
    writeOutputs(env.GITHUB_OUTPUT, {
      findings: String(scanned.findings.length),
      'sarif-file': sarifFile,
      'exit-code': String(exitCode),
    });
    return exitCode;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stdout.write(`::error title=mwsguard::${escapeData(redactMessage(error.message))}\n`);
    writeOutputs(env.GITHUB_OUTPUT, { findings: '0', 'sarif-file': '', 'exit-code': String(EXIT_ERROR) });
    return EXIT_ERROR;
  } finally {
    if (existsSync(report)) unlinkSync(report);
  }
}

const escapeData = (text: string): string => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
