/**
 * SPEC §3, the hybrid allocation of common cost pools:
 * allocated(c,m) = Σ_p amount(p,m) · Σ_d w(p,d) · x(c,d) / X(p,d).
 * Unscoped pools of a month are folded into one coefficient per driver so that a re-weight
 * touches each row once; scoped pools walk only their own rows.
 */
import type { FactTable } from '../model/dataset.js';
import { monthKey } from '../model/month.js';
import { DRIVERS, driverWeightsFor, type Driver, type Scenario } from '../model/scenario.js';
import type { DriverColumns, ScopedPool } from './pool-scopes.js';
import { formatWarningNumber, type RunWarning } from './run-warning.js';

export interface ReconciliationRow {
  readonly pool: string;
  readonly month: string;
  readonly scope: string;
  readonly amountFen: number;
  readonly customersInScope: number;
  readonly allocated: boolean;
  readonly movedDrivers: readonly Driver[];
  readonly allocatedSum: number;
  /** Weights used, after any move to users, in DRIVERS order. */
  readonly weights: readonly number[];
  /** Driver totals X(p,d) in DRIVERS order. */
  readonly totals: readonly number[];
}

export interface Allocation {
  /** allocated(c,m) per row. */
  readonly allocated: Float64Array;
  readonly reconciliation: readonly ReconciliationRow[];
  readonly warnings: readonly RunWarning[];
}

export function scopeText(pool: ScopedPool): string {
  const scope = pool.pool.scope;
  return scope === null ? '' : `${scope.field}=${scope.value}`;
}

/** The weights a pool uses: the scenario's, with any driver whose total is 0 moved to users. */
function effectiveWeights(pool: ScopedPool, scenario: Scenario): { weights: number[]; moved: Driver[] } {
  const given = driverWeightsFor(scenario, pool.pool.pool);
  const weights = DRIVERS.map((d) => given[d]);
  const moved: Driver[] = [];
  if (pool.customersInScope === 0) return { weights, moved };
  DRIVERS.forEach((driver, d) => {
    if (driver !== 'users' && (weights[d] as number) > 0 && pool.totals[d] === 0) {
      weights[0] = (weights[0] as number) + (weights[d] as number);
      weights[d] = 0;
      moved.push(driver);
    }
  });
  return { weights, moved };
}

/**
 * The driver columns as locals for the row loops below, which read x(r,d) as DriverColumns says
 * (values[r] / scale, revenue clipped at 0) but without the division where the scale is 1
 * (whole counts, the usual case: x / 1 is x).
 */
function driverLocals(columns: DriverColumns) {
  const { minutes, data_mb: data, sms, billed_revenue: billed } = columns;
  return {
    minutes: minutes.values,
    minutesScale: minutes.scale,
    minutesWhole: minutes.scale === 1,
    data: data.values,
    dataScale: data.scale,
    dataWhole: data.scale === 1,
    sms: sms.values,
    smsScale: sms.scale,
    smsWhole: sms.scale === 1,
    billed: billed.values,
    billedScale: billed.scale,
  };
}

/** Adds a scoped pool's shares Σ_d coef[d]·x(r,d) to its rows; returns the sum added. */
function addScopedPool(allocated: Float64Array, columns: DriverColumns, coef: Float64Array, rows: Int32Array): number {
  const cUsers = coef[0] as number;
  const cMinutes = coef[1] as number;
  const cData = coef[2] as number;
  const cSms = coef[3] as number;
  const cRevenue = coef[4] as number;
  const { minutes, minutesScale, minutesWhole, data, dataScale, dataWhole, sms, smsScale, smsWhole, billed, billedScale } = driverLocals(columns);
  let total = 0;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as number;
    // Zero coefficients are skipped (most pools use two drivers).
    let share = cUsers;
    if (cMinutes !== 0) share += cMinutes * (minutesWhole ? (minutes[r] as number) : (minutes[r] as number) / minutesScale);
    if (cData !== 0) share += cData * (dataWhole ? (data[r] as number) : (data[r] as number) / dataScale);
    if (cSms !== 0) share += cSms * (smsWhole ? (sms[r] as number) : (sms[r] as number) / smsScale);
    if (cRevenue !== 0) share += cRevenue * Math.max((billed[r] as number) / billedScale, 0);
    allocated[r] = (allocated[r] as number) + share;
    total += share;
  }
  return total;
}

/**
 * Sets every row of one month to its share of the month's folded unscoped pools (one pass;
 * scoped pools add after). The same loop as addScopedPool's, over a range of rows.
 */
