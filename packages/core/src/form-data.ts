/**
 * A browser form's data built in code: `const fd = new FormData(); fd.append('SecretKey', key)`.
 * Each entry is an input of one form (the `FormData` object), posted as a person typed it, so the
 * entries a script appends are a form's fields, whatever the values are called. Read by
 * `structure.ts`.
 */

// `fd = new FormData(` and `const formData = new FormData(`: the object's name and where it is made.
const FORM_DATA_BINDING = /([A-Za-z_$][\w$]{0,40})\s{0,4}=\s{0,4}new\s+FormData\s{0,4}\(/g;
// An entry appended to an object, up to the quoted name: `fd.append('`, `formData.set("`.
const APPEND = /([A-Za-z_$][\w$]{0,40})\.(?:append|set)\(\s{0,4}["']$/;
// The most bindings read from one text.
const MAX_BINDINGS = 32;

let memoText: string | undefined;
let memoBindings = new Map<string, number>();

/** The `FormData` objects of `text` and where each is made (memoized for the last text). */
function bindingsOf(text: string): Map<string, number> {
  if (text !== memoText) {
    memoText = text;
    memoBindings = new Map();
    if (text.includes('FormData')) {
      FORM_DATA_BINDING.lastIndex = 0;
      for (
        let m = FORM_DATA_BINDING.exec(text);
        m !== null && memoBindings.size < MAX_BINDINGS;
        m = FORM_DATA_BINDING.exec(text)
      )
        if (m[1] !== undefined && !memoBindings.has(m[1])) memoBindings.set(m[1], m.index);
    }
  }
  return memoBindings;
}

/** Where the `FormData` object the name after `before` is appended to is made, or -1. */
export function formDataAt(text: string, before: string): number {
  const receiver = APPEND.exec(before)?.[1];
  return receiver === undefined ? -1 : (bindingsOf(text).get(receiver) ?? -1);
}
