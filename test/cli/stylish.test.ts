import { describe, expect, it } from 'vitest';
import { BASIC } from './support/fake-credentials.js';
import { fixture, runCli, scanJson } from './support/run-cli.js';

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

  it('groups findings under their file, one line each: line:col  severity  message  kind', async () => {
    const { stdout } = await runCli(['scan'], { cwd });
    const { report } = await scanJson([], { cwd });
    const lines = stdout.split('\n');
    expect(lines.filter((l) => !l.startsWith(' ') && l !== '')).toEqual([
      '.env',
      'config/settings.ini',
      '✖ 3 findings in 2 files (3 files scanned, 0 skipped)',
    ]);
    expect(lines.filter((l) => /^ {2}[A-Z]/.test(l))).toEqual([
      '  By kind: 1 access-key-id, 1 secret-key, 1 mws-auth-token',
    ]);
    const findingLines = lines.filter((l) => /^ {2}\d/.test(l));
    expect(findingLines).toHaveLength(report.findings.length);
    report.findings.forEach((f, i) => {
      const pattern = new RegExp(`^ {2}${String(f.line)}:${String(f.column)} +${f.severity} {2}(.+?) +${f.kind}$`);
      expect(findingLines[i]).toMatch(pattern);
      expect(pattern.exec(findingLines[i] ?? '')?.[1]).toBe(f.message);
    });
  });

  it('prints each distinct recommendation once per file, indented under its finding', async () => {
    const { stdout } = await runCli(['scan'], { cwd });
    const { report } = await scanJson([], { cwd });
    // Rejoin the wrapped, indented recommendation lines to compare with the JSON text.
    const prose = stdout.replace(/\n {4,}/g, ' ');
    for (const f of report.findings) {
      expect(prose.split(f.recommendation)).toHaveLength(2);
      expect(prose).toContain(`${f.recommendation} See https://`);
    }
    expect(stdout).toMatch(/^ {2}3:19 .+\n {15}Remove it \(and from git history\)/m);
  });

  it('ends with a summary line and a newline; a clean tree says so', async () => {
    const { stdout } = await runCli(['scan'], { cwd });
    expect(
      stdout.endsWith(
        '\n\n✖ 3 findings in 2 files (3 files scanned, 0 skipped)\n  By kind: 1 access-key-id, 1 secret-key, 1 mws-auth-token\n',
      ),
    ).toBe(true);
    expect(await runCli(['scan'], { cwd: fixture('clean') })).toEqual({
      code: 0,
      stdout: '✔ No credentials found (2 files scanned)\n',
      stderr: '',
    });
  });

  it('uses the singular for one finding and one file', async () => {
    const { stdout } = await runCli(['scan', 'config/settings.ini'], { cwd });
    expect(stdout.endsWith('\n✖ 1 finding in 1 file (1 file scanned, 0 skipped)\n  By kind: 1 mws-auth-token\n')).toBe(
      true,
    );
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
