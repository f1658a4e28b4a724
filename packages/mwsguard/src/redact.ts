import { isCredentialText as isCredential, maskSecret, redactText } from '@mwsguard/core';

/**
 * Error messages repeat what the user typed (`Unknown format "…"`, a bad path, a config key).
 * A credential pasted by mistake into a flag must not be echoed whole: it is masked like a
 * finding (core's `redactText`).
 */
export const redactMessage = redactText;

/** A parser's message on one line: JSON.parse quotes the offending text, newlines included. */
function oneLine(message: string): string {
  return message
    .split(/\r?\n|\r/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join(' ');
}

/**
 * One name the user wrote (a configuration key, a path segment), masked whole when core would
 * report it as a credential. Key paths are echoed segment by segment, so a secret used as a key
 * (`{"severity": {"<token>": "off"}}`) is masked even though the dotted path is not one token.
 */
export function redactName(name: string): string {
  return isCredential(name) ? maskSecret(name) : name;
}

/** Segments tried together at most: a secret key holds `/`, so it can span several segments. */
const MAX_JOINED_SEGMENTS = 8;

/**
 * A path from an input file (a baseline entry's `path`), with every run of segments that is a
 * credential masked: a forged baseline can carry a secret, `/` and all, as a path.
 */
export function redactPath(path: string): string {
  const segments = path.split('/');
  for (let i = 0; i < segments.length; i++) {
    for (let j = Math.min(segments.length, i + MAX_JOINED_SEGMENTS); j > i; j--) {
      const joined = segments.slice(i, j).join('/');
      if (joined.length < 16 || !isCredential(joined)) continue;
      segments.splice(i, j - i, maskSecret(joined));
      break;
    }
  }
  return segments.join('/');
}

/**
 * A JSON parser's message, on one line and without the input it quotes: V8 quotes about ten
 * characters around the error (`Unexpected token 'x', "…AKIAR7TQ2M"... is not valid JSON`), more
 * than the four characters of a secret that any output may show.
 */
export function parserMessage(error: unknown): string {
  const message = oneLine(error instanceof Error ? error.message : String(error));
  return message.replace(/, (?:\.\.\.)?"[\s\S]*"(?:\.\.\.)? is not valid JSON$/, ' (input not quoted)');
}
