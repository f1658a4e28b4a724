// Which documented shell commands the docs test does not run, and the exit codes of the commands
// whose page does not state one next to the command.
//
// Every command of every ```sh block in docs/**/*.md and README.md is run, in a scratch copy of a
// small project (see workspace.ts), unless it is listed in ALLOWLIST below. The exit code a
// command must give is read from its trailing comment (`# exit code 1: …`, `# exit 1 on
// findings`); pages written before that convention get theirs from EXPECTED_EXIT. A command
// that runs mwsguard, ESLint or secretlint with neither fails the test: its exit code must be
// documented. Other commands must exit 0.

/**
 * Commands that are not run, matched exactly (a whole line, or one `&&`-separated part of a line,
 * which is then replaced by `:`), each with the reason. An entry no page uses any more fails the
 * test, so the list cannot go stale.
 */
export const ALLOWLIST: Readonly<Record<string, string>> = {
  // Installs from the npm registry: they need the network and would fetch published packages
  // instead of this checkout. The workspace has the packages they install already linked in.
  'npm install --save-dev mwsguard': 'installs from the npm registry',
  'npm install --save-dev eslint @mwsguard/eslint-plugin': 'installs from the npm registry',
  'npm install --save-dev typescript-eslint': 'installs from the npm registry',
  'npm install --save-dev secretlint @mwsguard/secretlint-rule-mws': 'installs from the npm registry',
  'npm install --no-save mwsguard@0.1.0': 'installs from the npm registry',
  'npm install --save-dev mwsguard husky': 'installs from the npm registry',

  // docs/install.md: building tarballs from a clone and installing them in another project. The
  // consumer test (`pnpm test:consumer`, its own CI step: it needs the npm registry) does this.
  'git clone https://github.com/mwsguard/mwsguard.git': 'clones from GitHub (network)',
  'cd mwsguard': 'enters the clone the previous line makes',
  'npx --yes pnpm@10.34.9 -r pack --pack-destination ../mwsguard-tarballs': 'packs the clone (pnpm test:consumer does)',
  'npm install --save-dev ../mwsguard-tarballs/mwsguard-core-0.1.0.tgz ../mwsguard-tarballs/mwsguard-0.1.0.tgz':
    'installs tarballs packed from a clone (pnpm test:consumer does)',
  'npm install --save-dev eslint ../mwsguard-tarballs/mwsguard-core-0.1.0.tgz ../mwsguard-tarballs/mwsguard-eslint-plugin-0.1.0.tgz':
    'installs tarballs packed from a clone (pnpm test:consumer does)',
  'npm install --save-dev secretlint ../mwsguard-tarballs/mwsguard-core-0.1.0.tgz ../mwsguard-tarballs/mwsguard-secretlint-rule-mws-0.1.0.tgz':
    'installs tarballs packed from a clone (pnpm test:consumer does)',
  'npx --yes pnpm@10.34.9 install --frozen-lockfile': 'installs the whole repository from the npm registry',

  // husky: `npx husky init` downloads husky and creates .husky/, which the two `echo` lines write
  // into; none of it involves mwsguard beyond the hook line the husky page shows.
  'npx husky init': 'downloads and sets up husky',
  'echo "npx --no-install lint-staged" > .husky/pre-commit': 'needs the .husky/ that husky init creates',

  // Commands about this repository itself rather than about using mwsguard. The docs test runs
  // against the build (`npx tsc -b` first), and is itself part of `pnpm test`.
  'pnpm build': 'builds this repository: the docs test requires the build already',
  'pnpm --filter @mwsguard/eslint-plugin build': 'builds this repository: the docs test requires the build already',
  'npx --yes pnpm@10.34.9 test': 'runs the whole test suite, this test included',
  'node packages/eslint-plugin/scripts/measure-speed.js 4000 3': 'a benchmark that runs for minutes',
  'pnpm bench': 'installs a pinned npm corpus from the registry, then runs for about 30 minutes',
  'pnpm bench -- --size small': 'installs a pinned npm corpus from the registry, then runs for minutes',
  'pnpm bench -- --size small --runs 2 --tools rg,mwsguard,secretlint':
    'installs a pinned npm corpus from the registry, then runs for minutes',
  'pnpm bench -- --help': 'prints the benchmark options (bench/ is outside the test suite)',
  'pnpm bench -- --startup': 'times fresh processes in alternating rounds for minutes',

  // Synopses with placeholders, not commands.
  'pnpm -s mwsguard scan [PATH...]': 'a synopsis: [PATH...] is a placeholder',

  // Rewriting git history and publishing it: destructive, and the tools (git filter-repo, the BFG,
  // Java) are not installed here; the push needs a remote.
  'git filter-repo --invert-paths --path config/production.env': 'rewrites git history',
  'git filter-repo --replace-text ../replacements.txt': 'rewrites git history',
  'java -jar bfg.jar --replace-text ../replacements.txt': 'rewrites git history',
  'git push --force --all': 'force-pushes rewritten history to a remote',
  'git push --force --tags': 'force-pushes rewritten history to a remote',
};

