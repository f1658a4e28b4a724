import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FORMAT_NAMES } from 'mwsguard';
import { fixture, runCli } from './support/run-cli.js';

const cwd = fixture('basic');

describe('help and version', () => {
  it.each([[['--help']], [['-h']], [['scan', 'src', '--format', 'json', '-h']]])(
    'prints the help for %j and exits 0',
    async (argv) => {
      const { code, stdout, stderr } = await runCli(argv, { cwd });
      expect(code).toBe(0);
      expect(stderr).toBe('');
      expect(stdout).toMatch(/^Usage: mwsguard scan \[options\] \[PATH\.\.\.\]\n/);
    },
  );

  it('lists every option, every format of the registry and every exit code', async () => {
    const { stdout } = await runCli(['--help'], { cwd });
    for (const option of ['--format <name>', '--no-gitignore', '-h, --help', '--version']) {
      expect(stdout).toContain(option);
    }
    for (const format of FORMAT_NAMES) expect(stdout).toMatch(new RegExp(`^ {2}${format} `, 'm'));
    expect(stdout).toMatch(/^ {2}0 {2}No credentials found$/m);
    expect(stdout).toMatch(/^ {2}1 {2}Credentials found$/m);
    expect(stdout).toMatch(/^ {2}2 {2}Usage error or fatal error$/m);
  });

  it('prints the package version', async () => {
    const manifest = JSON.parse(
      readFileSync(new URL('../../packages/mwsguard/package.json', import.meta.url), 'utf8'),
    ) as { version: string };
    expect(await runCli(['--version'], { cwd })).toEqual({ code: 0, stdout: `${manifest.version}\n`, stderr: '' });
  });
});

describe('usage errors', () => {
  it.each([
    { argv: [], message: 'Missing command: expected "mwsguard scan [PATH...]".' },
    {
      argv: ['lint', '.'],
      message: 'Unknown command "lint": expected one of scan, baseline, explain, install-hook, report.',
    },
    { argv: ['scan', '--bogus'], message: "Unknown option '--bogus'." },
    { argv: ['scan', '-x'], message: "Unknown option '-x'." },
    { argv: ['scan', '--no-format'], message: "Unknown option '--no-format'." },
    {
      argv: ['scan', '--format', 'xml'],
      message: 'Unknown format "xml": expected one of github, gitlab, json, sarif, stylish.',
    },
    { argv: ['scan', '--format'], message: "Option '-f, --format <value>' argument missing" },
    { argv: ['scan', '--version=2'], message: "Option '--version' does not take an argument" },
    { argv: ['scan', 'no-such-dir'], message: 'No such file or directory: no-such-dir' },
    { argv: ['scan', '.env', 'missing/file.env'], message: 'No such file or directory: missing/file.env' },
  ])('$argv: exit 2, one message and a hint, no stack trace', async ({ argv, message }) => {
    const { code, stdout, stderr } = await runCli(argv, { cwd });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`mwsguard: ${message}\nRun "mwsguard --help" for usage.\n`);
    expect(stderr).not.toMatch(/^[ \t]+at /m);
  });
});
