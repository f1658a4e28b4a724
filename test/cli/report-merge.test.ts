import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeInputs } from '../../packages/mwsguard/src/report-merge/inputs.js';
import { renderMergedJson } from '../../packages/mwsguard/src/report-merge/render-json.js';
import { KEYS, keyLine } from './support/fake-credentials.js';
import { runCli } from './support/run-cli.js';
import { sarifValidator } from './support/schemas.js';
import { commit, git, tempDir, tempRepo } from './support/tree.js';

// `mwsguard report merge` on real reports: three temp repositories, each scanned (working tree
// and history) by the CLI into the file names the org workflows use.

interface Merged {
  readonly format: string;
  readonly version: number;
  readonly findings: readonly { readonly repository: string; readonly file: string; readonly fingerprint: string }[];
  readonly summary: {
    readonly reports: number;
    readonly repositories: number;
    readonly findings: number;
    readonly findingsByKind: Readonly<Record<string, number>>;
    readonly byRepository: readonly {
      readonly repository: string;
      readonly reports: number;
      readonly findings: number;
      readonly secrets: number;
      readonly commitsScanned?: number;
      readonly incomplete: boolean;
    }[];
    readonly reusedAcrossRepositories: readonly {
      readonly fingerprint: string;
      readonly kind: string;
      readonly secret: string;
      readonly count: number;
      readonly repositories: readonly string[];
    }[];
    readonly incomplete: boolean;
  };
}

const out = tempDir('mwsguard-merge-');
const repos: { dir: string; cleanup: () => void }[] = [];
let reports: string[] = [];

beforeAll(async () => {
  // acme/billing and acme/shop share KEYS.a; acme/shop also deleted KEYS.b (history only);
  // acme/docs is clean.
  const layout: Record<string, () => void> = {
    billing: () => {
      commit(repos[0]!.dir, 'config', { '.env': keyLine(KEYS.a) });
    },
    shop: () => {
      const dir = repos[1]!.dir;
      commit(dir, 'old', { 'old.env': keyLine(KEYS.b) });
      git(dir, 'rm', '-q', 'old.env');
      commit(dir, 'config', { 'src/settings.env': `X=1\n${keyLine(KEYS.a)}` });
    },
    docs: () => {
      commit(repos[2]!.dir, 'readme', { 'README.md': '# docs\n' });
    },
  };
  for (const [name, build] of Object.entries(layout)) {
    repos.push(tempRepo());
    build();
    for (const scope of ['tree', 'history']) {
      const report = join(out.dir, `acme__${name}.${scope}.json`);
      const args = ['scan', ...(scope === 'history' ? ['--history'] : []), '--format', 'json', '--output', report];
      const { code } = await runCli(args, { cwd: repos.at(-1)!.dir });
      if (code !== (name === 'docs' ? 0 : 1)) throw new Error(`scan of ${name} (${scope}) exited ${String(code)}`);
      reports.push(report);
    }
  }
  reports = reports.reverse(); // The merge orders them itself.
});

afterAll(() => {
  for (const repo of repos) repo.cleanup();
  out.cleanup();
});

async function merge(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return runCli(['report', 'merge', ...args], { cwd: out.dir });
}

