import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { UsageError } from './usage-error.js';

/** What a finished git command printed. */
export interface GitOutput {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Environment for git: no pager, no prompts, no locale-dependent messages. */
function gitEnv(env: Readonly<Record<string, string | undefined>>): NodeJS.ProcessEnv {
  return { ...env, GIT_PAGER: 'cat', GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' };
}

/** Runs `git args` in `cwd` and collects its output. A missing git is a usage error. */
export function git(
  args: readonly string[],
  cwd: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<GitOutput> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd, env: gitEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'ENOENT' ? new UsageError('git is not installed or not on PATH.') : error);
    });
    child.on('close', (code) => {
      resolve({
        code: code ?? 1,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      });
    });
  });
}

/** Spawns a long-running git command whose stdout the caller streams. */
export function spawnGit(
  args: readonly string[],
  cwd: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): ChildProcessWithoutNullStreams {
  return spawn('git', args, { cwd, env: gitEnv(env) });
}

/**
 * The top-level directory of the repository `cwd` is in; a usage error outside a repository. A
 * bare repository has no work tree: with `allowBare` (history needs only commits) its git
 * directory stands in for one, otherwise the error says it is bare (it is a repository).
 */
export async function repositoryRoot(
  cwd: string,
  env?: Readonly<Record<string, string | undefined>>,
  allowBare = false,
): Promise<string> {
  const result = await git(['rev-parse', '--show-toplevel'], cwd, env);
  if (result.code === 0) return firstLine(result.stdout);
  const bare = await git(['rev-parse', '--is-bare-repository', '--absolute-git-dir'], cwd, env);
  if (bare.code !== 0 || !bare.stdout.startsWith('true')) throw new UsageError(`Not inside a git repository: ${cwd}`);
  if (!allowBare) throw new UsageError(`${cwd} is a bare git repository: it has no index or work tree to scan.`);
  return firstLine(bare.stdout.slice('true'.length).replace(/^\r?\n/, ''));
}

const firstLine = (text: string): string => text.split(/\r?\n/, 1)[0] ?? '';

/** A blob read from the object database, or why it was not. */
export type BlobContent =
  | { readonly kind: 'blob'; readonly bytes: Buffer }
  | { readonly kind: 'tooLarge'; readonly size: number }
  | { readonly kind: 'missing' };

/** A request of {@link BlobReader} waiting for its object. */
interface BlobRequest {
  readonly resolve: (blob: BlobContent) => void;
  readonly reject: (error: Error) => void;
  header?: { size: number; keep: boolean };
  readonly parts: Buffer[];
  received: number;
}

/**
 * Reads blobs through one `git cat-file --batch` process. Requests are written as they are made
 * and answered in order, so a caller may ask for the next few blobs before it has scanned the
 * first (one round trip to git per blob was a good part of a commit hook's wall time). Only
 * requested blobs are held in memory, and a blob over `maxSize` bytes (0: no limit) is skipped as
 * it streams by instead of being buffered.
 */
export class BlobReader {
  readonly #child: ChildProcessWithoutNullStreams;
  #buffer: Buffer = Buffer.alloc(0);
  /** Requests written to git and not yet answered, oldest first. */
  readonly #pending: BlobRequest[] = [];
  #failure: Error | undefined;
  #maxSize: number;

  constructor(cwd: string, maxSize: number, env?: Readonly<Record<string, string | undefined>>) {
    this.#maxSize = maxSize;
    this.#child = spawnGit(['cat-file', '--batch'], cwd, env);
    this.#child.stdout.on('data', (chunk: Buffer) => {
      this.#buffer = this.#buffer.length === 0 ? chunk : Buffer.concat([this.#buffer, chunk]);
      this.#drain();
    });
    this.#child.on('error', (error) => {
      this.#fail(error);
    });
    this.#child.on('close', () => {
      this.#fail(new Error('git cat-file stopped unexpectedly'));
    });
    this.#child.stdin.on('error', (error) => {
      this.#fail(error);
    });
    this.#child.stderr.resume();
  }

  /**
   * The size above which a blob is skipped; set it before the first read (a reader started
   * before the configuration was read learns its limit here).
   */
  set maxSize(bytes: number) {
    this.#maxSize = bytes;
  }

  /** Reads the object `id` (a blob id, or `:path` for the index). Requests are served in order. */
  read(id: string): Promise<BlobContent> {
    if (this.#failure) return Promise.reject(this.#failure);
    return new Promise<BlobContent>((resolve, reject) => {
      this.#pending.push({ resolve, reject, parts: [], received: 0 });
      this.#child.stdin.write(`${id}\n`);
    });
  }

  /** Ends the git process; requests not answered yet are rejected. */
  close(): Promise<void> {
    this.#fail(new Error('closed'));
    if (!this.#child.stdin.writableEnded) this.#child.stdin.end();
    return Promise.resolve();
  }

  #fail(error: Error): void {
    this.#failure ??= error;
    for (const request of this.#pending.splice(0)) request.reject(this.#failure);
  }

  #drain(): void {
    for (;;) {
      const pending = this.#pending[0];
      if (!pending) return;
      if (!pending.header) {
        const newline = this.#buffer.indexOf(10);
        if (newline === -1) return;
        const line = this.#buffer.subarray(0, newline).toString('utf8');
        this.#buffer = this.#buffer.subarray(newline + 1);
        const match = /^\S+ (\S+) (\d+)$/.exec(line);
        if (!match) {
          // `<id> missing`, `<id> ambiguous`: nothing follows the header line.
          this.#pending.shift();
          pending.resolve({ kind: 'missing' });
          continue;
        }
        const size = Number(match[2]);
        const keep = match[1] === 'blob' && (this.#maxSize === 0 || size <= this.#maxSize);
        pending.header = { size, keep };
      }
      const { size, keep } = pending.header;
      // The content, then one LF.
      const wanted = size + 1 - pending.received;
      const take = Math.min(wanted, this.#buffer.length);
      if (keep && take > 0) pending.parts.push(this.#buffer.subarray(0, take));
      pending.received += take;
      this.#buffer = this.#buffer.subarray(take);
      if (pending.received < size + 1) return;
      this.#pending.shift();
      if (!keep)
        pending.resolve(size > this.#maxSize && this.#maxSize > 0 ? { kind: 'tooLarge', size } : { kind: 'missing' });
      else pending.resolve({ kind: 'blob', bytes: Buffer.concat(pending.parts).subarray(0, size) });
    }
  }
}
