import { renderGithub } from './github.js';
import { renderGitlab } from './gitlab.js';
import { renderJson } from './json.js';
import { renderSarif } from './sarif.js';
import { renderStylish } from './stylish.js';
import { FORMAT_NAMES } from './names.js';
import type { FormatName } from './names.js';
import type { Formatter, Renderer } from './types.js';

export type { Formatter, FormatOptions, Renderer } from './types.js';
export { FORMAT_NAMES } from './names.js';
export type { FormatName } from './names.js';
export { loadRenderer } from './load.js';

/** Every `--format` value and its renderer, alphabetical (the names are in names.ts). */
export const RENDERERS: Record<FormatName, Renderer> = {
  github: renderGithub,
  gitlab: renderGitlab,
  json: renderJson,
  sarif: renderSarif,
  stylish: renderStylish,
};

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
