/**
 * Decides whether human output gets ANSI colors. `FORCE_COLOR` (any value but `0`/`false`) wins,
 * as in Node itself; otherwise a non-empty `NO_COLOR` (https://no-color.org) turns colors off, and
 * they are on only when stdout is a terminal.
 */
export function isColorEnabled(env: Readonly<Record<string, string | undefined>>, isTTY: boolean): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (env.NO_COLOR) return false;
  return isTTY;
}

/** Text styles a formatter may use; identity functions when colors are off. */
export interface Styles {
  readonly bold: (text: string) => string;
  readonly dim: (text: string) => string;
  readonly underline: (text: string) => string;
  readonly red: (text: string) => string;
  readonly yellow: (text: string) => string;
  readonly green: (text: string) => string;
}

// Plain SGR codes rather than util.styleText: on Node 20 styleText does not check the stream or
// NO_COLOR itself, and formatters must stay pure functions of their options anyway.
const sgr =
  (open: number, close: number) =>
  (text: string): string =>
    `\u001b[${String(open)}m${text}\u001b[${String(close)}m`;

const COLORED: Styles = {
  bold: sgr(1, 22),
  dim: sgr(2, 22),
  underline: sgr(4, 24),
  red: sgr(31, 39),
  yellow: sgr(33, 39),
  green: sgr(32, 39),
};

const identity = (text: string): string => text;

const PLAIN: Styles = {
  bold: identity,
  dim: identity,
  underline: identity,
  red: identity,
  yellow: identity,
  green: identity,
};

/** The styles to use when colors are `enabled` (or not). */
export function createStyles(enabled: boolean): Styles {
  return enabled ? COLORED : PLAIN;
}
