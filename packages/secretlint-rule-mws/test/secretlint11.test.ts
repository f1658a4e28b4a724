import { realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { lintSource } from '@secretlint/core11';
import { creator, RULE_ID } from '@mwsguard/secretlint-rule-mws';
import { describe, expect, it } from 'vitest';
import { MWS_AUTH_TOKEN, SECRET_KEY } from './support/fake-credentials.js';

// For teams pinned to secretlint 11.x: its core runs the rule and the rule's reports come out
// as on 13 (secretlint 11's rule API is the same; its CLI is only slower on many files).
describe('secretlint 11 (@secretlint/core 11.7.1)', () => {
  it('loads the core the secretlint 11 CLI runs', () => {
    const require = createRequire(import.meta.url);
    const fromCli = createRequire(require.resolve('secretlint11'));
    const fromNode = createRequire(fromCli.resolve('@secretlint/node'));
    expect(realpathSync(fromNode.resolve('@secretlint/core'))).toBe(
      realpathSync(require.resolve('@secretlint/core11')),
    );
  });

  it('lints a source with the rule', async () => {
    const content = `MWS_SECRET_KEY=${SECRET_KEY}\nMWS_AUTH_TOKEN=${MWS_AUTH_TOKEN}\n`;
    const result = await lintSource({
      source: { content, filePath: '/project/.env', contentType: 'text' },
      options: {
        config: { rules: [{ id: RULE_ID, rule: creator, options: { kinds: ['secret-key'] } }] },
        maskSecrets: true,
      },
    });
    expect(result.messages).toEqual([
      expect.objectContaining({
        ruleId: RULE_ID,
        messageId: 'SecretKey',
        message: `Hard-coded MWS secret key ${'*'.repeat(40)}: rotate the key pair now and read it from the environment.`,
        range: [15, 55],
        loc: { start: { line: 1, column: 15 }, end: { line: 1, column: 55 } },
      }),
    ]);
  });
});
