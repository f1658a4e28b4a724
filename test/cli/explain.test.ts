import { KINDS } from '@mwsguard/core';
import { describe, expect, it } from 'vitest';
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
    [
      ['explain', 'aws-key'],
      'Unknown kind "aws-key": expected one of access-key-id, secret-key, mws-auth-token, lwa-client-secret, lwa-refresh-token, shared-credentials (or mwsguard/<kind>).',
    ],
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
