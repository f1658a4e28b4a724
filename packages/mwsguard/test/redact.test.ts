import { describe, expect, it } from 'vitest';
import { parserMessage, redactName, redactPath } from '../src/redact.js';

// Made-up credentials of real shapes (never issued).
const KEY = 'AKIAR7TQ2MZK5XW3HJPD';
const SECRET = 'wZ8kQ2vN5xR7tP3mL9cJ/4hF6bD1sG0aYeU2iO8r';

// Issue 13, rows 4 and 5.
describe('redaction of echoed input', () => {
  it('masks a configuration key that is a credential, and leaves other names alone', () => {
    expect(redactName(KEY)).toBe('AKIA************HJPD');
    expect(redactName('severity')).toBe('severity');
  });

  it('masks a secret in a path even where its own `/` splits it into segments', () => {
    const masked = redactPath(`logs/${SECRET}/x.txt`);
    expect(masked).not.toContain(SECRET.slice(4, -4));
    expect(masked.startsWith('logs/wZ8k')).toBe(true);
    expect(masked.endsWith('iO8r/x.txt')).toBe(true);
    expect(redactPath('src/config/mws.env')).toBe('src/config/mws.env');
  });

  it('drops the input V8 quotes from a JSON syntax error', () => {
    let error: unknown;
    try {
      JSON.parse(`{"values": [${KEY}]}`);
    } catch (e) {
      error = e;
    }
    expect(parserMessage(error)).toBe("Unexpected token 'A' (input not quoted)");
  });
});
