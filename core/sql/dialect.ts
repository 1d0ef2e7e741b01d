/**
 * The few places where the warehouse SQL of Spark and DuckDB differ (docs/scale.md, "Spark vs
 * DuckDB differences"). Everything else in the script is written once in the portable subset
 * both accept: CASE, CAST, COALESCE, SUBSTR/INSTR, LEAST/GREATEST, ROW_NUMBER/COUNT windows,
 * explicit DOUBLE literals (1.5E0) and casts instead of each engine's division or rounding rules.
 */

export type DialectName = 'duckdb' | 'spark';

export const DIALECT_NAMES: readonly DialectName[] = ['duckdb', 'spark'];

/** How a statement's result is kept: an inline view, a computed-once intermediate, or an output table. */
export type StatementKind = 'view' | 'stage' | 'result';

export interface SqlDialect {
  readonly name: DialectName;
  /** A quoted identifier, for the one column name that is a keyword (`group`). */
  quote(identifier: string): string;
  /** A string literal. */
  string(text: string): string;
  /** The lines that open a statement (before its SELECT) and the statements that follow it. */
  open(kind: StatementKind, name: string): { readonly before: readonly string[]; readonly header: string; readonly after: readonly string[] };
}

const VIEW = (name: string): string => `CREATE OR REPLACE TEMPORARY VIEW ${name} AS`;

export const DUCKDB: SqlDialect = {
  name: 'duckdb',
  quote: (identifier) => `"${identifier.replace(/"/g, '""')}"`,
  // Standard SQL: a quote is doubled; a backslash is an ordinary character.
  string: (text) => `'${text.replace(/'/g, "''")}'`,
  open(kind, name) {
    if (kind === 'view') return { before: [], header: VIEW(name), after: [] };
    // A view is inlined into every query that reads it; a temporary table is computed once.
    if (kind === 'stage') return { before: [], header: `CREATE OR REPLACE TEMPORARY TABLE ${name} AS`, after: [] };
    return { before: [`DROP TABLE IF EXISTS ${name};`], header: `CREATE TABLE ${name} AS`, after: [] };
  },
};

/**
 * DuckDB with its intermediate stages as tables of the database itself instead of temporary
 * tables, for a run in a database file (`cvalue run --engine duckdb`, the scale bench): DuckDB
 * keeps temporary tables uncompressed in memory and spills them to temp_directory as they are,
 * while a table in the file is written compressed and can leave memory without being written
 * again — at 1M customers × 3 months the stages held ~4 GB in memory as temporary tables. The
 * text is otherwise the DuckDB script's; `cvalue sql --dialect duckdb` writes temporary tables.
 */
export const DUCKDB_ON_DISK: SqlDialect = {
  ...DUCKDB,
  open(kind, name) {
    if (kind === 'stage') return { before: [], header: `CREATE OR REPLACE TABLE ${name} AS`, after: [] };
    return DUCKDB.open(kind, name);
  },
};

export const SPARK: SqlDialect = {
  name: 'spark',
  quote: (identifier) => `\`${identifier.replace(/`/g, '``')}\``,
  // Spark reads backslash escapes in literals, and 'a''b' would be two adjacent literals ('ab').
  string: (text) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`,
  open(kind, name) {
    if (kind === 'view') return { before: [], header: VIEW(name), after: [] };
    // Temporary tables do not exist in Spark SQL: a cached temporary view is computed once.
    if (kind === 'stage') return { before: [], header: VIEW(name), after: [`CACHE TABLE ${name};`] };
    // Without USING, a Hive-enabled session would create a Hive text table.
    return { before: [`DROP TABLE IF EXISTS ${name};`], header: `CREATE TABLE ${name} USING parquet AS`, after: [] };
  },
};

export function dialectByName(name: DialectName): SqlDialect {
  return name === 'duckdb' ? DUCKDB : SPARK;
}
