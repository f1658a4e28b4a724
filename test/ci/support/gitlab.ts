import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../cli/support/run-cli.js';
import { gitEnv } from '../../cli/support/tree.js';
import { spawnProcess } from '../../support/spawn.js';
import { yaml } from './yaml.js';
import type { Tree } from './yaml.js';

// A GitLab CI/CD component rendered as GitLab does: the header's `spec: inputs` checked against
// the inputs given (unknown names, missing required ones, `options`, `type`), then every
// `$[[ inputs.NAME ]]` in the body's keys and values replaced. A value that is the interpolation
// alone takes the input's type (boolean, array), as GitLab's does; inside a string it is text.

interface InputSpec {
  readonly default?: unknown;
  readonly options?: readonly unknown[];
  readonly type?: 'string' | 'boolean' | 'number' | 'array';
}

const ONE = /^\$\[\[\s*inputs\.([\w-]+)\s*\]\]$/;
const ANY = /\$\[\[\s*inputs\.([\w-]+)\s*\]\]/g;

/** Renders `templates/<name>.yml` with `inputs`; returns the jobs (and hidden jobs) by name. */
export function renderComponent(name: string, inputs: Readonly<Record<string, unknown>>): Record<string, Tree> {
  const [header, body] = yaml().loadAll(readFileSync(join(REPO_ROOT, `templates/${name}.yml`), 'utf8')) as [Tree, Tree];
  const specs = (header.spec as { inputs: Record<string, InputSpec | null> }).inputs;
  for (const key of Object.keys(inputs)) if (!(key in specs)) throw new Error(`unknown input ${key}`);
  const values: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(specs)) {
    const value = key in inputs ? inputs[key] : spec?.default;
    if (value === undefined) throw new Error(`input ${key} is required`);
    const type = spec?.type ?? 'string';
    const actual = Array.isArray(value) ? 'array' : typeof value;
    if (actual !== type) throw new Error(`input ${key} must be a ${type}, not ${actual}`);
    if (spec?.options && !spec.options.includes(value))
      throw new Error(`input ${key}: ${JSON.stringify(value)} is not an option`);
    values[key] = value;
  }
  const lookup = (key: string): unknown => {
    if (!(key in values)) throw new Error(`unknown input in the body: ${key}`);
    return values[key];
  };
  const text = (s: string): string => s.replace(ANY, (_, key: string) => String(lookup(key)));
  const walk = (node: unknown): unknown => {
    if (typeof node === 'string') {
      const whole = ONE.exec(node);
      return whole ? lookup(whole[1]!) : text(node);
    }
    if (Array.isArray(node)) return node.map(walk);
    if (node !== null && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([k, v]) => [text(k), walk(v)]));
    }
    return node;
  };
  return walk(body) as Record<string, Tree>;
}

/** A job with `extends` resolved (one level, hashes merged as GitLab merges them). */
export function resolveJob(jobs: Record<string, Tree>, name: string): Tree {
  const job = jobs[name];
  if (job === undefined) throw new Error(`no job ${name}`);
  const parent = typeof job.extends === 'string' ? jobs[job.extends] : undefined;
  if (parent === undefined) return job;
  const merged: Tree = { ...parent, ...job };
  merged.variables = { ...(parent.variables as Tree | undefined), ...(job.variables as Tree | undefined) };
  return merged;
}

/** What a job's script run printed and returned. */
export interface JobRun {
  readonly code: number | null;
  readonly output: string;
}

/**
 * Runs a job's `before_script` and `script` in `cwd` as the GitLab runner's bash shell does: one
 * shell, stopping at the first failing line, with the job's variables (and `env`) exported.
 */
export async function runJob(job: Tree, cwd: string, env: Readonly<Record<string, string>> = {}): Promise<JobRun> {
  const lines = [
    ...((job.before_script as string[] | undefined) ?? []),
    ...((job.script as string[] | undefined) ?? []),
  ];
  const variables = Object.fromEntries(
    Object.entries((job.variables as Tree | undefined) ?? {}).map(([k, v]) => [k, String(v)]),
  );
  const run = await spawnProcess('bash', ['-c', `set -eo pipefail\n${lines.join('\n')}`], {
    cwd,
    env: { ...gitEnv(), NO_COLOR: '1', ...variables, ...env },
  });
  return { code: run.code, output: run.stdout + run.stderr };
}
