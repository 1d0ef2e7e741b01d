/**
 * Runs the warehouse SQL in an in-process DuckDB: loads a ModelInput (read from files or the
 * knowledge base) into the input tables of docs/scale.md, runs the script and reads back the
 * result tables. Rows go in as data chunks of DuckDB's vector size through an appender — no
 * SQL text per row.
 */
import { DATE, DOUBLE, DuckDBDataChunk, DuckDBDateValue, DuckDBDecimalValue, DuckDBInstance, VARCHAR, type DuckDBConnection, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import type { CostPool, FactTable, ModelInput } from '../model/dataset.js';
import { CATEGORY_FIELDS, type NumericFactField } from '../model/fields.js';
import { monthKey } from '../model/month.js';
import { numberAt } from '../model/number-column.js';
import type { Scenario } from '../model/scenario.js';
import { modelStatements, RESULT_TABLES, type ResultTable } from './build-model-sql.js';
import { DUCKDB, DUCKDB_ON_DISK, type SqlDialect } from './dialect.js';
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
  /** The tables that were read, rows in a fixed order (customer id, grouping and group, pool and month …). */
  readonly tables: Readonly<Partial<Record<ResultTable, SqlRow[]>>>;
  readonly timings: DuckDbTimings;
}

const DUCK_TYPES: Readonly<Record<InputColumn['type'], DuckDBType>> = { STRING: VARCHAR, DOUBLE, DATE };

function tableDef(name: InputTableName): readonly InputColumn[] {
  const table = INPUT_TABLES.find((t) => t.name === name);
  if (table === undefined) throw new Error(`no input table ${name}`);
  return table.columns;
}

/** Row i's value of one column. */
type CellGetter = (i: number) => DuckDBValue;

