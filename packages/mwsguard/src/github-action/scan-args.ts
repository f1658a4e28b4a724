import { readFileSync } from 'node:fs';
import type { ActionInputs } from './inputs.js';
import { UsageError } from '../usage-error.js';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The `mwsguard scan` arguments for the inputs (`since`: the {@link pullRequestBase}), writing the JSON report to `report`: the action
 * scans once and derives annotations, SARIF and the job summary from that report.
 */
export function scanArguments(inputs: ActionInputs, since: string | undefined, report: string): string[] {
  const args = ['scan'];
  if (inputs.mode === 'history') args.push('--history');
  if (inputs.mode === 'pull-request' && since !== undefined) args.push('--history', '--since', since);
  if (inputs.failOn !== undefined) args.push('--fail-on', inputs.failOn);
  if (inputs.baseline !== undefined) args.push('--baseline', inputs.baseline);
  if (inputs.config !== undefined) args.push('--config', inputs.config);
  if (inputs.locale !== undefined) args.push('--locale', inputs.locale);
  args.push('--format', 'json', '--output', report);
  // After `--`: a path that starts with a dash stays a path.
  if (inputs.paths.length > 0) args.push('--', ...inputs.paths);
  return args;
}

/**
 * Where the pull request's commits start: the `base` input, else the base commit of the
 * `pull_request` event (present with `fetch-depth: 0`), else `origin/<base branch>`.
 */
export function pullRequestBase(inputs: ActionInputs, env: Env): string {
  if (inputs.base !== undefined) return inputs.base;
  const sha = eventBaseSha(env.GITHUB_EVENT_PATH);
  if (sha !== undefined) return sha;
  const branch = env.GITHUB_BASE_REF;
  if (branch !== undefined && branch !== '') return `origin/${branch}`;
  throw new UsageError(
    'Input "mode" is "pull-request", but this is no pull_request event: set the "base" input to the revision to start from.',
  );
}

function eventBaseSha(path: string | undefined): string | undefined {
  if (path === undefined || path === '') return undefined;
  try {
    const event = JSON.parse(readFileSync(path, 'utf8')) as { pull_request?: { base?: { sha?: unknown } } };
    const sha = event.pull_request?.base?.sha;
    return typeof sha === 'string' && /^[0-9a-f]{40,64}$/.test(sha) ? sha : undefined;
  } catch {
    return undefined; // No readable payload: fall back to the branch name.
  }
}
