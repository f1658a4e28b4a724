import { describe, expect, it } from 'vitest';
import { GITLINK_MODE, SYMLINK_MODE, parsePatchLog, unquote } from '../src/patch.js';
import type { PatchEntry } from '../src/patch.js';

// Canned `git log -p -U0 --full-index --diff-merges=dense-combined --format=…` output, as git
// 2.x prints it (made with a throwaway repository; ids shortened where only their shape counts).
const header = (sha: string, message = ''): string =>
  `\u0001${sha}\u001fAn Author\u001fauthor@example.com\u001f2024-01-02T03:04:05+01:00\n${message}\n`;
const ZERO = '0'.repeat(40);
const blob = (c: string): string => c.repeat(40);

async function parse(text: string): Promise<PatchEntry[]> {
  const out: PatchEntry[] = [];
  for await (const entry of parsePatchLog(text.split('\n'))) out.push(entry);
  return out;
}

const files = (entries: PatchEntry[]): Omit<Extract<PatchEntry, { type: 'file' }>, 'commit' | 'type'>[] =>
  entries.flatMap((e) =>
    e.type === 'file' ? [{ path: e.path, blob: e.blob, mode: e.mode, binary: e.binary, added: e.added }] : [],
  );

describe('parsePatchLog', () => {
  it('reads each commit and the lines its files added', async () => {
    const entries = await parse(
      `${header('a'.repeat(40))}
diff --git a/a.txt b/a.txt
new file mode 100644
index ${ZERO}..${blob('1')}
--- /dev/null
+++ b/a.txt
@@ -0,0 +1,2 @@
+one
+two
${header('b'.repeat(40))}
diff --git a/a.txt b/a.txt
deleted file mode 100644
index ${blob('1')}..${ZERO}
--- a/a.txt
+++ /dev/null
@@ -1,2 +0,0 @@
-one
-two
diff --git a/b.txt b/b.txt
index ${blob('2')}..${blob('3')} 100644
--- a/b.txt
+++ b/b.txt
@@ -2 +2 @@ one
-two
+main
@@ -5,0 +6,2 @@ five
+six
+seven
\\ No newline at end of file
`,
    );
    expect(entries.map((e) => e.type)).toEqual(['commit', 'file', 'commit', 'file']);
    expect(entries[0]).toEqual({
      type: 'commit',
      commit: {
        sha: 'a'.repeat(40),
        author: 'An Author',
        email: 'author@example.com',
        date: '2024-01-02T03:04:05+01:00',
        message: '',
      },
    });
    // The deletion leads to no file (no +++ path), so it yields nothing.
    expect(files(entries)).toEqual([
      { path: 'a.txt', blob: blob('1'), mode: '100644', binary: false, added: [1, 2] },
      { path: 'b.txt', blob: blob('3'), mode: '100644', binary: false, added: [2, 6, 7] },
    ]);
    const last = entries[3];
    expect(last?.type === 'file' ? last.commit.sha : '').toBe('b'.repeat(40));
  });

  it('counts in a merge only the lines that differ from every parent', async () => {
    const entries = await parse(
      `${header('c'.repeat(40))}
diff --cc b.txt
index ${blob('4')},${blob('5')}..${blob('6')}
--- a/b.txt
+++ b/b.txt
@@@ -2,1 -2,1 +2,4 @@@ one
 +main
+ side
++resolved
- two
++again
`,
    );
    // Line 2 comes from the first parent, 3 from the second; 4 and 5 are the merge's own.
    expect(files(entries)).toEqual([{ path: 'b.txt', blob: blob('6'), mode: undefined, binary: false, added: [4, 5] }]);
  });

  it('marks binary files and takes their path from the `Binary files` line', async () => {
    const entries = await parse(
      `${header('d'.repeat(40))}
diff --git a/img/logo.png b/img/logo.png
new file mode 100644
index ${ZERO}..${blob('7')}
Binary files /dev/null and b/img/logo.png differ
diff --git "a/caf\\303\\251 \\"x\\".bin" "b/caf\\303\\251 \\"x\\".bin"
index ${blob('8')}..${blob('9')} 100644
Binary files "a/caf\\303\\251 \\"x\\".bin" and "b/caf\\303\\251 \\"x\\".bin" differ
`,
    );
    expect(files(entries)).toEqual([
      { path: 'img/logo.png', blob: blob('7'), mode: '100644', binary: true, added: [] },
      { path: 'café "x".bin', blob: blob('9'), mode: '100644', binary: true, added: [] },
    ]);
  });

  it('unquotes C-quoted paths and reads a rename (--no-renames) as a deletion and an addition', async () => {
    const entries = await parse(
      `${header('e'.repeat(40))}
diff --git a/old.env b/old.env
deleted file mode 100644
index ${blob('1')}..${ZERO}
--- a/old.env
+++ /dev/null
@@ -1 +0,0 @@
-KEY=1
diff --git "a/tab\\t\\"q\\".env" "b/tab\\t\\"q\\".env"
new file mode 100644
index ${ZERO}..${blob('1')}
--- /dev/null
+++ "b/tab\\t\\"q\\".env"
@@ -0,0 +1 @@
+KEY=1
`,
    );
    expect(files(entries)).toEqual([
      { path: 'tab\t"q".env', blob: blob('1'), mode: '100644', binary: false, added: [1] },
    ]);
  });

  it('reports the modes of symbolic links and submodules, which the scan skips', async () => {
    const entries = await parse(
      `${header('f'.repeat(40))}
diff --git a/link b/link
new file mode 120000
index ${ZERO}..${blob('a')}
--- /dev/null
+++ b/link
@@ -0,0 +1 @@
+b.txt
\\ No newline at end of file
diff --git a/sub b/sub
new file mode 160000
index ${ZERO}..${blob('b')}
--- /dev/null
+++ b/sub
@@ -0,0 +1 @@
+Subproject commit ${blob('b')}
diff --git a/tool.sh b/tool.sh
old mode 100644
new mode 100755
`,
    );
    expect(files(entries).map((f) => [f.path, f.mode])).toEqual([
      ['link', SYMLINK_MODE],
      ['sub', GITLINK_MODE],
    ]);
  });

  it('keeps the lines between a commit header and its first file as the message', async () => {
    const entries = await parse(
      `${header('1'.repeat(40), 'Add config\n\nKEY=placeholder\n')}
diff --git a/a b/a
new file mode 100644
index ${ZERO}..${blob('c')}
--- /dev/null
+++ b/a
@@ -0,0 +1 @@
+x
${header('2'.repeat(40))}`,
    );
    const commits = entries.flatMap((e) => (e.type === 'commit' ? [e.commit] : []));
    expect(commits.map((c) => c.message)).toEqual(['Add config\n\nKEY=placeholder', '']);
    expect(files(entries)).toHaveLength(1);
  });

  it('yields nothing for empty input', async () => {
    expect(await parse('')).toEqual([]);
  });
});

describe('unquote', () => {
  it('undoes git C-style quoting and leaves plain paths alone', () => {
    expect(unquote('"b/caf\\303\\251\\tx"')).toBe('b/café\tx');
    expect(unquote('"a\\\\b\\"c"')).toBe('a\\b"c');
    expect(unquote('b/plain path')).toBe('b/plain path');
    expect(unquote('"')).toBe('"');
  });
});
