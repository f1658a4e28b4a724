import { assignmentValues, firstAssignment } from './assignments.js';
import { ParameterBindings } from './parameter-bindings.js';
import type { Resolve } from './type-a-evidence.js';
import { IDENTIFIER } from './value-shape.js';

/**
 * What a name in a text stands for, as the `shared-credentials` detector resolves a key's or a
 * seller id's value: the name's first assignment, else (a parameter) the argument the text's calls
 * pass for it (`parameter-bindings.ts`) through that argument's own assignment, else (PHP) the
 * submitted field `extract($_REQUEST)` made a variable of. At most 20 names are read per text.
 */

// PHP copying the submitted fields into variables: `extract($_REQUEST)`, `extract($_POST)`,
// CodeIgniter `extract($this->input->post())`.
const EXTRACTED_REQUEST = /\bextract\(\s{0,4}(?:\$_(?:REQUEST|POST|GET)\b|\$this->input->(?:post|get)\()/;

// PHP's `global $aws_access_key_id, $secret_key;` (at most 50 declarations read).
const GLOBAL_DECLARATION = /\bglobal\s{1,4}([^;\n]{1,200});/g;

/** The names a PHP text declares `global`. */
function globalNames(text: string): Set<string> {
  const names = new Set<string>();
  GLOBAL_DECLARATION.lastIndex = 0;
  let reads = 0;
  for (let m = GLOBAL_DECLARATION.exec(text); m !== null && reads < 50; m = GLOBAL_DECLARATION.exec(text), reads++)
    for (const name of (m[1] ?? '').split(',')) names.add(name.trim());
  return names;
}

const assignedValue = (text: string, name: string): string | undefined => firstAssignment(text, name)?.value;

/**
 * A resolver of a text's names (see the module comment) that also says whether a name is a
 * parameter of one of the text's functions that no call binds (a value its callers pass).
 */
export type TextResolve = Resolve & { readonly unboundParameter: (name: string) => boolean };

/** A resolver for `text`'s names (see the module comment); each name is read once. */
export function textResolver(text: string): TextResolve {
  let resolutions = 0;
  const resolved = new Map<string, string | undefined>();
  const bindings = new ParameterBindings(text);
  let extracted: boolean | undefined;
  let globals: ReadonlySet<string> | undefined;
  const valueOf = (name: string): string | undefined => {
    const assigned = assignedValue(text, name);
    if (assigned !== undefined) return assigned;
    const bound = bindings.bound(name);
    if (bound !== undefined)
      return IDENTIFIER.test(bound) && bound !== name ? (assignedValue(text, bound) ?? bound) : bound;
    // PHP's `extract($_REQUEST)` makes every submitted field a variable of its name: an unassigned
    // `$secret_key` is then the submitted `secret_key`.
    // (Not a function's parameter, nor a name declared `global`: neither comes from the request.)
    extracted ??= EXTRACTED_REQUEST.test(text);
    if (!extracted || !/^\$\w{1,60}$/.test(name) || bindings.isParameter(name)) return undefined;
    globals ??= globalNames(text);
    return globals.has(name) ? undefined : `body.${name.slice(1)}`;
  };
  // (Only a name not yet resolved counts against the budget: one read per name.)
  const resolve = (name: string): string | undefined => {
    if (!resolved.has(name)) {
      if (++resolutions > 20) return undefined;
      resolved.set(name, valueOf(name));
    }
    return resolved.get(name);
  };
  // (A parameter its callers fill from their own parameter, `getToken(account, creds)` inside
  // `sync(account, creds)`, is still passed in: one level is followed.)
  const unboundParameter = (name: string): boolean => {
    if (!bindings.isParameter(name)) return false;
    const bound = bindings.bound(name);
    if (bound === undefined) return true;
    // (Not when the caller's name is a local it assigned, `const creds = await db.account.findUnique(…)`.)
    return (
      IDENTIFIER.test(bound) &&
      bindings.isParameter(bound) &&
      firstAssignment(text, bound) === undefined &&
      (bound === name || bindings.bound(bound) === undefined)
    );
  };
  return Object.assign(resolve, {
    unboundParameter,
    assignments: (name: string) => assignmentValues(text, name),
    parameter: (name: string) => bindings.isParameter(name) && bindings.bound(name) !== name,
  });
}
