import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KEYS, keyLine } from './support/fake-credentials.js';
import { places, runCli, scanJson } from './support/run-cli.js';
import { tempDir, writeTree } from './support/tree.js';
import { ALLOW_SOURCE, ALLOWED, REPORTED_LINES, exactPattern } from '../support/allow-policy.js';

const tmp = tempDir();
afterAll(() => {
  tmp.cleanup();
});

let counter = 0;
/** A fresh tree under the temp dir; returns its root. */
function tree(files: Record<string, string>): string {
  counter += 1;
  const root = join(tmp.dir, `t${String(counter)}`);
  writeTree(root, files);
  return root;
}

const config = (value: unknown): string => JSON.stringify(value, null, 2);

describe('finding the config file', () => {
  it('walks up from the working directory to mwsguard.config.json; globs are relative to it', async () => {
    const root = tree({
      'mwsguard.config.json': config({ ignore: ['generated/**'] }),
      'app/generated/a.env': keyLine(KEYS.a),
      'app/src/b.env': keyLine(KEYS.b),
      'generated/c.env': keyLine(KEYS.c),
    });
    const fromApp = await scanJson([], { cwd: join(root, 'app') });
    // `generated/**` is anchored at the config's directory: app/generated is not ignored.
    expect(fromApp.report.findings.map((f) => f.file)).toEqual(['generated/a.env', 'src/b.env']);
    const fromRoot = await scanJson([], { cwd: root });
    expect(fromRoot.report.findings.map((f) => f.file)).toEqual(['app/generated/a.env', 'app/src/b.env']);
  });

  it('reads the "mwsguard" key of package.json, and --config / --no-config override the search', async () => {
    const root = tree({
      'package.json': config({ name: 'x', mwsguard: { ignore: ['*.env'] } }),
      'other.json': config({ ignore: ['b.env'] }),
      'a.env': keyLine(KEYS.a),
      'b.env': keyLine(KEYS.b),
    });
    expect((await scanJson([], { cwd: root })).report.findings).toEqual([]);
    expect((await scanJson(['--config', 'other.json'], { cwd: root })).report.findings.map((f) => f.file)).toEqual([
      'a.env',
    ]);
    expect((await scanJson(['--no-config'], { cwd: root })).report.findings).toHaveLength(2);
  });

  it.each([
    [{ alowlist: {} }, 'unknown key "alowlist" at the top level (did you mean "allowlist"?)'],
    [{ allowlist: { value: [] } }, 'unknown key "allowlist.value" at "allowlist"'],
    [{ severity: { 'secret-keys': 'off' } }, 'unknown key "severity.secret-keys" at "severity"'],
    [
      { severity: { 'secret-key': 'critical' } },
      '"severity.secret-key": must be one of "error", "warning", "info", "off"',
    ],
    [{ failOn: 'never' }, '"failOn": must be one of "error", "warning", "info"'],
    [{ ignore: 'dist/**' }, '"ignore": must be an array'],
    [
      { allowlist: { fingerprints: [{ fingerprint: 'a'.repeat(64) }] } },
      '"allowlist.fingerprints[0]": missing required key "reason"',
    ],
    [
      { allowlist: { fingerprints: [{ fingerprint: 'abc', reason: 'x' }] } },
      '"allowlist.fingerprints[0].fingerprint": must be 64 lower-case hex characters',
    ],
    [
      { allowlist: { fingerprints: [{ fingerprint: 'a'.repeat(64), reason: '  ' }] } },
      '"allowlist.fingerprints[0].reason": must not be blank',
    ],
    [{ allowlist: { values: ['(unclosed'] } }, '"allowlist.values[0]": invalid regular expression'],
    [{ maxFileSize: '5 parsecs' }, '"maxFileSize": must be a number of bytes or a size such as "5MiB"'],
    [{ maxFileSize: -1 }, '"maxFileSize": must be 0 or more'],
    [[], 'the top level: must be an object'],
  ])('rejects %j with a message naming the key, exit 2', async (value, message) => {
    const root = tree({ 'mwsguard.config.json': config(value), 'a.env': keyLine(KEYS.a) });
    const { code, stdout, stderr } = await runCli(['scan'], { cwd: root });
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toMatch(/^mwsguard: Invalid configuration in .*mwsguard\.config\.json:\n {2}/);
    expect(stderr).toContain(message);
  });

  it('rejects a config file that is not JSON, and a missing --config file', async () => {
    const root = tree({ 'mwsguard.config.json': '{ "ignore": [ }', 'a.env': keyLine(KEYS.a) });
    const bad = await runCli(['scan'], { cwd: root });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/mwsguard\.config\.json is not valid JSON: /);
    const missing = await runCli(['scan', '--config', 'nope.json'], { cwd: root });
    expect(missing).toMatchObject({
      code: 2,
      stderr: 'mwsguard: Cannot read the config file nope.json.\nRun "mwsguard --help" for usage.\n',
    });
  });

  it('the published schema validates the example in the docs', async () => {
    const root = tree({
      'mwsguard.config.json': config({
        $schema: './node_modules/mwsguard/schema/mwsguard.config.schema.json',
        include: ['src/**', 'config/**'],
        ignore: ['**/fixtures/**', '*.min.js'],
        gitignore: true,
        maxFileSize: '2MiB',
        failOn: 'warning',
        severity: { 'lwa-refresh-token': 'error', 'shared-credentials': 'warning' },
        allowlist: {
          values: ['^AKIA[0-9A-Z]{12}TEST$'],
          paths: ['docs/examples/**'],
          fingerprints: [{ fingerprint: 'f'.repeat(64), reason: 'Revoked key kept in a migration test (TICKET-123).' }],
        },
        baseline: '.mwsguard-baseline.json',
      }),
      '.mwsguard-baseline.json': '{ "version": 1, "entries": [] }',
    });
    expect((await runCli(['scan'], { cwd: root })).code).toBe(0);
  });
});

