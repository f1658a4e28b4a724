import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JsonReport } from './support/run-cli.js';
import { SPAWN_TIMEOUT, commit, git, spawnBin, spawnJson, tempDir, tempRepo, writeTree } from './support/tree.js';

// The project pass through the real bin (docs/cli.md#across-files-the-project-pass): a file that
// carries a seller's key is reported, as a warning naming the record, when another file the same
// run reads holds a type-A record; alone it is nothing.

// Type A declared: each seller's row keeps its LWA client secret (core reports it on line 6).
const SCHEMA = [
  'model AmazonAccount {',
  '  id              String @id',
  '  userId          String',
  '  sellerId        String',
  '  lwaClientId     String',
  '  lwaClientSecret String',
  '  refreshToken    String',
  '}',
  '',
].join('\n');

// Type A carried: the service writes a seller's secret into that row, and declares no record of
// its own. (A `create` whose `data` names the seller id, the secret and the refresh token together
// is a type-A record by itself: core reports it as an error without the schema.)
const SERVICE = [
  "import { prisma } from './prisma';",
  '',
  'export class AccountService {',
  '  async rotateSecret(sellerId: string, lwaClientSecret: string) {',
  '    return prisma.amazonAccount.update({ where: { sellerId }, data: { lwaClientSecret } });',
  '  }',
  '}',
  '',
].join('\n');

const TREE = { 'prisma/schema.prisma': SCHEMA, 'src/account.service.ts': SERVICE };

const FIX = 'use your one app; store only the refresh token and selling partner ID.';
const SCHEMA_FINDING = {
  file: 'prisma/schema.prisma',
  line: 6,
  column: 3,
  severity: 'error',
  kind: 'shared-credentials',
  secret: 'lwaClientSecret',
  message: `model AmazonAccount stores sellers' lwaClientSecret (type A): ${FIX}`,
};
// Core fits every message within 150 characters (a long path loses its front: `…/schema.prisma:6`).
const SERVICE_FINDING = {
  file: 'src/account.service.ts',
  line: 4,
  column: 40,
  severity: 'warning',
  kind: 'shared-credentials',
  secret: 'lwaClientSecret',
  message: `lwaClientSecret is kept per seller in prisma/schema.prisma:6 (type A): ${FIX}`,
};
const SERVICE_FINGERPRINT = '8e381bd64d9a176935e3a10000af35c5b61198423cd6de9ff16d4526cec07588';
const SCHEMA_FINGERPRINT = '8ae3017cdb4ecd2784ef03e1a1e729db7633b70e931634d84834d1d36b3d0e30';

/** What each finding of a JSON report says, in output order. */
const findings = (report: JsonReport): object[] =>
  report.findings.map(({ file, line, column, severity, kind, secret, message }) => ({
    file,
    line,
    column,
    severity,
    kind,
    secret,
    message,
  }));

const fingerprints = (report: JsonReport): string[] => report.findings.map((f) => f.fingerprint);

/** A temp directory holding `tree`, removed after the test. */
async function inTree<T>(tree: Readonly<Record<string, string>>, body: (dir: string) => Promise<T>): Promise<T> {
  const tmp = tempDir('mwsguard-project-');
  try {
    writeTree(tmp.dir, tree);
    return await body(tmp.dir);
  } finally {
    tmp.cleanup();
  }
}

