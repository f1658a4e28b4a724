import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { KINDS, KIND_INFO } from '@mwsguard/core';
import { explanationTexts } from 'mwsguard';
import { afterAll, describe, expect, it } from 'vitest';
import { BASIC, KEYS, keyLine } from './support/fake-credentials.js';
import { fixture, runCli, scanJson } from './support/run-cli.js';
import { gitlabValidator, sarifValidator } from './support/schemas.js';
import { commit, tempDir, tempRepo, writeTree } from './support/tree.js';

interface SarifLog {
  version: string;
  $schema: string;
  runs: {
    tool: {
      driver: {
        name: string;
        version: string;
        rules: { id: string; helpUri: string; fullDescription: { text: string }; help: { text: string } }[];
      };
    };
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: {
        physicalLocation: {
          artifactLocation: { uri: string };
          region: { startLine: number; startColumn: number; endLine: number; endColumn: number };
        };
      }[];
      partialFingerprints: Record<string, string>;
      properties: { commit?: { sha: string } };
    }[];
    invocations: { executionSuccessful: boolean; toolExecutionNotifications?: unknown[] }[];
  }[];
}

const cwd = fixture('basic');
const tmp = tempDir();
afterAll(() => {
  tmp.cleanup();
});

async function sarif(args: string[], dir = cwd): Promise<{ code: number; log: SarifLog; text: string }> {
  const { code, stdout } = await runCli(['scan', '--format', 'sarif', ...args], { cwd: dir });
  return { code, log: JSON.parse(stdout) as SarifLog, text: stdout };
}

describe('sarif', () => {
  const validate = sarifValidator();

  it('is valid SARIF 2.1.0 with one run, for findings, a clean tree and an incomplete scan', async () => {
    const { code, log } = await sarif([]);
    expect(code).toBe(1);
    expect([validate(log), validate.errors]).toEqual([true, null]);
    // The validator does reject what is not SARIF.
    expect(validate({ version: '2.1.0', runs: [{ results: [] }] })).toBe(false);
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const clean = await sarif([], fixture('clean'));
    expect([validate(clean.log), validate.errors]).toEqual([true, null]);
    expect(clean.log.runs[0]?.results).toEqual([]);
    writeTree(tmp.dir, { 'incomplete/a.env': keyLine(KEYS.a) });
    const { symlinkSync } = await import('node:fs');
    symlinkSync('missing-target', join(tmp.dir, 'incomplete/broken'));
    const incomplete = await sarif(['--follow-symlinks'], join(tmp.dir, 'incomplete'));
    expect([validate(incomplete.log), validate.errors]).toEqual([true, null]);
    expect(incomplete.log.runs[0]?.invocations[0]).toMatchObject({ executionSuccessful: false });
    expect(incomplete.log.runs[0]?.invocations[0]?.toolExecutionNotifications).toHaveLength(1);
  });

  it('lists every kind as a rule with our docs as helpUri and a full description', async () => {
    const { log } = await sarif([]);
    const rules = log.runs[0]?.tool.driver.rules ?? [];
    expect(rules.map((r) => r.id)).toEqual(KINDS.map((k) => `mwsguard/${k}`));
    for (const [i, rule] of rules.entries()) {
      const kind = KINDS[i]!;
      expect(rule.helpUri).toBe(KIND_INFO[kind].docsUrl);
      expect(rule.helpUri).toMatch(new RegExp(`/docs/kinds/${kind}\\.md$`));
      expect(rule.fullDescription.text.length).toBeGreaterThan(100);
      expect(rule.help.text).toContain('How to rotate or revoke it');
    }
    expect(log.runs[0]?.tool.driver.name).toBe('mwsguard');
  });

  it('speaks the language of --locale in rule help and messages, and stays valid', async () => {
    const zh = explanationTexts('zh-CN');
    const { log } = await sarif(['--locale', 'zh-CN']);
    expect([validate(log), validate.errors]).toEqual([true, null]);
    const rules = log.runs[0]?.tool.driver.rules ?? [];
    for (const [i, rule] of rules.entries()) {
      const kind = KINDS[i]!;
      expect(rule.fullDescription.text).toBe(`${zh.explanations[kind].what} ${zh.explanations[kind].why}`);
      expect(rule.help.text).toContain(zh.headings.rotate);
      expect(rule.help.text).not.toContain('How to rotate or revoke it');
    }
    expect(log.runs[0]?.results[0]?.message.text).toMatch(/[\u4e00-\u9fff]/);
  });

  it('has one result per finding: rule index, region, our fingerprint, never a whole secret', async () => {
    const { log, text } = await sarif([]);
    const { report } = await scanJson([], { cwd });
    const results = log.runs[0]?.results ?? [];
    const rules = log.runs[0]?.tool.driver.rules ?? [];
    expect(results).toHaveLength(report.findings.length);
    results.forEach((r, i) => {
      const f = report.findings[i]!;
      expect(rules[r.ruleIndex]?.id).toBe(r.ruleId);
      expect(r.ruleId).toBe(f.ruleId);
      expect(r.level).toBe('error');
      expect(r.partialFingerprints).toEqual({ 'mwsguardFingerprint/v1': f.fingerprint });
      expect(r.locations[0]?.physicalLocation.artifactLocation.uri).toBe(f.file);
      expect(r.locations[0]?.physicalLocation.region).toEqual({
        startLine: f.line,
        startColumn: f.column,
        endLine: f.endLine,
        endColumn: f.endColumn,
      });
      expect(r.message.text).toBe(f.message);
    });
    for (const secret of Object.values(BASIC)) expect(text).not.toContain(secret);
  });

  it('percent-encodes paths and maps severities to levels', async () => {
    writeTree(tmp.dir, {
      'levels/a b%.env': keyLine(KEYS.a),
      'levels/token.log': `token ${KEYS.accessToken}\n`,
      'levels/mwsguard.config.json': JSON.stringify({ severity: { 'access-key-id': 'info' } }),
    });
    const { log } = await sarif(['--fail-on', 'info'], join(tmp.dir, 'levels'));
    expect([validate(log), validate.errors]).toEqual([true, null]);
    const results = log.runs[0]?.results ?? [];
    expect(results.map((r) => [r.locations[0]?.physicalLocation.artifactLocation.uri, r.level])).toEqual([
      ['a%20b%25.env', 'note'],
      ['token.log', 'warning'],
    ]);
  });

  it('names the commit of history findings', async () => {
    const repo = tempRepo();
    try {
      const sha = commit(repo.dir, 'leak', { 'a.env': keyLine(KEYS.a) });
      const { log } = await sarif(['--history'], repo.dir);
      expect([validate(log), validate.errors]).toEqual([true, null]);
      expect(log.runs[0]?.results[0]?.properties.commit?.sha).toBe(sha);
      expect(log.runs[0]?.results[0]?.message.text).toContain(`First added in commit ${sha.slice(0, 12)}.`);
    } finally {
      repo.cleanup();
    }
  });
});

