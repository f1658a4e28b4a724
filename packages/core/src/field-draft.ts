import type { LineIndex } from './locate.js';
import type { NameRole } from './names.js';
import type { ValueShape } from './value-shape.js';

/**
 * The shared vocabulary of the field readers (`field-readers.ts` and the families it calls): a
 * name found in the text, the text around it, and what a reader makes of it. Kept apart from the
 * readers so that each family's module needs only this, not the others.
 */

/** A name that may be a field, as the token pass finds it (`structure.ts`). */
export interface TokenHit {
  readonly start: number;
  readonly end: number;
  readonly full: string;
  readonly leaf: string;
  readonly prefix: string;
  readonly role: NameRole;
  /** Where the whole key starts (`$store` in `$store['Acme']['secretKey']`). */
  readonly keyStart: number;
  /** A generic name (`key`, `secret`) given a key role (see `isMwsGenericField`). */
  readonly generic: boolean;
  /** The label that gave a vague name its role (`labelled-entries.ts`): `MWS Secret Key`. */
  readonly label?: string;
}

/**
 * What the text around a name says about its field, before the layout places it in a record:
 * the value's shape and where the record is read from (an offset, the bracket around the name,
 * or the HTML form before it).
 */
export interface FieldDraft {
  readonly shape: ValueShape;
  readonly value: string;
  readonly recordAt: number | 'container' | 'form';
  readonly prefix: string;
  readonly declLine: string;
  readonly isRead: boolean;
  readonly clientArgument?: boolean;
  readonly passedOn?: boolean;
  readonly isFormField: boolean;
  readonly persisted: boolean;
  readonly formInput: boolean;
}

/** A draft; `shorthand`: only the layout can tell; `undefined`: the name is no field. */
export type FieldReading = FieldDraft | 'shorthand' | undefined;
/** `null`: no syntax of this family is at the name, so the next family reads it (order matters). */
export type FamilyReading = FieldReading | null;

/** The text around one name, cut once and shared by every family of readers. */
export interface FieldContext {
  readonly text: string;
  readonly hit: TokenHit;
  readonly index: LineIndex;
  readonly line: number;
  readonly lineStart: number;
  readonly lineEnd: number;
  /** Up to 80 characters of the name's line before it. */
  readonly before: string;
  /** Up to 160 characters of the name's line after it. */
  readonly after: string;
  /** The separator after the name (`=`, `=>`, `:=`, `:` or `,`), when one follows. */
  readonly sep: RegExpExecArray | null;
}

/**
 * A draft that says only what differs from a plain name: its record is read where the whole key
 * starts, under the key's own prefix, with no value and no flag set.
 */
export function draft(c: FieldContext, fields: Partial<FieldDraft> & Pick<FieldDraft, 'shape'>): FieldDraft {
  return {
    value: '',
    recordAt: c.hit.keyStart,
    prefix: c.hit.prefix,
    declLine: '',
    isRead: false,
    clientArgument: false,
    isFormField: false,
    persisted: false,
    formInput: false,
    ...fields,
  };
}

/**
 * What the text alone says about a shorthand: only a name of its own (no `a.b` prefix) that
 * follows `{`, `(` or `,` can be one. The layout decides the rest (`shorthand` in `structure.ts`).
 */
export function mayBeShorthand(text: string, hit: TokenHit): 'shorthand' | undefined {
  if (hit.prefix !== '') return undefined;
  // (`[` too: the first name of a quoted list, `fields = ['seller_id', …]`; and a column a MyBatis
  // condition adds to the list, `<if test="secretKey != null">` above `` `secret_key` ``.)
  const near = text.slice(Math.max(0, hit.start - 40), hit.start);
  if (/[[{(,]\s*["'`]?$/.test(near)) return 'shorthand';
  // (The tag is read only when the name follows a `>`: the wider slice is the rare case.)
  if (!/>\s*["'`]?$/.test(near)) return undefined;
  const tagged = /<(?:(?:if|when)\s[^<>]{0,200}|otherwise)>\s*["'`]?$/;
  return tagged.test(text.slice(Math.max(0, hit.start - 240), hit.start)) ? 'shorthand' : undefined;
}
