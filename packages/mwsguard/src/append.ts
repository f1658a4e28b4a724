/**
 * Appends `items` to `out` one by one. `out.push(...items)` passes every item as an argument, and
 * past about 120k of them (a log with one key per line, a large allowlisted tree) V8 throws a
 * RangeError that lost every finding of the scan. Use this for any array that the input sizes.
 */
export function appendAll<T>(out: T[], items: Iterable<T>): void {
  for (const item of items) out.push(item);
}
