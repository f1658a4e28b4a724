import { memberPath } from './value-shape.js';
import type { Evidence, TypeARecord } from './type-a-evidence.js';

/**
 * The findings where a file shows the pattern most plainly ({@link Evidence}): uses only where
 * nothing is declared, hard-coded or typed in; bare reads only where nothing else is, once per owner.
 */
export function strongestEvidence(found: readonly TypeARecord[]): TypeARecord[] {
  const has = (...e: Evidence[]): boolean => found.some((f) => e.includes(f.evidence));
  const primary = has('declared', 'hard-coded', 'input');
  const owners = new Set<string>();
  return found.filter(({ field, evidence }) => {
    if (evidence === 'used') return !primary;
    if (evidence !== 'read') return true;
    if (primary || has('used', 'request')) return false;
    const owner = memberPath(field.value).slice(0, -1).join('.');
    if (owners.has(owner)) return false;
    owners.add(owner);
    return true;
  });
}

/**
 * One finding per collection of hard-coded per-seller records (a config with 41 stores gives one
 * finding at the first, naming 41); declarations, inputs and requests keep one finding each.
 */
export function oncePerCollection(found: readonly TypeARecord[]): TypeARecord[] {
  const firstOf = new Map<string, number>();
  const out: TypeARecord[] = [];
  for (const r of found) {
    if (r.evidence !== 'hard-coded') {
      out.push(r);
      continue;
    }
    const at = firstOf.get(r.field.collection);
    if (at === undefined) {
      firstOf.set(r.field.collection, out.length);
      out.push(r);
    } else {
      const head = out[at];
      if (head) out[at] = { ...head, records: head.records + 1 };
    }
  }
  return out;
}
