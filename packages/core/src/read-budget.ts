/**
 * How much text the field readers of `structure.ts` may read around key names. Reading one name
 * reads up to 160 characters either side of it on its line, with a few dozen patterns, and makes
 * a `Field`. That is nothing in ordinary text, where names are far apart; but a text packed with
 * key names on long lines (`secret_key=secret_key=…`, `"secretKey": "…` repeated, a dump of
 * names) made every character be read some twenty times by each pattern (about 330 counted steps
 * per character, ten times ordinary code that names keys) and made a `Field` per 11 characters: a
 * 16 MB file took 15 s and 44 times its size in memory (issue 13, row 9).
 *
 * So each pass over the names has a budget of characters it may read: a first allowance, plus
 * {@link READ_PER_CHAR} per character of text before the name. Each name is charged the characters
 * around it that its reader may look at (at least {@link MIN_READ}, which also bounds the number
 * of fields, hence memory, to one per {@link MIN_READ} / {@link READ_PER_CHAR} characters past the
 * allowance). A name over budget is skipped: it is not read and makes no field. The allowance
 * covers every file of the corpora whole (no name was ever skipped there); only texts far denser in
 * key names than code, configuration or a real export ever reach it, and there the records read
 * before and between the skipped names still show the pattern.
 */

/**
 * Characters read freely before the rate applies: about 200 names on long lines, 680 on short
 * ones. Sixty times the most any file of the corpora and the repository needed (about 1,100).
 */
export const READ_ALLOWANCE = 1 << 16;
/** Characters that may be read around names per character of text. */
export const READ_PER_CHAR = 3;
/** The least a name is charged, however short its line. */
export const MIN_READ = 96;
/** How far a reader looks on either side of a name (`field-readers.ts`'s `readField`). */
const READ_REACH = 160;

/** The reading budget of one pass over a text's names. */
export class ReadBudget {
  #spent = 0;

  /**
   * Charges reading the name at `start`…`end` on the line `lineStart`…`lineEnd`. False, and
   * nothing charged, when that would exceed the budget at `start`: the name must be skipped.
   */
  take(start: number, end: number, lineStart: number, lineEnd: number): boolean {
    const reach = Math.min(lineEnd, end + READ_REACH) - Math.max(lineStart, start - READ_REACH);
    const cost = Math.max(MIN_READ, reach);
    if (this.#spent + cost > READ_ALLOWANCE + READ_PER_CHAR * start) return false;
    this.#spent += cost;
    return true;
  }
}
