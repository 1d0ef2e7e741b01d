/**
 * The data-only half of SPEC §3: which rows each pool's scope covers and its driver totals
 * X(p,d). None of it depends on the scenario, so a what-if re-run reuses it as it is.
 */
import type { CostPool, FactTable } from '../model/dataset.js';
import type { NumberColumn } from '../model/number-column.js';
import { DRIVERS, type Driver } from '../model/scenario.js';

/**
 * The fact columns the drivers x(c,d) are read from: x = values[r] / scale for minutes, data_mb
 * and sms, max(billed revenue, 0) for revenue, and 1 for users (no column). Nothing is decoded
 * or copied: a column per driver would be 230 MB each at ten million customers × three months.
 */
export type DriverColumns = Readonly<Record<Exclude<Driver, 'users' | 'revenue'> | 'billed_revenue', NumberColumn>>;

export function driverColumns(facts: FactTable): DriverColumns {
  const n = facts.numbers;
  return { minutes: n.minutes, data_mb: n.data_mb, sms: n.sms, billed_revenue: n.billed_revenue };
}

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

/** Σ x(c,d) over the rows start…end−1, or over `rows` when given. */
function driverTotal(columns: DriverColumns, driver: Exclude<Driver, 'users'>, start: number, end: number, rows: Int32Array | null): number {
  const clip = driver === 'revenue';
  const { values, scale } = clip ? columns.billed_revenue : columns[driver];
  let sum = 0;
  if (rows === null) {
    for (let r = start; r < end; r++) {
      const x = (values[r] as number) / scale;
      sum += clip ? Math.max(x, 0) : x;
    }
  } else {
    for (let i = 0; i < rows.length; i++) {
      const x = (values[rows[i] as number] as number) / scale;
      sum += clip ? Math.max(x, 0) : x;
    }
  }
  return sum;
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
      totals[d] = driverTotal(columns, driver, start, end, rows);
    });
    return { pool, monthIndex, rows, customersInScope: count, totals };
  });
}
