/**
 * The components of a Java or C# `record`, declared in its header as typed parameters:
 * `public record SellerCredentials(Long id, String sellerId, String accessKey, String secretKey) {}`,
 * `record Seller(string SellerId, string SecretKey);`. Each is a field of the record, as a class's
 * fields are. Read by `structure.ts` on the (at most 300) characters before a name.
 */

// The header up to a component's name: `record Name(`, earlier components, then this one's type.
const RECORD_HEADER =
  /\brecord\s{1,4}\w{1,60}\s{0,4}\((?:[^()]{0,200},)?\s{0,8}(?:@\w{1,40}\s{1,4})?[\w<>[\]?.]{1,60}\s{1,4}$/;

/** The offset just inside the `(` of the record header whose component name starts at `at`, or -1. */
export function recordHeaderAt(text: string, at: number): number {
  const from = Math.max(0, at - 300);
  const m = RECORD_HEADER.exec(text.slice(from, at));
  return m === null ? -1 : from + m.index + m[0].indexOf('(') + 1;
}
