import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEYS, keyLine } from '../cli/support/fake-credentials.js';
import { REPO_ROOT } from '../cli/support/run-cli.js';
import { sarifValidator } from '../cli/support/schemas.js';
import { SPAWN_TIMEOUT, commit, git, gitEnv, spawnBin, tempDir, tempRepo } from '../cli/support/tree.js';
import { spawnProcess } from '../support/spawn.js';

// The GitHub Action run the way the runner runs it: `node <action.yml's runs.main>` with the
// inputs as INPUT_* variables, the GITHUB_* variables, and the files GITHUB_OUTPUT and
// GITHUB_STEP_SUMMARY, in a repository with a pull request's range of commits.

const MAIN = join(REPO_ROOT, 'action/bundle/dist/main.js');

interface ActionRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly outputs: Readonly<Record<string, string>>;
  readonly summary: string;
  /** Its RUNNER_TEMP. */
  readonly temp: string;
}

/** GITHUB_OUTPUT as the runner reads it: `name<<DELIMITER` blocks (and `name=value` lines). */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const heredoc = /^([\w-]+)<<(\S+)$/.exec(line);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2]!, i + 1);
      outputs[heredoc[1]!] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (line.includes('=')) {
      outputs[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return outputs;
}

const runner = tempDir('mwsguard-runner-');
let runs = 0;

async function runAction(
  workspace: string,
  inputs: Readonly<Record<string, string>>,
  env: Record<string, string> = {},
) {
  runs += 1;
  const output = join(runner.dir, `output-${String(runs)}`);
  const summary = join(runner.dir, `summary-${String(runs)}`);
  const temp = join(runner.dir, `temp-${String(runs)}`);
  mkdirSync(temp);
  writeFileSync(output, '');
  writeFileSync(summary, '');
  const inputEnv = Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]));
  const childEnv: NodeJS.ProcessEnv = {
    ...gitEnv(),
    NO_COLOR: '1',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_SHA: git(workspace, 'rev-parse', 'HEAD').trim(),
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: summary,
    RUNNER_TEMP: temp,
    // What action.yml's defaults give when a workflow sets nothing.
    'INPUT_SARIF-FILE': 'mwsguard.sarif',
    INPUT_ANNOTATIONS: 'true',
    INPUT_MODE: 'working-tree',
    ...inputEnv,
    ...env,
  };
  delete childEnv.MWSGUARD_DEBUG;
  const run = await spawnProcess(process.execPath, [MAIN], { cwd: workspace, env: childEnv });
  return {
    ...run,
    outputs: parseOutputs(readFileSync(output, 'utf8')),
    summary: readFileSync(summary, 'utf8'),
    temp,
  };
}

// main: a clean start. The pull request: adds a key to config/prod.env, then deletes it, and
// adds a second key to src/app.env that stays.
const repo = tempRepo();
let base = '';
let leak = '';
let event = '';

beforeAll(() => {
  base = commit(repo.dir, 'init', { 'README.md': '# shop\n' });
  git(repo.dir, 'checkout', '-q', '-b', 'feature');
  leak = commit(repo.dir, 'add config', { 'config/prod.env': `REGION=eu\n${keyLine(KEYS.a)}` });
  git(repo.dir, 'rm', '-q', 'config/prod.env');
  commit(repo.dir, 'remove the key', { 'src/app.env': keyLine(KEYS.b) });
  event = join(runner.dir, 'event.json');
  writeFileSync(event, JSON.stringify({ pull_request: { number: 7, base: { ref: 'main', sha: base } } }));
});

afterAll(() => {
  repo.cleanup();
  runner.cleanup();
});

const noPlaintext = (run: ActionRun): void => {
  for (const text of [run.stdout, run.stderr, run.summary, JSON.stringify(run.outputs)]) {
    expect(text).not.toContain(KEYS.a);
    expect(text).not.toContain(KEYS.b);
  }
};

