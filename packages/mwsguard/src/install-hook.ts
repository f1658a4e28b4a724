import { access, appendFile, chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeFailure, errnoCode } from './errno.js';
import { git } from './git.js';
import { UsageError } from './usage-error.js';

/** The line that marks a hook as ours: such a hook may be replaced without `--force`. */
export const HOOK_MARKER = '# mwsguard-managed-hook';

/** Result of {@link installHook}. */
export interface InstalledHook {
  readonly path: string;
  /** Where a foreign hook replaced with `--force` was saved, if any. */
  readonly backup?: string;
  readonly replaced: boolean;
  /**
   * Set in a husky repository: `added` when {@link HUSKY_COMMAND} was added to husky's
   * `pre-commit` script, `present` when the script already ran mwsguard.
   */
  readonly husky?: 'added' | 'present';
}

/** The command added to husky's `.husky/pre-commit`: the project's own mwsguard. */
export const HUSKY_COMMAND = 'npx --no-install mwsguard scan --staged';

const exists = (path: string): Promise<boolean> =>
  access(path).then(
    () => true,
    () => false,
  );

/**
 * The user's pre-commit script when husky (9) manages the hooks: husky points `core.hooksPath`
 * at `.husky/_`, which it regenerates on every install, and its hooks there run `.husky/<hook>`.
 * A command belongs in that script, which the project commits; `undefined` without husky.
 */
async function huskyScript(hooksDir: string): Promise<string | undefined> {
  if (basename(hooksDir) !== '_') return undefined;
  const runner = (await exists(join(hooksDir, 'h'))) || (await exists(join(hooksDir, 'husky.sh')));
  return runner ? join(dirname(hooksDir), 'pre-commit') : undefined;
}

async function readIfPresent(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return undefined;
    throw new UsageError(`Cannot read ${path} (${describeFailure(error)}).`);
  }
}

/** Adds {@link HUSKY_COMMAND} to husky's pre-commit script unless it already runs mwsguard. */
async function addToHusky(path: string): Promise<InstalledHook> {
  const existing = await readIfPresent(path);
  const runsMwsguard = existing?.split('\n').some((line) => line.includes('mwsguard') && line.includes(' scan'));
  if (runsMwsguard === true) {
    return { path, replaced: false, husky: 'present' };
  }
  const separator = existing === undefined || existing === '' || existing.endsWith('\n') ? '' : '\n';
  await appendFile(path, `${separator}${HUSKY_COMMAND}\n`, { mode: 0o755 });
  return { path, replaced: false, husky: 'added' };
}

const quote = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`;

/** The hook script: `mwsguard scan --staged`, through the node and mwsguard that installed it. */
function hookScript(binPath: string, nodePath: string): string {
  return `#!/bin/sh
${HOOK_MARKER}
# Written by \`mwsguard install-hook\`: refuses commits that add Amazon MWS / SP-API credentials.
# It scans what is staged (the index), not the working tree. To skip it once: git commit --no-verify.
MWSGUARD=${quote(binPath)}
if [ ! -f "$MWSGUARD" ]; then
  echo "mwsguard pre-commit hook: $MWSGUARD is missing; reinstall mwsguard or run mwsguard install-hook again." >&2
  exit 1
fi
NODE=$(command -v node 2>/dev/null || echo ${quote(nodePath)})
exec "$NODE" "$MWSGUARD" scan --staged
`;
}

/**
 * Writes a pre-commit hook into the repository at `cwd` (where `git rev-parse --git-path hooks`
 * says: `core.hooksPath` and worktrees are honoured). With husky, adds the scan to husky's
 * `.husky/pre-commit` instead. A hook that mwsguard did not write is left
 * alone unless `force` is set, in which case it is saved next to it first.
 */
export async function installHook(cwd: string, force: boolean): Promise<InstalledHook> {
  const result = await git(['rev-parse', '--git-path', 'hooks'], cwd);
  if (result.code !== 0) throw new UsageError(`Not inside a git repository: ${cwd}`);
  const relativeDir = result.stdout.trim();
  const dir = isAbsolute(relativeDir) ? relativeDir : resolve(cwd, relativeDir);
  const husky = await huskyScript(dir);
  if (husky !== undefined) return addToHusky(husky);
  const path = join(dir, 'pre-commit');
  const existing = await readIfPresent(path);
  let backup: string | undefined;
  if (existing !== undefined && !existing.includes(HOOK_MARKER)) {
    if (!force) {
      throw new UsageError(
        `A pre-commit hook that mwsguard did not write already exists: ${path}. Add "mwsguard scan --staged" to it, or use --force to replace it (it is kept as pre-commit.mwsguard-backup).`,
      );
    }
    backup = `${path}.mwsguard-backup`;
    await rename(path, backup);
  }
  const bin = fileURLToPath(new URL('../bin/mwsguard.js', import.meta.url));
  await mkdir(dir, { recursive: true });
  const temporary = `${path}.mwsguard-tmp`;
  await writeFile(temporary, hookScript(bin, process.execPath), { mode: 0o755 });
  await chmod(temporary, 0o755);
  await rename(temporary, path);
  return { path, replaced: existing !== undefined, ...(backup === undefined ? {} : { backup }) };
}
