import { classifyString, maskSecret } from '@mwsguard/core';

// Tokens long enough to be a credential: anything between spaces, quotes and separators.
const TOKEN = /[^\s"'`,;=<>()[\]{}]{16,}/g;

/** True when core would report `token` as a credential bound to a key name. */
function isCredential(token: string): boolean {
  return (
    classifyString(token).length > 0 ||
    classifyString(token, { name: 'secret_key' }).length > 0 ||
    classifyString(token, { name: 'access_key_id' }).length > 0
  );
}

/**
 * Error messages repeat what the user typed (`Unknown format "…"`, a bad path, a config key).
 * A credential pasted by mistake into a flag must not be echoed whole: it is masked like a
 * finding. Core decides what is a credential, as everywhere else.
 */
export function redactMessage(message: string): string {
  return message.replace(TOKEN, (token) => (isCredential(token) ? maskSecret(token) : token));
}

/** A parser's message on one line: JSON.parse quotes the offending text, newlines included. */
export function oneLine(message: string): string {
  return message
    .split(/\r?\n|\r/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join(' ');
}
