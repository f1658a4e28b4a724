import type { ReportedFinding } from '../result.js';
import type { MergeInput } from './inputs.js';
import { readReport } from './read-report.js';
import type { Report } from './read-report.js';
import type { MergeTotals, RepositoryTotals } from './totals.js';

/** One report as the merge walks it, already counted in the totals. */
export interface WalkedReport {
  readonly input: MergeInput;
  readonly report: Report;
  /** Its repository's totals so far (final when {@link last} is set). */
  readonly repository: RepositoryTotals;
  /** First report of its repository. */
  readonly first: boolean;
  /** Last report of its repository. */
  readonly last: boolean;
}

/**
 * Reads the reports one at a time, in the order given (grouped by repository, see
 * `mergeInputs`), counting each into `totals` before yielding it. Only the current report is in
 * memory, so every output streams: renderers write a report's findings and drop them.
 */
export function* walkReports(inputs: readonly MergeInput[], totals: MergeTotals): Generator<WalkedReport> {
  for (const [i, input] of inputs.entries()) {
    const report = readReport(input.path, input.display);
    const first = inputs[i - 1]?.repository !== input.repository;
    const last = inputs[i + 1]?.repository !== input.repository;
    const repository = totals.repository(input.repository);
    totals.addReport(repository, report.summary);
    for (const f of report.findings) totals.addFinding(repository, f);
    yield { input, report, repository, first, last };
  }
}

/** A report's finding with the repository it came from (the merged JSON's finding). */
export const withRepository = (f: ReportedFinding, repository: string): object => ({ repository, ...f });
