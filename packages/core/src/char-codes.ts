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
export const SINGLE_QUOTE = 39; // '
export const OPEN_PAREN = 40; // (
export const CLOSE_PAREN = 41; // )
export const ASTERISK = 42; // *
export const HYPHEN = 45; // -
export const SLASH = 47; // /
export const DIGIT_0 = 48;
export const DIGIT_9 = 57;
export const SEMICOLON = 59; // ;
export const UPPER_A = 65;
export const UPPER_Z = 90;
export const OPEN_BRACKET = 91; // [
export const BACKSLASH = 92; // \
export const CLOSE_BRACKET = 93; // ]
export const UNDERSCORE = 95; // _
export const BACKTICK = 96; // `
export const LOWER_A = 97;
export const LOWER_Z = 122;
export const OPEN_BRACE = 123; // {
export const CLOSE_BRACE = 125; // }
/** The first code unit past ASCII: tables indexed by character hold this many entries. */
export const ASCII_END = 128;
export const NO_BREAK_SPACE = 160;
