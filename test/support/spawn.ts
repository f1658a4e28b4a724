import { spawn } from 'node:child_process';

/** What a spawned process printed and returned. */
export interface Spawned {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Options of {@link spawnProcess}. */
export interface ProcessOptions {
  readonly cwd: string;
  /** The whole environment of the child. */
  readonly env: NodeJS.ProcessEnv;
  /** Written to stdin, which is then closed (closed at once when absent). */
  readonly input?: string;
}

/**
 * Runs `command args` and collects its output as text. The one place tests spawn a process and
 * wait for it: the CLI's bin, the secretlint CLI and other hosts.
 */
export function spawnProcess(command: string, args: readonly string[], options: ProcessOptions): Promise<Spawned> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}

/** The environment for plain output: NO_COLOR=1, no FORCE_COLOR (test runners often set it). */
export function plainEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  return env;
}
