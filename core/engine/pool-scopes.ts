/**
 * The data-only half of SPEC §3: which rows each pool's scope covers and its driver totals
 * X(p,d). None of it depends on the scenario, so a what-if re-run reuses it as it is.
 */
import type { CostPool, FactTable } from '../model/dataset.js';
import { decodeNumbers, type NumberColumn } from '../model/number-column.js';
import { DRIVERS, type Driver } from '../model/scenario.js';

/** Driver values x(c,d) per row; `users` is 1 for every row and has no column. */
export type DriverColumns = Readonly<Record<Exclude<Driver, 'users'>, Float64Array | Int32Array>>;

export interface ScopedPool {
  readonly pool: CostPool;
  /** Index into facts.months, or −1 when no data was loaded for the pool's month. */
  readonly monthIndex: number;
  /** Rows in scope; null means every row of the month (an unscoped pool). */
  readonly rows: Int32Array | null;
  readonly customersInScope: number;
  /** X(p,d) in DRIVERS order. */
  readonly totals: Float64Array;
}

export function driverColumns(facts: FactTable): DriverColumns {
  const { values: billed, scale } = facts.numbers.billed_revenue;
  const revenue = new Float64Array(billed.length);
  for (let r = 0; r < billed.length; r++) revenue[r] = Math.max((billed[r] as number) / scale, 0);
  return { minutes: wholeValues(facts.numbers.minutes), data_mb: wholeValues(facts.numbers.data_mb), sms: wholeValues(facts.numbers.sms), revenue };
}

/** The column's values as they are when they need no scaling (usually: counts are whole), else decoded. */
function wholeValues(column: NumberColumn): Float64Array | Int32Array {
  return column.scale === 1 ? column.values : decodeNumbers(column);
}

function findMonthIndex(facts: FactTable, month: number): number {
  for (let i = 0; i < facts.months.length; i++) if (facts.months[i] === month) return i;
  return -1;
}

function scopeRows(facts: FactTable, pool: CostPool, start: number, end: number): Int32Array {
  const scope = pool.scope;
  if (scope === null) throw new Error('unscoped pools have no row list');
  const code = facts.dictionaries[scope.field].indexOf(scope.value);
  if (code < 0) return new Int32Array(0);
  const column = facts.categories[scope.field];
  let count = 0;
  for (let r = start; r < end; r++) if (column[r] === code) count++;
  const rows = new Int32Array(count);
  let k = 0;
  for (let r = start; r < end; r++) if (column[r] === code) rows[k++] = r;
  return rows;
}

export function scopePools(facts: FactTable, pools: readonly CostPool[], columns: DriverColumns): ScopedPool[] {
  const sorted = [...pools].sort((a, b) => (a.pool < b.pool ? -1 : a.pool > b.pool ? 1 : a.month - b.month));
  return sorted.map((pool) => {
    const monthIndex = findMonthIndex(facts, pool.month);
    const totals = new Float64Array(DRIVERS.length);
    if (monthIndex < 0) return { pool, monthIndex, rows: new Int32Array(0), customersInScope: 0, totals };
    const start = facts.monthStart[monthIndex] as number;
    const end = facts.monthStart[monthIndex + 1] as number;
    const rows = pool.scope === null ? null : scopeRows(facts, pool, start, end);
    const count = rows === null ? end - start : rows.length;
    DRIVERS.forEach((driver, d) => {
      if (driver === 'users') {
        totals[d] = count;
        return;
      }
      const x = columns[driver];
      let sum = 0;
      if (rows === null) for (let r = start; r < end; r++) sum += x[r] as number;
      else for (let i = 0; i < rows.length; i++) sum += x[rows[i] as number] as number;
      totals[d] = sum;
    });
    return { pool, monthIndex, rows, customersInScope: count, totals };
  });
}
