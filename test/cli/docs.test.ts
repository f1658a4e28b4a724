import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMAT_NAMES, parseCommand } from 'mwsguard';
import { REPO_ROOT, fixture, runCli, scanJson } from './support/run-cli.js';

// Keeps docs/cli.md, docs/json-format.md and docs/integrations/ in step with the CLI.
const read = (path: string): string => readFileSync(join(REPO_ROOT, path), 'utf8');
const cliDoc = read('docs/cli.md');
const jsonDoc = read('docs/json-format.md');
const integrations = readdirSync(join(REPO_ROOT, 'docs/integrations')).map((name) => ({
  name,
  text: read(`docs/integrations/${name}`),
}));

describe('docs/cli.md', () => {
  it('documents every option of the help text', async () => {
    const { stdout } = await runCli(['--help'], { cwd: REPO_ROOT });
    const options = new Set(stdout.match(/--[a-z][a-z-]*/g));
    expect(options.size).toBeGreaterThan(20);
    for (const option of options) expect(cliDoc).toContain(`\`${option}`);
  });

  it('has a section per format and a row per exit code', () => {
    for (const format of FORMAT_NAMES) expect(cliDoc).toMatch(new RegExp(`^### \`${format}\``, 'm'));
    for (const code of [0, 1, 2, 3]) expect(cliDoc).toMatch(new RegExp(`^\\| \`${String(code)}\` +\\| `, 'm'));
  });

  it('documents every key of the configuration schema', () => {
    const schema = JSON.parse(read('packages/mwsguard/schema/mwsguard.config.schema.json')) as {
      properties: Record<string, { properties?: Record<string, unknown> }>;
    };
    const keys = Object.entries(schema.properties).flatMap(([key, value]) => {
      if (key === '$schema') return [];
      if (key === 'allowlist') return Object.keys(value.properties ?? {}).map((sub) => `allowlist.${sub}`);
      return [key];
    });
    expect(keys).toContain('allowlist.fingerprints');
    for (const key of keys) expect(cliDoc).toContain(`| \`${key}\``);
  });
});

describe('docs/json-format.md', () => {
  it('documents every summary field the CLI prints', async () => {
    const { report } = await scanJson([], { cwd: fixture('basic') });
    for (const key of [...Object.keys(report.summary), 'commitsScanned']) expect(jsonDoc).toContain(`| \`${key}\``);
    for (const key of Object.keys(report.summary.skippedByReason)) expect(jsonDoc).toContain(`\`${key}\``);
    for (const key of Object.keys(report.summary.suppressedByReason)) expect(jsonDoc).toContain(`\`${key}\``);
    for (const key of ['sha', 'author', 'email', 'date', 'count']) expect(jsonDoc).toContain(`| \`${key}\``);
  });
});

describe('docs/integrations', () => {
  it('has the pre-commit, husky + lint-staged, GitHub Actions, GitLab CI, generic CI and org-scale guides', () => {
    expect(integrations.map((d) => d.name).sort()).toEqual([
      'generic-ci.md',
      'github-actions.md',
      'gitlab-ci.md',
      'husky-lint-staged.md',
      'org-scale.md',
      'pre-commit.md',
    ]);
  });

  // Every mwsguard command in a code block must parse: no renamed or misspelled option survives.
  const commands = [...integrations, { name: 'cli.md', text: cliDoc }].flatMap(({ name, text }) =>
    [...text.matchAll(/```[a-z]*\n([\s\S]*?)```/g)].flatMap((block) =>
      (block[1] ?? '')
        .split('\n')
        .filter((line) => /\bmwsguard (?:scan|baseline|explain|install-hook)\b/.test(line))
        // The synopsis lines (`mwsguard scan [PATH...]`) are patterns, not commands.
        .filter((line) => !line.includes('[') && !line.includes(' < '))
        .map((line) => ({ name, line: line.trim() })),
    ),
  );

  it('finds the commands', () => {
    expect(commands.length).toBeGreaterThan(15);
  });

  it.each(commands)('$name: $line', ({ line }) => {
    const after = line.slice(line.search(/\bmwsguard (?:scan|baseline|explain|install-hook)\b/) + 'mwsguard '.length);
    const tokens: string[] = [];
    for (const token of after.split(/\s+/)) {
      if (['||', '|', '>', '<', ';', '#', '&&'].includes(token) || token.startsWith('#')) break;
      tokens.push(token.replace(/^"|"$/g, '').replace(/\$\{\{[^}]*\}\}|\$[A-Z_]+/g, 'main'));
    }
    expect(() => parseCommand(tokens)).not.toThrow();
  });
});
