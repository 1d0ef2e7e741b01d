/**
 * Runs the warehouse SQL in an in-process DuckDB: loads a ModelInput (read from files or the
 * knowledge base) into the input tables of docs/scale.md, runs the script and reads back the
 * result tables. Rows go in as data chunks of DuckDB's vector size through an appender — no
 * SQL text per row.
 */
import { DATE, DOUBLE, DuckDBDataChunk, DuckDBDateValue, DuckDBInstance, VARCHAR, type DuckDBConnection, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import type { FactTable, ModelInput } from '../model/dataset.js';
import { CATEGORY_FIELDS, type NumericFactField } from '../model/fields.js';
import { monthKey } from '../model/month.js';
import type { Scenario } from '../model/scenario.js';
import { modelStatements, RESULT_TABLES, type ResultTable } from './build-model-sql.js';
import { DUCKDB } from './dialect.js';
import { INPUT_TABLES, inputTablesDdl, type InputColumn, type InputTableName } from './input-tables.js';
import { renderStatement } from './sql-text.js';

/** DuckDB's vector size: one data chunk holds at most this many rows. */
const CHUNK_ROWS = 2048;

export type SqlCell = string | number | null;
export type SqlRow = Record<string, SqlCell>;

export interface DuckDbTimings {
  readonly loadMs: number;
  readonly scriptMs: number;
  readonly readMs: number;
}

export interface DuckDbModelResult {
  readonly tables: Readonly<Record<ResultTable, SqlRow[]>>;
  readonly timings: DuckDbTimings;
}

/**
 * A fact column as one double per row: before issue 7's compact columns a Float64Array, after
 * them `{ values, scale }` (whole numbers or whole fen).
 */
type FactColumn = Float64Array | { readonly values: ArrayLike<number>; readonly scale: number };

function factValue(column: FactColumn, r: number): number {
  return column instanceof Float64Array ? (column[r] as number) : (column.values[r] as number) / column.scale;
}

function numberColumn(facts: FactTable, field: NumericFactField): FactColumn {
  return facts.numbers[field] as FactColumn;
}

const DUCK_TYPES: Readonly<Record<InputColumn['type'], DuckDBType>> = { STRING: VARCHAR, DOUBLE, DATE };

function tableDef(name: InputTableName): readonly InputColumn[] {
  const table = INPUT_TABLES.find((t) => t.name === name);
  if (table === undefined) throw new Error(`no input table ${name}`);
  return table.columns;
}

/** Appends `count` rows; `cell(column, i)` gives row i's value of each column, in the table's column order. */
async function appendRows(connection: DuckDBConnection, name: InputTableName, count: number, cell: (column: string, i: number) => DuckDBValue): Promise<void> {
  const columns = tableDef(name);
  const types = columns.map((c) => DUCK_TYPES[c.type]);
  const appender = await connection.createAppender(name);
  try {
    for (let start = 0; start < count; start += CHUNK_ROWS) {
      const size = Math.min(CHUNK_ROWS, count - start);
      const chunk = DuckDBDataChunk.create(types, size);
      columns.forEach((column, k) => {
        const values = new Array<DuckDBValue>(size);
        for (let i = 0; i < size; i++) values[i] = cell(column.name, start + i);
        chunk.setColumnValues(k, values);
      });
      appender.appendDataChunk(chunk);
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
}

/** The first day of a month number, as a DATE (the engine keeps only the join month). */
function monthStartDate(month: number): DuckDBDateValue {
  const year = Math.floor(month / 12);
  return new DuckDBDateValue(Date.UTC(year, month - year * 12, 1) / 86_400_000);
}

/** Rows (indices into the facts) where any of `fields` is non-zero: the other sheets hold only those. */
function rowsWithAny(facts: FactTable, fields: readonly NumericFactField[]): Int32Array {
  const columns = fields.map((f) => numberColumn(facts, f));
  const out: number[] = [];
  for (let r = 0; r < facts.customer.length; r++) if (columns.some((c) => factValue(c, r) !== 0)) out.push(r);
  return Int32Array.from(out);
}

/** Creates the input tables of docs/scale.md in `connection` and fills them from `input`. */
export async function loadInputTables(connection: DuckDBConnection, input: ModelInput): Promise<void> {
  for (const ddl of inputTablesDdl()) await connection.run(ddl);
  const { facts } = input;
  const ids = Array.from({ length: facts.customerIds.length }, (_, c) => facts.customerIds.at(c));
  const rowMonth = new Array<string>(facts.customer.length);
  facts.months.forEach((m, i) => rowMonth.fill(monthKey(m), facts.monthStart[i] as number, facts.monthStart[i + 1] as number));
  const joinDates = new Map<number, DuckDBDateValue>();
  const joinDate = (r: number): DuckDBDateValue | null => {
    const month = facts.joinMonth[r] as number;
    if (month < 0) return null;
    let date = joinDates.get(month);
    if (date === undefined) joinDates.set(month, (date = monthStartDate(month)));
    return date;
  };
  const factCell = (rows: Int32Array | null) => (column: string, i: number): DuckDBValue => {
    const r = rows === null ? i : (rows[i] as number);
    if (column === 'customer_id') return ids[facts.customer[r] as number] as string;
    if (column === 'month') return rowMonth[r] as string;
    if (column === 'join_date') return joinDate(r);
    if ((CATEGORY_FIELDS as readonly string[]).includes(column)) {
      const field = column as (typeof CATEGORY_FIELDS)[number];
      return facts.dictionaries[field][facts.categories[field][r] as number] as string;
    }
    return factValue(numberColumn(facts, column as NumericFactField), r);
  };
  await appendRows(connection, 'usage', facts.customer.length, factCell(null));
  for (const name of ['settlement', 'individual_costs', 'credit'] as const) {
    const fields = tableDef(name)
      .map((c) => c.name)
      .filter((c) => c !== 'customer_id' && c !== 'month') as NumericFactField[];
    const rows = rowsWithAny(facts, fields);
    await appendRows(connection, name, rows.length, factCell(rows));
  }
  const pools = input.pools;
  await appendRows(connection, 'cost_pools', pools.length, (column, i) => {
    const pool = pools[i];
    if (pool === undefined) throw new RangeError(`pool ${i}`);
    if (column === 'pool') return pool.pool;
    if (column === 'month') return monthKey(pool.month);
    if (column === 'amount') return pool.amountFen / 100;
    return pool.scope === null ? null : `${pool.scope.field}=${pool.scope.value}`;
  });
}

/** Runs the model's statements one by one (an error names the statement). */
export async function runModelScript(connection: DuckDBConnection, scenario: Scenario): Promise<void> {
  for (const statement of modelStatements(scenario, 'duckdb')) {
    try {
      await connection.run(renderStatement(DUCKDB, statement));
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      throw new Error(`DuckDB failed on ${statement.name}: ${reason}`, { cause: e });
    }
  }
}

/** Integers (BIGINT, HUGEINT) come back as bigint and DECIMAL as a double: every number is a JS number. */
function plainCell(value: unknown): SqlCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return String(value);
}

const ORDER: Readonly<Record<ResultTable, string>> = {
  cv_customers: 'customer_id',
  cv_aggregates: 'dimension, "group"',
  cv_reconciliation: 'pool, month',
  cv_reconciliation_months: 'month',
  cv_customer_months: 'month, customer_id',
  cv_breakpoints: 'point',
};

export async function readResultTable(connection: DuckDBConnection, table: ResultTable): Promise<SqlRow[]> {
  const reader = await connection.runAndReadAll(`SELECT * FROM ${table} ORDER BY ${ORDER[table]}`);
  const names = reader.columnNames();
  const columns = reader.getColumnsJS();
  const rows: SqlRow[] = [];
  for (let i = 0; i < reader.currentRowCount; i++) {
    const row: SqlRow = {};
    names.forEach((name, k) => (row[name] = plainCell((columns[k] as unknown[])[i])));
    rows.push(row);
  }
  return rows;
}

/** Loads `input` into a fresh in-memory DuckDB, runs the scenario's script and reads every result table. */
export async function runModelInDuckDb(input: ModelInput, scenario: Scenario): Promise<DuckDbModelResult> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    let t = performance.now();
    await loadInputTables(connection, input);
    const loadMs = performance.now() - t;
    t = performance.now();
    await runModelScript(connection, scenario);
    const scriptMs = performance.now() - t;
    t = performance.now();
    const tables = {} as Record<ResultTable, SqlRow[]>;
    for (const table of RESULT_TABLES) tables[table] = await readResultTable(connection, table);
    return { tables, timings: { loadMs, scriptMs, readMs: performance.now() - t } };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}


