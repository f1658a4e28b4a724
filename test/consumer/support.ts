// Helpers of the consumer test: projects in temp directories, npm installs through one cache,
// commands run as a user runs them, and the fake credentials the projects plant.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const PACKAGES = ['core', 'eslint-plugin', 'mwsguard', 'secretlint-rule-mws'] as const;
export type PackageDir = (typeof PACKAGES)[number];

/**
 * Made-up credentials in the shapes AWS and Amazon use (never issued), and how every tool must
 * show them: masked like core's `maskSecret` (first and last four characters).
 */
export const FAKE = {
  accessKeyId: 'AKIA2OGYBAH6Q7KD4XZM',
  secretKey: 'Kq7Zr1nV0bXwP3yH8sL5tA2mD9fG4jC6eU/oI+Rw',
} as const;
export const MASKED = {
  accessKeyId: 'AKIA************4XZM',
  secretKey: 'Kq7Z********************************I+Rw',
} as const;

// One npm cache for every project and run, under the repository's git-ignored `.cache/`.
const NPM_CACHE = join(REPO_ROOT, '.cache/npm');

export interface Ran {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** stdout and stderr together, for what a user sees. */
  readonly output: string;
}

export interface RunOptions {
  readonly env?: NodeJS.ProcessEnv;
  /** Run under this Node major through `npx node@<major>` instead of the current Node. */
  readonly node?: 22;
}

/** The environment of every command: the shared npm cache, no colours, no update notices. */
function environment(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const inherited = Object.entries(process.env).filter(
    ([key]) => !key.startsWith('npm_') && !key.startsWith('GIT_') && key !== 'NODE_OPTIONS',
  );
  return {
    ...Object.fromEntries(inherited),
    npm_config_cache: NPM_CACHE,
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    NO_COLOR: '1',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    ...extra,
  };
}

/** Runs a command in `cwd` and returns what it printed and its exit code. */
export function run(cwd: string, command: string, args: readonly string[], options: RunOptions = {}): Ran {
  const [file, argv] =
    options.node === undefined ? [command, args] : ['npx', ['--yes', `node@${options.node}`, command, ...args]];
  const result = spawnSync(file, argv, {
    cwd,
    encoding: 'utf8',
    env: environment(options.env),
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return {
    code: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    output: `${result.stdout}${result.stderr}`,
  };
}

/** Like {@link run}, but throws with the output unless the command exits 0. */
export function ok(cwd: string, command: string, args: readonly string[], options: RunOptions = {}): Ran {
  const result = run(cwd, command, args, options);
  if (result.code !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.code}:\n${result.output}`);
  return result;
}

/** Writes files (path → content) under `root`, creating directories. */
export function writeTree(root: string, tree: Readonly<Record<string, string>>): void {
  for (const [path, content] of Object.entries(tree)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
}

/**
 * A new project `name` under the consumer root, as `npm init -y` makes it (CommonJS), with
 * `files` written into it and a git repository when `git` is set.
 */
export function project(name: string, files: Readonly<Record<string, string>> = {}, git = false): string {
  const dir = join(inject('consumerRoot'), name);
  mkdirSync(dir, { recursive: true });
  ok(dir, 'npm', ['init', '-y']);
  writeTree(dir, files);
  if (git) {
    ok(dir, 'git', ['init', '-q', '-b', 'main']);
    ok(dir, 'git', ['config', 'user.name', 'Consumer Test']);
    ok(dir, 'git', ['config', 'user.email', 'consumer@example.com']);
    ok(dir, 'git', ['config', 'commit.gpgsign', 'false']);
  }
  return dir;
}

/** The tarball of each of `packages` (their dependencies among ours come along). */
export function tarballs(...packages: PackageDir[]): string[] {
  const all = inject('tarballs');
  const wanted = new Set<PackageDir>(['core', ...packages]);
  return [...wanted].map((p) => all[p]);
}

// npm's own script, so that another Node (`npx node@22 <script>`) can run it.
const NPM_CLI = realpathSync(execFileSync('sh', ['-c', 'command -v npm'], { encoding: 'utf8' }).trim());

/** `npm install --save-dev` of registry packages and tarballs (under `options.node` if set). */
export function npmInstall(dir: string, specs: readonly string[], options: RunOptions = {}): Ran {
  const args = ['install', '--save-dev', '--prefer-offline', '--no-audit', '--no-fund', ...specs];
  return options.node === undefined ? ok(dir, 'npm', args, options) : ok(dir, NPM_CLI, args, options);
}

/** A bin the project installed, run as `npx --no-install <name>` runs it (under `options.node` if set). */
export function bin(dir: string, name: string, args: readonly string[], options: RunOptions = {}): Ran {
  return options.node === undefined
    ? run(dir, 'npx', ['--no-install', name, ...args], options)
    : run(dir, join(dir, 'node_modules/.bin', name), args, options);
}

/** True when `node_modules/<name>` exists in `dir`. */
export function installed(dir: string, name: string): boolean {
  return existsSync(join(dir, 'node_modules', name, 'package.json'));
}

/** The first fenced block of `lang` in `file` (repository-relative) whose text starts with `first`. */
export function snippet(file: string, lang: string, first: string): string {
  const text = readFileSync(join(REPO_ROOT, file), 'utf8');
  for (const m of text.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)) {
    if (m[1] === lang && (m[2] ?? '').startsWith(first)) return m[2] ?? '';
  }
  throw new Error(`${file}: no \`\`\`${lang} block starting with ${first}`);
}

/** Expects `text` to show `FAKE` values only masked. */
export function leaksNothing(text: string): boolean {
  return !text.includes(FAKE.accessKeyId) && !text.includes(FAKE.secretKey);
}
