import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KEYS, keyLine } from './support/fake-credentials.js';
import { fixture, runCli, scanJson } from './support/run-cli.js';
import { tempDir, writeTree } from './support/tree.js';

const tmp = tempDir();
afterAll(() => {
  tmp.cleanup();
});

describe('summary', () => {
  it('reports one key reused in several places as one secret to rotate', async () => {
    const root = join(tmp.dir, 'reuse');
    writeTree(root, {
      'sellers/a.env': keyLine(KEYS.a),
      'sellers/b.env': keyLine(KEYS.a),
      'sellers/c.env': `X=1\n${keyLine(KEYS.a)}`,
      'other.env': keyLine(KEYS.b),
    });
    const { report } = await scanJson([], { cwd: root });
    expect(report.summary.reused).toEqual([
      {
        fingerprint: report.findings.find((f) => f.file === 'sellers/a.env')!.fingerprint,
        kind: 'access-key-id',
        secret: 'AKIA************HJPD',
        count: 3,
        places: ['sellers/a.env:1', 'sellers/b.env:1', 'sellers/c.env:2'],
      },
    ]);
    expect(report.summary.findingsByKind).toMatchObject({ 'access-key-id': 4, 'secret-key': 0 });
    expect(report.summary.findingsBySeverity).toEqual({ error: 4, warning: 0, info: 0 });
    const { stdout } = await runCli(['scan'], { cwd: root });
    // A long summary line wraps under its first word: rejoin it.
    expect(stdout.replace(/\n {4}/g, ' ')).toContain(
      '  Reused: AKIA************HJPD (access-key-id) in 3 places: sellers/a.env:1, sellers/b.env:1, sellers/c.env:2. One secret to rotate, 3 places to fix.\n',
    );
  });
});

describe('--quiet, --verbose and progress', () => {
  const cwd = fixture('basic');

  it('--quiet prints the findings only, and nothing on a clean tree', async () => {
    const { code, stdout } = await runCli(['scan', '--quiet'], { cwd });
    expect(code).toBe(1);
    expect(stdout).not.toContain('✖');
    expect(stdout).toMatch(/^\.env\n/);
    expect(await runCli(['scan', '-q'], { cwd: fixture('clean') })).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('shows no progress on a short scan, even on a terminal', async () => {
    const { stderr } = await runCli(['scan'], { cwd, stderrTTY: true });
    expect(stderr).toBe('');
  });

  it('shows progress on stderr for a long scan on a terminal only, and erases it', async () => {
    const env = { NO_COLOR: '1', MWSGUARD_PROGRESS_DELAY_MS: '0' };
    const tty = await runCli(['scan'], { cwd, stderrTTY: true, env });
    expect(tty.stderr.startsWith('\rmwsguard: ')).toBe(true);
    expect(tty.stderr).toContain(' files…\u001b[K');
    expect(tty.stderr.endsWith('\r\u001b[K')).toBe(true);
    expect((await runCli(['scan'], { cwd, stderrTTY: false, env })).stderr).toBe('');
    expect((await runCli(['scan', '--quiet'], { cwd, stderrTTY: true, env })).stderr).toBe('');
    // Progress never touches stdout.
    expect(tty.stdout).toBe((await runCli(['scan'], { cwd })).stdout);
  });
});
