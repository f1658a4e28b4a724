import { spawnSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  realpathSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SecretLintCoreResult } from '@secretlint/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainEnv, spawnProcess } from '../../../test/support/spawn.js';
import type { Spawned } from '../../../test/support/spawn.js';
import {
  ACCESS_KEY_ID,
  ALL,
  LWA_CLIENT_SECRET,
  MWS_AUTH_TOKEN,
  MWS_AUTH_TOKEN_2,
  SECRET_KEY,
} from './support/fake-credentials.js';

// The real secretlint 13 CLI (its bin, spawned) on a temporary project whose `.secretlintrc.json`
// uses this rule next to preset-recommend. The CLI loads rules by package name from the project's
// node_modules, i.e. this package's compiled dist/: these tests need a build first (`npx tsc -b`;
// the root `pnpm test` runs it before vitest). secretlint 13 declares Node >= 22 but runs on our
// Node 20; the last block runs it under a real Node 22 fetched by `npx -y node@22`.

const require = createRequire(import.meta.url);
const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
const CORE_DIR = join(PACKAGE_DIR, '../core');
const BIN = join(dirname(require.resolve('secretlint/package.json')), 'bin/secretlint.js');
const PRESET_DIR = realpathSync(dirname(require.resolve('@secretlint/secretlint-rule-preset-recommend/package.json')));
const RULE_ID = '@mwsguard/secretlint-rule-mws';

const RC = {
  rules: [
    { id: RULE_ID },
    {
      id: '@secretlint/secretlint-rule-preset-recommend',
      // The AWS rule at its most eager, to show it adds no second report of our credentials.
      rules: [{ id: '@secretlint/secretlint-rule-aws', options: { enableIDScanRule: true } }],
    },
  ],
};

/** The temporary project: path → content. */
const FILES: Record<string, string> = {
  '.secretlintrc.json': `${JSON.stringify(RC, null, 2)}\n`,
  credentials: `[default]\naws_access_key_id = ${ACCESS_KEY_ID}\naws_secret_access_key = ${SECRET_KEY}\n`,
  'config/mws.env': [
    `MWS_AUTH_TOKEN=${MWS_AUTH_TOKEN}`,
    `MWS_AUTH_TOKEN_SANDBOX=${MWS_AUTH_TOKEN_2} # secretlint-disable-line ${RULE_ID}`,
    `LWA_CLIENT_SECRET=${LWA_CLIENT_SECRET}`,
    '',
  ].join('\n'),
  'db/schema.sql':
    'CREATE TABLE sellers (\n  seller_id VARCHAR(20),\n  mws_access_key VARCHAR(20),\n  mws_secret_key VARCHAR(40)\n);\n',
  'README.md':
    '# Orders sync\n\nDeveloper keys come from `MWS_ACCESS_KEY_ID` and `MWS_SECRET_KEY` in the environment.\n',
};

/** What secretlint must report on FILES: [file, messageId, line, column (0-based)]. */
const EXPECTED = [
  ['config/mws.env', 'MwsAuthToken', 1, 15],
  ['config/mws.env', 'LwaClientSecret', 3, 18],
  ['credentials', 'AccessKeyId', 2, 20],
  ['credentials', 'SecretKey', 3, 24],
  ['db/schema.sql', 'SharedCredentials', 4, 2],
];

function spawnIn(cwd: string, command: string, args: readonly string[]): Promise<Spawned> {
  return spawnProcess(command, args, { cwd, env: plainEnv() });
}

/** Newest modification time of the files under `dir`. */
function newest(dir: string): number {
  let time = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) time = Math.max(time, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return time;
}

/** Throws unless `dir/dist` was built after the last change in `dir/src`. */
function assertBuilt(dir: string): void {
  let built = 0;
  try {
    built = statSync(join(dir, 'dist/.tsbuildinfo')).mtimeMs;
  } catch {
    // not built at all
  }
  if (built < newest(join(dir, 'src'))) {
    throw new Error(`${join(dir, 'dist')} is missing or older than its sources: run \`npx tsc -b\` first`);
  }
}

