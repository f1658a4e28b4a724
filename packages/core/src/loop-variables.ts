/**
 * The variables a text binds to each item of a collection in turn, in any language: C#
 * `foreach (var shop in shops)`, PHP `foreach ($stores as $store)`, Python and Ruby
 * `for account in accounts`, JS `for (const s of sellers)` and `.forEach((s) =>`, Java
 * `for (Shop shop : shops)`, Ruby `.each do |shop|`, Go `for _, shop := range shops`. Keys read
 * from such a variable are each item's own: every pass of the loop signs with another record's
 * keys. A loop over regions, endpoints, marketplaces or configurations walks the developer's own
 * keys per region, and is left out. Read by `type-a-records.ts`.
 */

// Loops naming the variable and then the collection (`for x in xs`, `for (T x : xs)`, `for _, x := range xs`).
const VARIABLE_FIRST =
  /\bfor(?:each)?[ \t]{0,4}\(?[ \t]{0,4}(?:(?:var|let|const|final|val)[ \t]{1,4}|[\w<>.?]{1,40}[ \t]{1,4})?(?:_[ \t]{0,4},[ \t]{0,4})?([A-Za-z_]\w{0,40})[ \t]{1,4}(?:in|of|:|:=[ \t]{0,4}range)[ \t]{1,4}([\w$.>-]{1,80})/g;
// Loops naming the collection first (PHP `foreach ($xs as $x)`, `xs.forEach((x) =>`, `xs.each do |x|`,
// `xs.map(x =>`), from the loop's keyword on; the collection is read before it (COLLECTION).
const COLLECTION_FIRST =
  /\sas[ \t]{1,4}(?:\$\w{1,40}[ \t]{0,4}=>[ \t]{0,4})?\$(\w{1,40})|\.(?:forEach|each|map|each_with_index)[ \t]{0,4}(?:\([ \t]{0,4}(?:async[ \t]{1,4})?\(?[ \t]{0,4}([A-Za-z_$]\w{0,40})|(?:do|\{)[ \t]{0,4}\|[ \t]{0,4}([a-z_]\w{0,40}))/g;
// The collection before such a keyword, read on at most 80 characters.
const COLLECTION = /[\w$.>-]{1,80}$/;
// Collections of the developer's own keys (one pair per region or environment), or of anything
// that is not a record of its own (`range(10)`, `keys`, `items()`).
const NOT_RECORDS =
  /region|endpoint|marketplace|config|setting|environment|\benvs?\b|site|host|domain|\brange\b|\bkeys\b|items\b|values\b|\b\d/i;
// The most loops read from one text.
const MAX_LOOPS = 50;

/** The loop variables of `text` bound to the items of a collection of records. */
export function loopVariables(text: string): Set<string> {
  const names = new Set<string>();
  const add = (name: string | undefined, collection: string | undefined): void => {
    if (name !== undefined && collection !== undefined && !NOT_RECORDS.test(collection)) names.add(name);
  };
  VARIABLE_FIRST.lastIndex = 0;
  let n = 0;
  for (let m = VARIABLE_FIRST.exec(text); m !== null && n < MAX_LOOPS; m = VARIABLE_FIRST.exec(text), n++)
    add(m[1], m[2]);
  COLLECTION_FIRST.lastIndex = 0;
  n = 0;
  for (let m = COLLECTION_FIRST.exec(text); m !== null && n < MAX_LOOPS; m = COLLECTION_FIRST.exec(text), n++)
    add(m[1] ?? m[2] ?? m[3], COLLECTION.exec(text.slice(Math.max(0, m.index - 80), m.index))?.[0]);
  return names;
}
