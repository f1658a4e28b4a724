/**
 * A column of a `CREATE TABLE` written on one line, wherever the statement stands: in a `.sql`
 * file, or in a string a program runs (MikroORM and knex migrations' `this.addSql(\`create table
 * "client" ("id" serial primary key, "client_secret" varchar(255) not null, …)\`)`, Python's
 * `cursor.execute("CREATE TABLE accounts (id INTEGER PRIMARY KEY, secret_key TEXT)")`, PHP's
 * `$pdo->exec(…)`, Go's `db.Exec(…)`). The layout reads a statement laid out one column a line;
 * this reads the one-line form. Read by `structure.ts`.
 */

// Where a column list is open before a column's (optionally quoted) name: after `(` or `,`.
const COLUMN_POSITION = /[(,]\s{0,8}["'`[]?$/;
// The statements of one line that open a table's column list.
const CREATE_TABLE = /\bcreate\s+(?:temporary\s+)?table\s+(?:if\s+not\s+exists\s+)?([\w."`[\]]{1,80})\s*\(/gi;

let memoText: string | undefined;
let memoLine = -1;
let memoStarts: OneLineTable[] = [];

/** A one-line `CREATE TABLE`: where it starts and the table it names. */
export interface OneLineTable {
  readonly start: number;
  readonly name: string;
  /** The statement's first `;` (or the line's end): its columns stand before it. */
  readonly end: number;
}

/** The `CREATE TABLE` statements that open on the line starting at `lineStart` (memoized for the last line). */
function statementsOf(text: string, lineStart: number, lineEnd: number): OneLineTable[] {
  if (text !== memoText || lineStart !== memoLine) {
    memoText = text;
    memoLine = lineStart;
    memoStarts = [];
    const line = text.slice(lineStart, lineEnd);
    CREATE_TABLE.lastIndex = 0;
    for (let m = CREATE_TABLE.exec(line); m !== null && memoStarts.length < 64; m = CREATE_TABLE.exec(line)) {
      const semicolon = line.indexOf(';', m.index);
      memoStarts.push({
        start: lineStart + m.index,
        name: (m[1] ?? '').replace(/["`[\]]/g, ''),
        end: semicolon === -1 ? lineEnd : lineStart + semicolon,
      });
    }
  }
  return memoStarts;
}

/**
 * The one-line `CREATE TABLE` whose column list holds the name at `at` (its line is
 * `lineStart..lineEnd`): the name stands where a column does and no `;` ends the statement before it.
 */
export function oneLineTable(text: string, lineStart: number, lineEnd: number, at: number): OneLineTable | undefined {
  if (!COLUMN_POSITION.test(text.slice(Math.max(lineStart, at - 12), at))) return undefined;
  let open: OneLineTable | undefined;
  for (const table of statementsOf(text, lineStart, lineEnd)) {
    if (table.start >= at) break;
    open = table;
  }
  return open !== undefined && at < open.end ? open : undefined;
}
