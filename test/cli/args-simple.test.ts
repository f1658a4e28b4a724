import { parseArgs } from 'node:util';
import { describe, expect, it } from 'vitest';
import { PARSE_CONFIG, parseSimple } from '../../packages/mwsguard/src/args.js';

// parseSimple answers the common command lines (`scan --staged`) without util.parseArgs; where it
// answers, it must give parseArgs' very result (values with their order and null prototype,
// positionals, tokens), so that parseCommand goes on from the same input.
const WORDS = [
  'scan',
  'baseline',
  'explain',
  'install-hook',
  'report',
  'merge',
  'src',
  'a b',
  'scan--staged',
  '--staged',
  '--history',
  '--all',
  '--quiet',
  '--verbose',
  '--help',
  '--version',
  '--force',
  '--gitignore',
  '--no-gitignore',
  '--no-config',
  '--config',
  '--format',
  'json',
  '--staged=true',
  '-q',
  '-h',
  '--',
  '-',
  '--unknown',
  '--constructor',
  '--__proto__',
  '--toString',
  '--stdin-filenames',
  '--follow-symlinks',
];

function* commandLines(length: number): Generator<string[]> {
  if (length === 0) {
    yield [];
    return;
  }
  for (const rest of commandLines(length - 1)) for (const word of WORDS) yield [...rest, word];
}

describe('the simple command-line parser', () => {
  it("gives util.parseArgs' result wherever it answers", () => {
    let answered = 0;
    for (let length = 0; length <= 3; length++) {
      for (const argv of commandLines(length)) {
        const simple = parseSimple(argv);
        if (simple === undefined) continue;
        answered += 1;
        const full = parseArgs({ ...PARSE_CONFIG, args: [...argv] });
        expect(simple).toStrictEqual(full);
        expect(Object.keys(simple.values)).toEqual(Object.keys(full.values));
        expect(Object.getPrototypeOf(simple.values)).toBe(null);
        expect(simple.tokens.map((token) => Object.keys(token))).toEqual(
          full.tokens.map((token) => Object.keys(token)),
        );
      }
    }
    // It does answer the common lines: positionals and known boolean flags.
    expect(answered).toBeGreaterThan(5000);
    expect(parseSimple(['scan', '--staged'])).toBeDefined();
    for (const argv of [['scan', '--format', 'json'], ['scan', '-q'], ['scan', '--no-config'], ['--'], ['-']]) {
      expect(parseSimple(argv)).toBeUndefined();
    }
  });
});
