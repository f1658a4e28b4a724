import { SARIF_SCHEMA_URI, sarifDriver, sarifResult } from '../formatters/sarif.js';
import type { MergeInput } from './inputs.js';
import { MergeTotals } from './totals.js';
import { walkReports } from './walk.js';

/** Options of {@link renderMergedSarif}. */
export interface MergedSarifOptions {
  readonly toolVersion: string;
  readonly locale: string | undefined;
  /**
   * Whether each run's rules carry the long-form help. Default `false`: a merge of a thousand
   * repositories would repeat it a thousand times; the rules' `helpUri` links the same text.
   */
  readonly ruleHelp?: boolean;
  /** Whether each run gets `automationDetails.id` `mwsguard/<repository>/`. Default `true`. */
  readonly automationIds?: boolean;
}

/**
 * One SARIF 2.1.0 log with one run per repository, written as the reports are read. A run's
 * `properties` hold its repository and totals; the log's `properties` hold the fingerprints found
 * in more than one repository, which no single run can show.
 */
export function* renderMergedSarif(inputs: readonly MergeInput[], options: MergedSarifOptions): Generator<string> {
  const driver = sarifDriver(options.toolVersion, options.locale);
  const rules = options.ruleHelp === true ? driver.rules : driver.rules.map(withoutHelp);
  const tool = JSON.stringify({ driver: { ...driver, rules } });
  const totals = new MergeTotals();
  const head = JSON.stringify({ $schema: SARIF_SCHEMA_URI, version: '2.1.0' }).slice(0, -1);
  yield `${head},"runs":[`;
  let firstRun = true;
  let firstResult = true;
  for (const { report, repository, first, last } of walkReports(inputs, totals)) {
    if (first) {
      const automation =
        options.automationIds === false
          ? ''
          : `"automationDetails":${JSON.stringify({ id: `mwsguard/${repository.repository}/` })},`;
      yield `${firstRun ? '\n' : ',\n'}{"tool":${tool},${automation}"columnKind":"utf16CodeUnits","results":[`;
      firstRun = false;
      firstResult = true;
    }
    for (const f of report.findings) {
      yield `${firstResult ? '\n' : ',\n'}${JSON.stringify(sarifResult(f))}`;
      firstResult = false;
    }
    if (last) {
      const invocation = { executionSuccessful: !repository.incomplete };
      const properties = {
        repository: repository.repository,
        reports: repository.reports,
        findings: repository.findings,
        secrets: repository.secrets,
        filesScanned: repository.filesScanned,
        ...(repository.commitsScanned === undefined ? {} : { commitsScanned: repository.commitsScanned }),
        incomplete: repository.incomplete,
      };
      yield `${firstResult ? '' : '\n'}],"invocations":[${JSON.stringify(invocation)}],"properties":${JSON.stringify(properties)}}`;
    }
  }
  const reused = totals.reusedAcrossRepositories().map((r) => ({
    fingerprint: r.fingerprint,
    kind: r.kind,
    secret: r.secret,
    count: r.count,
    repositories: r.repositories,
  }));
  yield `${firstRun ? '' : '\n'}],"properties":${JSON.stringify({ reusedAcrossRepositories: reused })}}\n`;
}

const withoutHelp = (rule: object): object =>
  Object.fromEntries(Object.entries(rule).filter(([key]) => key !== 'help'));
