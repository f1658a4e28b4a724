import { randomBytes } from 'node:crypto';
import { lstat, open, readlink, realpath, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { unlinkSync } from 'node:fs';
import type { RunIO } from './io.js';
import { UsageError } from './usage-error.js';

// Reports to a stream: write-stream.ts, which a scan printing to stdout loads without this
// module's file system and crypto imports.
export { writeToStream } from './write-stream.js';
import { coalesce } from './write-stream.js';

/**
 * Writes a report to `path` atomically: into a temporary file next to it, flushed to disk, then
 * renamed over `path`. A reader (a CI upload step, an editor) never sees half a report, and a
 * failed run leaves the previous file as it was. A symbolic link is written through (the link
 * stays); a path that exists but is not a regular file (`/dev/stdout`, a FIFO) is written to
 * directly, never replaced.
 */
export async function writeFileAtomically(
  path: string,
  parts: Iterable<string>,
  displayName = path,
  onSignal?: RunIO['onSignal'],
): Promise<void> {
  const target = await resolveTarget(path);
  const existing = await stat(target).catch(() => undefined);
  if (existing?.isDirectory()) throw new UsageError(`Cannot write ${displayName}: it is a directory.`);
  if (existing && !existing.isFile()) {
    await writeDirectly(target, parts, displayName);
    return;
  }
  const temporary = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  // A signal while a large report is written (tens of MB take a while) must not leave it behind.
  // Registered before the file is created: a signal right after the open must find it too.
  const forget = onSignal?.(() => {
    try {
      unlinkSync(temporary);
    } catch {
      // Not created yet, or already renamed into place.
    }
  });
  try {
    await writeThrough(temporary, target, parts, displayName, existing !== undefined);
  } finally {
    forget?.();
  }
}

/** Writes `parts` into the new file `temporary`, flushes it and renames it over `target`. */
async function writeThrough(
  temporary: string,
  target: string,
  parts: Iterable<string>,
  displayName: string,
  targetExists: boolean,
): Promise<void> {
  let handle;
  try {
    handle = await open(temporary, 'wx', 0o644);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    // When only the temporary file fails (`/proc/version` exists, but its directory takes no new
    // file), say so rather than blame the report's own path.
    if (targetExists)
      throw new UsageError(`Cannot write ${displayName}: cannot create a temporary file beside it (${code}).`);
    throw new UsageError(`Cannot write ${displayName} (${code}).`);
  }
  try {
    for (const chunk of coalesce(parts)) await handle.write(chunk);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(temporary, target);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await unlink(temporary).catch(() => undefined);
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === 'string') throw new UsageError(`Cannot write ${displayName} (${code}).`);
    throw error;
  }
}

/** Where writing `path` should land: through symbolic links, even a dangling one. */
async function resolveTarget(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    const link = await lstat(path).catch(() => undefined);
    if (!link?.isSymbolicLink()) return path;
    return resolve(dirname(path), await readlink(path));
  }
}

async function writeDirectly(path: string, parts: Iterable<string>, displayName: string): Promise<void> {
  let handle;
  try {
    handle = await open(path, 'w');
    for (const chunk of coalesce(parts)) await handle.write(chunk);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === 'string') throw new UsageError(`Cannot write ${displayName} (${code}).`);
    throw error;
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