/** Lays FILES out in a fresh temporary directory with the two rule packages in node_modules. */
function makeProject(): string {
  const root = mkdtempSync(join(tmpdir(), 'mwsguard-secretlint-'));
  mkdirSync(join(root, 'node_modules/@mwsguard'), { recursive: true });
  mkdirSync(join(root, 'node_modules/@secretlint'), { recursive: true });
  symlinkSync(PACKAGE_DIR, join(root, 'node_modules', RULE_ID), 'dir');
  symlinkSync(PRESET_DIR, join(root, 'node_modules/@secretlint/secretlint-rule-preset-recommend'), 'dir');
  for (const [path, content] of Object.entries(FILES)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

/** The reports of a JSON run as [file, messageId, line, column], sorted like EXPECTED. */
function reports(root: string, results: SecretLintCoreResult[]): (string | number)[][] {
  return results
    .flatMap((result) =>
      result.messages.map((m) => [
        result.filePath.slice(root.length + 1),
        m.messageId,
        m.loc.start.line,
        m.loc.start.column,
      ]),
    )
    .sort((a, b) => String(a[0]).localeCompare(String(b[0])) || Number(a[2]) - Number(b[2]));
}

function byPath(results: SecretLintCoreResult[]): SecretLintCoreResult[] {
  return results.toSorted((a, b) => a.filePath.localeCompare(b.filePath));
}

let project = '';

/**
 * `secretlint '**\/*' --format json` in the project, under this Node: three tests read it, and
 * the same CLI on the same files gives the same run, so it is spawned once (on first use).
 */
let jsonRun: Promise<Spawned> | undefined;
const JSON_ARGS = [BIN, '**/*', '--format', 'json'];
function jsonOnThisNode(): Promise<Spawned> {
  jsonRun ??= spawnIn(project, process.execPath, JSON_ARGS);
  return jsonRun;
}

beforeAll(() => {
  assertBuilt(PACKAGE_DIR);
  assertBuilt(CORE_DIR);
  project = realpathSync(makeProject());
});

afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

describe.concurrent('secretlint 13 CLI with the rule and preset-recommend', () => {
  it('reports each credential once, masked, and exits 1 (json)', async () => {
    const { code, stdout, stderr } = await jsonOnThisNode();
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const results = JSON.parse(stdout) as SecretLintCoreResult[];
    expect(reports(project, results)).toEqual(EXPECTED);
    const messages = results.flatMap((result) => result.messages);
    // Only our rule reported: the AWS rule's reports of the same keys were dropped, and no
    // range is reported twice.
    expect(new Set(messages.map((m) => m.ruleId))).toEqual(new Set([RULE_ID]));
    for (const result of results) {
      const ranges = result.messages.map((m) => m.range.join('-'));
      expect(new Set(ranges).size).toBe(ranges.length);
    }
    for (const m of messages) {
      expect(m.docsUrl).toBe(
        `https://github.com/mwsguard/mwsguard/blob/main/packages/secretlint-rule-mws/README.md#${m.messageId}`,
      );
    }
    // maskSecrets is on by default: the masked values in our messages are starred out.
    const secretMessages = messages.filter((m) => m.messageId !== 'SharedCredentials').map((m) => m.message);
    expect(secretMessages).toHaveLength(4);
    for (const message of secretMessages) expect(message).toMatch(/ \*{20,}: /);
  });

  // Issue 13, row 6: secretlint's json report copies each file's whole content.
  it('holds every plaintext in --format json (sourceContent), none with the rule package formatter', async () => {
    const json = await jsonOnThisNode();
    expect(json.stdout).toContain(SECRET_KEY);
    const safe = await spawnIn(project, process.execPath, [
      BIN,
      '**/*',
      '--format',
      '@mwsguard/secretlint-rule-mws/formatter',
    ]);
    expect({ code: safe.code, stderr: safe.stderr }).toEqual({ code: 1, stderr: '' });
    const results = JSON.parse(safe.stdout) as SecretLintCoreResult[];
    expect(reports(project, results)).toEqual(EXPECTED);
    for (const secret of ALL) {
      expect(safe.stdout).not.toContain(secret);
      expect(safe.stdout).not.toContain(secret.slice(4, -4));
    }
    expect(safe.stdout).not.toContain('sourceContent');
  });

  it('prints no credential in the default (stylish) output', async () => {
    const { code, stdout } = await spawnIn(project, process.execPath, [BIN, '**/*']);
    expect(code).toBe(1);
    for (const id of ['AccessKeyId', 'SecretKey', 'MwsAuthToken', 'LwaClientSecret', 'SharedCredentials']) {
      expect(stdout).toContain(`[${id}]`);
    }
    for (const secret of ALL) expect(stdout).not.toContain(secret.slice(-12));
    expect(stdout).toContain('5 problems (5 errors, 0 warnings, 0 infos)');
  });

  it('masks exactly the reported spans with --format=mask-result', async () => {
    const { stdout } = await spawnIn(project, process.execPath, [BIN, 'credentials', '--format', 'mask-result']);
    expect(stdout.trimEnd()).toBe(
      `[default]\naws_access_key_id = ${'*'.repeat(20)}\naws_secret_access_key = ${'*'.repeat(40)}`,
    );
  });

  it('exits 0 on a clean file', async () => {
    const { code, stdout } = await spawnIn(project, process.execPath, [BIN, 'README.md']);
    expect({ code, stdout: stdout.trim() }).toEqual({ code: 0, stdout: '' });
  });

  it('exits 2 with the reason on a malformed option', async () => {
    const rc = JSON.stringify({ rules: [{ id: RULE_ID, options: { kinds: ['secret-keys'] } }] });
    const { code, stderr } = await spawnIn(project, process.execPath, [BIN, 'credentials', '--secretlintrcJSON', rc]);
    expect(code).toBe(2);
    expect(stderr).toContain('unknown kind "secret-keys" in options.kinds');
  });
});

// `npx -y node@22` downloads Node 22 into npm's cache on first use (a few seconds), then starts
// in about a second. Skipped, with the reason printed, only when npx cannot fetch it (offline).
// npx is asked once for the version and the path of that Node's binary; the run below starts
// the binary itself (npm's own start-up is not part of what is tested).
const node22 = spawnSync('npx', ['-y', 'node@22', '-p', 'process.version + "\\n" + process.execPath'], {
  encoding: 'utf8',
  timeout: 120_000,
});
const [NODE22_VERSION = '', NODE22 = ''] = node22.stdout.trim().split('\n');
const hasNode22 = node22.status === 0 && NODE22_VERSION.startsWith('v22.') && NODE22 !== '';
if (!hasNode22) {
  console.warn(`skipping the Node 22 run: \`npx -y node@22\` failed: ${node22.stderr || String(node22.error)}`);
}

describe.skipIf(!hasNode22)(`secretlint 13 CLI under Node 22 (${NODE22_VERSION})`, () => {
  it('reports the same as under Node 20', async () => {
    const [on22, on20] = await Promise.all([spawnIn(project, NODE22, JSON_ARGS), jsonOnThisNode()]);
    expect(on22.stderr).toBe('');
    expect(on22.code).toBe(1);
    const results = JSON.parse(on22.stdout) as SecretLintCoreResult[];
    expect(reports(project, results)).toEqual(EXPECTED);
    // secretlint lints files concurrently, so its result order follows whichever read finished
    // first (CI saw schema.sql and mws.env swap); compare the results file by file.
    expect(byPath(results)).toEqual(byPath(JSON.parse(on20.stdout) as SecretLintCoreResult[]));
  });
});
