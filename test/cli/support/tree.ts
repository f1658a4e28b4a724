import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { REPO_ROOT } from './run-cli.js';
import type { JsonReport } from './run-cli.js';
import { plainEnv, spawnProcess } from '../../support/spawn.js';
import type { Spawned } from '../../support/spawn.js';

/** Per-test hang guard of the tests that spawn the bin and git: minutes, for loaded CI machines. */
export const SPAWN_TIMEOUT = 300_000;

/** The real bin: it loads the compiled packages/mwsguard/dist/ (`npx tsc -b` first). */
export const BIN = join(REPO_ROOT, 'packages/mwsguard/bin/mwsguard.js');

/** A new empty directory under the system temp dir; `cleanup` removes it. */
export function tempDir(prefix = 'mwsguard-cli-'): { readonly dir: string; readonly cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    cleanup: () => {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Writes files (path → content) under `root`, creating directories. */
export function writeTree(root: string, tree: Readonly<Record<string, string | Uint8Array>>): void {
  for (const [path, content] of Object.entries(tree)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
}

/** Runs git in `cwd` and returns its stdout; throws with stderr on failure. */
export function git(cwd: string, ...args: string[]): string {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8', env: gitEnv() });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

/** The environment for git in tests: no global or system config, fixed dates. */
export function gitEnv(): NodeJS.ProcessEnv {
  // Variables a surrounding git (a hook running the tests) may set would point at its repository.
  const inherited = Object.entries(process.env).filter(
    ([key]) =>
      !(key.startsWith('GIT_') && (key.endsWith('_DIR') || key === 'GIT_INDEX_FILE' || key === 'GIT_WORK_TREE')),
  );
  return { ...Object.fromEntries(inherited), GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' };
}

/** `git init -b main` in a new temp directory, with a local user. */
export function tempRepo(): { readonly dir: string; readonly cleanup: () => void } {
  const repo = tempDir('mwsguard-repo-');
  git(repo.dir, 'init', '-q', '-b', 'main');
  git(repo.dir, 'config', 'user.name', 'Test Author');
  git(repo.dir, 'config', 'user.email', 'author@example.com');
  git(repo.dir, 'config', 'commit.gpgsign', 'false');
  return repo;
}

/** Writes files, stages them and commits with `message`; returns the commit id. */
export function commit(cwd: string, message: string, tree: Readonly<Record<string, string | Uint8Array>> = {}): string {
  writeTree(cwd, tree);
  git(cwd, 'add', '-A');
  git(cwd, 'commit', '-q', '--allow-empty', '-m', message);
  return git(cwd, 'rev-parse', 'HEAD').trim();
}

export type { Spawned } from '../../support/spawn.js';

/** Options of {@link spawnBin}. */
export interface SpawnOptions {
  readonly cwd: string;
  readonly input?: string;
  readonly env?: Readonly<Record<string, string>>;
}

/** Runs `node bin/mwsguard.js args` in `cwd`, plain output (NO_COLOR=1, no FORCE_COLOR). */
export function spawnBin(args: readonly string[], options: SpawnOptions): Promise<Spawned> {
  const env = plainEnv(gitEnv());
  delete env.MWSGUARD_DEBUG;
  Object.assign(env, options.env);
  return spawnProcess(process.execPath, [BIN, ...args], { cwd: options.cwd, env, input: options.input });
}

/** Spawns `mwsguard scan --format json args` and parses the report. */
export async function spawnJson(
  args: readonly string[],
  options: SpawnOptions,
): Promise<Spawned & { readonly report: JsonReport }> {
  const result = await spawnBin(['scan', '--format', 'json', ...args], options);
  let report: JsonReport;
  try {
    report = JSON.parse(result.stdout) as JsonReport;
  } catch {
    throw new Error(`not JSON (exit ${String(result.code)}): ${result.stdout}\n${result.stderr}`);
  }
  return { ...result, report };
}
