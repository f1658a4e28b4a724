import { resolve } from 'node:path';
import type { ReportMergeCommand } from '../args.js';
import { EXIT_OK } from '../exit-codes.js';
import type { ExitCode } from '../exit-codes.js';
import type { RunIO } from '../io.js';
import { writeFileAtomically, writeToStream } from '../output.js';
import { readVersion } from '../version.js';
import { mergeInputs } from './inputs.js';
import { renderMergedJson } from './render-json.js';
import { renderMergedMarkdown } from './render-markdown.js';
import { renderMergedSarif } from './render-sarif.js';

/**
 * `mwsguard report merge REPORT...`: one report from many per-repository JSON reports, written
 * while they are read (see docs/integrations/org-scale.md). Exit 0 once written, whatever the
 * findings (the scans already failed their jobs); 2 for a report that cannot be read.
 */
export async function runReportMerge(
  command: ReportMergeCommand,
  io: RunIO,
  locale: string | undefined,
): Promise<ExitCode> {
  const inputs = mergeInputs(command.reports, io.cwd);
  let parts: Iterable<string>;
  switch (command.format) {
    case 'json':
      parts = renderMergedJson(inputs);
      break;
    case 'markdown':
      parts = renderMergedMarkdown(inputs);
      break;
    case 'sarif':
      parts = renderMergedSarif(inputs, { toolVersion: await readVersion(), locale });
      break;
  }
  if (command.output === undefined) await writeToStream(parts, io.stdout);
  else await writeFileAtomically(resolve(io.cwd, command.output), parts, command.output);
  return EXIT_OK;
}
