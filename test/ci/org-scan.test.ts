import { cpSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEYS, keyLine } from '../cli/support/fake-credentials.js';
import { REPO_ROOT } from '../cli/support/run-cli.js';
import { sarifValidator } from '../cli/support/schemas.js';
import { SPAWN_TIMEOUT, commit, git, gitEnv, tempDir, tempRepo } from '../cli/support/tree.js';
import { renderComponent, resolveJob, runJob } from './support/gitlab.js';
import { spawnProcess } from '../support/spawn.js';
import { mwsguardRemote } from './support/remote.js';
import { asTree, readYaml } from './support/yaml.js';
import type { Tree } from './support/yaml.js';

// The org-wide scan: the reusable workflow's YAML, its plan step cutting repository lists into
// matrix chunks, and its scan and merge steps run for real on three temp repositories served
// from file:// URLs; then the same with the GitLab org-scan component's parallel:matrix jobs.

const workflow = asTree(readYaml('.github/workflows/org-scan.yml'));
const jobs = asTree(workflow.jobs);
const job = (name: string): Tree => asTree(jobs[name]);
const steps = (name: string): Tree[] => job(name).steps as Tree[];
const step = (name: string, test: (s: Tree) => boolean): Tree => steps(name).find(test)!;
const script = (s: Tree): string => s.run as string;

