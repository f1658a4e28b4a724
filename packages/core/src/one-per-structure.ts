import { Layout } from './layout.js';
import type { RawFinding, ScanContext } from './types.js';

/**
 * One `shared-credentials` finding per structure. Both judges may describe one call: Ruby peddler's
 * `MWS.orders(merchant_id: shop.merchant_id, aws_access_key_id: shop.key, …)` is a request for a
 * varying seller without a token (`untokened-requests.ts`) and a record of the seller's own keys
 * (`shared-credentials.ts`). The keys read from the seller's record are the graver fact, and their
 * fix (delete and rotate the keys, ask for a token) covers the missing token: the record judge's
 * finding stands, the missing-token finding of the same call goes.
 */

// What may stand before a `{` that opens a block (a function or loop body), not an object or a
// call's arguments: `) {`, `=> {`, `else {`, a Ruby `do`. A URL in a string inside a body is one
// statement of it, not the whole body.
const BLOCK_HEAD = /(?:\)|=>|\b(?:else|do|try|finally))\s*$/;

/** `raw` without the missing-token findings whose call also holds a record-judge finding. */
export function onePerStructure(ctx: ScanContext, raw: readonly RawFinding[]): readonly RawFinding[] {
  const records: number[] = [];
  let requests = 0;
  for (const r of raw) {
    if (r.kind !== 'shared-credentials') continue;
    if (r.typeA?.form === 'missing-token') requests++;
    else records.push(r.start);
  }
  if (requests === 0 || records.length === 0) return raw;
  // Sorted, so each request costs a binary search, not a pass over every record.
  records.sort((a, b) => a - b);
  const layout = new Layout(ctx.text, ctx.index);
  return raw.filter((r) => {
    if (r.typeA?.form !== 'missing-token') return true;
    const [from, to] = callSpan(ctx, layout, r.start);
    return (records[firstAtOrAfter(records, from)] ?? Infinity) >= to;
  });
}

/**
 * The span of the call or object around `at`: its innermost bracket when that is a call's
 * arguments, a list or an object; otherwise (a URL in a string, a setter's own parentheses aside)
 * the line of `at`.
 */
function callSpan(ctx: ScanContext, layout: Layout, at: number): [number, number] {
  const opener = layout.containerAt(at);
  if (opener >= 0) {
    const head = ctx.text.slice(Math.max(0, opener - 20), opener);
    if (ctx.text.charAt(opener) !== '{' || !BLOCK_HEAD.test(head)) {
      return [opener, layout.closerOf(opener) ?? ctx.text.length];
    }
  }
  const line = ctx.index.lineOf(at);
  return [ctx.index.lineStart(line), ctx.index.lineEnd(line, ctx.text)];
}

/** Index of the first of the sorted `offsets` at or after `from` (`offsets.length`: none). */
function firstAtOrAfter(offsets: readonly number[], from: number): number {
  let lo = 0;
  let hi = offsets.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((offsets[mid] ?? Infinity) < from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
