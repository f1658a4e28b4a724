import { spawnGit } from './git.js';
import type { FileFinding, SuppressedFinding } from './result.js';
import { scanSource } from './scan-source.js';
import type { SourceScanOptions } from './scan-source.js';
import { UsageError } from './usage-error.js';

/** Findings in commit messages: a key pasted into a message stays in history like one in a file. */
export interface MessageScan {
  readonly findings: FileFinding[];
  readonly suppressed: SuppressedFinding[];
}

/**
 * Where a finding in a commit message is reported: the commit itself, shown as `commit <sha> (message)`
 * (no file has that name; line and column count within the message).
 */
const messageLocation = (sha: string): string => `commit ${sha} (message)`;

/**
 * Scans the full message of every commit `git log revisions -- pathspecs` lists (the commits a
 * `--history` scan visits). Messages are streamed, one NUL-terminated record at a time.
 */
export async function scanCommitMessages(
  cwd: string,
  revisions: readonly string[],
  pathspecs: readonly string[],
  options: SourceScanOptions,
): Promise<MessageScan> {
  const out: MessageScan = { findings: [], suppressed: [] };
  const child = spawnGit(
    ['log', '-z', '--no-color', '--format=%H%x1f%an%x1f%ae%x1f%aI%x1f%B', ...revisions, '--', ...pathspecs],
    cwd,
  );
  const stderr: Buffer[] = [];
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  const exited = new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      resolve(code ?? 1);
    });
  });
  const record = (bytes: Buffer): void => {
    const [sha = '', author = '', email = '', date = '', ...rest] = bytes.toString('utf8').split('\u001f');
    const message = rest.join('\u001f');
    const scan = scanSource(message, messageLocation(sha), options);
    const commit = { sha, author, email, date, count: 1 };
    for (const f of scan.findings) out.findings.push({ ...f, commit });
    for (const s of scan.suppressed) out.suppressed.push({ ...s, finding: { ...s.finding, commit } });
  };
  let pending: Buffer[] = [];
  for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
    let from = 0;
    for (let nul = chunk.indexOf(0, from); nul !== -1; nul = chunk.indexOf(0, from)) {
      pending.push(chunk.subarray(from, nul));
      record(Buffer.concat(pending));
      pending = [];
      from = nul + 1;
    }
    if (from < chunk.length) pending.push(chunk.subarray(from));
  }
  if (pending.length > 0 && Buffer.concat(pending).length > 0) record(Buffer.concat(pending));
  if ((await exited) !== 0) {
    throw new UsageError(`git log failed: ${Buffer.concat(stderr).toString('utf8').split('\n', 1)[0]?.trim() ?? ''}`);
  }
  return out;
}
