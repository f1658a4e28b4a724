import { KINDS, KIND_INFO } from '@mwsguard/core';
import { explanationTexts } from 'mwsguard';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../packages/mwsguard/src/wrap.js';
import { fixture, runCli } from './support/run-cli.js';

const cwd = fixture('basic');

describe('mwsguard explain', () => {
  it.each(KINDS)(
    'explains %s: what leaked, why, rotation, the Seller ID + MWS Auth Token pattern, SP-API',
    async (kind) => {
      for (const name of [kind, `mwsguard/${kind}`]) {
        const { code, stdout, stderr } = await runCli(['explain', name], { cwd });
        expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
        expect(stdout.split('\n')[0]).toMatch(
          new RegExp(`^mwsguard/${kind}: .+ \\(default severity: (error|warning)\\)$`),
        );
        for (const heading of [
          'What leaked',
          'Why it matters',
          'How to rotate or revoke it',
          'Replace it with the Seller ID + MWS Auth Token pattern',
          'The SP-API equivalent',
        ]) {
          expect(stdout.split('\n')).toContain(heading);
        }
        expect(stdout).toContain(`https://github.com/mwsguard/mwsguard/blob/main/docs/kinds/${kind}.md`);
        expect(stdout).toMatch(/Seller ID/);
        for (const line of stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
      }
    },
  );

  it('lists the kinds without an argument', async () => {
    const { code, stdout } = await runCli(['explain'], { cwd });
    expect(code).toBe(0);
    for (const kind of KINDS) expect(stdout).toMatch(new RegExp(`^ {2}${kind} +\\S`, 'm'));
  });

  it.each([
    [['explain', 'aws-key'], `Unknown kind "aws-key": expected one of ${KINDS.join(', ')} (or mwsguard/<kind>).`],
    [['explain', 'a', 'b'], '"mwsguard explain" takes one kind or rule id.'],
    [['explain', '--staged', 'secret-key'], `Option '--staged' does not apply to "mwsguard explain".`],
  ])('%j is a usage error', async (argv, message) => {
    expect(await runCli(argv, { cwd })).toEqual({
      code: 2,
      stdout: '',
      stderr: `mwsguard: ${message}\nRun "mwsguard --help" for usage.\n`,
    });
  });
});

describe('mwsguard explain in Simplified Chinese', () => {
  const zh = explanationTexts('zh-CN');
  const en = explanationTexts('en');

  it.each(KINDS)('explains %s with --locale zh-CN, wrapped to 100 display columns', async (kind) => {
    const { code, stdout, stderr } = await runCli(['explain', kind, '--locale', 'zh-CN'], { cwd });
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const lines = stdout.split('\n');
    expect(lines[0]).toBe(
      `mwsguard/${kind}: ${zh.titles[kind]}${zh.headings.defaultSeverity.replace('{{ severity }}', KIND_INFO[kind].defaultSeverity)}`,
    );
    for (const heading of [
      zh.headings.what,
      zh.headings.why,
      zh.headings.rotate,
      zh.headings.pattern,
      zh.headings.spApi,
    ]) {
      expect(lines).toContain(heading);
    }
    for (const heading of ['What leaked', 'Why it matters']) expect(lines).not.toContain(heading);
    // Every step is there, numbered as in English.
    expect(lines.filter((l) => /^ {2}\d+\. /.test(l))).toHaveLength(en.explanations[kind].rotate.length);
    expect(stdout).toContain(`${zh.headings.more}https://github.com/mwsguard/mwsguard/blob/main/docs/kinds/${kind}.md`);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(100);
    // Wrapping only breaks lines: joined again, the text is the translation, whole.
    const body = lines
      .map((l) => l.trim())
      .join('')
      .replaceAll(' ', '');
    expect(body).toContain(zh.explanations[kind].what.replaceAll(' ', ''));
  });

  it('takes the language from MWSGUARD_LOCALE; the flag wins; unknown locales give English', async () => {
    const fromEnv = await runCli(['explain', 'secret-key'], { cwd, env: { NO_COLOR: '1', MWSGUARD_LOCALE: 'zh' } });
    expect(fromEnv.stdout.split('\n')).toContain(zh.headings.what);
    const flagWins = await runCli(['explain', 'secret-key', '--locale', 'en'], {
      cwd,
      env: { NO_COLOR: '1', MWSGUARD_LOCALE: 'zh-CN' },
    });
    expect(flagWins.stdout.split('\n')).toContain('What leaked');
    const unknown = await runCli(['explain', 'secret-key', '--locale', 'pt-BR'], { cwd });
    expect(unknown.stdout).toBe((await runCli(['explain', 'secret-key'], { cwd })).stdout);
  });

  it('lists the kinds in Chinese without an argument', async () => {
    const { code, stdout } = await runCli(['explain', '--locale', 'zh-CN'], { cwd });
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe(zh.headings.usage);
    const width = Math.max(...KINDS.map((k) => k.length));
    for (const kind of KINDS) expect(stdout).toContain(`  ${kind.padEnd(width)}  ${zh.descriptions[kind]}`);
  });

  // A translation, not a copy: every text of every kind is Chinese, and no step is missing.
  it.each(KINDS)('%s: every field is translated, step for step', (kind) => {
    const z = zh.explanations[kind];
    const e = en.explanations[kind];
    expect(z.kind).toBe(kind);
    expect(z.rotate).toHaveLength(e.rotate.length);
    for (const [text, english] of [
      [z.what, e.what],
      [z.why, e.why],
      [z.pattern, e.pattern],
      [z.spApi, e.spApi],
      [zh.titles[kind], en.titles[kind]],
      [zh.descriptions[kind], en.descriptions[kind]],
      ...z.rotate.map((step, i): [string, string] => [step, e.rotate[i] ?? '']),
    ] as [string, string][]) {
      expect(text).toMatch(/[\u4e00-\u9fff]/);
      expect(text).not.toBe(english);
      expect(text).toBe(text.trim());
    }
  });
});
