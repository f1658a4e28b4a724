/**
 * The function a place in a text sits in, by its header's name: what the function is for
 * (`def coupang_creds`, `function add_dev_account`) says whose keys it handles.
 */

// A function's header: Python `def`, JS/PHP `function`, Go `func` (also a method), Rust `fn`, and
// a JS arrow function bound to a name (`const coupangCreds = (account) =>`).
const FUNCTION_HEADER =
  /(?:\bdef|\bfunction|\bfunc(?:\s{0,4}\([^()\n]{0,60}\))?|\bfn)\s{1,4}([\w$]{1,60})\s{0,4}\(|\b(?:const|let|var)\s{1,4}([\w$]{1,60})\s{0,4}=\s{0,4}(?:async\s{1,4})?\([^()\n]{0,80}\)\s{0,4}=>/g;
/** How far above a place its function's header may be. */
const FUNCTION_REACH = 600;

/**
 * The name of the nearest function declared above `at` (within {@link FUNCTION_REACH} characters)
 * when `at` is inside it: below a `def`, every line between is indented deeper; after a
 * brace-delimited header, its braces are still open. Undefined otherwise (also for methods
 * declared without a keyword, as in Java or C#).
 */
export function enclosingFunctionName(text: string, at: number): string | undefined {
  const before = text.slice(Math.max(0, at - FUNCTION_REACH), at);
  let header: RegExpExecArray | undefined;
  FUNCTION_HEADER.lastIndex = 0;
  for (let m = FUNCTION_HEADER.exec(before); m !== null; m = FUNCTION_HEADER.exec(before)) header = m;
  const name = header?.[1] ?? header?.[2];
  if (header === undefined || name === undefined) return undefined;
  const inside = header[0].startsWith('def')
    ? indentedUnder(before, header.index)
    : bracesOpen(before.slice(header.index + header[0].length));
  return inside ? name : undefined;
}

/** True when every line after the `def` line at `at` (in `text`) is blank or indented deeper than it. */
function indentedUnder(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf('\n', at) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart, at))?.[0].length ?? 0;
  const lines = text.slice(text.indexOf('\n', at) + 1).split('\n');
  return lines.every((line) => line.trim() === '' || (/^[ \t]*/.exec(line)?.[0].length ?? 0) > indent);
}

/** True when more braces open than close in `text` (the function's body is still open). */
function bracesOpen(text: string): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 123) depth++;
    else if (c === 125 && --depth < 0) return false;
  }
  return depth > 0;
}
