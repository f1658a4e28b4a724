/**
 * A parameter's declared type, read from the parameter list that declares it: TypeScript's and
 * Python's `creds: PlatformCredentials`, Go's `creds domain.ChannelCredentials`, Java's, C#'s and
 * PHP's `ChannelCredentials $creds`. The project pass ties a key read from such a parameter to the
 * record of that type another file keeps (`project-candidates.ts`): what a helper is passed is
 * whatever its callers read, and its type says what that is.
 */

// A type named by two words or more (`ChannelCredentials`, `AmazonAccount`): a one-word type
// (`string`, `Record`, `dict`, `any`) names no record.
// (Also one led by an acronym: `AWSCredentials`, `MWSAccount`, `SPAPICredentials`.)
const RECORD_TYPE = /^(?:[A-Z]{2,6}|[A-Z][a-z0-9]{1,30})(?:[A-Z][a-z0-9]{1,30}){1,6}$/;
// Containers and the platform's own value types, which name no record of the program's.
const LIBRARY_TYPE =
  /^(?:Hash|Json|Array|Linked|Tree|Sorted|Concurrent|Immutable|Read[Oo]nly|Name|Key|Url|Http|Form|Query|Request|Search)[A-Z]|(?:Map|Dictionary|Object|Collection|Request|Context|Params|Options)$/;

// Where a parameter list item starts: its list's `(` or a comma (one item per line allowed).
const ITEM_START = String.raw`[(,]\s{0,40}`;
const MODIFIERS = String.raw`(?:(?:private|public|protected|readonly|final)\s{1,4}){0,2}`;
// A type as written, with its package or namespace (`domain.ChannelCredentials`, `\App\Models\Store`).
const TYPE = String.raw`\\?([A-Za-z_][\w.\\]{0,80})`;

// How far before a read its parameter's declaration is looked for (a function's header and body).
const DECLARATION_REACH = 4000;

/**
 * The name of the record type a parameter named `name` is declared with (its last segment,
 * `ChannelCredentials` of `domain.ChannelCredentials`), or undefined when no such parameter is
 * declared before `at` or its type names no record (see {@link RECORD_TYPE}). The declaration
 * nearest before `at` (within {@link DECLARATION_REACH} characters) is the read's: another
 * function's parameter of the same name, declared further up, is not. `name` is an identifier,
 * PHP's with its `$`.
 */
export function parameterType(text: string, name: string, at = text.length): string | undefined {
  if (!/^\$?[a-z_][\w$]{0,60}$/i.test(name)) return undefined;
  const bare = name.replace(/^\$/, '').replace(/\$/g, '\\$');
  const patterns = [
    // `creds: PlatformCredentials`, `credentials?: AmazonAccount`
    new RegExp(`${ITEM_START}${MODIFIERS}${bare}\\??\\s{0,4}:\\s{0,4}${TYPE}`, 'g'),
    // Go: `creds domain.ChannelCredentials`, `creds *domain.ChannelCredentials`
    new RegExp(`${ITEM_START}${bare}\\s{1,4}\\*?${TYPE}\\s{0,4}[,)]`, 'g'),
    // Java, C#, PHP: `ChannelCredentials creds`, `?AmazonAccount $account = null`
    new RegExp(`${ITEM_START}${MODIFIERS}\\??${TYPE}(?:<[^<>()]{0,80}>)?\\s{1,4}\\$?${bare}\\s{0,4}[,)=]`, 'g'),
  ];
  const window = text.slice(Math.max(0, at - DECLARATION_REACH), at);
  let nearest: { index: number; written: string } | undefined;
  for (const pattern of patterns)
    for (let m = pattern.exec(window); m !== null; m = pattern.exec(window))
      if (m[1] !== undefined && (nearest === undefined || m.index > nearest.index))
        nearest = { index: m.index, written: m[1] };
  if (nearest === undefined) return undefined;
  const type = nearest.written.split(/[.\\]/).at(-1) ?? '';
  return RECORD_TYPE.test(type) && !LIBRARY_TYPE.test(type) ? type : undefined;
}