describe('github', () => {
  it('prints one workflow command per finding, then a summary line', async () => {
    const { code, stdout } = await runCli(['scan', '--format', 'github'], { cwd });
    expect(code).toBe(1);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(
      /^::error file=\.env,line=3,col=19,endLine=3,endColumn=39,title=mwsguard\/access-key-id::Hard-coded (AWS|MWS) access key ID AKIA\*{12}AJAW: rotate the key pair and read it from the environment\. https:\/\/github\.com\/mwsguard\/mwsguard\/blob\/main\/docs\/kinds\/access-key-id\.md$/,
    );
    expect(lines[3]).toBe('mwsguard: 3 findings in 2 files (3 files scanned, 0 skipped).');
    for (const secret of Object.values(BASIC)) expect(stdout).not.toContain(secret);
  });

  it('escapes properties and data, and maps warnings and info', async () => {
    writeTree(tmp.dir, {
      'gh/odd,name:1%.env': keyLine(KEYS.a),
      'gh/token.log': `token ${KEYS.accessToken}\n`,
      'gh/mwsguard.config.json': JSON.stringify({ severity: { 'access-key-id': 'info' } }),
    });
    const { code, stdout } = await runCli(['scan', '--format', 'github'], { cwd: join(tmp.dir, 'gh') });
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(/^::notice file=odd%2Cname%3A1%25\.env,line=1,col=19,/);
    expect(lines[1]).toMatch(/^::warning file=token\.log,line=1,col=7,/);
  });
});

