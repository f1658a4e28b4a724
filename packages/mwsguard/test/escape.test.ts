import { describe, expect, it } from 'vitest';
import { escapeControl, escapeControlLines } from '../src/escape.js';

// Issue 13, row 13: a file name can hold a newline or an ANSI escape; printed raw it forges
// report lines or repaints the terminal.
describe('escapeControl', () => {
  it('escapes C0, DEL and C1 controls, and nothing else', () => {
    expect(escapeControl('a\nb\rc\td\u001b[2Je\u007ff\u009bg\u0000')).toBe('a\\nb\\rc\\td\\x1b[2Je\\x7ff\\x9bg\\x00');
    expect(escapeControl('café ☕ 𝄞 \\ plain')).toBe('café ☕ 𝄞 \\ plain');
  });

  it('keeps the line breaks of a multi-line message, escaping the rest of each line', () => {
    expect(escapeControlLines('Invalid:\n  "a\u001bb"\r')).toBe('Invalid:\n  "a\\x1bb"\\r');
  });
});
