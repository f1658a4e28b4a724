// Runs one command under /usr/bin/time (GNU time) and measures its wall time and peak RSS.

import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync } from 'node:fs';

const TIME = '/usr/bin/time';

/**
 * GNU time prints `%M` (peak RSS of the largest process it waited for, in KiB) and `%U %S` (user
 * and system CPU seconds of the command and everything it waited for).
 */
export const hasGnuTime = (() => {
  if (!existsSync(TIME)) return false;
  const probe = spawnSync(TIME, ['-f', '%M', 'true'], { encoding: 'utf8' });
  return probe.status === 0 && /^\d+\s*$/m.test(probe.stderr);
})();

// The process group being measured: ended with the benchmark if it is interrupted.
let current = null;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (current) {
      try {
        process.kill(-current, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    process.exit(130);
  });
}

/**
 * Runs `command args` in `cwd` with stdout to `outFile` and stderr to `errFile`. Resolves to
 * { wallMs, rssKiB and cpuS (null without GNU time), code, signal, timedOut }. The wall time is taken around the
 * spawned process (GNU time adds well under a millisecond).
 */
export function measure({ command, args, cwd, env, outFile, errFile, timeoutMs }) {
  const timeFile = `${errFile}.time`;
  rmSync(timeFile, { force: true });
  const out = openSync(outFile, 'w');
  const err = openSync(errFile, 'w');
  const [cmd, argv] = hasGnuTime ? [TIME, ['-f', '%M %U %S', '-o', timeFile, command, ...args]] : [command, args];
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(cmd, argv, { cwd, env, stdio: ['ignore', out, err], detached: true });
    current = child.pid;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, 'SIGKILL'); // the group of the process started here
      } catch {
        // already gone
      }
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      closeSync(out);
      closeSync(err);
      reject(error);
    });
    child.on('close', (code, signal) => {
      current = null;
      const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
      clearTimeout(timer);
      closeSync(out);
      closeSync(err);
      let rssKiB = null;
      let cpuS = null;
      /** @type {string | null} */
      let childSignal = signal;
      if (hasGnuTime && existsSync(timeFile)) {
        const text = readFileSync(timeFile, 'utf8');
        const last = /^(\d+) ([\d.]+) ([\d.]+)\s*$/m.exec(text);
        if (last) {
          rssKiB = Number(last[1]);
          cpuS = Number(last[2]) + Number(last[3]);
        }
        const killed = /terminated by signal (\d+)/.exec(text);
        if (killed) childSignal = `signal ${killed[1]}`;
        rmSync(timeFile, { force: true });
      }
      resolve({ wallMs, rssKiB, cpuS, code: childSignal ? null : code, signal: childSignal ?? null, timedOut });
    });
  });
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