describe('policy', () => {
  it("maps allowlist.values, paths and fingerprints onto core's one policy (inline, value, path, fingerprint)", async () => {
    // test/support/allow-policy.ts: the same case every surface decides alike. `allowlist.values`
    // takes regular expressions only, so exact values become anchored patterns.
    const root = tree({
      'keys.js': ALLOW_SOURCE,
      'samples/keys.js': ALLOW_SOURCE,
      'mwsguard.config.json': config({
        allowlist: {
          values: [...ALLOWED.values.map(exactPattern), ...ALLOWED.patterns],
          paths: ['samples/**'],
          fingerprints: ALLOWED.fingerprints.map((fingerprint) => ({ fingerprint, reason: 'reviewed' })),
        },
      }),
    });
    const { report } = await scanJson(['keys.js', 'samples'], { cwd: root });
    expect(report.findings.map((f) => `${f.file}:${String(f.line)}`)).toEqual(
      REPORTED_LINES.map((line) => `keys.js:${String(line)}`),
    );
    // keys.js: inline 1, values 2, fingerprint 1; samples/keys.js: inline 1, values 2, path 2.
    expect(report.summary.suppressedByReason).toEqual({
      inline: 2,
      allowlistValue: 4,
      allowlistPath: 2,
      allowlistFingerprint: 1,
    });
  });

  it('severity overrides change severities; "off" stops a kind; --fail-on decides the exit code', async () => {
    const root = tree({
      'a.env': `${keyLine(KEYS.a)}MWS_AUTH_TOKEN=${KEYS.mwsAuthToken}\n`,
      'token.log': `token ${KEYS.accessToken}\n`,
    });
    const plain = await scanJson([], { cwd: root });
    expect(plain.code).toBe(1);
    // A warning alone does not fail by default, but does with --fail-on warning.
    const warningOnly = await scanJson(['token.log'], { cwd: root });
    expect(warningOnly.code).toBe(0);
    expect(warningOnly.report.findings.map((f) => f.severity)).toEqual(['warning']);
    expect((await scanJson(['token.log', '--fail-on', 'warning'], { cwd: root })).code).toBe(1);
    writeTree(root, {
      'mwsguard.config.json': config({ severity: { 'access-key-id': 'info', 'mws-auth-token': 'off' } }),
    });
    const overridden = await scanJson(['a.env'], { cwd: root });
    expect(overridden.report.findings.map((f) => `${f.kind} ${f.severity}`)).toEqual(['access-key-id info']);
    expect(overridden.code).toBe(0);
    expect((await scanJson(['a.env', '--fail-on', 'info'], { cwd: root })).code).toBe(1);
    writeTree(root, { 'mwsguard.config.json': config({ failOn: 'info', severity: { 'access-key-id': 'info' } }) });
    expect((await scanJson(['a.env'], { cwd: root })).code).toBe(1);
    expect((await scanJson(['a.env', '--fail-on', 'error'], { cwd: root })).code).toBe(1); // mws-auth-token is an error
  });

  it('allowlists values by regex, paths by glob, fingerprints with a reason: counted as suppressed', async () => {
    const root = tree({
      'a.env': keyLine(KEYS.a),
      'b.env': keyLine(KEYS.b),
      'docs/example.md': keyLine(KEYS.c),
      'data.json': `{ "key": "${KEYS.d}" }\n`,
    });
    const all = await scanJson([], { cwd: root });
    expect(all.report.findings).toHaveLength(4);
    const fingerprint = all.report.findings.find((f) => f.file === 'data.json')!.fingerprint;
    writeTree(root, {
      'mwsguard.config.json': config({
        allowlist: {
          values: [`^${KEYS.a.slice(0, 8)}`],
          paths: ['docs/'],
          fingerprints: [{ fingerprint, reason: 'Rotated in 2023; kept for the migration test.' }],
        },
      }),
    });
    const { code, report, stderr } = await scanJson(['--verbose'], { cwd: root });
    expect(code).toBe(1);
    expect(places(report)).toEqual(['b.env 1:19 access-key-id']);
    expect(report.summary.suppressed).toBe(3);
    expect(report.summary.suppressedByReason).toEqual({
      inline: 0,
      allowlistValue: 1,
      allowlistPath: 1,
      allowlistFingerprint: 1,
    });
    expect(stderr).toContain('mwsguard: suppressed findings:\n');
    expect(stderr).toContain(
      `  data.json:1:11  access-key-id  AKIA************RM7V  allowlist fingerprint  ${fingerprint}\n`,
    );
    const stylish = await runCli(['scan'], { cwd: root });
    expect(stylish.stdout).toContain(
      '  Suppressed: 3 (1 allowlist value, 1 allowlist path, 1 allowlist fingerprint)\n',
    );
  });

  it('include limits walks; ignore and --ignore leave files out, even named ones', async () => {
    const root = tree({
      'mwsguard.config.json': config({ include: ['src/**'], ignore: ['*.secret.env'] }),
      'src/a.env': keyLine(KEYS.a),
      'src/b.secret.env': keyLine(KEYS.b),
      'other/c.env': keyLine(KEYS.c),
      'src/vendor/d.env': keyLine(KEYS.d),
    });
    expect((await scanJson([], { cwd: root })).report.findings.map((f) => f.file)).toEqual([
      'src/a.env',
      'src/vendor/d.env',
    ]);
    expect(
      (await scanJson(['--ignore', 'vendor', '--ignore', 'src/a.env'], { cwd: root })).report.findings.map(
        (f) => f.file,
      ),
    ).toEqual([]);
    const named = await scanJson(['src/b.secret.env', 'other/c.env'], { cwd: root });
    expect(named.report.findings.map((f) => f.file)).toEqual(['other/c.env']);
    expect(named.report.summary.skippedByReason.ignored).toBe(1);
  });
});

