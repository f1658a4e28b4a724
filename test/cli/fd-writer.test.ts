import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outputStream } from '../../packages/mwsguard/bin/fd-writer.js';
import { BIN, SPAWN_TIMEOUT, git, tempDir, tempRepo, writeTree } from './support/tree.js';

// The bin writes its report with fs.writeSync where stdout or stderr is a file, a pipe or a
// socket, and hands over to Node's stream everywhere else and after any failed write.
interface Handed {
  readonly stream: { readonly isTTY: boolean; readonly destroyed: boolean; write(chunk: Buffer | string): boolean };
  readonly chunks: string[];
  calls: number;
}

function recorder(): Handed {
  const handed: Handed = {
    chunks: [],
    calls: 0,
    stream: {
      isTTY: true,
      destroyed: false,
      write: (chunk) => {
        handed.chunks.push(String(chunk));
        return true;
      },
    },
  };
  return handed;
}

describe('the output stream of a descriptor', () => {
  it('writes to a regular file itself, never creating the Node stream', () => {
    const dir = tempDir();
    try {
      const path = join(dir.dir, 'out.txt');
      const fd = openSync(path, 'w');
      const handed = recorder();
      const out = outputStream(fd, () => {
        handed.calls += 1;
        return handed.stream;
      });
      expect(out.isTTY).toBe(false);
      expect(out.write('first line\n')).toBe(true);
      expect(out.write('zweite Zeile, 第二行\n')).toBe(true);
      closeSync(fd);
      expect(readFileSync(path, 'utf8')).toBe('first line\nzweite Zeile, 第二行\n');
      expect(handed.calls).toBe(0);
      expect(out.destroyed).toBe(false);
    } finally {
      dir.cleanup();
    }
  });

  it('hands a failed write, whole, and everything after it to the Node stream', () => {
    const dir = tempDir();
    try {
      const path = join(dir.dir, 'read-only.txt');
      writeTree(dir.dir, { 'read-only.txt': '' });
      // A file opened for reading: writeSync fails (EBADF), as a full disk or a gone reader would.
      const fd = openSync(path, 'r');
      const handed = recorder();
      const out = outputStream(fd, () => {
        handed.calls += 1;
        return handed.stream;
      });
      out.write('one\n');
      out.write('two\n');
      closeSync(fd);
      expect(handed.calls).toBe(1);
      expect(handed.chunks).toEqual(['one\n', 'two\n']);
    } finally {
      dir.cleanup();
    }
  });

  it('is the Node stream itself for a device (a terminal, /dev/null) and on Windows', () => {
    const handed = recorder();
    const fd = openSync('/dev/null', 'w');
    try {
      expect(outputStream(fd, () => handed.stream)).toBe(handed.stream);
    } finally {
      closeSync(fd);
    }
    const dir = tempDir();
    try {
      const file = openSync(join(dir.dir, 'out.txt'), 'w');
      expect(outputStream(file, () => handed.stream, 'win32')).toBe(handed.stream);
      closeSync(file);
    } finally {
      dir.cleanup();
    }
  });

  it(
    'gives the bin the same report and exit code on a pipe, a file and a terminal-less run',
    { timeout: SPAWN_TIMEOUT },
    async () => {
      const repo = tempRepo();
      const out = tempDir();
      try {
        writeTree(repo.dir, { 'notes.txt': 'nothing here\n' });
        git(repo.dir, 'add', '.');
        const run = (stdout: 'pipe' | number): Promise<{ code: number | null; text: string }> =>
          new Promise((resolve) => {
            const child = spawn(process.execPath, [BIN, 'scan', '--staged', '--format', 'json'], {
              cwd: repo.dir,
              stdio: ['ignore', stdout, 'ignore'],
            });
            let text = '';
            child.stdout?.setEncoding('utf8').on('data', (c: string) => (text += c));
            child.on('close', (code) => {
              resolve({ code, text });
            });
          });
        const piped = await run('pipe');
        const path = join(out.dir, 'report.json');
        const fd = openSync(path, 'w');
        const filed = await run(fd);
        closeSync(fd);
        expect(piped.code).toBe(0);
        expect(filed.code).toBe(0);
        const summary = (text: string): unknown => (JSON.parse(text) as { summary: unknown }).summary;
        expect(summary(readFileSync(path, 'utf8'))).toEqual(summary(piped.text));
      } finally {
        repo.cleanup();
        out.cleanup();
      }
    },
  );
});
