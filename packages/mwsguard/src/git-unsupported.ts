/**
 * Thrown by the in-process git readers (`git-index.ts`, `git-objects.ts`, `git-pack.ts`,
 * `staged-index.ts`) at anything they do not handle exactly as git does: a format version, an
 * extension, a missing object, a damaged file. The caller then asks git itself, so a staged scan
 * never reports differently for being read without it.
 */
export class UnsupportedGit extends Error {}

/** Throws {@link UnsupportedGit} with `reason` unless `condition` holds. */
export function require(condition: boolean, reason: string): asserts condition {
  if (!condition) throw new UnsupportedGit(reason);
}
