/**
 * Compares result-table rows (DuckDB) with rows of a run file (the worked example's expected
 * CSV, or the engine's own rows as run-file-rows.ts writes them): money and scores within 1e-6
 * (relative past 1), flags, reasons, tiers, counts and ids exactly, fen columns as whole fen.
 * Rows are matched by their key columns, so neither side's order matters.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { csvCell, type CsvCell } from '../../core/io/run-files/csv-text.js';
import type { SqlCell, SqlRow } from '../../core/sql/run-duckdb.js';

const EXACT = new Set([
  'customer_id', 'month', 'group', 'pool', 'eligible', 'reason', 'tenure_months', 'tier', 'negative', 'customers', 'negative_count',
  'customers_in_scope', 'status', 'moved_to_users', 'in_window', 'scope', 'moved_drivers', 'months_present', 'tenure_source',
  'both_reasons', 'services', 'plan_changes', 'borderline', 'loss_making_plan', 'settlement_inverted', 'branch', 'channel',
  'brand', 'plan', 'segment', 'customers_present',
]);
/** Yuan with two decimals (fenText in the files): compared as whole fen. */
const FEN = new Set(['allocated_rounded', 'pools_total', 'allocated_pools_total', 'unallocated_total', 'rounded_customer_sum']);
const TOLERANCE = 1e-6;

export type TextRow = Record<string, string>;

export function readCsvRows(path: string): TextRow[] {
  return parse(readFileSync(path, 'utf8'), { columns: true, skip_empty_lines: true }) as TextRow[];
}

/** Rows of a run-file generator (header first) as the text the CSV file would hold. */
export function runFileRows(rows: Iterable<readonly CsvCell[]>): TextRow[] {
  const [header, ...body] = [...rows];
  if (header === undefined) return [];
  return body.map((cells) => Object.fromEntries(header.map((name, i) => [String(name), csvCell(cells[i] ?? null)])));
}

function sqlText(cell: SqlCell | undefined): string {
  return cell === null || cell === undefined ? '' : String(cell);
}

/** Within 1e-6, relative past 1 (sums of 100,000 customers' money differ in the order they are added). */
export function numbersAgree(a: number, b: number): boolean {
  return Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.abs(b));
}

function agree(column: string, actual: SqlCell | undefined, expected: string): boolean {
  const have = sqlText(actual);
  if (FEN.has(column)) return have !== '' && expected !== '' && Math.round(Number(have) * 100) === Math.round(Number(expected) * 100);
  if (EXACT.has(column)) return have === expected;
  if (have === '' || expected === '') return have === expected;
  const a = Number(have);
  const b = Number(expected);
  if (Number.isNaN(a) || Number.isNaN(b)) return have === expected;
  return numbersAgree(a, b);
}

/**
 * Differences between `actual` and `expected` over the expected rows' columns (or `columns`),
 * rows matched on `key`; at most `limit` lines.
 */
export function compareRows(actual: readonly SqlRow[], expected: readonly TextRow[], key: readonly string[], options: { columns?: readonly string[]; limit?: number } = {}): string[] {
  const limit = options.limit ?? 50;
  const diffs: string[] = [];
  const keyOf = (row: Record<string, unknown>): string => key.map((k) => sqlText(row[k] as SqlCell)).join('|');
  const byKey = new Map(actual.map((row) => [keyOf(row), row]));
  if (byKey.size !== actual.length) diffs.push(`duplicate keys among ${actual.length} actual rows`);
  if (actual.length !== expected.length) diffs.push(`${actual.length} rows, expected ${expected.length}`);
  const columns = options.columns ?? Object.keys(expected[0] ?? {});
  for (const want of expected) {
    if (diffs.length >= limit) break;
    const k = keyOf(want);
    const got = byKey.get(k);
    if (got === undefined) {
      diffs.push(`row ${k} missing`);
      continue;
    }
    for (const column of columns) {
      if (!(column in got)) diffs.push(`${k}: column ${column} missing`);
      else if (!agree(column, got[column], want[column] ?? '')) diffs.push(`${k} ${column}: got "${sqlText(got[column])}", expected "${want[column] ?? ''}"`);
    }
  }
  return diffs.slice(0, limit);
}
