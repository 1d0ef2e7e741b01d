/**
 * Merges the imports' fact tables into the one FactTable the engine takes, exactly as if all the
 * rows had been read together: customers re-indexed in code-unit order of their ids, rows sorted
 * by month then customer, category codes into sorted dictionaries of the values used.
 *
 * Work is column by column: the row layout is fixed first (where each stored row goes), then
 * each column is read, scattered into the output and dropped, so memory peaks at the output
 * plus one stored column, never two copies of the facts. A lone import's columns are the output
 * as read.
 */
import { codesArray, type CategoryCodes, type FactTable } from '../model/dataset.js';
import { CATEGORY_FIELDS, NUMERIC_FACT_FIELDS, type CategoryField, type NumericFactField } from '../model/fields.js';
import { PackedIds } from '../model/id-list.js';
import { monthKey } from '../model/month.js';
import { decodeNumbers, float64Column, numberAt, type NumberColumn } from '../model/number-column.js';
import type { FactColumnReader, StoredFactTable } from './stored-facts.js';
import { StoreError, storeIssues } from './store-errors.js';

/** Where an import's rows go: target[s] is the output row of its row s. */
interface Placement {
  readonly table: StoredFactTable;
  readonly target: Int32Array;
}

interface Layout {
  readonly placements: readonly Placement[];
  /** Output rows. */
  readonly total: number;
  /** The lone import when the output is its stored table row for row (see soleAsStored). */
  readonly sole: StoredFactTable | null;
}

/**
 * The layout of a lone import is the stored one (its rows are already in month, customer order),
 * and then its columns are used as read, without a copy: 3M facts are 450 MB, and copying them
 * costs as much again in allocation and garbage collection as reading them.
 */
function soleAsStored(placements: readonly Placement[]): StoredFactTable | null {
  const [only, ...others] = placements;
  if (only === undefined || others.length > 0) return null;
  const { target } = only;
  for (let s = 0; s < target.length; s++) if (target[s] !== s) return null;
  return only.table;
}

/**
 * The sorted union of sorted, duplicate-free lists, and for each list where its entries went.
 * A linear merge (K heads compared per step) rather than a sort of everything: a million ids per
 * import, and the lists are already sorted.
 */
function mergeSorted(lists: readonly (readonly string[])[]): { union: string[]; maps: Int32Array[] } {
  const maps = lists.map((list) => new Int32Array(list.length));
  const at = new Int32Array(lists.length);
  const union: string[] = [];
  for (;;) {
    let least: string | undefined;
    for (let k = 0; k < lists.length; k++) {
      const head = (lists[k] as readonly string[])[at[k] as number];
      // Code-unit order (SPEC §0): the plain < of JS strings.
      if (head !== undefined && (least === undefined || head < least)) least = head;
    }
    if (least === undefined) return { union, maps };
    const index = union.length;
    union.push(least);
    for (let k = 0; k < lists.length; k++) {
      const i = at[k] as number;
      if ((lists[k] as readonly string[])[i] === least) {
        (maps[k] as Int32Array)[i] = index;
        at[k] = i + 1;
      }
    }
  }
}

/**
 * The merged id list, packed before returning so that the million id strings are garbage
 * before the columns are read: each full collection that the column buffers trigger would
 * otherwise walk them all.
 */
function mergeIds(tables: readonly StoredFactTable[], reader: FactColumnReader): { customerIds: PackedIds; maps: Int32Array[] } {
  const { union, maps } = mergeSorted(tables.map((t) => reader.ids(t)));
  return { customerIds: PackedIds.fromSorted(union), maps };
}

/**
 * Orders the rows: month by month, and within a month by merged customer index. Two imports
 * never hold the same customer-month (the import refuses it), so a tie means a damaged file.
 */
function placeRows(
  tables: readonly StoredFactTable[],
  customers: readonly Int32Array[],
): { months: Int32Array; monthStart: Int32Array; customer: Int32Array; placements: Placement[] } {
  const total = tables.reduce((sum, t) => sum + t.rows, 0);
  const customer = new Int32Array(total);
  const placements = tables.map((table) => ({ table, target: new Int32Array(table.rows) }));
  const months = Int32Array.from(new Set(tables.flatMap((t) => t.months.map((m) => m.month)))).sort();
  const monthStart = new Int32Array(months.length + 1);
  let out = 0;
  months.forEach((month, i) => {
    monthStart[i] = out;
    const parts = tables.flatMap((table, k) => {
      const range = table.months.find((m) => m.month === month);
      if (range === undefined) return [];
      const from = customers[k] as Int32Array;
      return [{ from, target: (placements[k] as Placement).target, next: range.firstRow, end: range.firstRow + range.rows }];
    });
    for (;;) {
      let pick: (typeof parts)[number] | undefined;
      let least = Infinity;
      for (const part of parts) {
        if (part.next === part.end) continue;
        const c = part.from[part.next] as number;
        if (c === least) {
          throw new StoreError(storeIssues.corrupt({ zh: `两次导入都有同一用户 ${monthKey(month)} 的数据`, en: `two imports hold the same customer in ${monthKey(month)}` }));
        }
        if (c < least) {
          least = c;
          pick = part;
        }
      }
      if (pick === undefined) break;
      customer[out] = least;
      pick.target[pick.next++] = out++;
    }
  });
  monthStart[months.length] = out;
  return { months, monthStart, customer, placements };
}

