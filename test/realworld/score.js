// Scoring of the real-world corpus (`test/fixtures/realworld/`, rules in its LABELING.md), shared
// by `pnpm eval` (eval.js, on the built packages) and the corpus test (realworld.test.ts, on the
// sources). Pure: the caller passes the scan function, so both run the same arithmetic.

import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REALWORLD_ROOT = fileURLToPath(new URL('../fixtures/realworld/', import.meta.url));

/** The header comment every fixture starts with (LABELING.md): `Shape of: owner/repo@<sha>:path`. */
export const PROVENANCE = /Shape of:\s*[\w.-]+\/[\w.-]+@[0-9a-f]{7,40}:\S+/;
/** The `source` of a labels.json: `owner/repo@<sha>`. */
export const SOURCE = /^[\w.-]+\/[\w.-]+@[0-9a-f]{7,40}$/;

/**
 * @typedef {{ kind: string, line: number, endLine?: number, why?: string }} RealLabel
 * @typedef {{ source: string, what: string, split: string, files: Record<string, RealLabel[]> }} FolderLabels
 * @typedef {{ name: string, labels: FolderLabels, files: string[] }} Folder
 * @typedef {{ kind: string, line: number, endLine?: number }} Hit
 * @typedef {{ tp: number, fp: number, fn: number, dup: number }} Counts
 * @typedef {{ kinds: Map<string, Counts>, typeAFiles: number, typeAFound: number, flaggedFiles: number, flaggedClean: number, misses: string[], alarms: string[], missedFiles: string[] }} SplitScore
 */

/** Every repository folder of the corpus, with its labels and its files (POSIX, folder-relative). */
export function loadFolders(root = REALWORLD_ROOT) {
  /** @type {Folder[]} */
  const folders = [];
  for (const e of readdirSync(root, { withFileTypes: true })) {
    if (!e.isDirectory()) continue;
    const dir = join(root, e.name);
    /** @type {FolderLabels} */
    const labels = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8'));
    folders.push({ name: e.name, labels, files: listFiles(dir) });
  }
  return folders.sort((a, b) => a.name.localeCompare(b.name));
}

