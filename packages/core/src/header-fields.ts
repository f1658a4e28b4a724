import type { Layout } from './layout.js';
import type { LineIndex } from './locate.js';
import { nameRole } from './names.js';
import type { Field } from './structure.js';
import { splitCells } from './tabular.js';

/**
 * A CSV/TSV export's header line read as one record (`structure.ts`): each cell a field named by
 * its whole text.
 */

/** The header of a CSV/TSV export: each cell named by its whole text (`MWS Secret Key`). */
export function headerFields(text: string, index: LineIndex, layout: Layout, delimiter: string): Field[] {
  const fields: Field[] = [];
  const where = layout.describe(0, '');
  for (const cell of splitCells(text.slice(0, index.lineEnd(0, text)), delimiter)) {
    const role = nameRole(cell.text);
    if (!['secret-key', 'access-key', 'seller-id', 'weak-seller-id', 'auth-token'].includes(role)) continue;
    fields.push({
      name: cell.text,
      role,
      start: cell.start,
      end: cell.start + cell.text.length,
      shape: 'decl',
      value: '',
      ...where,
      record: 'csv-header',
      recordName: 'csv header',
    });
  }
  return fields;
}