describe('inline ignores', () => {
  it.each([
    ['app.js', `const k = '${KEYS.a}'; // mwsguard-ignore`],
    ['app.py', `KEY = "${KEYS.a}"  # mwsguard-ignore`],
    ['app.css', `/* mwsguard-ignore-next-line */\n--key: "${KEYS.a}";`],
    ['page.html', `<!-- mwsguard-ignore-next-line -->\n<input value="${KEYS.a}">`],
    ['app.ini', `; mwsguard-ignore-next-line\nkey = ${KEYS.a}`],
    ['schema.sql', `INSERT INTO k VALUES ('${KEYS.a}'); -- mwsguard-ignore`],
  ])('%s: suppressed, counted, never silently dropped', async (name, text) => {
    const root = tree({ [name]: `${text}\n` });
    const { code, report } = await scanJson([], { cwd: root });
    expect(code).toBe(0);
    expect(report.findings).toEqual([]);
    expect(report.summary.suppressedByReason.inline).toBe(1);
    const stylish = await runCli(['scan'], { cwd: root });
    expect(stylish.stdout).toBe(
      '✔ No credentials found (1 file scanned)\n  Suppressed: 1 (1 inline mwsguard-ignore)\n',
    );
  });

  it('an ignore on one line does not hide the next finding', async () => {
    const root = tree({ 'a.env': `${keyLine(KEYS.a).trimEnd()} # mwsguard-ignore\n${keyLine(KEYS.b)}` });
    expect(places((await scanJson([], { cwd: root })).report)).toEqual(['a.env 2:19 access-key-id']);
  });
});
