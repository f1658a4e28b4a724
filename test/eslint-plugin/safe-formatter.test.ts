import { join } from 'node:path';
import plugin from '@mwsguard/eslint-plugin';
import { ESLint } from 'eslint';
import noSecrets from 'eslint-plugin-no-secrets';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../../packages/eslint-plugin/test/support/build.js';
import { KEYS } from '../cli/support/fake-credentials.js';
import { REPO_ROOT } from '../cli/support/run-cli.js';

// Issue 13, row 6: ESLint's `json` formatter copies the whole `source` of each file with a
// problem into the report, so a CI artifact made from it holds every plaintext credential. The
// plugin ships a formatter that keeps the problems and drops the code.

const FORMATTER = join(REPO_ROOT, 'packages/eslint-plugin/dist/formatter.js');
const SOURCE = [
  `const accessKeyId = '${KEYS.a}';`,
  `const secretAccessKey = '${KEYS.secret}';`,
  `const refreshToken = '${KEYS.accessToken}';`,
  '',
].join('\n');
const SECRETS = [KEYS.a, KEYS.secret, KEYS.accessToken];

async function lint(): Promise<{ eslint: ESLint; results: ESLint.LintResult[] }> {
  const eslint = new ESLint({
    cwd: REPO_ROOT,
    overrideConfigFile: true,
    overrideConfig: [
      ...plugin.configs.recommended,
      // Another plugin whose messages quote the value they found.
      { plugins: { 'no-secrets': noSecrets }, rules: { 'no-secrets/no-secrets': 'error' } },
    ],
  });
  return { eslint, results: await eslint.lintText(SOURCE, { filePath: join(REPO_ROOT, 'keys.js') }) };
}

beforeAll(ensureBuilt);

describe('the safe JSON formatter of the ESLint plugin', () => {
  it('ESLint json holds every plaintext (the hazard); the plugin formatter none', async () => {
    const { eslint, results } = await lint();
    const hazard = await (await eslint.loadFormatter('json')).format(results);
    for (const secret of SECRETS) expect(hazard).toContain(secret);

    const safe = await (await eslint.loadFormatter(FORMATTER)).format(results);
    for (const secret of SECRETS) {
      expect(safe).not.toContain(secret);
      expect(safe).not.toContain(secret.slice(4, -4));
    }
    const report = JSON.parse(safe) as { filePath: string; messages: { ruleId: string; line: number }[] }[];
    expect(report.map((r) => r.filePath)).toEqual([join(REPO_ROOT, 'keys.js')]);
    const rules = new Set(report[0]?.messages.map((m) => m.ruleId));
    expect(rules).toContain('@mwsguard/no-hardcoded-credentials');
    expect(rules).toContain('no-secrets/no-secrets');
  });
});
