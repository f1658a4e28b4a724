import { renderGithub } from './github.js';
import { renderGitlab } from './gitlab.js';
import { renderJson } from './json.js';
import { renderSarif } from './sarif.js';
import { renderStylish } from './stylish.js';
import type { Formatter, Renderer } from './types.js';

export type { Formatter, FormatOptions, Renderer } from './types.js';

/** Every `--format` value and its renderer, alphabetical. Add a format here and in the help text. */
export const RENDERERS = {
  github: renderGithub,
  gitlab: renderGitlab,
  json: renderJson,
  sarif: renderSarif,
  stylish: renderStylish,
} satisfies Record<string, Renderer>;

/** A valid `--format` value. */
export type FormatName = keyof typeof RENDERERS;

/** The `--format` values, in registry order. */
export const FORMAT_NAMES = Object.keys(RENDERERS) as FormatName[];

/**
 * Every format as a pure function returning the whole text (the renderer's pieces, joined):
 * derived from {@link RENDERERS}, so a new format is added in one place.
 */
export const FORMATTERS = Object.fromEntries(
  FORMAT_NAMES.map((name): [FormatName, Formatter] => [
    name,
    (result, options) => [...RENDERERS[name](result, options)].join(''),
  ]),
) as Record<FormatName, Formatter>;

/** Whether `name` is a known `--format` value. */
export function isFormatName(name: string): name is FormatName {
  return Object.hasOwn(RENDERERS, name);
}
