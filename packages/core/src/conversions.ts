/**
 * Conversions that hand on the value they are given: a string conversion or a trim. A key read
 * through one (`seller.t_secret_Key.ToString()`, `auth.getClientSecret().trim()`,
 * `str(shop.secret_key)`, `acct.secret_key.strip()`) is still the key it reads, in any language.
 */

// A trailing conversion: C# `.ToString()`, Java/JS `.toString()`, `.trim()`, `?.trim()`, Python
// `.strip()`, Ruby `.to_s` / `.strip`. Anchored at the end of a value of at most 120 characters.
const CONVERSION_SUFFIX =
  /(?:\??\.(?:ToString|toString|trim|Trim|TrimEnd|TrimStart|trimEnd|trimStart|strip|lstrip|rstrip)\(\s*\)|\.(?:to_s|to_str|strip))$/;
// A wrapping conversion: `String(x)`, `str(x)`, PHP `strval(x)` / `trim(x)`, C# `Convert.ToString(x)`,
// Java `String.valueOf(x)`, `StringUtils.trim(x)`, Hutool `StrUtil.trim(x)`.
const CONVERSION_CALL =
  /^(?:String|str|strval|trim|Convert\.ToString|String\.valueOf|(?:StringUtils|StrUtil)\.trim(?:ToEmpty|ToNull)?)\(\s*([^()\s][^()]{0,100})\)$/;
// A cast: `(string)$row->secret_key`, `(String) map.get("secretKey")`.
const CAST = /^\((?:string|String)\)\s*([^\s()][^()]{0,100})$/;

/** `value` without the conversions around it (at most four, outermost first). */
export function seeThroughConversions(value: string): string {
  let v = value.trim();
  for (let i = 0; i < 4; i++) {
    const next = stripOne(v);
    if (next === v) break;
    v = next;
  }
  return v;
}

function stripOne(v: string): string {
  const suffix = CONVERSION_SUFFIX.exec(v);
  if (suffix) return v.slice(0, suffix.index).trimEnd();
  const inner = CONVERSION_CALL.exec(v)?.[1] ?? CAST.exec(v)?.[1];
  return inner === undefined ? v : inner.trim();
}

// A value with a blank fallback: `$secret_key ?? ''`, `$secret_key ?: ''`, `req.body.secret || ''`,
// `x or None`, PHP's `isset($secret_key) ? $secret_key : ''` (also its tail alone, `$secret_key : ''`,
// when the assignment sits in the ternary's first branch). The value is what the field holds when set.
const BLANK_FALLBACK =
  /^(?:isset\(\s{0,4}([^()\s]{1,80})\s{0,4}\)\s{0,4}\?\s{0,4})?([^\s?:|()]{1,100}(?:\([^()]{0,60}\))?)\s{0,4}(?:\?\?|\?:|\|\||\bor\b|:)\s{0,4}(?:''|""|null|NULL|None|nil|undefined|\[\]|\{\})$/;

/** `value` without a blank fallback (see {@link BLANK_FALLBACK}), or `value` itself. */
export function withoutBlankFallback(value: string): string {
  const m = BLANK_FALLBACK.exec(value.trim());
  // (`isset($a) ? $b : ''` tests another name than it takes: no fallback of `$b`'s.)
  if (m === null || (m[1] !== undefined && m[1] !== m[2])) return value;
  return m[2] ?? value;
}
