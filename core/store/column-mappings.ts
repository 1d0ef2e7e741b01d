/**
 * Column mappings saved as templates, keyed by their header signature, so next month's workbook
 * with the same headers is mapped the same way (importFiles hands them all to the reader).
 */
import { z } from 'zod';
import { columnMappingSchema, type ColumnMapping } from '../model/column-mapping.js';
import type { Store } from './open-store.js';
import { allRows } from './sql-rows.js';
import { parseStoredJson } from './stored-json.js';

/** Saves the template, replacing one with the same signature. */
export function saveColumnMapping(store: Store, mapping: ColumnMapping): void {
  const valid = columnMappingSchema.parse(mapping);
  store.db
    .prepare('INSERT INTO column_mappings (signature, mapping, updated_at) VALUES (?, ?, ?) ON CONFLICT (signature) DO UPDATE SET mapping = excluded.mapping, updated_at = excluded.updated_at')
    .run(valid.signature, JSON.stringify(valid), store.now().toISOString());
}

const mappingRowSchema = z.strictObject({ signature: z.string(), mapping: z.string() });

export function listColumnMappings(store: Store): ColumnMapping[] {
  return allRows(store.db.prepare('SELECT signature, mapping FROM column_mappings ORDER BY signature'), mappingRowSchema, 'column_mappings').map((row) =>
    parseStoredJson(row.mapping, columnMappingSchema, { zh: '保存的列映射', en: 'a saved column mapping' }),
  );
}

export function deleteColumnMapping(store: Store, signature: string): boolean {
  return store.db.prepare('DELETE FROM column_mappings WHERE signature = ?').run(signature).changes > 0;
}