/** Copies each import's column into the output rows its rows were placed at. */
function scatter<T extends Float64Array | Int32Array>(layout: Layout, create: (length: number) => T, read: (table: StoredFactTable) => T): T {
  const { placements, sole } = layout;
  if (sole !== null) return read(sole);
  const out = create(layout.total);
  for (const { table, target } of placements) {
    const stored = read(table);
    for (let s = 0; s < target.length; s++) out[target[s] as number] = stored[s] as number;
  }
  return out;
}

/**
 * One numeric column of every import, kept compact while the imports agree on its form (all
 * whole fen, say); once one differs the column so far is widened to doubles and stays so.
 */
function mergeNumbers(layout: Layout, read: (table: StoredFactTable) => NumberColumn): NumberColumn {
  const { placements, sole } = layout;
  if (sole !== null) return read(sole);
  let out: NumberColumn | null = null;
  for (const { table, target } of placements) {
    const stored = read(table);
    if (out === null) out = { values: stored.values instanceof Int32Array ? new Int32Array(layout.total) : new Float64Array(layout.total), scale: stored.scale };
    else if (!sameForm(out, stored)) out = float64Column(decodeNumbers(out));
    const into = out.values;
    if (sameForm(out, stored)) for (let s = 0; s < target.length; s++) into[target[s] as number] = stored.values[s] as number;
    else for (let s = 0; s < target.length; s++) into[target[s] as number] = numberAt(stored, s);
  }
  return out ?? float64Column(new Float64Array(layout.total));
}

function sameForm(a: NumberColumn, b: NumberColumn): boolean {
  return a.scale === b.scale && a.values instanceof Int32Array === b.values instanceof Int32Array;
}

function mergeCategory(layout: Layout, field: CategoryField, reader: FactColumnReader): { codes: CategoryCodes; dictionary: string[] } {
  const { placements, sole } = layout;
  // Code-unit order, as the reader sorts a dictionary (not localeCompare).
  const dictionary = [...new Set(placements.flatMap((p) => p.table.dictionaries[field]))].sort();
  const code = new Map(dictionary.map((value, i) => [value, i]));
  const remaps = placements.map(({ table }) => Int32Array.from(table.dictionaries[field], (value) => code.get(value) as number));
  if (sole !== null && (remaps[0] as Int32Array).every((to, from) => to === from)) return { codes: reader.categories(sole, field), dictionary };
  const codes = codesArray(layout.total, dictionary.length);
  placements.forEach(({ table, target }, k) => {
    const remap = remaps[k] as Int32Array;
    const stored = reader.categories(table, field);
    for (let s = 0; s < target.length; s++) codes[target[s] as number] = remap[stored[s] as number] as number;
  });
  return { codes, dictionary };
}

export function mergeFactTables(tables: readonly StoredFactTable[], reader: FactColumnReader): FactTable {
  const { customerIds, maps } = mergeIds(tables, reader);
  // Stored customer indexes, translated to merged ones (an increasing map, so each month's
  // rows stay sorted by customer).
  const customers = tables.map((table, k) => {
    const map = maps[k] as Int32Array;
    return reader.customer(table).map((c) => map[c] as number);
  });
  const { months, monthStart, customer, placements } = placeRows(tables, customers);
  const layout: Layout = { placements, total: customer.length, sole: soleAsStored(placements) };

  const numbers = {} as Record<NumericFactField, NumberColumn>;
  for (const field of NUMERIC_FACT_FIELDS) numbers[field] = mergeNumbers(layout, (t) => reader.numbers(t, field));
  const categories = {} as Record<CategoryField, CategoryCodes>;
  const dictionaries = {} as Record<CategoryField, string[]>;
  for (const field of CATEGORY_FIELDS) {
    const merged = mergeCategory(layout, field, reader);
    categories[field] = merged.codes;
    dictionaries[field] = merged.dictionary;
  }
  const joinMonth = scatter(layout, (n) => new Int32Array(n), (t) => reader.joinMonth(t));
  return { months, monthStart, customerIds, customer, numbers, categories, dictionaries, joinMonth };
}