/** Runs a step's `run` script with bash as the runner does, with its own GITHUB_* files. */
async function runStep(
  body: string,
  cwd: string,
  env: Readonly<Record<string, string>>,
): Promise<{ code: number | null; log: string; outputs: Record<string, string>; summary: string }> {
  const output = join(cwd, '.github-output');
  const summary = join(cwd, '.github-summary');
  writeFileSync(output, '');
  writeFileSync(summary, '');
  const run = await spawnProcess('bash', ['--noprofile', '--norc', '-e', '-o', 'pipefail', '-c', body], {
    cwd,
    env: { ...gitEnv(), NO_COLOR: '1', GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary, ...env },
  });
  const outputs = Object.fromEntries(
    readFileSync(output, 'utf8')
      .split('\n')
      .filter((line) => line.includes('='))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
  return { code: run.code, log: run.stdout + run.stderr, outputs, summary: readFileSync(summary, 'utf8') };
}

interface Chunk {
  readonly id: number;
  readonly repositories: string;
}

/** The plan job's two steps, given a repository list; returns the matrix chunks. */
async function plan(repositories: string, maxJobs: number): Promise<Chunk[]> {
  const dir = tempDir('mwsguard-plan-');
  try {
    const list = await runStep(script(step('plan', (s) => s.id === 'list')), dir.dir, {
      REPOSITORIES: repositories,
      ORG: '',
      TOPIC: '',
    });
    expect({ code: list.code, log: list.log }).toMatchObject({ code: 0 });
    const cut = await runStep(script(step('plan', (s) => s.id === 'plan')), dir.dir, { MAX_JOBS: String(maxJobs) });
    expect({ code: cut.code, log: cut.log }).toMatchObject({ code: 0 });
    return JSON.parse(cut.outputs.chunks!) as Chunk[];
  } finally {
    dir.cleanup();
  }
}

const names = (count: number): string[] =>
  Array.from({ length: count }, (_, i) => `acme/repo-${String(i).padStart(4, '0')}`);

describe('the reusable org workflow', () => {
  it('is a workflow_call with the inputs, a read-only token and plan, scan, merge jobs', () => {
    const call = asTree(asTree(workflow.on).workflow_call);
    expect(Object.keys(asTree(call.inputs))).toEqual(
      expect.arrayContaining(['repositories', 'org', 'topic', 'max-jobs', 'history']) as unknown,
    );
    expect(asTree(call.secrets).token).toMatchObject({ required: true });
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(Object.keys(jobs)).toEqual(['plan', 'scan', 'merge']);
    expect(asTree(job('scan').strategy).matrix).toEqual({ chunk: '${{ fromJSON(needs.plan.outputs.chunks) }}' });
    expect(job('scan').needs).toBe('plan');
    expect(job('merge').needs).toBe('scan');
    expect(steps('scan').map((s) => s.uses ?? 'run')).toEqual([
      'actions/checkout@v4',
      'run',
      'actions/upload-artifact@v4',
    ]);
  });

  it.concurrent.each([
    [10, 256, 10, 1],
    [600, 256, 200, 3],
    [1000, 256, 250, 4],
    [1000, 5000, 250, 4], // max-jobs above GitHub's limit is capped at 256
    [30, 4, 4, 8],
  ])('plans %i repositories with max-jobs %i as %i jobs of up to %i', async (count, maxJobs, chunks, size) => {
    const repos = names(count);
    // Duplicates, blank lines and spaces are dropped; the order does not matter.
    const given = `${[...repos].reverse().join('\n')}\n\n  ${repos[0] ?? ''} \n`;
    const planned = await plan(given, maxJobs);
    expect(planned).toHaveLength(chunks);
    expect(planned.map((c) => c.id)).toEqual([...Array(chunks).keys()]);
    const lists = planned.map((c) => c.repositories.split(' '));
    expect(Math.max(...lists.map((l) => l.length))).toBe(size);
    expect(lists.flat()).toEqual(repos);
  });
});

// Three repositories: acme/billing and acme/shop share KEYS.a, acme/shop also deleted KEYS.b
// (history only), acme/docs is clean. Served as bare repositories under file://<server>/.
const server = tempDir('mwsguard-server-');
const remote = mwsguardRemote();
const sources: { dir: string; cleanup: () => void }[] = [];

beforeAll(() => {
  const layouts: Record<string, (dir: string) => void> = {
    billing: (dir) => commit(dir, 'config', { '.env': keyLine(KEYS.a) }),
    shop: (dir) => {
      commit(dir, 'old', { 'old.env': keyLine(KEYS.b) });
      git(dir, 'rm', '-q', 'old.env');
      commit(dir, 'config', { 'src/settings.env': keyLine(KEYS.a) });
    },
    docs: (dir) => commit(dir, 'readme', { 'README.md': '# docs\n' }),
  };
  mkdirSync(join(server.dir, 'acme'));
  for (const [name, layout] of Object.entries(layouts)) {
    const source = tempRepo();
    sources.push(source);
    layout(source.dir);
    git(server.dir, 'clone', '-q', '--bare', source.dir, `acme/${name}.git`);
  }
});

afterAll(() => {
  for (const source of sources) source.cleanup();
  server.cleanup();
  remote.cleanup();
});

interface MergedSummary {
  readonly summary: {
    readonly findings: number;
    readonly repositories: number;
    readonly reports: number;
    readonly reusedAcrossRepositories: readonly { readonly repositories: readonly string[] }[];
  };
}

describe.concurrent('org scan end to end', { timeout: SPAWN_TIMEOUT * 2 }, () => {
  it('GitHub: plan, a scan job per chunk, artifacts, merge', async () => {
    const chunks = await plan('acme/billing acme/shop acme/docs', 2);
    expect(chunks.map((c) => c.repositories)).toEqual(['acme/billing acme/docs', 'acme/shop']);
    const run = tempDir('mwsguard-run-');
    try {
      const artifacts = join(run.dir, 'artifacts');
      for (const chunk of chunks) {
        // A scan job: mwsguard checked out in .mwsguard, then the scan step.
        const workspace = join(run.dir, `scan-${String(chunk.id)}`);
        mkdirSync(workspace);
        symlinkSync(REPO_ROOT, join(workspace, '.mwsguard'));
        const scan = await runStep(script(step('scan', (s) => s.name === 'Scan')), workspace, {
          TOKEN: 'not-a-real-token',
          REPOSITORIES: chunk.repositories,
          HISTORY: 'true',
          SERVER: `file://${server.dir}`,
        });
        expect({ code: scan.code, log: scan.log }).toMatchObject({ code: 0 });
        // upload-artifact, then download-artifact with merge-multiple: one directory.
        cpSync(join(workspace, 'reports'), join(artifacts, 'reports'), { recursive: true });
      }
      expect(readdirSync(join(artifacts, 'reports')).filter((f) => f.endsWith('.json'))).toHaveLength(6);
      symlinkSync(REPO_ROOT, join(artifacts, '.mwsguard'));
      const merge = await runStep(script(step('merge', (s) => s.id === 'merge')), artifacts, {});
      expect({ code: merge.code, log: merge.log }).toMatchObject({ code: 0 });
      expect(merge.outputs).toEqual({ findings: '5' });
      expect(merge.summary).toContain('## mwsguard: 5 findings in 3 repositories');
      expect(merge.summary).toMatch(/\| `AKIA\*+HJPD` \| `[0-9a-f]{16}` \| 2: acme\/billing, acme\/shop \| 4 \|/);
      const sarif = JSON.parse(readFileSync(join(artifacts, 'mwsguard-org.sarif'), 'utf8')) as { runs: unknown[] };
      const validate = sarifValidator();
      expect([validate(sarif), validate.errors]).toEqual([true, null]);
      expect(sarif.runs).toHaveLength(3);
      for (const text of [merge.summary, readFileSync(join(artifacts, 'mwsguard-org.json'), 'utf8')]) {
        expect(text).not.toContain(KEYS.a);
      }
    } finally {
      run.cleanup();
    }
  });

  it('GitLab: the org-scan component, a parallel:matrix job per entry, then the merge job', async () => {
    const rendered = renderComponent('org-scan', {
      projects: ['acme/billing', 'acme/shop acme/docs'],
      'mwsguard-source': remote.url,
      'mwsguard-ref': 'main',
      history: 'false', // working trees only: shallow clones, one report per project
    });
    const scanJob = resolveJob(rendered, 'mwsguard-org-scan');
    const matrix = (asTree(scanJob.parallel).matrix as Tree[])[0]!;
    expect(matrix.MWSGUARD_PROJECTS).toEqual(['acme/billing', 'acme/shop acme/docs']);
    const run = tempDir('mwsguard-gitlab-');
    try {
      const mergeDir = join(run.dir, 'merge');
      for (const [i, projects] of (matrix.MWSGUARD_PROJECTS as string[]).entries()) {
        const dir = join(run.dir, `scan-${String(i)}`);
        mkdirSync(dir);
        const scan = await runJob(scanJob, dir, {
          MWSGUARD_PROJECTS: projects,
          CI_SERVER_URL: `file://${server.dir}`,
          MWSGUARD_READ_TOKEN: 'not-a-real-token',
        });
        expect({ code: scan.code, output: scan.output }).toMatchObject({ code: 0 });
        cpSync(join(dir, 'reports'), join(mergeDir, 'reports'), { recursive: true });
      }
      const merge = await runJob(resolveJob(rendered, 'mwsguard-org-merge'), mergeDir);
      expect({ code: merge.code, output: merge.output }).toMatchObject({ code: 0 });
      expect(merge.output).toContain('## mwsguard: 2 findings in 3 repositories');
      const merged = JSON.parse(readFileSync(join(mergeDir, 'mwsguard-org.json'), 'utf8')) as MergedSummary;
      expect(merged.summary).toMatchObject({ findings: 2, repositories: 3, reports: 3 });
      expect(merged.summary.reusedAcrossRepositories[0]?.repositories).toEqual(['acme/billing', 'acme/shop']);
      expect(merge.output).not.toContain('not-a-real-token');
    } finally {
      run.cleanup();
    }
  });
});
