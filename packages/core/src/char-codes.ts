/**
 * UTF-16 code units the hand-written scanners compare with `charCodeAt`, by name: `c === OPEN_BRACE`
 * reads as what it means, where `c === 123` must be looked up. Plain numbers, so a comparison
 * costs what the literal did.
 */

export const TAB = 9;
export const LINE_FEED = 10;
export const CARRIAGE_RETURN = 13;
export const SPACE = 32;
export const DOUBLE_QUOTE = 34; // "
export const HASH = 35; // #
export const DOLLAR = 36; // $
export const SINGLE_QUOTE = 39; // '
export const OPEN_PAREN = 40; // (
export const CLOSE_PAREN = 41; // )
export const ASTERISK = 42; // *
export const HYPHEN = 45; // -
export const DOT = 46; // .
export const SLASH = 47; // /
const DIGIT_0 = 48;
const DIGIT_9 = 57;
export const COLON = 58; // :
export const SEMICOLON = 59; // ;
export const LESS_THAN = 60; // <
export const GREATER_THAN = 62; // >
const UPPER_A = 65;
const UPPER_Z = 90;
export const OPEN_BRACKET = 91; // [
export const BACKSLASH = 92; // \
export const CLOSE_BRACKET = 93; // ]
const UNDERSCORE = 95; // _
export const BACKTICK = 96; // `
const LOWER_A = 97;
const LOWER_Z = 122;
export const OPEN_BRACE = 123; // {
export const CLOSE_BRACE = 125; // }
/** The first code unit past ASCII: tables indexed by character hold this many entries. */
export const ASCII_END = 128;
export const NO_BREAK_SPACE = 160;

/** An ASCII letter, digit or underscore: a character of a name in every language core reads. */
export function isWordChar(c: number): boolean {
  return (
    (c >= DIGIT_0 && c <= DIGIT_9) ||
    (c >= UPPER_A && c <= UPPER_Z) ||
    (c >= LOWER_A && c <= LOWER_Z) ||
    c === UNDERSCORE
  );
}