describe('mwsguard report merge', () => {
  it('totals by kind and by repository, and finds the key reused across repositories', async () => {
    const { code, stdout } = await merge(...reports);
    expect(code).toBe(0);
    const merged = JSON.parse(stdout) as Merged;
    expect(merged).toMatchObject({ format: 'mwsguard-merged-report', version: 1 });
    expect(merged.summary).toMatchObject({ reports: 6, repositories: 3, findings: 5, incomplete: false });
    expect(merged.summary.findingsByKind['access-key-id']).toBe(5);
    expect(merged.summary.byRepository.map((r) => [r.repository, r.reports, r.findings, r.secrets])).toEqual([
      ['acme/billing', 2, 2, 1],
      ['acme/docs', 2, 0, 0],
      ['acme/shop', 2, 3, 2],
    ]);
    expect(merged.summary.byRepository.map((r) => r.commitsScanned)).toEqual([1, 1, 2]);
    const [reuse, ...rest] = merged.summary.reusedAcrossRepositories;
    expect(rest).toEqual([]);
    expect(reuse).toMatchObject({ kind: 'access-key-id', count: 4, repositories: ['acme/billing', 'acme/shop'] });
    expect(reuse?.secret).toMatch(/^AKIA\*+HJPD$/);
    // Findings keep their repository, grouped by it.
    expect(merged.findings.map((f) => `${f.repository} ${f.file}`)).toEqual([
      'acme/billing .env',
      'acme/billing .env',
      'acme/shop old.env',
      'acme/shop src/settings.env',
      'acme/shop src/settings.env',
    ]);
    expect(stdout).not.toContain(KEYS.a);
    expect(stdout).not.toContain(KEYS.b);
  });

  it('writes one valid SARIF log with a run per repository', async () => {
    const { code } = await merge('--format', 'sarif', '--output', 'org.sarif', ...reports);
    expect(code).toBe(0);
    const text = readFileSync(join(out.dir, 'org.sarif'), 'utf8');
    const log = JSON.parse(text) as {
      runs: { automationDetails: { id: string }; results: unknown[]; properties: { repository: string } }[];
      properties: { reusedAcrossRepositories: { repositories: string[] }[] };
    };
    const validate = sarifValidator();
    expect([validate(log), validate.errors]).toEqual([true, null]);
    expect(log.runs.map((r) => [r.properties.repository, r.automationDetails.id, r.results.length])).toEqual([
      ['acme/billing', 'mwsguard/acme/billing/', 2],
      ['acme/docs', 'mwsguard/acme/docs/', 0],
      ['acme/shop', 'mwsguard/acme/shop/', 3],
    ]);
    expect(log.properties.reusedAcrossRepositories[0]?.repositories).toEqual(['acme/billing', 'acme/shop']);
    expect(text).not.toContain(KEYS.a);
  });

  it('writes Markdown totals with masked values and links to the kind pages', async () => {
    const { code, stdout } = await merge('--format', 'markdown', ...reports);
    expect(code).toBe(0);
    expect(stdout).toContain('## mwsguard: 5 findings in 3 repositories');
    expect(stdout).toContain(
      '| [access-key-id](https://github.com/mwsguard/mwsguard/blob/main/docs/kinds/access-key-id.md) | 5 |',
    );
    expect(stdout).toMatch(/^\| acme\/shop \| 3 \| 2 \| 3 \| 2 \| yes \|$/m);
    expect(stdout).toMatch(/\| `AKIA\*+HJPD` \| `[0-9a-f]{16}` \| 2: acme\/billing, acme\/shop \| 4 \|/);
    expect(stdout).not.toContain(KEYS.a);
  });

  it('streams: the JSON is written one finding at a time, never as one string', async () => {
    const pieces = [...renderMergedJson(mergeInputs(reports, out.dir))];
    expect(JSON.parse(pieces.join(''))).toEqual(JSON.parse((await merge(...reports)).stdout));
    // A head, one piece per finding, a tail with the totals.
    expect(pieces).toHaveLength(5 + 2);
    expect(Math.max(...pieces.slice(1, -1).map((p) => p.length))).toBeLessThan(2000);
  });

  it('names the file of a report it cannot use, and exits 2', async () => {
    const cases: [string, string, RegExp][] = [
      ['broken.json', '{"version":1,', /Report broken\.json is not JSON/],
      [
        'v2.json',
        '{"version":2,"findings":[],"summary":{}}',
        /Report v2\.json: expected an mwsguard JSON report of version 1/,
      ],
      [
        'bad-finding.json',
        '{"version":1,"findings":[{"kind":"nope"}],"summary":{"filesScanned":1,"filesSkipped":0,"incomplete":false}}',
        /Report bad-finding\.json: finding 1 is malformed/,
      ],
    ];
    for (const [name, text, message] of cases) {
      writeFileSync(join(out.dir, name), text);
      const { code, stdout, stderr } = await merge(reports[0]!, name);
      expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
      expect(stderr).toMatch(message);
    }
    const missing = await merge('missing.json');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Cannot read report missing.json (ENOENT)');
  });

  it('rejects usage mistakes', async () => {
    expect((await runCli(['report'], { cwd: out.dir })).stderr).toContain('Expected "mwsguard report merge REPORT..."');
    expect((await merge()).stderr).toContain('needs at least one JSON report');
    const stylish = await merge('--format', 'stylish', reports[0]!);
    expect(stylish.code).toBe(2);
    expect(stylish.stderr).toContain('expected one of json, markdown, sarif');
    expect((await merge('--history', reports[0]!)).stderr).toContain('does not apply to "mwsguard report"');
  });
});
