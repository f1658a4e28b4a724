import { afterAll, describe, expect, it } from 'vitest';
import { displayWidth } from '../../packages/mwsguard/src/wrap.js';
import { BASIC, KEYS, keyLine } from './support/fake-credentials.js';
import { fixture, runCli, scanJson } from './support/run-cli.js';
import { tempDir, writeTree } from './support/tree.js';

// A made-up, well-shaped LWA client secret (64 random hex characters), never issued by Amazon.
const LWA_CLIENT_SECRET = 'amzn1.oa2-cs.v1.5e0c7d2a9b41f6e83c1a0d4b7f29e6c58a3d1f0b6e4c2a9d7f1b3e5c8a0d2f4b';

const ESC = '\u001b[';
const cwd = fixture('basic');

describe('stylish format (NO_COLOR)', () => {
  it('is the default format and exits 1 on findings', async () => {
    const { code, stdout, stderr } = await runCli(['scan'], { cwd });
    expect(code).toBe(1);
    expect(stderr).toBe('');
    expect(stdout).not.toContain(ESC);
    expect(await runCli(['scan', '--format', 'stylish'], { cwd })).toEqual({ code, stdout, stderr });
  });

  it('shows every masked secret and never a full one', async () => {
    const { stdout } = await runCli(['scan'], { cwd });
    const { report } = await scanJson([], { cwd });
    for (const f of report.findings) expect(stdout).toContain(f.secret);
    for (const secret of Object.values(BASIC)) expect(stdout).not.toContain(secret);
  });

  it('groups findings under their file, one line each: line:col  severity  what was found  kind', async () => {
    const { stdout } = await runCli(['scan'], { cwd });
    const { report } = await scanJson([], { cwd });
    const lines = stdout.split('\n');
    expect(lines.filter((l) => !l.startsWith(' ') && l !== '')).toEqual([
      '.env',
      'config/settings.ini',
      'What to do instead (full guidance: mwsguard explain <kind>):',
      '✖ 3 findings in 2 files (3 files scanned, 0 skipped)',
    ]);
    const findingLines = lines.filter((l) => /^ {2}\d/.test(l));
    expect(findingLines).toHaveLength(report.findings.length);
    report.findings.forEach((f, i) => {
      const pattern = new RegExp(`^ {2}${String(f.line)}:${String(f.column)} +${f.severity} {2}(.+?) +${f.kind}$`);
      expect(findingLines[i]).toMatch(pattern);
      // The line shows what was found; the JSON message goes on with the fix direction.
      const shown = pattern.exec(findingLines[i] ?? '')?.[1] ?? '';
      expect(f.message).toContain(`${shown}: `);
      expect(f.message.indexOf(`${shown}: `)).toBe(0);
    });
  });

  it('prints the advice once per kind after the findings, each with its docs link, no line twice', async () => {
    const { stdout } = await runCli(['scan'], { cwd });
    const { report } = await scanJson([], { cwd });
    const lines = stdout.split('\n');
    const heading = lines.indexOf('What to do instead (full guidance: mwsguard explain <kind>):');
    const kinds = [...new Set(report.findings.map((f) => f.kind))];
    expect(lines.slice(heading + 1).filter((l) => /^ {2}[a-z-]+$/.test(l))).toEqual(kinds.map((k) => `  ${k}`));
    for (const kind of kinds) {
      expect(stdout.split(`See https://github.com/mwsguard/mwsguard/blob/main/docs/kinds/${kind}.md`)).toHaveLength(2);
    }
    // Every piece of each kind's recommendation is there, once, however many kinds share it.
    const prose = stdout.replace(/\n {4}/g, ' ');
    for (const f of report.findings) {
      for (const sentence of f.recommendation.split(/(?<=\.) /)) expect(prose.split(sentence)).toHaveLength(2);
    }
    const repeated = lines.filter((l, i) => l.trim() !== '' && lines.indexOf(l) !== i);
    expect(repeated).toEqual([]);
  });

  it('--verbose prints the advice under each finding instead', async () => {
    const { stdout } = await runCli(['scan', '--verbose'], { cwd });
    const { report } = await scanJson([], { cwd });
    expect(stdout).not.toContain('What to do instead');
    const prose = stdout.replace(/\n {15}/g, ' ');
    for (const f of report.findings) {
      const docs = `https://github.com/mwsguard/mwsguard/blob/main/docs/kinds/${f.kind}.md`;
      expect(prose).toContain(`${f.recommendation} See ${docs}`);
    }
    expect(stdout).toMatch(/^ {2}3:19 .+\n {15}Remove it \(and from git history\)/m);
  });

  it('ends with the summary and how to silence a false positive; a clean tree says so', async () => {
    const { stdout } = await runCli(['scan'], { cwd });
    expect(stdout).toMatch(
      /\n\n✖ 3 findings in 2 files \(3 files scanned, 0 skipped\)\n {2}By kind: 1 access-key-id, 1 secret-key, 1 mws-auth-token\n {2}False positive\? Add a `# mwsguard-ignore` comment on its line, an allowlist entry or a baseline:\n {2}https:\/\/github\.com\/mwsguard\/mwsguard\/blob\/main\/docs\/guide\/configuration\.md#inline-ignores\n$/,
    );
    expect(await runCli(['scan'], { cwd: fixture('clean') })).toEqual({
      code: 0,
      stdout: '✔ No credentials found (2 files scanned)\n',
      stderr: '',
    });
  });

  it('uses the singular for one finding and one file', async () => {
    const { stdout } = await runCli(['scan', 'config/settings.ini'], { cwd });
    expect(stdout).toContain('\n✖ 1 finding in 1 file (1 file scanned, 0 skipped)\n  By kind: 1 mws-auth-token\n');
  });
});