describe('gitlab', () => {
  const validate = gitlabValidator();

  it('is a secret detection report GitLab accepts, with stable unique ids', async () => {
    const first = await runCli(['scan', '--format', 'gitlab'], { cwd });
    const report = JSON.parse(first.stdout) as {
      version: string;
      vulnerabilities: { id: string; severity: string; location: { file: string; commit: { sha: string } } }[];
      scan: { type: string };
    };
    expect(first.code).toBe(1);
    expect([validate(report), validate.errors]).toEqual([true, null]);
    expect(report.scan.type).toBe('secret_detection');
    expect(report.vulnerabilities.map((v) => [v.location.file, v.severity, v.location.commit.sha])).toEqual([
      ['.env', 'Critical', '0000000'],
      ['.env', 'Critical', '0000000'],
      ['config/settings.ini', 'Critical', '0000000'],
    ]);
    const ids = report.vulnerabilities.map((v) => v.id);
    expect(new Set(ids).size).toBe(ids.length);
    const second = JSON.parse((await runCli(['scan', '--format', 'gitlab'], { cwd })).stdout) as typeof report;
    expect(second.vulnerabilities.map((v) => v.id)).toEqual(ids);
    for (const secret of Object.values(BASIC)) expect(first.stdout).not.toContain(secret);
    const clean = JSON.parse(
      (await runCli(['scan', '--format', 'gitlab'], { cwd: fixture('clean') })).stdout,
    ) as unknown;
    expect([validate(clean), validate.errors]).toEqual([true, null]);
  });

  it('describes findings in the language of --locale', async () => {
    const zh = explanationTexts('zh-CN');
    const { stdout } = await runCli(['scan', '--format', 'gitlab', '--locale', 'zh-CN'], { cwd });
    const report = JSON.parse(stdout) as { vulnerabilities: { name: string; description: string }[] };
    expect([validate(report), validate.errors]).toEqual([true, null]);
    expect(report.vulnerabilities[0]?.name).toBe(`${zh.titles['access-key-id']} (access-key-id)`);
    expect(report.vulnerabilities[0]?.description).toContain(zh.explanations['access-key-id'].why);
  });

  it('puts the commit of history findings in the location', async () => {
    const repo = tempRepo();
    try {
      const sha = commit(repo.dir, 'leak', { 'a.env': keyLine(KEYS.a) });
      const { stdout } = await runCli(['scan', '--history', '--format', 'gitlab'], { cwd: repo.dir });
      const report = JSON.parse(stdout) as {
        vulnerabilities: { location: { commit: { sha: string; author: string } } }[];
      };
      expect([validate(report), validate.errors]).toEqual([true, null]);
      expect(report.vulnerabilities[0]?.location.commit).toMatchObject({
        sha,
        author: 'Test Author <author@example.com>',
      });
    } finally {
      repo.cleanup();
    }
  });
});

describe('--output FILE', () => {
  it('writes the report to the file atomically and nothing to stdout', async () => {
    const out = join(tmp.dir, 'out');
    writeTree(out, { 'report.sarif': 'previous content' });
    for (const format of ['json', 'sarif', 'gitlab', 'github', 'stylish']) {
      const target = join(out, 'report.sarif');
      const result = await runCli(['scan', '--format', format, '--output', target], { cwd });
      expect(result).toMatchObject({ code: 1, stdout: '', stderr: '' });
      const written = readFileSync(target, 'utf8');
      const untimed = (text: string): string => text.replace(/"(?:start|end)_time":"[^"]+"/g, '');
      expect(untimed(written)).toBe(untimed((await runCli(['scan', '--format', format], { cwd })).stdout));
      // The JSON formats parse (JSON.parse throws otherwise).
      if (format !== 'github' && format !== 'stylish') JSON.parse(written);
      // No temporary file is left next to it.
      expect(readdirSync(out)).toEqual(['report.sarif']);
    }
  });

  it('writes through a symbolic link (the link stays) and refuses a directory', async () => {
    const { lstatSync, symlinkSync, mkdirSync } = await import('node:fs');
    const out = join(tmp.dir, 'linked');
    mkdirSync(join(out, 'dir'), { recursive: true });
    symlinkSync('real.json', join(out, 'report.json'));
    expect((await runCli(['scan', '-f', 'json', '-o', join(out, 'report.json')], { cwd })).code).toBe(1);
    expect(lstatSync(join(out, 'report.json')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(out, 'real.json'), 'utf8')).toMatch(/^\{"version":1,/);
    const dir = await runCli(['scan', '-o', join(out, 'dir')], { cwd });
    expect(dir.code).toBe(2);
    expect(dir.stderr).toMatch(/it is a directory\.\n/);
  });

  it('is a usage error when the directory does not exist, and leaves nothing behind', async () => {
    const result = await runCli(['scan', '--output', join(tmp.dir, 'missing/dir/report.json')], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^mwsguard: Cannot write .*missing\/dir\/report\.json \(ENOENT\)\.\n/);
  });
});
