// Sizes as users write them (`5MiB`) and as messages print them; no imports, so the argument
// parser and the scanners read them without loading the configuration's validator.

const UNITS: Readonly<Record<string, number>> = {
  '': 1,
  b: 1,
  k: 1024,
  kib: 1024,
  kb: 1000,
  m: 1024 ** 2,
  mib: 1024 ** 2,
  mb: 1000 ** 2,
  g: 1024 ** 3,
  gib: 1024 ** 3,
  gb: 1000 ** 3,
};

/**
 * Parses a size: bytes (`1048576`), or a number with a unit: `KiB`/`MiB`/`GiB` (or `K`/`M`/`G`)
 * are powers of 1024, `KB`/`MB`/`GB` powers of 1000; case does not matter. `undefined` if invalid.
 */
export function parseSize(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?) ?([a-z]*)$/i.exec(text.trim());
  if (!match) return undefined;
  const unit = UNITS[(match[2] ?? '').toLowerCase()];
  if (unit === undefined) return undefined;
  const value = Math.floor(Number(match[1]) * unit);
  return Number.isSafeInteger(value) ? value : undefined;
}

/** `5242880` → `5 MiB`, for messages. */
export function formatSize(bytes: number): string {
  for (const [unit, size] of [
    ['GiB', 1024 ** 3],
    ['MiB', 1024 ** 2],
    ['KiB', 1024],
  ] as const) {
    if (bytes >= size) {
      const value = bytes / size;
      return `${Number.isInteger(value) ? String(value) : value.toFixed(1)} ${unit}`;
    }
  }
  return `${String(bytes)} B`;
}
