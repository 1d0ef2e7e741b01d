/**
 * Provenance of one customer-month: the import (and so the files) its facts came from. Each
 * customer-month comes from exactly one import, so this is what a customer trace shows as
 * "where this number came from".
 */
import { monthNumber } from '../model/month.js';
import { getImport, type ImportSummary } from './imports-catalog.js';
import type { Store } from './open-store.js';
import { FactColumnReader, readStoredFactTables } from './stored-facts.js';

/** The import holding customer `customerId` in month `month` (YYYY-MM), or null when none does. */
export function factSource(store: Store, customerId: string, month: string): ImportSummary | null {
  const wanted = monthNumber(month);
  const reader = new FactColumnReader(store.db);
  for (const table of readStoredFactTables(store.db)) {
    const range = table.months.find((m) => m.month === wanted);
    if (range === undefined) continue;
    const ids = reader.ids(table);
    const customer = reader.customer(table);
    // The month's rows are sorted by customer, hence by id: binary search.
    let lo = range.firstRow;
    let hi = range.firstRow + range.rows - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const id = ids[customer[mid] as number] as string;
      if (id === customerId) return getImport(store, table.importId);
      if (id < customerId) lo = mid + 1;
      else hi = mid - 1;
    }
  }
  return null;
}
