import { SEVERITIES } from '../result.js';
import type { ReportSeverity } from '../result.js';
import { UsageError } from '../usage-error.js';

/** What the action scans: see `mode` in action.yml. */
const MODES = ['working-tree', 'pull-request', 'history'] as const;
export type Mode = (typeof MODES)[number];

/** The action's inputs (action.yml), with their defaults applied. */
export interface ActionInputs {
  /** Paths to scan (default: the whole working directory). */
  readonly paths: readonly string[];
  /** Default `working-tree`. */
  readonly mode: Mode;
  /** `pull-request` mode: the revision the pull request starts from (default: the event's base). */
  readonly base: string | undefined;
  readonly failOn: ReportSeverity | undefined;
  readonly baseline: string | undefined;
  readonly config: string | undefined;
  readonly locale: string | undefined;
  /** Where to write SARIF; `undefined` for none. Default `mwsguard.sarif`. */
  readonly sarifFile: string | undefined;
  /** Annotations on the lines (default `true`). */
  readonly annotations: boolean;
  /** Directory to scan from (default: the workspace). */
  readonly workingDirectory: string | undefined;
}

type Env = Readonly<Record<string, string | undefined>>;

/** Every input action.yml declares (a test keeps the two lists equal). */
export const INPUT_NAMES = [
  'paths',
  'mode',
  'base',
  'fail-on',
  'baseline',
  'config',
  'locale',
  'sarif-file',
  'annotations',
  'working-directory',
] as const;
type InputName = (typeof INPUT_NAMES)[number];

/**
 * One input as the runner passes it: `INPUT_` plus the name upper-cased, spaces as `_`, hyphens
 * kept (`fail-on` is `INPUT_FAIL-ON`), trimmed; `undefined` when empty. See the runner's
 * "inputs" handling and @actions/core `getInput`.
 */
function input(env: Env, name: InputName): string | undefined {
  const value = env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

/** Reads and checks every input; a bad value is a {@link UsageError} naming the input. */
export function readInputs(env: Env): ActionInputs {
  const mode = input(env, 'mode') ?? 'working-tree';
  if (!(MODES as readonly string[]).includes(mode)) {
    throw new UsageError(`Input "mode" is "${mode}": expected one of ${MODES.join(', ')}.`);
  }
  const failOn = input(env, 'fail-on');
  if (failOn !== undefined && !(SEVERITIES as readonly string[]).includes(failOn)) {
    throw new UsageError(`Input "fail-on" is "${failOn}": expected one of ${SEVERITIES.join(', ')}.`);
  }
  return {
    paths: splitPaths(input(env, 'paths')),
    mode: mode as Mode,
    base: input(env, 'base'),
    failOn: failOn as ReportSeverity | undefined,
    baseline: input(env, 'baseline'),
    config: input(env, 'config'),
    locale: input(env, 'locale'),
    sarifFile: sarifFile(env),
    annotations: booleanInput(env, 'annotations', true),
    workingDirectory: input(env, 'working-directory'),
  };
}

/** `sarif-file`: unset means the default; `false` or `none` turn SARIF off. */
function sarifFile(env: Env): string | undefined {
  const value = input(env, 'sarif-file');
  if (value === undefined) return 'mwsguard.sarif';
  return value === 'false' || value === 'none' ? undefined : value;
}

/** A YAML 1.2 core schema boolean, as @actions/core `getBooleanInput` accepts. */
function booleanInput(env: Env, name: InputName, fallback: boolean): boolean {
  const value = input(env, name);
  if (value === undefined) return fallback;
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  throw new UsageError(`Input "${name}" is "${value}": expected true or false.`);
}

/** One path per line; a single line may also list several paths separated by spaces. */
function splitPaths(value: string | undefined): string[] {
  if (value === undefined) return [];
  const lines = value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  return lines.length === 1 ? (lines[0] ?? '').split(/\s+/) : lines;
}
