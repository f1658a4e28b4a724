import fc from 'fast-check';
import { scanText } from '@mwsguard/core';
import plugin from '@mwsguard/eslint-plugin';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { lint as secretlint } from '../../packages/secretlint-rule-mws/test/support/secretlint.js';
import { KEYS } from '../cli/support/fake-credentials.js';

// Issue 13, row 2: a run of 5.33 MiB or more of one regex's character class (an `Atzr|` token
// body, a base64 run with `%2F`, a Kubernetes Secret value) overflowed V8's regex stack, and the
// file's findings were lost on every surface (the CLI with `--max-file-size 0`; ESLint and
// secretlint, which have no size limit). Each case here is an 8 MB run after a prefix that sends
// it to one detector, in a valid JavaScript file whose next line holds a key: every surface must
// finish and still report that key.

const RUN = 8 * 1024 * 1024;
const PREFIXES = ['Atzr|', 'Atza%7C', 'secret=', 'aws_secret_access_key=', 'amzn.mws.', 'amzn1.oa2-cs.v1.', 'AKIA', ''];
// Run units: each is valid inside a double-quoted JavaScript string (`\\/` is the escaped slash).
const UNITS = ['a', 'aB3/', 'abc%2F', 'ab%2b', 'ab\\/', 'Zx-_', '0f', 'A1', 'a.', 'QUtJQQ'];

const source = (prefix: string, unit: string): string =>
  `const blob = "${prefix}${unit.repeat(Math.ceil(RUN / unit.length))}";\nconst id = "${KEYS.b}";\n`;

const linter = new Linter();
const recommended = plugin.configs.recommended;

describe('8 MB runs through core, ESLint and secretlint', () => {
  it('finish and report the key after the run', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...PREFIXES), fc.constantFrom(...UNITS), async (prefix, unit) => {
        const text = source(prefix, unit);
        expect(scanText(text, { path: 'blob.js' }).map((f) => f.secret)).toContain('AKIA************RZ5C');

        const messages = linter.verify(text, recommended, { filename: 'blob.js' });
        expect(messages.filter((m) => m.fatal === true)).toEqual([]);
        expect(messages.map((m) => m.messageId)).toContain('accessKeyId');

        const result = await secretlint(text, 'blob.js');
        expect(result.messages.map((m) => m.messageId)).toContain('AccessKeyId');
      }),
      { numRuns: 4 },
    );
  });
});
