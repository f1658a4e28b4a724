import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Kind } from '@mwsguard/core';

/** A labelled finding: the ground truth a file's scan must equal. */
export interface Label {
  readonly kind: Kind;
  readonly line: number;
  readonly column: number;
}

export const CORPUS_ROOT = fileURLToPath(new URL('../fixtures/corpus/', import.meta.url));

/** Reads a labelled area (`expected.json` keyed by path relative to `root`). */
export function loadLabels(root: string, area: string): Map<string, Label[]> {
  const json = JSON.parse(readFileSync(join(root, area, 'expected.json'), 'utf8')) as Record<string, Label[]>;
  return new Map(Object.entries(json));
}

/** Every file under `dir` except the area's own metadata, as POSIX paths relative to `root`. */
export function listFiles(root: string, dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (!['expected.json', 'README.md', 'LABELING.md'].includes(e.name) || d !== join(root, dir))
        out.push(relative(root, p).split(sep).join('/'));
    }
  };
  walk(join(root, dir));
  return out.sort();
}

/** Decodes a fixture file as the CLI does: UTF-8, or UTF-16 with a BOM. */
export function decodeFixture(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes);
}

/** Precision, recall and F1 per kind, matching on (file, kind, line, column). */
export function score(
  expected: Map<string, readonly Label[]>,
  actual: Map<string, readonly Label[]>,
): Map<Kind | 'all', { tp: number; fp: number; fn: number; f1: number }> {
  const stats = new Map<Kind | 'all', { tp: number; fp: number; fn: number; f1: number }>();
  const bump = (k: Kind | 'all', field: 'tp' | 'fp' | 'fn'): void => {
    const s = stats.get(k) ?? { tp: 0, fp: 0, fn: 0, f1: 0 };
    s[field]++;
    stats.set(k, s);
  };
  const key = (l: Label): string => `${l.kind}:${String(l.line)}:${String(l.column)}`;
  for (const file of new Set([...expected.keys(), ...actual.keys()])) {
    const exp = new Set((expected.get(file) ?? []).map(key));
    const act = new Set((actual.get(file) ?? []).map(key));
    for (const k of act) {
      const kind = k.split(':')[0] as Kind;
      const hit = exp.has(k);
      bump(kind, hit ? 'tp' : 'fp');
      bump('all', hit ? 'tp' : 'fp');
    }
    for (const k of exp) {
      if (act.has(k)) continue;
      const kind = k.split(':')[0] as Kind;
      bump(kind, 'fn');
      bump('all', 'fn');
    }
  }
  for (const s of stats.values()) s.f1 = s.tp === 0 ? 0 : (2 * s.tp) / (2 * s.tp + s.fp + s.fn);
  return stats;
}
