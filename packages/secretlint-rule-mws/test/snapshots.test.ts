import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import type { SecretLintConfigDescriptor } from '@secretlint/types';
import { describe, expect, it } from 'vitest';
import { RULE_ID } from '@mwsguard/secretlint-rule-mws';
import { lint } from './support/secretlint.js';

// secretlint's fixture style (its @secretlint/tester): one folder per case under snapshots/,
// named `ok.`, `ng.` or `options.` + what it shows, holding `input.<ext>`, an optional
// `.secretlintrc.json` and the expected `output.json`. `UPDATE_SNAPSHOT=1` rewrites the
// expectations (review the diff before committing). The result's `sourceContent` is left out:
// it is the input file next to it.
const SNAPSHOTS = fileURLToPath(new URL('snapshots/', import.meta.url));
const UPDATE = Boolean(process.env.UPDATE_SNAPSHOT);
const CASES = readdirSync(SNAPSHOTS).sort();

describe('snapshots', () => {
  it('has a case folder for every prefix', () => {
    for (const name of CASES) expect(name).toMatch(/^(?:ok|ng|options)\.[a-z0-9-]+$/);
    expect(CASES.some((name) => name.startsWith('ok.'))).toBe(true);
    expect(CASES.some((name) => name.startsWith('ng.'))).toBe(true);
    expect(CASES.some((name) => name.startsWith('options.'))).toBe(true);
  });

  it.each(CASES)('%s', async (name) => {
    const dir = join(SNAPSHOTS, name);
    const inputs = readdirSync(dir).filter((file) => file.startsWith('input.'));
    expect(inputs, 'one input.<ext> per case').toHaveLength(1);
    const input = inputs[0]!;
    const rcPath = join(dir, '.secretlintrc.json');
    const descriptor = existsSync(rcPath)
      ? (JSON.parse(readFileSync(rcPath, 'utf8')) as SecretLintConfigDescriptor)
      : undefined;
    const content = readFileSync(join(dir, input), 'utf8');
    const result = await lint(content, join(dir, input), descriptor ? { descriptor } : {});
    const actual = { filePath: input, messages: result.messages };

    const outputPath = join(dir, 'output.json');
    if (UPDATE) {
      const options = await resolveConfig(outputPath);
      writeFileSync(outputPath, await format(JSON.stringify(actual), { ...options, filepath: outputPath }));
    }
    expect(existsSync(outputPath), `${outputPath} is missing: run with UPDATE_SNAPSHOT=1`).toBe(true);
    expect(actual).toEqual(JSON.parse(readFileSync(outputPath, 'utf8')));

    // The prefixes are a promise: ok. cases report nothing, ng. cases report something.
    const reports = result.messages.length > 0;
    expect(reports, 'ok. reports nothing, ng. something').toBe(
      name.startsWith('options.') ? reports : name.startsWith('ng.'),
    );

    // No report of ours repeats the credential it points at: messages and data hold masked
    // values only. (The AWS rule's reports, in the preset cases, do hold the plaintext.)
    const text = content.replace(/^\uFEFF/, '');
    for (const message of result.messages) {
      if (message.ruleId !== RULE_ID || message.messageId === 'SharedCredentials') continue; // a field name
      const reported = text.slice(message.range[0], message.range[1]);
      expect(JSON.stringify({ message: message.message, data: message.data })).not.toContain(reported);
    }
  });
});