describe.concurrent('the GitHub Action', { timeout: SPAWN_TIMEOUT }, () => {
  it('pull-request mode: the keys the commits added since the base, even the deleted one', async () => {
    const run = await runAction(
      repo.dir,
      { mode: 'pull-request', 'sarif-file': 'pr.sarif' },
      { GITHUB_EVENT_PATH: event, GITHUB_BASE_REF: 'main' },
    );
    expect(run.code).toBe(1);
    expect(run.outputs).toEqual({ findings: '2', 'sarif-file': 'pr.sarif', 'exit-code': '1' });
    expect(run.stdout).toMatch(
      /^::error file=config\/prod\.env,line=2,col=19,endLine=2,endColumn=39,title=mwsguard\/access-key-id/m,
    );
    expect(run.stdout).toMatch(/^::error file=src\/app\.env,line=1,col=19,/m);
    expect(run.stdout).toContain(`First added in commit ${leak.slice(0, 12)}`);
    // The job summary: a table by kind and file, kinds linked to their pages, files to the commit.
    expect(run.summary).toContain('### mwsguard: 2 findings in 2 files');
    expect(run.summary).toContain(
      `Scanned the pull request's commits since \`${base.slice(0, 12)}\`: 2 files in 2 commits.`,
    );
    expect(run.summary).toContain('| Kind | File | Findings | Lines | Values (masked) |');
    expect(run.summary).toContain(
      `| [access-key-id](https://github.com/mwsguard/mwsguard/blob/main/docs/kinds/access-key-id.md) | [config/prod.env](https://github.com/acme/shop/blob/${leak}/config/prod.env#L2) | 1 | 2 | \`AKIA************HJPD\` |`,
    );
    expect(run.summary).toContain('Exit code 1: findings at or above the fail-on level.');
    // The SARIF file, for upload-sarif.
    const log = JSON.parse(readFileSync(join(repo.dir, 'pr.sarif'), 'utf8')) as {
      runs: {
        results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
      }[];
    };
    const validate = sarifValidator();
    expect([validate(log), validate.errors]).toEqual([true, null]);
    expect(log.runs).toHaveLength(1);
    expect(log.runs[0]?.results.map((r) => r.locations[0]?.physicalLocation.artifactLocation.uri)).toEqual([
      'config/prod.env',
      'src/app.env',
    ]);
    noPlaintext(run);
    // The intermediate JSON report is removed from RUNNER_TEMP.
    expect(readdirSync(run.temp)).toEqual([]);
  });

  it('working-tree mode: only the key still in the files; a base input overrides the event', async () => {
    const tree = await runAction(repo.dir, { mode: 'working-tree', 'sarif-file': 'none' });
    expect(tree.code).toBe(1);
    expect(tree.outputs).toEqual({ findings: '1', 'sarif-file': '', 'exit-code': '1' });
    expect(tree.summary).toContain('Scanned the working tree: ');
    const sinceLeak = await runAction(repo.dir, { mode: 'pull-request', base: leak }, { GITHUB_EVENT_PATH: event });
    expect(sinceLeak.outputs.findings).toBe('1');
    noPlaintext(tree);
  });

  it('a clean range exits 0 and says so; annotations can be turned off', async () => {
    const clean = await runAction(repo.dir, { mode: 'pull-request', base: 'HEAD', annotations: 'false' });
    expect(clean.code).toBe(0);
    expect(clean.outputs).toEqual({ findings: '0', 'sarif-file': 'mwsguard.sarif', 'exit-code': '0' });
    expect(clean.summary).toContain('### mwsguard: no credentials found');
    expect(clean.summary).not.toContain('| Kind |');
    const quiet = await runAction(repo.dir, { annotations: 'false', paths: 'src\nREADME.md' });
    expect(quiet.code).toBe(1);
    expect(quiet.stdout).not.toContain('::error');
    expect(quiet.outputs.findings).toBe('1');
  });

  it('working-tree mode: the project pass annotates a carried key as a warning, which fails only with fail-on warning', async () => {
    const project = tempRepo();
    try {
      const sha = commit(project.dir, 'accounts', {
        // A type-A record: the schema keeps each seller's LWA client secret (an error).
        'prisma/schema.prisma':
          'model AmazonAccount {\n  id String @id\n  sellerId String\n  lwaClientSecret String\n}\n',
        // A service that carries that secret: a warning, because the schema stores it per seller.
        'src/account.service.ts':
          'export async function rotate(sellerId: string, lwaClientSecret: string) {\n' +
          '  return prisma.amazonAccount.update({ where: { sellerId }, data: { lwaClientSecret } });\n}\n',
      });
      const run = await runAction(project.dir, { 'sarif-file': 'none', paths: 'src\nprisma' });
      expect(run.code).toBe(1);
      expect(run.outputs).toEqual({ findings: '2', 'sarif-file': '', 'exit-code': '1' });
      const docs = 'https://github.com/mwsguard/mwsguard/blob/main/docs/kinds/shared-credentials.md';
      expect(run.stdout.split('\n').filter((line) => line.startsWith('::'))).toEqual([
        `::error file=prisma/schema.prisma,line=4,col=3,endLine=4,endColumn=18,title=mwsguard/shared-credentials::model AmazonAccount stores sellers' lwaClientSecret (type A): use your one app; store only the refresh token and selling partner ID. ${docs}`,
        `::warning file=src/account.service.ts,line=1,col=48,endLine=1,endColumn=63,title=mwsguard/shared-credentials::lwaClientSecret is kept per seller in prisma/schema.prisma:4 (type A): use your one app; store only the refresh token and selling partner ID. ${docs}`,
      ]);
      expect(run.summary).toContain('### mwsguard: 2 findings in 2 files');
      expect(run.summary).toContain(
        `| [shared-credentials](${docs}) | [src/account.service.ts](https://github.com/acme/shop/blob/${sha}/src/account.service.ts#L1) | 1 | 1 | \`lwaClientSecret\` |`,
      );
      // The service alone is nothing; with the schema's record baselined, its warning is all that is
      // reported: the default fail-on error passes, fail-on warning fails.
      const alone = await runAction(project.dir, { 'sarif-file': 'none', paths: 'src' });
      expect(alone.outputs).toEqual({ findings: '0', 'sarif-file': '', 'exit-code': '0' });
      const written = await spawnBin(['baseline', 'prisma', '--output', 'baseline.json'], { cwd: project.dir });
      expect(written.code).toBe(0);
      const warned = await runAction(project.dir, { 'sarif-file': 'none', baseline: 'baseline.json' });
      expect(warned.outputs).toEqual({ findings: '1', 'sarif-file': '', 'exit-code': '0' });
      expect(warned.stdout).toMatch(/^::warning file=src\/account\.service\.ts,line=1,col=48,/m);
      const strict = await runAction(project.dir, {
        'sarif-file': 'none',
        baseline: 'baseline.json',
        'fail-on': 'warning',
      });
      expect(strict.outputs).toEqual({ findings: '1', 'sarif-file': '', 'exit-code': '1' });
    } finally {
      project.cleanup();
    }
  });

  it('a missing baseline file is a usage error, and the outputs say so', async () => {
    const baseline = await runAction(repo.dir, { 'fail-on': 'warning', baseline: 'missing-baseline.json' });
    expect(baseline.code).toBe(2);
    expect(baseline.outputs).toEqual({ findings: '0', 'sarif-file': '', 'exit-code': '2' });
    expect(baseline.stderr).toContain('missing-baseline.json');
  });

  it('a bad input or a pull-request mode outside a pull request is a usage error (exit 2)', async () => {
    const bad = await runAction(repo.dir, { mode: 'everything' });
    expect(bad.code).toBe(2);
    expect(bad.stdout).toContain(
      '::error title=mwsguard::Input "mode" is "everything": expected one of working-tree, pull-request, history.',
    );
    expect(bad.outputs['exit-code']).toBe('2');
    const noEvent = await runAction(repo.dir, { mode: 'pull-request' });
    expect(noEvent.code).toBe(2);
    expect(noEvent.stdout).toContain('this is no pull_request event');
  });
});
