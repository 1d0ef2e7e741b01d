/**
 * An import's FactTable in the knowledge base: a fact_tables row (sizes, dictionaries), its months
 * (fact_months) and one BLOB per column (fact_columns). Codes and customer indexes are the
 * import's own; load-model-input merges the imports into one table.
 */
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import type { CategoryCodes, FactTable } from '../model/dataset.js';
import { CATEGORY_FIELDS, NUMERIC_FACT_FIELDS, type CategoryField, type NumericFactField } from '../model/fields.js';
import type { Bilingual } from '../model/messages.js';
import { isMonthKey, monthKey, monthNumber } from '../model/month.js';
import { float64Column, type NumberColumn } from '../model/number-column.js';
import { bytesOf, float64s, int32s, uint16s, uint8s } from './column-bytes.js';
import { unpackIds, type IdColumns } from './packed-ids.js';
import { allRows } from './sql-rows.js';
import { StoreError, storeIssues } from './store-errors.js';
import { dictionariesSchema, parseStoredJson } from './stored-json.js';

const CUSTOMER = 'customer';
const JOIN_MONTH = 'join_month';
const ID_CHARS = 'id_chars';
const ID_OFFSETS = 'id_offsets';
/**
 * A numeric column's name says its stored form: `number.f` doubles (the form before issue 7,
 * so older knowledge bases read as they are), `number.f:int` 32-bit whole numbers and
 * `number.f:fen` 32-bit whole fen.
 */
const numberColumn = (field: NumericFactField): string => `number.${field}`;
const NUMBER_FORMS = [
  { suffix: '', scale: 1, whole: false },
  { suffix: ':int', scale: 1, whole: true },
  { suffix: ':fen', scale: 100, whole: true },
] as const;

function storedNumberName(field: NumericFactField, column: NumberColumn): string {
  if (column.values instanceof Float64Array) return numberColumn(field);
  return numberColumn(field) + (column.scale === 100 ? ':fen' : ':int');
}
const categoryColumn = (field: CategoryField): string => `category.${field}`;

export interface StoredMonth {
  readonly month: number;
  readonly firstRow: number;
  readonly rows: number;
}

export interface StoredFactTable {
  readonly importId: number;
  readonly rows: number;
  readonly customers: number;
  /** Ascending, contiguous from row 0 to rows. */
  readonly months: readonly StoredMonth[];
  readonly dictionaries: Readonly<Record<CategoryField, readonly string[]>>;
}

/** Writes the table's rows, months and columns; calls onColumn after each BLOB (progress). */
export function writeFactTable(db: Database, importId: number, facts: FactTable, ids: IdColumns, onColumn: (done: number, total: number) => void): void {
  db.prepare('INSERT INTO fact_tables (import_id, row_count, customer_count, dictionaries) VALUES (?, ?, ?, ?)').run(
    importId,
    facts.customer.length,
    facts.customerIds.length,
    JSON.stringify(facts.dictionaries),
  );
  const month = db.prepare('INSERT INTO fact_months (import_id, month, first_row, row_count) VALUES (?, ?, ?, ?)');
  facts.months.forEach((m, i) => {
    const first = facts.monthStart[i] as number;
    month.run(importId, monthKey(m), first, (facts.monthStart[i + 1] as number) - first);
  });
  const columns: [string, Buffer][] = [
    [ID_CHARS, bytesOf(ids.chars)],
    [ID_OFFSETS, bytesOf(ids.offsets)],
    [CUSTOMER, bytesOf(facts.customer)],
    [JOIN_MONTH, bytesOf(facts.joinMonth)],
    ...NUMERIC_FACT_FIELDS.map((f): [string, Buffer] => [storedNumberName(f, facts.numbers[f]), bytesOf(facts.numbers[f].values)]),
    ...CATEGORY_FIELDS.map((f): [string, Buffer] => [categoryColumn(f), bytesOf(facts.categories[f])]),
  ];
  const insert = db.prepare('INSERT INTO fact_columns (import_id, name, data) VALUES (?, ?, ?)');
  columns.forEach(([name, data], i) => {
    insert.run(importId, name, data);
    onColumn(i + 1, columns.length);
  });
}

const tableRowSchema = z.strictObject({
  import_id: z.number().int(),
  row_count: z.number().int().positive(),
  customer_count: z.number().int().positive(),
  dictionaries: z.string(),
});
const monthRowSchema = z.strictObject({
  import_id: z.number().int(),
  month: z.string().refine(isMonthKey),
  first_row: z.number().int(),
  row_count: z.number().int().positive(),
});

function damaged(importId: number, zh: string, en: string): StoreError {
  return new StoreError(storeIssues.corrupt({ zh: `导入 #${importId} 的${zh}`, en: `${en} of import #${importId}` }));
}

