/**
 * The `--format` values, alphabetical, apart from their renderers: the argument parser checks a
 * name without loading every formatter. Add a format here, in `RENDERERS` (index.ts), in
 * `loadRenderer` (load.ts) and in the help text.
 */
export const FORMAT_NAMES = ['github', 'gitlab', 'json', 'sarif', 'stylish'] as const;

/** A valid `--format` value. */
export type FormatName = (typeof FORMAT_NAMES)[number];

/** Whether `name` is a known `--format` value. */
export function isFormatName(name: string): name is FormatName {
  return (FORMAT_NAMES as readonly string[]).includes(name);
}