/** An exit code stated by a page in prose, for a command that has no `# exit …` comment. */
export interface ExpectedExit {
  readonly code: number;
  /** Where the page says so, or why the workspace gives that code. */
  readonly why: string;
}

/** Exit codes of commands on pages that state them in prose rather than next to the command. */
export const EXPECTED_EXIT: Readonly<Record<string, ExpectedExit>> = {
  // README.md
  'npx --yes pnpm@10.34.9 install --frozen-lockfile && npx --yes pnpm@10.34.9 -s mwsguard scan examples/seller-tools': {
    code: 1,
    why: 'README.md: "exits 1: it has findings"',
  },

  // docs/cli.md
  'mwsguard baseline --output .mwsguard-baseline.json': { code: 0, why: 'cli.md: "`mwsguard baseline` exits 0"' },
  'mwsguard scan --baseline .mwsguard-baseline.json': {
    code: 0,
    why: 'cli.md: only findings the baseline does not list fail; it was just written',
  },
  'pnpm -s mwsguard scan': { code: 1, why: 'cli.md exit codes: findings (the workspace has the example project)' },
  'pnpm -s mwsguard scan examples/seller-tools --format json > mwsguard-report.json': {
    code: 1,
    why: 'cli.md exit codes: the example project has findings',
  },
  'pnpm -s mwsguard scan --no-gitignore .': { code: 1, why: 'cli.md exit codes: findings' },
  'mwsguard scan --staged': { code: 1, why: 'cli.md exit codes: the workspace stages a file with a key' },
  'mwsguard scan --history --since origin/main --format sarif --output mwsguard.sarif': {
    code: 1,
    why: 'cli.md exit codes: the commits after origin/main add keys',
  },
  'git diff --name-only -z --diff-filter=d origin/main | mwsguard scan --stdin-filenames': {
    code: 1,
    why: 'cli.md exit codes: the files changed since origin/main hold keys',
  },
  'mwsguard explain mws-auth-token': { code: 0, why: 'cli.md exit codes: 0 after explain' },
  'mwsguard explain mws-auth-token --locale zh-CN': { code: 0, why: 'cli.md exit codes: 0 after explain' },

  // docs/integrations/generic-ci.md: a CI step that keeps the scan's status for the end.
  'npx --no-install mwsguard scan --format json --output mwsguard.json || status=$?': {
    code: 0,
    why: 'generic-ci.md: the status is kept in $status, the line itself succeeds',
  },
  'npx --no-install mwsguard scan --quiet || true': { code: 0, why: 'generic-ci.md: `|| true`' },
  'exit "${status:-0}"': { code: 1, why: "generic-ci.md: the step exits with the first scan's code, 1 on findings" },
  'npx --no-install mwsguard scan --history --since origin/main': {
    code: 1,
    why: 'generic-ci.md exit codes: the branch adds keys',
  },
  'git diff --name-only -z --diff-filter=d origin/main... | npx --no-install mwsguard scan --stdin-filenames': {
    code: 1,
    why: 'generic-ci.md exit codes: the changed files hold keys',
  },
  'npx --no-install mwsguard scan --baseline .mwsguard-baseline.json': {
    code: 0,
    why: 'generic-ci.md: "Known findings accepted"; the workspace has a baseline of every finding',
  },
};

/** The exit code a trailing comment states: `exit code 1: …`, `exits 1`, `exit 1 on findings`. */
export function exitFromComment(comment: string): number | undefined {
  const m = /\bexit(?:s| code)? (\d)\b/i.exec(comment);
  return m ? Number(m[1]) : undefined;
}

/** Whether a command runs one of the tools whose exit code a page must state. */
export function runsDocumentedTool(command: string): boolean {
  return /\b(?:mwsguard (?:scan|baseline|explain|install-hook)|eslint|secretlint)\b/.test(command);
}