describe('stylish line width', () => {
  const tmp = tempDir();
  afterAll(() => {
    tmp.cleanup();
  });
  const deep = `${'nested-directory/'.repeat(3)}config`;
  const field = `seller_${'x'.repeat(30)}_secret_key`;
  writeTree(tmp.dir, {
    [`${deep}/lwa.json`]: `{ "clientId": "amzn1.application-oa2-client.${'0'.repeat(32)}", "clientSecret": "${LWA_CLIENT_SECRET}" }\n`,
    [`${deep}/keys.env`]: `${keyLine(KEYS.a)}AWS_SECRET_ACCESS_KEY=${KEYS.secret}\n`,
    'src/schema.sql': `CREATE TABLE amazon_marketplace_web_service_seller_accounts (\n  seller_id VARCHAR(20),\n  ${field.replace('secret', 'access')} VARCHAR(20),\n  ${field} VARCHAR(40)\n);\n`,
    'src/app.ts': `export const key = '${KEYS.b}';\n`,
  });

  it('fits every finding line in 120 columns, long values cut in the middle and still masked', async () => {
    const { stdout } = await runCli(['scan'], { cwd: tmp.dir });
    const { report } = await scanJson([], { cwd: tmp.dir });
    const findingLines = stdout.split('\n').filter((l) => /^ {2}\d/.test(l));
    expect(findingLines).toHaveLength(report.findings.length);
    expect(findingLines.filter((line) => line.length > 120)).toEqual([]);
    expect(findingLines.some((l) => l.includes('…'))).toBe(true);
    expect(stdout).toContain('amzn1.oa2-cs.v1.');
    for (const secret of [LWA_CLIENT_SECRET, KEYS.a, KEYS.secret, KEYS.b]) {
      expect(stdout).not.toContain(secret);
      expect(stdout).not.toContain(secret.slice(4, -4));
    }
  });

  it("writes the ignore comment in the first file's syntax", async () => {
    const { stdout } = await runCli(['scan', 'src/app.ts'], { cwd: tmp.dir });
    expect(stdout).toContain('False positive? Add a `// mwsguard-ignore` comment on its line');
    const sql = await runCli(['scan', 'src/schema.sql'], { cwd: tmp.dir });
    expect(sql.stdout).toContain('`-- mwsguard-ignore`');
    const json = await runCli(['scan', `${deep}/lwa.json`], { cwd: tmp.dir });
    expect(json.stdout).toContain('False positive? Add an allowlist entry (by fingerprint) or a baseline:');
  });
});

describe('stylish in Simplified Chinese', () => {
  it('localizes the lines, the advice, the summary, the footer and "See"', async () => {
    const { stdout } = await runCli(['scan', '--locale', 'zh-CN'], { cwd });
    expect(stdout).toContain('  3:19  error  硬编码的 AWS 访问密钥 ID AKIA************AJAW');
    expect(stdout).toContain('应改用的做法（完整说明：mwsguard explain <类型>）：');
    expect(stdout).toContain('    参见 https://github.com/mwsguard/mwsguard/blob/main/docs/kinds/access-key-id.md');
    expect(stdout).toContain('✖ 2 个文件中有 3 处发现（已扫描 3 个文件，跳过 0 个）');
    expect(stdout).toContain('  按类型：1 access-key-id，1 secret-key，1 mws-auth-token');
    expect(stdout).toContain('  误报？请在该行加上 `# mwsguard-ignore` 注释，或添加允许列表条目或基线：');
    expect(stdout).not.toMatch(/\bSee\b|By kind|False positive/);
  });

  it('aligns the kind column by display width', async () => {
    const { stdout } = await runCli(['scan', '--locale', 'zh-CN', '.env'], { cwd });
    const lines = stdout.split('\n').filter((l) => /^ {2}\d/.test(l));
    const ends = lines.map((l) => displayWidth(l.slice(0, l.lastIndexOf('  ') + 2)));
    expect(new Set(ends).size).toBe(1);
  });
});

describe('stylish colors', () => {
  it.each([
    { env: {}, isTTY: true, colored: true },
    { env: {}, isTTY: false, colored: false },
    { env: { NO_COLOR: '1' }, isTTY: true, colored: false },
    { env: { NO_COLOR: '' }, isTTY: true, colored: true },
    { env: { FORCE_COLOR: '1' }, isTTY: false, colored: true },
    { env: { FORCE_COLOR: '1', NO_COLOR: '1' }, isTTY: false, colored: true },
    { env: { FORCE_COLOR: '0' }, isTTY: true, colored: false },
  ])('env $env, TTY $isTTY: colored $colored', async ({ env, isTTY, colored }) => {
    const { code, stdout } = await runCli(['scan'], { cwd, env, isTTY });
    expect(code).toBe(1);
    expect(stdout.includes(ESC)).toBe(colored);
  });

  it('colors only decorate: without escapes the text is the plain output', async () => {
    const plain = await runCli(['scan'], { cwd });
    const colored = await runCli(['scan'], { cwd, env: { FORCE_COLOR: '1' } });
    // eslint-disable-next-line no-control-regex -- stripping the SGR sequences the formatter emits
    expect(colored.stdout.replace(/\u001b\[\d+m/g, '')).toBe(plain.stdout);
  });

  it('never colors json', async () => {
    const { stdout } = await runCli(['scan', '--format', 'json'], { cwd, env: { FORCE_COLOR: '1' }, isTTY: true });
    expect(stdout).not.toContain(ESC);
  });
});