/** Every import's fact table description, by import id (their columns are read separately). */
export function readStoredFactTables(db: Database): StoredFactTable[] {
  const months = new Map<number, StoredMonth[]>();
  const monthRows = allRows(db.prepare('SELECT import_id, month, first_row, row_count FROM fact_months ORDER BY import_id, month'), monthRowSchema, 'fact_months');
  for (const row of monthRows) {
    const list = months.get(row.import_id) ?? [];
    list.push({ month: monthNumber(row.month), firstRow: row.first_row, rows: row.row_count });
    months.set(row.import_id, list);
  }
  const tables = allRows(db.prepare('SELECT import_id, row_count, customer_count, dictionaries FROM fact_tables ORDER BY import_id'), tableRowSchema, 'fact_tables');
  return tables.map((row) => {
    const list = months.get(row.import_id) ?? [];
    let next = 0;
    for (const m of list) {
      if (m.firstRow !== next) throw damaged(row.import_id, '月份行范围不连续', 'month row ranges are not contiguous');
      next += m.rows;
    }
    if (next !== row.row_count) throw damaged(row.import_id, '月份行数与总行数不符', 'month row counts do not add up to the row count');
    const what: Bilingual = { zh: `导入 #${row.import_id} 的分类字典`, en: `category dictionaries of import #${row.import_id}` };
    return {
      importId: row.import_id,
      rows: row.row_count,
      customers: row.customer_count,
      months: list,
      dictionaries: parseStoredJson(row.dictionaries, dictionariesSchema, what),
    };
  });
}

/** Reads single columns of stored fact tables, each checked against the table's sizes. */
export class FactColumnReader {
  private readonly select;

  constructor(db: Database) {
    this.select = db.prepare('SELECT data FROM fact_columns WHERE import_id = ? AND name = ?').pluck();
  }

  ids(table: StoredFactTable): string[] {
    const chars = this.bytes(table, ID_CHARS);
    if (chars.byteLength % 2 !== 0) throw damaged(table.importId, '用户编号', 'customer ids');
    const ids = unpackIds({
      chars: uint16s(chars, chars.byteLength / 2, this.what(table, ID_CHARS)),
      offsets: int32s(this.bytes(table, ID_OFFSETS), table.customers + 1, this.what(table, ID_OFFSETS)),
    });
    if (ids === null) throw damaged(table.importId, '用户编号', 'customer ids');
    return ids;
  }

  /** Customer index of each row, each checked to be one of the table's customers. */
  customer(table: StoredFactTable): Int32Array {
    return this.checked(table, CUSTOMER, table.customers, int32s(this.bytes(table, CUSTOMER), table.rows, this.what(table, CUSTOMER)));
  }

  joinMonth(table: StoredFactTable): Int32Array {
    return int32s(this.bytes(table, JOIN_MONTH), table.rows, this.what(table, JOIN_MONTH));
  }

  numbers(table: StoredFactTable, field: NumericFactField): NumberColumn {
    for (const form of NUMBER_FORMS) {
      const name = numberColumn(field) + form.suffix;
      const data = this.select.get(table.importId, name);
      if (!(data instanceof Uint8Array)) continue;
      const what = this.what(table, name);
      return form.whole ? { values: int32s(data, table.rows, what), scale: form.scale } : float64Column(float64s(data, table.rows, what));
    }
    throw damaged(table.importId, `列 ${numberColumn(field)}（缺失）`, `column ${numberColumn(field)} (missing)`);
  }

  /** Category codes of each row, each checked to index the table's dictionary. */
  categories(table: StoredFactTable, field: CategoryField): CategoryCodes {
    const name = categoryColumn(field);
    const bytes = this.bytes(table, name);
    const what = this.what(table, name);
    // Written as narrow as the dictionary allowed (1, 2 or 4 bytes a row); older bases hold 4.
    const width = table.rows === 0 ? 4 : bytes.byteLength / table.rows;
    const codes = width === 1 ? uint8s(bytes, table.rows, what) : width === 2 ? uint16s(bytes, table.rows, what) : int32s(bytes, table.rows, what);
    return this.checked(table, name, table.dictionaries[field].length, codes);
  }

  private checked<T extends CategoryCodes>(table: StoredFactTable, name: string, bound: number, codes: T): T {
    for (let i = 0; i < codes.length; i++) {
      const code = codes[i] as number;
      if (!(code >= 0 && code < bound)) throw damaged(table.importId, `列 ${name}`, `column ${name}`);
    }
    return codes;
  }

  private bytes(table: StoredFactTable, name: string): Uint8Array {
    const data: unknown = this.select.get(table.importId, name);
    if (!(data instanceof Uint8Array)) throw damaged(table.importId, `列 ${name}（缺失）`, `column ${name} (missing)`);
    return data;
  }

  private what(table: StoredFactTable, name: string): Bilingual {
    return { zh: `导入 #${table.importId} 的列 ${name}`, en: `column ${name} of import #${table.importId}` };
  }
}