function setMonthPools(allocated: Float64Array, columns: DriverColumns, coef: Float64Array, start: number, end: number): void {
  const cUsers = coef[0] as number;
  const cMinutes = coef[1] as number;
  const cData = coef[2] as number;
  const cSms = coef[3] as number;
  const cRevenue = coef[4] as number;
  const { minutes, minutesScale, minutesWhole, data, dataScale, dataWhole, sms, smsScale, smsWhole, billed, billedScale } = driverLocals(columns);
  if (minutesWhole && dataWhole && smsWhole) {
    // The usual case, without the per-row test of the loop below (a what-if runs this on every row).
    for (let r = start; r < end; r++) {
      let share = cUsers;
      if (cMinutes !== 0) share += cMinutes * (minutes[r] as number);
      if (cData !== 0) share += cData * (data[r] as number);
      if (cSms !== 0) share += cSms * (sms[r] as number);
      if (cRevenue !== 0) share += cRevenue * Math.max((billed[r] as number) / billedScale, 0);
      allocated[r] = share;
    }
    return;
  }
  for (let r = start; r < end; r++) {
    let share = cUsers;
    if (cMinutes !== 0) share += cMinutes * (minutesWhole ? (minutes[r] as number) : (minutes[r] as number) / minutesScale);
    if (cData !== 0) share += cData * (dataWhole ? (data[r] as number) : (data[r] as number) / dataScale);
    if (cSms !== 0) share += cSms * (smsWhole ? (sms[r] as number) : (sms[r] as number) / smsScale);
    if (cRevenue !== 0) share += cRevenue * Math.max((billed[r] as number) / billedScale, 0);
    allocated[r] = share;
  }
}

export function allocateCommonCosts(
  facts: FactTable,
  columns: DriverColumns,
  pools: readonly ScopedPool[],
  scenario: Scenario,
  reuse?: Float64Array,
): Allocation {
  // Every row is assigned by its month's pass below, so a recycled buffer needs no clearing.
  const allocated = reuse?.length === facts.customer.length ? reuse : new Float64Array(facts.customer.length);
  const warnings: RunWarning[] = [];
  const monthCoef = Array.from({ length: facts.months.length }, () => new Float64Array(DRIVERS.length));
  const pending: { row: Omit<ReconciliationRow, 'allocatedSum'>; sum: number }[] = [];
  const scoped: { index: number; coef: Float64Array; rows: Int32Array }[] = [];

  for (const pool of pools) {
    const { weights, moved } = effectiveWeights(pool, scenario);
    const amount = pool.pool.amountFen / 100;
    const month = monthKey(pool.pool.month);
    const scope = scopeText(pool);
    const base = {
      pool: pool.pool.pool,
      month,
      scope,
      amountFen: pool.pool.amountFen,
      customersInScope: pool.customersInScope,
      movedDrivers: moved,
      weights,
      totals: Array.from(pool.totals),
    };
    if (pool.customersInScope === 0) {
      pending.push({ row: { ...base, allocated: false }, sum: 0 });
      warnings.push({
        code: 'allocation.scope_empty',
        en: `pool ${pool.pool.pool} ${month}: scope ${scope === '' ? '(all)' : scope} matches nobody; ${formatWarningNumber(amount)} left unallocated`,
        zh: `成本池 ${pool.pool.pool} ${month}：分摊范围 ${scope === '' ? '（全部）' : scope} 没有匹配的用户，${amount.toFixed(2)} 元未分摊`,
      });
      continue;
    }
    for (const driver of moved) {
      warnings.push({
        code: 'allocation.driver_moved',
        en: `pool ${pool.pool.pool} ${month}: driver total ${driver} is 0, weight moved to users`,
        zh: `成本池 ${pool.pool.pool} ${month}：动因 ${driver} 合计为 0，其权重转入用户数`,
      });
    }
    const coef = new Float64Array(DRIVERS.length);
    weights.forEach((w, d) => {
      if (w > 0) coef[d] = (amount * w) / (pool.totals[d] as number);
    });
    if (pool.rows === null) {
      // Folded into the month's coefficients; its sum over the same rows is Σ_d coef·X.
      const target = monthCoef[pool.monthIndex] as Float64Array;
      let sum = 0;
      coef.forEach((c, d) => {
        target[d] = (target[d] as number) + c;
        sum += c * (pool.totals[d] as number);
      });
      pending.push({ row: { ...base, allocated: true }, sum });
    } else {
      scoped.push({ index: pending.length, coef, rows: pool.rows });
      pending.push({ row: { ...base, allocated: true }, sum: 0 });
    }
  }
  monthCoef.forEach((coef, m) => setMonthPools(allocated, columns, coef, facts.monthStart[m] as number, facts.monthStart[m + 1] as number));
  for (const { index, coef, rows } of scoped) (pending[index] as { sum: number }).sum = addScopedPool(allocated, columns, coef, rows);

  const usedPools = new Set(pools.map((p) => p.pool.pool));
  for (const name of Object.keys(scenario.drivers.pools).sort()) {
    if (!usedPools.has(name)) {
      warnings.push({
        code: 'allocation.pool_not_in_data',
        en: `pool ${name} has driver weights in the scenario but does not occur in the data`,
        zh: `方案为成本池 ${name} 设置了动因权重，但数据中没有该成本池`,
      });
    }
  }
  const reconciliation = pending.map(({ row, sum }) => ({ ...row, allocatedSum: sum }));
  return { allocated, reconciliation, warnings };
}
