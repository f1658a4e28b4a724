import { formatJson } from './json.js';
import { formatStylish } from './stylish.js';
import type { Formatter } from './types.js';

export type { Formatter, FormatOptions } from './types.js';

/** Every `--format` value and its formatter, alphabetical. Add a format here and in the help text. */
export const FORMATTERS = {
  json: formatJson,
  stylish: formatStylish,
} satisfies Record<string, Formatter>;

/** A valid `--format` value. */
export type FormatName = keyof typeof FORMATTERS;

/** The `--format` values, in registry order. */
export const FORMAT_NAMES = Object.keys(FORMATTERS) as FormatName[];

/** Whether `name` is a known `--format` value. */
export function isFormatName(name: string): name is FormatName {
  return Object.hasOwn(FORMATTERS, name);
}
