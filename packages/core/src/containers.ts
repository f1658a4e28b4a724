/**
 * The record a type-A finding sits in, named the way its author wrote it (`table seller_keys`,
 * `class Seller`), so the message can say what stores a seller's keys. Derived from the text that
 * opens the record (a structural field's `recordName`); `undefined` when that text names nothing
 * recognisable, and the message then names the field alone.
 */

/** What kind of record holds the keys; messages word each in their locale. */
export type ContainerType =
  'table' | 'model' | 'class' | 'interface' | 'struct' | 'type' | 'schema' | 'section' | 'record' | 'form' | 'csv';

/** A named record holding a seller's keys. `name` is empty for a form or a CSV header. */
export interface Container {
  readonly type: ContainerType;
  readonly name: string;
}

// Each pattern reads the opening text of one record shape; names are bounded identifiers, so every
// pattern is linear. Order matters: `CREATE TABLE` before the generic keyword match.
const SHAPES: readonly (readonly [RegExp, ContainerType])[] = [
  // (A schema-qualified name keeps its quotes per part in pg_dump: `"public"."amazon_accounts"`.)
  [/\bcreate\s+table\s+(?:if\s+not\s+exists\s+)?((?:[`"[]?[\w$]{1,64}[`"\]]?\.){0,2}[`"[]?[\w$]{1,64})/i, 'table'],
  [/\b(?:insert\s+into|update|from)\s+[`"[]?([a-z_][\w.$]{0,63})[`"\]]?(?:\s|$|[;'"`)])/i, 'table'],
  [/\b(?:db|knex|table|from|into|collection)\s*\(\s*["'`]([\w.$-]{1,64})["'`]/i, 'table'],
  [/\.define[\s(]{1,8}["'`]?([a-z_]\w{0,63})/i, 'model'],
  [/\b([A-Za-z_]\w{0,63})\s*=\s*new\s+(?:\w{1,32}\.)?Schema\b/, 'schema'],
  [/\btype\s+([A-Za-z_]\w{0,63})\s+struct\b/, 'struct'],
  [/\b(class|interface|struct|model|type|record)\s+([A-Za-z_]\w{0,63})/, 'class'],
  [/^\s*\[{1,2}([^\]\s]{1,64})\]{1,2}\s*$/, 'section'],
  [/\b(?:useForm|form|Form)\b/, 'form'],
  [/^csv header$/, 'csv'],
  [/^\s*["']?([a-z_][\w.-]{0,63})["']?\s*:\s*$/i, 'record'],
];

/** The container named by a record's opening text, if it names one. */
export function describeContainer(recordName: string): Container | undefined {
  const text = recordName.length > 400 ? recordName.slice(0, 400) : recordName;
  for (const [pattern, type] of SHAPES) {
    const m = pattern.exec(text);
    if (!m) continue;
    // The keyword pattern names its own type (`interface SellerAccount`, `model Seller`).
    if (m.length > 2) return { type: m[1] as ContainerType, name: m[2] ?? '' };
    return { type, name: (m[1] ?? '').replace(/[`"[\]]/g, '') };
  }
  return undefined;
}