/** @param {string} dir */
function listFiles(dir) {
  /** @type {string[]} */
  const out = [];
  /** @param {string} d */
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (!(d === dir && e.name === 'labels.json')) out.push(relative(dir, p).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** Reads a fixture as the CLI does (UTF-8; a leading BOM is the engine's to skip). @param {string} path */
export function readFixture(path) {
  return readFileSync(path, 'utf8');
}

/**
 * A finding matches a label of its kind on its line; a shared-credentials finding also matches
 * anywhere inside the label's `line..endLine`, and a shared-credentials label also matches a
 * finding whose own span covers the label's line (a record reported once, at its first field).
 * @param {RealLabel} label
 * @param {Hit} hit
 */
export function matches(label, hit) {
  if (label.kind !== hit.kind) return false;
  if (label.line === hit.line) return true;
  if (label.kind !== 'shared-credentials') return false;
  const end = label.endLine ?? label.line;
  if (hit.line >= label.line && hit.line <= end) return true;
  return hit.endLine !== undefined && hit.line <= label.line && label.line <= hit.endLine;
}

/**
 * Scores one split. Each label is matched by at most one finding and each finding by at most one
 * label; what is left is fn and fp.
 * @param {Folder[]} folders
 * @param {(text: string, path: string, folder: Folder) => Hit[]} scan
 * @param {string} split
 * @param {string} root
 * @returns {SplitScore}
 */
export function scoreSplit(folders, scan, split, root = REALWORLD_ROOT) {
  /** @type {Map<string, Counts>} */
  const kinds = new Map();
  /** @param {string} kind */
  const counts = (kind) => {
    let c = kinds.get(kind);
    if (!c) kinds.set(kind, (c = { tp: 0, fp: 0, fn: 0, dup: 0 }));
    return c;
  };
  let typeAFiles = 0;
  let typeAFound = 0;
  // Files with a shared-credentials finding, and those of them with no shared-credentials label:
  // a user reads a report file by file, so a file flagged wholly wrongly is the costly alarm.
  let flaggedFiles = 0;
  let flaggedClean = 0;
  /** @type {string[]} */
  const misses = [];
  /** @type {string[]} */
  const alarms = [];
  // Type-A files with no label found: the per-file recall's misses.
  /** @type {string[]} */
  const missedFiles = [];
  for (const folder of folders) {
    if (folder.labels.split !== split) continue;
    for (const file of folder.files) {
      const labels = folder.labels.files[file] ?? [];
      const hits = scan(readFixture(join(root, folder.name, file)), file, folder);
      const used = new Set();
      const matched = new Set();
      for (const label of labels) {
        const i = hits.findIndex((h, k) => !used.has(k) && matches(label, h));
        if (i === -1) {
          counts(label.kind).fn++;
          misses.push(`${folder.name}/${file}:${label.line} ${label.kind}`);
        } else {
          used.add(i);
          matched.add(label);
          counts(label.kind).tp++;
        }
      }
      hits.forEach((h, k) => {
        if (used.has(k)) return;
        // A second finding inside a record already matched is the same structure reported again:
        // noise (counted as `dup`), not a false alarm.
        if (labels.some((l) => matched.has(l) && matches(l, h))) {
          counts(h.kind).dup++;
          return;
        }
        counts(h.kind).fp++;
        alarms.push(`${folder.name}/${file}:${h.line} ${h.kind}`);
      });
      const typeA = labels.filter((l) => l.kind === 'shared-credentials');
      if (hits.some((h) => h.kind === 'shared-credentials')) {
        flaggedFiles++;
        if (typeA.length === 0) flaggedClean++;
      }
      if (typeA.length > 0) {
        typeAFiles++;
        if (typeA.some((l) => matched.has(l))) typeAFound++;
        else missedFiles.push(`${folder.name}/${file}`);
      }
    }
  }
  return { kinds, typeAFiles, typeAFound, flaggedFiles, flaggedClean, misses, alarms, missedFiles };
}

/**
 * A scan function for {@link scoreSplit} that scans each repository folder as one project, as the
 * CLI scans a directory: core's `scanProject` (per-file findings plus the project pass's confirmed
 * candidates), each folder once, when it first asks for one of its files. Without `scanProject`
 * (an older core, `--core`) or with `perFile`, each file alone.
 * @param {{ scanText: (text: string, o: { path: string }) => Hit[], scanProject?: (t: { file: string, text: string }[]) => Map<string, { reported: Hit[] }> }} core
 * @param {boolean} [perFile]
 * @param {string} [root]
 * @returns {(text: string, path: string, folder: Folder) => Hit[]}
 */
export function folderScanner(core, perFile = false, root = REALWORLD_ROOT) {
  /** @param {Hit} h */
  const hit = ({ kind, line, endLine }) => ({ kind, line, endLine });
  const { scanProject } = core;
  if (perFile || scanProject === undefined) return (text, path) => core.scanText(text, { path }).map(hit);
  /** @type {Map<string, Hit[]> | undefined} */
  let current;
  let currentName = '';
  return (_text, path, folder) => {
    if (current === undefined || currentName !== folder.name) {
      const texts = folder.files.map((file) => ({ file, text: readFixture(join(root, folder.name, file)) }));
      current = new Map([...scanProject(texts)].map(([file, r]) => [file, r.reported.map(hit)]));
      currentName = folder.name;
    }
    return current.get(path) ?? [];
  };
}

/** @param {number} n @param {number} d */
export const ratio = (n, d) => (d === 0 ? 1 : n / d);

/** Precision and recall of a kind's counts. @param {Counts} c */
export function rates(c) {
  return { precision: ratio(c.tp, c.tp + c.fp), recall: ratio(c.tp, c.tp + c.fn) };
}

/** The counts of every value kind (all but shared-credentials) summed. @param {SplitScore} s */
export function valueKinds(s) {
  const sum = { tp: 0, fp: 0, fn: 0, dup: 0 };
  for (const [kind, c] of s.kinds) {
    if (kind === 'shared-credentials') continue;
    sum.tp += c.tp;
    sum.fp += c.fp;
    sum.fn += c.fn;
    sum.dup += c.dup;
  }
  return sum;
}

/** A table of one split's figures, one line per kind. @param {string} split @param {SplitScore} s */
export function formatSplit(split, s) {
  const f = (/** @type {number} */ x) => x.toFixed(2);
  const lines = [`${split}:`, '  kind                  tp    fp    fn   dup  precision  recall'];
  const row = (/** @type {string} */ name, /** @type {Counts} */ c) => {
    const r = rates(c);
    lines.push(
      `  ${name.padEnd(20)}${String(c.tp).padStart(4)}${String(c.fp).padStart(6)}${String(c.fn).padStart(6)}${String(c.dup).padStart(6)}` +
        `${f(r.precision).padStart(11)}${f(r.recall).padStart(8)}`,
    );
  };
  for (const kind of [...s.kinds.keys()].sort()) row(kind, /** @type {Counts} */ (s.kinds.get(kind)));
  row('(value kinds)', valueKinds(s));
  lines.push(
    `  shared-credentials per-file recall: ${String(s.typeAFound)}/${String(s.typeAFiles)} = ${f(ratio(s.typeAFound, s.typeAFiles))}`,
    `  shared-credentials per-file precision: ${String(s.flaggedFiles - s.flaggedClean)}/${String(s.flaggedFiles)} = ${f(ratio(s.flaggedFiles - s.flaggedClean, s.flaggedFiles))} (files flagged that hold type A)`,
  );
  return lines.join('\n');
}