/** Appends `count` rows; `getter(column)` gives the column's cell reader (asked once per column, not per cell). */
async function appendRows(connection: DuckDBConnection, name: InputTableName, count: number, getter: (column: string) => CellGetter): Promise<void> {
  const columns = tableDef(name);
  const types = columns.map((c) => DUCK_TYPES[c.type]);
  const getters = columns.map((c) => getter(c.name));
  const appender = await connection.createAppender(name);
  try {
    for (let start = 0; start < count; start += CHUNK_ROWS) {
      const size = Math.min(CHUNK_ROWS, count - start);
      const chunk = DuckDBDataChunk.create(types, size);
      getters.forEach((cell, k) => {
        const values = new Array<DuckDBValue>(size);
        for (let i = 0; i < size; i++) values[i] = cell(start + i);
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
  const columns = fields.map((f) => facts.numbers[f]);
  const out: number[] = [];
  for (let r = 0; r < facts.customer.length; r++) if (columns.some((c) => numberAt(c, r) !== 0)) out.push(r);
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
  const factCell =
    (rows: Int32Array | null) =>
    (column: string): CellGetter => {
      const row = rows === null ? (i: number) => i : (i: number) => rows[i] as number;
      if (column === 'customer_id') return (i) => ids[facts.customer[row(i)] as number] as string;
      if (column === 'month') return (i) => rowMonth[row(i)] as string;
      if (column === 'join_date') return (i) => joinDate(row(i));
      if ((CATEGORY_FIELDS as readonly string[]).includes(column)) {
        const field = column as (typeof CATEGORY_FIELDS)[number];
        const dictionary = facts.dictionaries[field];
        const codes = facts.categories[field];
        return (i) => dictionary[codes[row(i)] as number] as string;
      }
      const values = facts.numbers[column as NumericFactField];
      return (i) => numberAt(values, row(i));
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
  const pool = (i: number): CostPool => {
    const p = pools[i];
    if (p === undefined) throw new RangeError(`pool ${i}`);
    return p;
  };
  await appendRows(connection, 'cost_pools', pools.length, (column): CellGetter => {
    if (column === 'pool') return (i) => pool(i).pool;
    if (column === 'month') return (i) => monthKey(pool(i).month);
    if (column === 'amount') return (i) => pool(i).amountFen / 100;
    return (i) => {
      const scope = pool(i).scope;
      return scope === null ? null : `${scope.field}=${scope.value}`;
    };
  });
}

/** Told after each statement of the script: its name and milliseconds (the scale bench logs them). */
export type StatementDone = (name: string, ms: number) => void;

/**
 * Runs the model's statements one by one (an error names the statement). `dialect` is DUCKDB
 * (stages as temporary tables) or, in a database file, DUCKDB_ON_DISK (stages as its tables).
 */
export async function runModelScript(connection: DuckDBConnection, scenario: Scenario, dialect: SqlDialect = DUCKDB, done?: StatementDone): Promise<void> {
  for (const statement of modelStatements(scenario, 'duckdb')) {
    try {
      const t = performance.now();
      await connection.run(renderStatement(dialect, statement));
      done?.(statement.name, performance.now() - t);
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      throw new Error(`DuckDB failed on ${statement.name}: ${reason}`, { cause: e });
    }
  }
}

/** Integers (BIGINT, HUGEINT) come back as bigint and DECIMAL as its own value: every number becomes a JS number. */
function plainCell(value: DuckDBValue): SqlCell {
  if (value === null) return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof DuckDBDecimalValue) return value.toDouble();
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

export function readResultTable(connection: DuckDBConnection, table: ResultTable): Promise<SqlRow[]> {
  return queryRows(connection, `SELECT * FROM ${table} ORDER BY ${ORDER[table]}`);
}

/** Every row of a query, as objects (for small results: whole tables go through queryBatches). */
export async function queryRows(connection: DuckDBConnection, sql: string): Promise<SqlRow[]> {
  const reader = await connection.runAndReadAll(sql);
  const names = reader.columnNames();
  // The values as DuckDB gives them (numbers and strings as they are): 2–3× faster than getColumnsJS's converters.
  const columns = reader.getColumns().map((column) => column.map(plainCell));
  const rows: SqlRow[] = [];
  for (let i = 0; i < reader.currentRowCount; i++) {
    const row: SqlRow = {};
    names.forEach((name, k) => (row[name] = (columns[k] as SqlCell[])[i] as SqlCell));
    rows.push(row);
  }
  return rows;
}

/**
 * A query's rows, one data chunk (at most 2,048 rows) at a time, each row its cells in the
 * SELECT's column order: a result of any size passes through without being held whole.
 */
export async function* queryBatches(connection: DuckDBConnection, sql: string): AsyncGenerator<SqlCell[][]> {
  const result = await connection.stream(sql);
  for (;;) {
    const chunk = await result.fetchChunk();
    if (chunk === null || chunk.rowCount === 0) return;
    const columns = chunk.getColumns().map((column) => column.map(plainCell));
    const rows = new Array<SqlCell[]>(chunk.rowCount);
    for (let i = 0; i < rows.length; i++) rows[i] = columns.map((column) => column[i] as SqlCell);
    yield rows;
  }
}

/** Settings for data larger than memory (`cvalue run --engine duckdb`); DuckDB's defaults otherwise. */
export interface DuckDbOptions {
  /**
   * A database file instead of memory: the input and result tables then live on disk and only
   * DuckDB's buffer pool (memory_limit) in memory. The file is the caller's to remove.
   */
  readonly databaseFile?: string;
  /** DuckDB's memory_limit, e.g. `4GB` (DuckDB's default is 80% of the machine's memory). */
  readonly memoryLimit?: string;
  /** Where DuckDB spills intermediate results that do not fit in memory_limit. */
  readonly tempDirectory?: string;
  /**
   * false lets DuckDB drop insertion order inside the script, which it needs to stream large
   * tables within memory_limit; every result is read with ORDER BY, so nothing depends on it.
   */
  readonly preserveInsertionOrder?: boolean;
}

function duckDbConfig(options: DuckDbOptions): Record<string, string> {
  const config: Record<string, string> = {};
  if (options.memoryLimit !== undefined) config.memory_limit = options.memoryLimit;
  if (options.tempDirectory !== undefined) config.temp_directory = options.tempDirectory;
  if (options.preserveInsertionOrder !== undefined) config.preserve_insertion_order = String(options.preserveInsertionOrder);
  return config;
}

/**
 * A DuckDB (in memory unless options.databaseFile) holding one ModelInput: load once, then run the script of any number of
 * scenarios over it (each run replaces the previous one's tables).
 */
export class DuckDbModelSession {
  private constructor(
    private readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
    readonly loadMs: number,
    /** How the script's stages are kept: temporary tables in memory, or the database file's own tables. */
    readonly dialect: SqlDialect,
  ) {}

  static async open(input: ModelInput, options: DuckDbOptions = {}): Promise<DuckDbModelSession> {
    return DuckDbModelSession.openWith((connection) => loadInputTables(connection, input), options);
  }

  /**
   * A session whose input tables `load` creates and fills (the scale bench reads CSV exports
   * straight into them with read_csv, as a warehouse would hold them).
   */
  static async openWith(load: (connection: DuckDBConnection) => Promise<void>, options: DuckDbOptions = {}): Promise<DuckDbModelSession> {
    const instance = await DuckDBInstance.create(options.databaseFile ?? ':memory:', duckDbConfig(options));
    const connection = await instance.connect();
    const t = performance.now();
    try {
      await load(connection);
    } catch (e) {
      connection.closeSync();
      instance.closeSync();
      throw e;
    }
    return new DuckDbModelSession(instance, connection, performance.now() - t, options.databaseFile === undefined ? DUCKDB : DUCKDB_ON_DISK);
  }

  /** Runs the scenario's script (the result tables stay in the database). */
  runScript(scenario: Scenario, done?: StatementDone): Promise<void> {
    return runModelScript(this.connection, scenario, this.dialect, done);
  }

  /** Runs the scenario's script and reads back `tables` (all result tables by default). */
  async run(scenario: Scenario, tables: readonly ResultTable[] = RESULT_TABLES, done?: StatementDone): Promise<DuckDbModelResult> {
    let t = performance.now();
    await this.runScript(scenario, done);
    const scriptMs = performance.now() - t;
    t = performance.now();
    const out: Partial<Record<ResultTable, SqlRow[]>> = {};
    for (const table of tables) out[table] = await readResultTable(this.connection, table);
    return { tables: out, timings: { loadMs: this.loadMs, scriptMs, readMs: performance.now() - t } };
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}
