import { classifyString } from './classify.js';
import { maskSecret } from './mask.js';

// Tokens long enough to be a credential: anything between spaces, quotes and separators. Bounded
// so that a long run cannot overflow the regex engine (no credential is anywhere near this long).
const TOKEN = /[^\s"'`,;=<>()[\]{}]{16,4096}/g;

/** True when core would report `token` as a credential, bare or bound to a key name. */
export function isCredentialText(token: string): boolean {
  return (
    classifyString(token).length > 0 ||
    classifyString(token, { name: 'secret_key' }).length > 0 ||
    classifyString(token, { name: 'access_key_id' }).length > 0
  );
}

/**
 * Any text meant for an output that did not come from a finding (an error message, another
 * tool's message, a path), with every token core would report as a credential masked the way a
 * finding is. Core decides what is a credential, as everywhere else.
 */
export function redactText(text: string): string {
  return text.replace(TOKEN, (token) => (isCredentialText(token) ? maskSecret(token) : token));
}
