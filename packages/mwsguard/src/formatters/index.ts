import { renderGithub } from './github.js';
import { renderGitlab } from './gitlab.js';
import { renderJson } from './json.js';
import { renderSarif } from './sarif.js';
import { renderStylish } from './stylish.js';
import type { FormatName } from './names.js';
import type { Formatter, Renderer } from './types.js';

export type { Formatter, FormatOptions, Renderer } from './types.js';
export { FORMAT_NAMES, isFormatName } from './names.js';
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

const join =
  (render: Renderer): Formatter =>
  (result, options) =>
    [...render(result, options)].join('');

/** Every format as a pure function returning the whole text (the renderers' pieces, joined). */
export const FORMATTERS: Record<FormatName, Formatter> = {
  github: join(renderGithub),
  gitlab: join(renderGitlab),
  json: join(renderJson),
  sarif: join(renderSarif),
  stylish: join(renderStylish),
};
