import { describe, expect, it } from 'vitest';
import { BASIC } from './support/fake-credentials.js';
import { fixture, places, runCli, scanJson } from './support/run-cli.js';

const FINDING_KEYS = [
  'ruleId',
  'kind',
  'severity',
  'file',
  'line',
  'column',
  'endLine',
  'endColumn',
  'secret',
  'fingerprint',
  'message',
  'recommendation',
];

const BASIC_PLACES = ['.env 3:19 access-key-id', '.env 4:23 secret-key', 'config/settings.ini 4:18 mws-auth-token'];

describe('json format: the version 1 contract', () => {
  it('prints one JSON document and a newline, and exits 1 on findings', async () => {
    const { code, stdout, stderr } = await runCli(['scan', '--format', 'json'], { cwd: fixture('basic') });
    expect(code).toBe(1);
    expect(stderr).toBe('');
    expect(stdout.endsWith('}\n')).toBe(true);
    expect(stdout.indexOf('\n')).toBe(stdout.length - 1);
    expect(() => JSON.parse(stdout) as unknown).not.toThrow();
  });

  it('has exactly the documented keys, in order', async () => {
    const { report } = await scanJson([], { cwd: fixture('basic') });
    expect(Object.keys(report)).toEqual(['version', 'findings', 'summary']);
    expect(report.version).toBe(1);
    expect(report.findings.length).toBeGreaterThan(0);
    for (const finding of report.findings) expect(Object.keys(finding)).toEqual(FINDING_KEYS);
    // Version 1 only ever adds fields, after the original three.
    expect(Object.keys(report.summary).slice(0, 3)).toEqual(['filesScanned', 'filesSkipped', 'findings']);
  });

  it('reports every planted credential (dotfiles included), sorted, with a summary', async () => {
    const { report } = await scanJson([], { cwd: fixture('basic') });
    expect(places(report)).toEqual(BASIC_PLACES);
    expect(report.summary).toMatchObject({ filesScanned: 3, filesSkipped: 0, findings: 3 });
  });

  it('fills each field from the engine', async () => {
    const { report } = await scanJson(['.env'], { cwd: fixture('basic') });
    expect(report.findings[0]).toMatchObject({
      ruleId: 'mwsguard/access-key-id',
      kind: 'access-key-id',
      severity: 'error',
      file: '.env',
      line: 3,
      column: 19,
      endLine: 3,
      endColumn: 39,
      secret: 'AKIA************AJAW',
    });
    for (const f of report.findings) {
      expect(f.fingerprint).toMatch(/^[0-9a-f]{64}$/);
      expect(f.message).toContain(f.secret);
      expect(f.recommendation).not.toBe('');
    }
  });

  it('never contains a full secret', async () => {
    const { stdout } = await runCli(['scan', '--format', 'json'], { cwd: fixture('basic') });
    for (const secret of Object.values(BASIC)) expect(stdout).not.toContain(secret);
  });

  it('exits 0 with no findings on a clean tree', async () => {
    const { code, report } = await scanJson([], { cwd: fixture('clean') });
    expect(code).toBe(0);
    expect(report).toMatchObject({
      version: 1,
      findings: [],
      summary: { filesScanned: 2, filesSkipped: 0, findings: 0 },
    });
  });
});

describe('paths', () => {
  it('shows paths relative to the working directory, with / separators', async () => {
    const { report } = await scanJson(['basic'], { cwd: fixture() });
    expect(report.findings.map((f) => f.file)).toEqual(['basic/.env', 'basic/.env', 'basic/config/settings.ini']);
  });

  it('shows ../ paths for arguments outside the working directory', async () => {
    const { report } = await scanJson(['..'], { cwd: fixture('basic', 'config') });
    expect(places(report)).toEqual([
      '../.env 3:19 access-key-id',
      '../.env 4:23 secret-key',
      'settings.ini 4:18 mws-auth-token',
    ]);
  });

  it('sorts across arguments, whatever their order', async () => {
    const { report } = await scanJson(['config', '.env', 'notes.txt'], { cwd: fixture('basic') });
    expect(places(report)).toEqual(BASIC_PLACES);
  });

  it('scans a file once when arguments overlap', async () => {
    const { report } = await scanJson(['.', 'config', '.env'], { cwd: fixture('basic') });
    expect(places(report)).toEqual(BASIC_PLACES);
    expect(report.summary.filesScanned).toBe(3);
  });
});
