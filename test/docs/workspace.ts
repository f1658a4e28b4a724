// The scratch project documented shell commands run in: a git repository holding a copy of
// examples/seller-tools, with the rule packages linked into node_modules and stand-ins for
// `npx`, `pnpm` and `mwsguard` on PATH that run this checkout's builds, offline.
import { execFileSync, spawn } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { REPO_ROOT } from './markdown.js';

const requireFromRule = createRequire(join(REPO_ROOT, 'packages/secretlint-rule-mws/package.json'));
const requireFromRoot = createRequire(join(REPO_ROOT, 'package.json'));

/** The built mwsguard CLI. */
export const MWSGUARD_BIN = join(REPO_ROOT, 'packages/mwsguard/bin/mwsguard.js');
/** The ESLint CLI the repository uses. */
const ESLINT_BIN = join(dirname(requireFromRoot.resolve('eslint/package.json')), 'bin/eslint.js');
/** The secretlint 13 CLI the rule is tested with. */
const SECRETLINT_BIN = join(dirname(requireFromRule.resolve('secretlint/package.json')), 'bin/secretlint.js');

/** Packages the documented configs import, linked into the workspace's node_modules. */
const LINKED_PACKAGES: Readonly<Record<string, string>> = {
  '@mwsguard/eslint-plugin': join(REPO_ROOT, 'packages/eslint-plugin'),
  '@mwsguard/secretlint-rule-mws': join(REPO_ROOT, 'packages/secretlint-rule-mws'),
  '@secretlint/secretlint-rule-preset-recommend': dirname(
    requireFromRule.resolve('@secretlint/secretlint-rule-preset-recommend/package.json'),
  ),
  'typescript-eslint': dirname(requireFromRoot.resolve('typescript-eslint/package.json')),
  // `defineConfig` from 'eslint/config' in the TypeScript config snippet.
  eslint: dirname(requireFromRoot.resolve('eslint/package.json')),
};

/** Config files a page's titled snippets are written to, in the workspace of its commands. */
export const WORKSPACE_CONFIG_FILES: ReadonlySet<string> = new Set([
  'eslint.config.js',
  'eslint.config.mjs',
  '.secretlintrc.json',
  'mwsguard.config.json',
  '.pre-commit-config.yaml',
  '.vscode/settings.json',
]);

function newest(dir: string): number {
  let time = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) time = Math.max(time, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return time;
}

/** Throws unless every package's dist/ was built after the last change to its sources. */
export function assertBuilt(): void {
  for (const name of ['core', 'mwsguard', 'eslint-plugin', 'secretlint-rule-mws']) {
    const dir = join(REPO_ROOT, 'packages', name);
    const built = statSync(join(dir, 'dist/.tsbuildinfo'), { throwIfNoEntry: false })?.mtimeMs ?? 0;
    if (built < newest(join(dir, 'src'))) {
      throw new Error(`packages/${name}/dist is missing or older than its sources: run \`npx tsc -b\` first`);
    }
  }
}

/** Environment of every documented command: plain output, a private git identity, the stand-ins first. */
function commandEnv(root: string): NodeJS.ProcessEnv {
  // Variables that would change the output or point git elsewhere are left out.
  const dropped = new Set([
    'FORCE_COLOR',
    'MWSGUARD_DEBUG',
    'MWSGUARD_LOCALE',
    'GIT_DIR',
    'GIT_INDEX_FILE',
    'GIT_WORK_TREE',
  ]);
  return {
    ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !dropped.has(name))),
    PATH: `${join(root, 'bin')}:${process.env.PATH ?? ''}`,
    HOME: join(root, 'home'),
    NO_COLOR: '1',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: join(root, 'home/.gitconfig'),
  };
}

function writeExecutable(path: string, text: string): void {
  writeFileSync(path, text);
  chmodSync(path, 0o755);
}

/** Writes the `mwsguard`, `npx` and `pnpm` stand-ins into `<root>/bin`. */
function writeStandIns(root: string): void {
  const bin = join(root, 'bin');
  mkdirSync(bin, { recursive: true });
  const node = JSON.stringify(process.execPath);
  writeExecutable(join(bin, 'mwsguard'), `#!/bin/sh\nexec ${node} ${JSON.stringify(MWSGUARD_BIN)} "$@"\n`);
  writeExecutable(
    join(bin, 'npx'),
    [
      '#!/bin/sh',
      '# npx, offline: the tools the docs run, from this checkout.',
      'while [ $# -gt 0 ]; do case "$1" in --yes|-y|--no-install|--no|--quiet|-q) shift ;; *) break ;; esac; done',
      'tool="$1"; [ $# -gt 0 ] && shift',
      'case "$tool" in',
      '  mwsguard) exec mwsguard "$@" ;;',
      '  pnpm|pnpm@*) exec pnpm "$@" ;;',
      `  eslint) exec ${node} ${JSON.stringify(ESLINT_BIN)} "$@" ;;`,
      `  secretlint) exec ${node} ${JSON.stringify(SECRETLINT_BIN)} "$@" ;;`,
      '  *) echo "docs test: npx $tool is not available offline" >&2; exit 127 ;;',
      'esac',
      '',
    ].join('\n'),
  );
  writeExecutable(
    join(bin, 'pnpm'),
    [
      '#!/bin/sh',
      '# pnpm, offline: only the root package.json script `pnpm mwsguard`.',
      'while [ $# -gt 0 ]; do case "$1" in -s|--silent) shift ;; *) break ;; esac; done',
      'tool="$1"; [ $# -gt 0 ] && shift',
      'case "$tool" in',
      '  mwsguard) exec mwsguard "$@" ;;',
      '  *) echo "docs test: pnpm $tool is not available here" >&2; exit 127 ;;',
      'esac',
      '',
    ].join('\n'),
  );
}

