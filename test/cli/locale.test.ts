import { describe, expect, it } from 'vitest';
import { fixture, runCli } from './support/run-cli.js';

interface Report {
  findings: { message: string; recommendation: string }[];
}

describe('--locale', () => {
  it('renders messages and recommendations in Simplified Chinese', async () => {
    const { code, stdout } = await runCli(['scan', '.', '--format', 'json', '--locale', 'zh-CN'], {
      cwd: fixture('basic'),
    });
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as Report;
    expect(report.findings.length).toBeGreaterThan(0);
    for (const f of report.findings) {
      expect(f.message).toMatch(/^硬编码的|卖家/);
      expect(f.recommendation).toMatch(/请/);
    }
  });

  it('reads MWSGUARD_LOCALE, and --locale wins over it', async () => {
    const fromEnv = await runCli(['scan', '.', '--format', 'json'], {
      cwd: fixture('basic'),
      env: { NO_COLOR: '1', MWSGUARD_LOCALE: 'zh' },
    });
    expect((JSON.parse(fromEnv.stdout) as Report).findings[0]?.message).toMatch(/^硬编码的/);
    const flag = await runCli(['scan', '.', '--format', 'json', '--locale', 'en'], {
      cwd: fixture('basic'),
      env: { NO_COLOR: '1', MWSGUARD_LOCALE: 'zh' },
    });
    expect((JSON.parse(flag.stdout) as Report).findings[0]?.message).toMatch(/^Hard-coded/);
  });

  it('falls back to English for an unknown locale, and needs a value', async () => {
    const { stdout } = await runCli(['scan', '.', '--format', 'json', '--locale', 'tlh'], { cwd: fixture('basic') });
    expect((JSON.parse(stdout) as Report).findings[0]?.message).toMatch(/^Hard-coded/);
    const missing = await runCli(['scan', '.', '--locale'], { cwd: fixture('basic') });
    expect(missing.code).toBe(2);
  });
});
