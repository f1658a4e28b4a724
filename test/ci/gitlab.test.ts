import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEYS, keyLine } from '../cli/support/fake-credentials.js';
import { gitlabValidator } from '../cli/support/schemas.js';
import { SPAWN_TIMEOUT, commit, git, tempRepo } from '../cli/support/tree.js';
import { renderComponent, runJob } from './support/gitlab.js';
import { mwsguardRemote } from './support/remote.js';

// templates/mwsguard.yml, the GitLab CI/CD component: rendered with inputs, its script run in a
// temp repository with a merge request's range, the mwsguard it clones being this checkout.

const repo = tempRepo();
const remote = mwsguardRemote();
let base = '';

beforeAll(() => {
  base = commit(repo.dir, 'init', { 'README.md': '# shop\n' });
  git(repo.dir, 'checkout', '-q', '-b', 'feature');
  commit(repo.dir, 'add', { 'config/prod.env': keyLine(KEYS.a) });
  git(repo.dir, 'rm', '-q', 'config/prod.env');
  commit(repo.dir, 'remove', { 'src/app.env': keyLine(KEYS.b) });
});

afterAll(() => {
  repo.cleanup();
  remote.cleanup();
});

const source = { 'mwsguard-source': remote.url, 'mwsguard-ref': 'main' };

interface GitlabReport {
  readonly vulnerabilities: readonly { readonly location: { readonly file: string } }[];
}

const readReport = (name: string): GitlabReport =>
  JSON.parse(readFileSync(join(repo.dir, name), 'utf8')) as GitlabReport;

describe.concurrent('the GitLab CI/CD component', { timeout: SPAWN_TIMEOUT }, () => {
  it('renders a job with the secret_detection report artifact', () => {
    const jobs = renderComponent('mwsguard', { 'job-name': 'secrets', stage: 'security', 'allow-failure': true });
    expect(Object.keys(jobs)).toEqual(['secrets']);
    expect(jobs.secrets).toMatchObject({
      stage: 'security',
      allow_failure: true,
      artifacts: { when: 'always', reports: { secret_detection: 'gl-secret-detection-report.json' } },
    });
    expect(() => renderComponent('mwsguard', { mode: 'everything' })).toThrow(/not an option/);
    expect(() => renderComponent('mwsguard', { nosuch: 1 })).toThrow(/unknown input/);
  });

  it('merge-request mode: a valid report of the keys the commits added since the base', async () => {
    const jobs = renderComponent('mwsguard', { ...source, mode: 'merge-request', report: 'mr.json' });
    const run = await runJob(jobs.mwsguard!, repo.dir, { CI_MERGE_REQUEST_DIFF_BASE_SHA: base });
    expect({ code: run.code, output: run.output }).toMatchObject({ code: 1 });
    const report = readReport('mr.json');
    const validate = gitlabValidator();
    expect([validate(report), validate.errors]).toEqual([true, null]);
    expect(report.vulnerabilities.map((v) => v.location.file)).toEqual(['config/prod.env', 'src/app.env']);
    expect(readFileSync(join(repo.dir, 'mr.json'), 'utf8')).not.toContain(KEYS.a);
    expect(run.output).not.toContain(KEYS.a);
  });

  it('working-tree mode with paths; merge-request mode outside a merge request fails clearly', async () => {
    const tree = renderComponent('mwsguard', { ...source, paths: 'README.md src', report: 'tree.json' });
    const run = await runJob(tree.mwsguard!, repo.dir);
    expect({ code: run.code, output: run.output }).toMatchObject({ code: 1 });
    expect(readReport('tree.json').vulnerabilities.map((v) => v.location.file)).toEqual(['src/app.env']);
    const clean = renderComponent('mwsguard', { ...source, paths: 'README.md', report: 'clean.json' });
    expect((await runJob(clean.mwsguard!, repo.dir)).code).toBe(0);
    expect(readReport('clean.json').vulnerabilities).toEqual([]);
    const mr = renderComponent('mwsguard', { ...source, mode: 'merge-request', report: 'none.json' });
    const outside = await runJob(mr.mwsguard!, repo.dir);
    expect(outside.code).not.toBe(0);
    expect(outside.output).toContain('mode merge-request runs in merge request pipelines only');
    expect(existsSync(join(repo.dir, 'none.json'))).toBe(false);
  });
});