function git(cwd: string, env: NodeJS.ProcessEnv, ...args: string[]): void {
  execFileSync('git', args, { cwd, env, stdio: 'ignore' });
}

/** The scratch area of one test run. */
export interface Scratch {
  readonly root: string;
  /** The project every block's workspace is copied from. */
  readonly template: string;
  readonly env: NodeJS.ProcessEnv;
}

/**
 * Builds the template project in a fresh temporary directory:
 *
 * - commit 1 (`origin/main`): a README and a `.gitignore`;
 * - commit 2 (`main`, checked out): `examples/seller-tools/`, with its planted fake credentials;
 * - staged, not committed: `config/production.env`, a copy of the example's `.env` (so `--staged`
 *   and a pre-commit hook have a key to find);
 * - `.mwsguard-baseline.json`, listing every finding of the tree.
 */
export function createScratch(): Scratch {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'mwsguard-docs-')));
  const env = commandEnv(root);
  mkdirSync(join(root, 'home'), { recursive: true });
  writeFileSync(
    join(root, 'home/.gitconfig'),
    '[user]\n\tname = Docs Test\n\temail = docs-test@example.com\n[init]\n\tdefaultBranch = main\n[commit]\n\tgpgsign = false\n',
  );
  writeStandIns(root);

  const template = join(root, 'template');
  mkdirSync(template);
  writeFileSync(join(template, '.gitignore'), 'node_modules/\n');
  writeFileSync(join(template, 'README.md'), '# A seller tool\n');
  git(template, env, 'init', '--quiet');
  git(template, env, 'add', '-A');
  git(template, env, 'commit', '--quiet', '-m', 'Initial commit');
  git(template, env, 'update-ref', 'refs/remotes/origin/main', 'HEAD');

  cpSync(join(REPO_ROOT, 'examples/seller-tools'), join(template, 'examples/seller-tools'), { recursive: true });
  git(template, env, 'add', '-A');
  git(template, env, 'commit', '--quiet', '-m', 'Add the seller tools');

  mkdirSync(join(template, 'config'));
  cpSync(join(REPO_ROOT, 'examples/seller-tools/.env'), join(template, 'config/production.env'));
  git(template, env, 'add', 'config/production.env');

  for (const [name, target] of Object.entries(LINKED_PACKAGES)) {
    mkdirSync(dirname(join(template, 'node_modules', name)), { recursive: true });
    symlinkSync(realpathSync(target), join(template, 'node_modules', name), 'dir');
  }
  execFileSync(process.execPath, [MWSGUARD_BIN, 'baseline', '--quiet'], { cwd: template, env, stdio: 'ignore' });
  return { root, template, env };
}

let copies = 0;
let scripts = 0;

/** A fresh copy of the template, with `files` (path → content) written into it. */
export function newWorkspace(scratch: Scratch, files: ReadonlyMap<string, string>): string {
  const dir = join(scratch.root, `ws-${String(++copies)}`);
  cpSync(scratch.template, dir, { recursive: true, verbatimSymlinks: true });
  for (const [path, content] of files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

/** What a shell script printed and the exit code of each of its lines. */
export interface ScriptResult {
  /** Per line of the script, its exit code; `undefined` when the line was never reached. */
  readonly codes: readonly (number | undefined)[];
  readonly output: string;
}

/**
 * Runs `lines` as one bash script in `cwd` (so a line may use a variable an earlier one set) and
 * records each line's exit status. A line that ends the script (`exit N`) gets the script's code.
 */
export function runScript(scratch: Scratch, cwd: string, lines: readonly string[]): Promise<ScriptResult> {
  const script = lines.map((line, i) => `${line}\n__docs_rc[${String(i)}]=$?\n`).join('');
  const report = `printf '%s\\n' "\${__docs_rc[@]:-}" > "$DOCS_RC_FILE"`;
  const rcFile = join(scratch.root, `rc-${String(++scripts)}`);
  const full = `__docs_rc=()\ntrap '${report.replaceAll("'", "'\\''")}' EXIT\n${script}`;
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', full], {
      cwd,
      env: { ...scratch.env, DOCS_RC_FILE: rcFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      try {
        const recorded = readFileSync(rcFile, 'utf8')
          .split('\n')
          .filter((s) => s !== '')
          .map(Number);
        rmSync(rcFile, { force: true });
        const codes = lines.map((_, i): number | undefined =>
          i < recorded.length ? recorded[i] : i === recorded.length ? (code ?? undefined) : undefined,
        );
        resolve({ codes, output });
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  });
}
