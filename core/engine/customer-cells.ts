/**
 * Customers with the same plan, brand, branch, channel and segment (as of M) share a cell.
 * Aggregates sum each customer into its cell once, then roll the few thousand cells up to
 * the five groupings: one scattered write per customer instead of five, on the what-if path.
 */
import { CATEGORY_FIELDS } from '../model/fields.js';
import type { FactTable } from '../model/dataset.js';
import type { CustomerWindow } from './customer-window.js';

export interface CustomerCells {
  /** Cell of each customer in the table (−1 for the rest). */
  readonly cellOf: Int32Array;
  readonly cellCount: number;
  /** cellCodes[f][cell]: the cell's category code for CATEGORY_FIELDS[f]. */
  readonly cellCodes: readonly Int32Array[];
}

export function computeCustomerCells(facts: FactTable, win: CustomerWindow): CustomerCells {
  const sizes = CATEGORY_FIELDS.map((f) => Math.max(1, facts.dictionaries[f].length));
  const columns = CATEGORY_FIELDS.map((f) => win.attributes[f]);
  // A mixed-radix number identifies the combination while it stays an exact double.
  const exact = sizes.reduce((p, s) => p * s, 1) < Number.MAX_SAFE_INTEGER;
  const cellByKey = new Map<number | string, number>();
  const cellOf = new Int32Array(win.inTable.length).fill(-1);
  const codes: number[][] = CATEGORY_FIELDS.map(() => []);
  for (let i = 0; i < win.table.length; i++) {
    const c = win.table[i] as number;
    let key: number | string;
    if (exact) {
      let k = 0;
      for (let f = 0; f < columns.length; f++) k = k * (sizes[f] as number) + ((columns[f] as Int32Array)[c] as number);
      key = k;
    } else {
      key = columns.map((col) => col[c] as number).join(',');
    }
    let cell = cellByKey.get(key);
    if (cell === undefined) {
      cell = cellByKey.size;
      cellByKey.set(key, cell);
      columns.forEach((col, f) => (codes[f] as number[]).push(col[c] as number));
    }
    cellOf[c] = cell;
  }
  return { cellOf, cellCount: cellByKey.size, cellCodes: codes.map((list) => Int32Array.from(list)) };
}