describe.concurrent('the project pass', { timeout: SPAWN_TIMEOUT }, () => {
  it('reports the service as a warning naming the schema; only the schema error fails the run', async () => {
    await inTree(TREE, async (cwd) => {
      const scan = await spawnJson([], { cwd });
      expect({ code: scan.code, stderr: scan.stderr }).toEqual({ code: 1, stderr: '' });
      expect(findings(scan.report)).toEqual([SCHEMA_FINDING, SERVICE_FINDING]);
      expect(fingerprints(scan.report)).toEqual([SCHEMA_FINGERPRINT, SERVICE_FINGERPRINT]);
      expect(scan.report.summary).toMatchObject({
        filesScanned: 2,
        findings: 2,
        findingsBySeverity: { error: 1, warning: 1, info: 0 },
        suppressed: 0,
        reused: [],
      });

      // The schema's record baselined: the warning is left, and the default --fail-on error passes.
      const written = await spawnBin(['baseline', 'prisma', '--output', 'baseline.json'], { cwd });
      expect(written).toMatchObject({ code: 0, stdout: 'mwsguard: wrote 1 baseline entry to baseline.json.\n' });
      const baselined = await spawnJson(['--baseline', 'baseline.json'], { cwd });
      expect({ code: baselined.code, stderr: baselined.stderr }).toEqual({ code: 0, stderr: '' });
      expect(findings(baselined.report)).toEqual([SERVICE_FINDING]);
      expect(baselined.report.summary).toMatchObject({ baselined: 1, findingsBySeverity: { warning: 1 } });
      const strict = await spawnJson(['--baseline', 'baseline.json', '--fail-on', 'warning'], { cwd });
      expect(strict.code).toBe(1);
      expect(strict.report).toEqual(baselined.report);
    });
  });

  it('reports nothing for the service alone: the project is what the run reads', async () => {
    await inTree({ 'src/account.service.ts': SERVICE }, async (cwd) => {
      const alone = await spawnJson([], { cwd });
      expect({ code: alone.code, stderr: alone.stderr, findings: alone.report.findings }).toEqual({
        code: 0,
        stderr: '',
        findings: [],
      });
      expect(alone.report.summary).toMatchObject({ filesScanned: 1, suppressed: 0 });
    });
    // In the whole project, a run that names only the service reads only the service.
    await inTree(TREE, async (cwd) => {
      const named = await spawnJson(['src/account.service.ts', '--fail-on', 'warning'], { cwd });
      expect({ code: named.code, findings: named.report.findings }).toEqual({ code: 0, findings: [] });
      // All roots of one run form one project.
      const roots = await spawnJson(['src', 'prisma/schema.prisma'], { cwd });
      expect(findings(roots.report)).toEqual([SCHEMA_FINDING, SERVICE_FINDING]);
    });
  });

  it("judges each repository of a scanned folder alone: one repository's record confirms nothing in another", async () => {
    const tree = {
      'billing/.git/HEAD': 'ref: refs/heads/main\n',
      'billing/prisma/schema.prisma': SCHEMA,
      'connector/.git/HEAD': 'ref: refs/heads/main\n',
      'connector/src/account.service.ts': SERVICE,
    };
    await inTree(tree, async (cwd) => {
      const scan = await spawnJson(['--fail-on', 'warning'], { cwd });
      expect({ code: scan.code, stderr: scan.stderr }).toEqual({ code: 1, stderr: '' });
      expect(findings(scan.report)).toEqual([{ ...SCHEMA_FINDING, file: 'billing/prisma/schema.prisma' }]);
    });
    // The same two files in one repository: the service is judged against the schema.
    await inTree({ ...TREE, '.git/HEAD': 'ref: refs/heads/main\n' }, async (cwd) => {
      const scan = await spawnJson(['prisma', 'src'], { cwd });
      expect(findings(scan.report)).toEqual([SCHEMA_FINDING, SERVICE_FINDING]);
    });
  });

  it("lists the service as suppressed under mwsguard-ignore on the candidate's line", async () => {
    const ignored = SERVICE.replace(
      'lwaClientSecret: string) {',
      'lwaClientSecret: string) { // mwsguard-ignore: rotated by the seller',
    );
    await inTree({ ...TREE, 'src/account.service.ts': ignored }, async (cwd) => {
      const scan = await spawnJson([], { cwd });
      expect(findings(scan.report)).toEqual([SCHEMA_FINDING]);
      expect(scan.report.summary).toMatchObject({ suppressed: 1, suppressedByReason: { inline: 1 } });
      const verbose = await spawnBin(['scan', '--verbose', '--format', 'json'], { cwd });
      expect(verbose.stderr).toBe(
        'mwsguard: suppressed findings:\n' +
          `  src/account.service.ts:4:40  shared-credentials  lwaClientSecret  inline mwsguard-ignore  ${SERVICE_FINGERPRINT}\n`,
      );
    });
    // An ignored record confirms nothing: the service is then neither reported nor suppressed.
    const record = SCHEMA.replace('lwaClientSecret String', 'lwaClientSecret String // mwsguard-ignore');
    await inTree({ ...TREE, 'prisma/schema.prisma': record }, async (cwd) => {
      const scan = await spawnJson(['--fail-on', 'warning'], { cwd });
      expect({ code: scan.code, findings: scan.report.findings }).toEqual({ code: 0, findings: [] });
      expect(scan.report.summary).toMatchObject({ suppressed: 1, suppressedByReason: { inline: 1 } });
    });
  });

  it('applies the path and fingerprint allowlists to the service, and to the record it needs', async () => {
    const config = (allowlist: object): string => JSON.stringify({ allowlist });
    const cases: [object, object[], Record<string, number>][] = [
      // The service's path allowlisted: suppressed like any finding.
      [{ paths: ['src/**'] }, [SCHEMA_FINDING], { allowlistPath: 1 }],
      [
        { fingerprints: [{ fingerprint: SERVICE_FINGERPRINT, reason: 'reviewed' }] },
        [SCHEMA_FINDING],
        { allowlistFingerprint: 1 },
      ],
      // The schema allowlisted: its record is no type A to whoever allowlisted it, so it confirms nothing.
      [{ paths: ['prisma/**'] }, [], { allowlistPath: 1 }],
      [{ fingerprints: [{ fingerprint: SCHEMA_FINGERPRINT, reason: 'reviewed' }] }, [], { allowlistFingerprint: 1 }],
    ];
    for (const [allowlist, expected, byReason] of cases) {
      await inTree({ ...TREE, 'mwsguard.config.json': config(allowlist) }, async (cwd) => {
        const scan = await spawnJson(['--fail-on', 'warning'], { cwd });
        expect({ allowlist, code: scan.code, findings: findings(scan.report) }).toEqual({
          allowlist,
          code: expected.length > 0 ? 1 : 0,
          findings: expected,
        });
        expect(scan.report.summary.suppressedByReason).toMatchObject(byReason);
        expect(scan.report.summary.suppressed).toBe(1);
      });
    }
  });

  it('shows the service at warning level in every format', async () => {
    await inTree(TREE, async (cwd) => {
      const [sarif, github, gitlab, stylish] = await Promise.all(
        ['sarif', 'github', 'gitlab', 'stylish'].map((format) =>
          spawnBin(['scan', '--format', format, ...(format === 'stylish' ? ['--quiet'] : [])], { cwd }),
        ),
      );
      const log = JSON.parse(sarif!.stdout) as {
        runs: {
          results: {
            ruleId: string;
            level: string;
            message: { text: string };
            locations: { physicalLocation: { artifactLocation: { uri: string }; region: object } }[];
          }[];
        }[];
      };
      expect(
        log.runs[0]!.results.map((r) => ({
          ruleId: r.ruleId,
          level: r.level,
          message: r.message.text,
          uri: r.locations[0]!.physicalLocation.artifactLocation.uri,
          region: r.locations[0]!.physicalLocation.region,
        })),
      ).toEqual([
        {
          ruleId: 'mwsguard/shared-credentials',
          level: 'error',
          message: SCHEMA_FINDING.message,
          uri: 'prisma/schema.prisma',
          region: { startLine: 6, startColumn: 3, endLine: 6, endColumn: 18 },
        },
        {
          ruleId: 'mwsguard/shared-credentials',
          level: 'warning',
          message: SERVICE_FINDING.message,
          uri: 'src/account.service.ts',
          region: { startLine: 4, startColumn: 40, endLine: 4, endColumn: 55 },
        },
      ]);
      const docs = 'https://github.com/mwsguard/mwsguard/blob/main/docs/kinds/shared-credentials.md';
      expect(github!.stdout).toBe(
        `::error file=prisma/schema.prisma,line=6,col=3,endLine=6,endColumn=18,title=mwsguard/shared-credentials::${SCHEMA_FINDING.message} ${docs}\n` +
          `::warning file=src/account.service.ts,line=4,col=40,endLine=4,endColumn=55,title=mwsguard/shared-credentials::${SERVICE_FINDING.message} ${docs}\n` +
          'mwsguard: 2 findings in 2 files (2 files scanned, 0 skipped).\n',
      );
      const report = JSON.parse(gitlab!.stdout) as {
        vulnerabilities: { severity: string; location: { file: string; start_line: number } }[];
      };
      expect(report.vulnerabilities.map((v) => [v.severity, v.location.file, v.location.start_line])).toEqual([
        ['Critical', 'prisma/schema.prisma', 6],
        ['Medium', 'src/account.service.ts', 4],
      ]);
      expect(stylish!.stdout).toBe(
        [
          'prisma/schema.prisma',
          "  6:3  error  model AmazonAccount stores sellers' lwaClientSecret (type A)  shared-credentials",
          '',
          'src/account.service.ts',
          '  4:40  warning  lwaClientSecret is kept per seller in prisma/schema.prisma:6 (type A)  shared-credentials',
          '',
        ].join('\n'),
      );
      for (const r of [sarif, github, gitlab, stylish]) expect(r!.code).toBe(1);
    });
  });

  it('gives the same report when worker threads scan the files', async () => {
    // More files than the main thread scans alone (256), with the schema first and the service
    // last in discovery order, so the two travel in different batches.
    const tree: Record<string, string> = { ...TREE };
    for (let i = 0; i < 300; i++)
      tree[join('queries', `q${String(i).padStart(3, '0')}.ts`)] = `export const q = ${String(i)};\n`;
    await inTree(tree, async (cwd) => {
      const debug = { MWSGUARD_DEBUG: '1' };
      const [pool, single] = await Promise.all([
        spawnBin(['scan', '--format', 'json', '--jobs', '2'], { cwd, env: debug }),
        spawnBin(['scan', '--format', 'json', '--jobs', '1'], { cwd, env: debug }),
      ]);
      expect(pool.stderr).toBe('mwsguard: debug: 2 worker threads\n');
      expect(single.stderr).toBe('mwsguard: debug: 0 worker threads\n');
      expect(pool.stdout).toBe(single.stdout);
      const report = JSON.parse(pool.stdout) as JsonReport;
      expect({ code: pool.code, findings: findings(report) }).toEqual({
        code: 1,
        findings: [SCHEMA_FINDING, SERVICE_FINDING],
      });
      expect(report.summary.filesScanned).toBe(302);
    });
  });

  it('--staged: the staged files are the project', async () => {
    const repo = tempRepo();
    try {
      writeTree(repo.dir, TREE);
      git(repo.dir, 'add', 'prisma/schema.prisma', 'src/account.service.ts');
      const staged = await spawnJson(['--staged'], { cwd: repo.dir });
      expect({ code: staged.code, stderr: staged.stderr }).toEqual({ code: 1, stderr: '' });
      expect(findings(staged.report)).toEqual([SCHEMA_FINDING, SERVICE_FINDING]);
      expect(staged.report.summary).toMatchObject({ filesScanned: 2, findingsBySeverity: { error: 1, warning: 1 } });

      // The schema committed, a change to the service staged alone: the hook reads only the service.
      git(repo.dir, 'commit', '-q', '-m', 'accounts');
      writeTree(repo.dir, { 'src/account.service.ts': SERVICE.replace('rotateSecret', 'replaceSecret') });
      git(repo.dir, 'add', 'src/account.service.ts');
      const alone = await spawnJson(['--staged', '--fail-on', 'warning'], { cwd: repo.dir });
      expect({ code: alone.code, findings: alone.report.findings }).toEqual({ code: 0, findings: [] });
      expect(alone.report.summary.filesScanned).toBe(1);
    } finally {
      repo.cleanup();
    }
  });

  it('--history judges each blob alone: blobs across time are no project', async () => {
    const repo = tempRepo();
    try {
      commit(repo.dir, 'accounts', TREE);
      const history = await spawnJson(['--history', '--fail-on', 'warning'], { cwd: repo.dir });
      expect(history.report.findings.map((f) => [f.file, f.line, f.severity])).toEqual([
        ['prisma/schema.prisma', 6, 'error'],
      ]);
      expect(history.code).toBe(1);
    } finally {
      repo.cleanup();
    }
  });
});
