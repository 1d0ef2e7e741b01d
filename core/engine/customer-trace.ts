/**
 * One customer's figures traced back to their inputs: per loaded month the revenue and cost
 * parts, each pool's allocation with the driver shares that produced it, and each sub-score
 * with what it was computed from. The pool parts are recomputed from the run's reconciliation
 * (the weights used after any move to users, and the totals X(p,d)) and the customer's own
 * usage, as SPEC §3 writes them, so they add up to the engine's allocated(c,m) up to float
 * rounding (the engine folds the unscoped pools of a month before it touches a row).
 */
import type { CostPool } from '../model/dataset.js';
import { monthKey } from '../model/month.js';
import { numberAt } from '../model/number-column.js';
import { DRIVERS, type Driver } from '../model/scenario.js';
import type { ReconciliationRow } from './allocate-common-costs.js';
import { customerRecord, type CustomerRecord } from './customer-query.js';
import type { ModelResult } from './run-model.js';
import { scoreOnCurve, type Breakpoint } from './profit-score.js';

export interface DriverShare {
  readonly driver: Driver;
  /** w(p,d) as used (after any move to users). */
  readonly weight: number;
  /** x(c,d): the customer's usage (users: 1; revenue: billed revenue, negatives as 0). */
  readonly x: number;
  /** X(p,d): the total over the pool's scope. */
  readonly total: number;
}

export interface PoolShare {
  readonly pool: string;
  /** The pool's amount in yuan. */
  readonly amount: number;
  /** share(c,p) = Σ_d w(p,d)·x(c,d)/X(p,d). */
  readonly share: number;
  /** amount · share, summed per driver as the engine does: Σ_d (amount·w/X)·x. */
  readonly allocated: number;
  /** The drivers with a weight. */
  readonly drivers: readonly DriverShare[];
}

export interface TraceMonth {
  readonly month: string;
  readonly inWindow: boolean;
  readonly billedRevenue: number;
  readonly settlementIncome: number;
  readonly revenue: number;
  readonly settlementCost: number;
  readonly commission: number;
  readonly marketingDiscount: number;
  readonly handsetSubsidy: number;
  readonly pointsCost: number;
  readonly individualCost: number;
  /** allocated(c,m) as the engine computed it. */
  readonly allocated: number;
  /** The pools whose scope holds the customer this month. */
  readonly pools: readonly PoolShare[];
  readonly profit: number;
}

export interface SubScoreTrace {
  readonly name: 'profit_score' | 'credit' | 'loyalty' | 'behaviour' | 'value';
  readonly score: number | null;
  /** Its weight in the value score; null for the value itself and in formula mode. */
  readonly weight: number | null;
  readonly inputs: Readonly<Record<string, number | string | null>>;
}

export interface CustomerTraceResult {
  readonly customer: CustomerRecord;
  /** The months the customer is present in, oldest first. */
  readonly months: readonly TraceMonth[];
  readonly scores: readonly SubScoreTrace[];
}

function orNull(x: number): number | null {
  return Number.isNaN(x) ? null : x;
}

/** The customer's row in loaded month index m, or −1 (rows of a month are sorted by customer). */
function rowOf(result: ModelResult, m: number, c: number): number {
  const { monthStart, customer } = result.input.facts;
  let lo = monthStart[m] as number;
  let hi = (monthStart[m + 1] as number) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = customer[mid] as number;
    if (v === c) return mid;
    if (v < c) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

function driverValue(result: ModelResult, r: number, driver: Driver): number {
  const n = result.input.facts.numbers;
  switch (driver) {
    case 'users':
      return 1;
    case 'revenue':
      return Math.max(numberAt(n.billed_revenue, r), 0);
    default:
      return numberAt(n[driver], r);
  }
}

function inScope(result: ModelResult, pool: CostPool, r: number): boolean {
  if (pool.scope === null) return true;
  const facts = result.input.facts;
  return facts.categories[pool.scope.field][r] === facts.dictionaries[pool.scope.field].indexOf(pool.scope.value);
}

function poolShare(result: ModelResult, row: ReconciliationRow, r: number): PoolShare {
  const amount = row.amountFen / 100;
  const drivers: DriverShare[] = [];
  let share = 0;
  let allocated = 0;
  DRIVERS.forEach((driver, d) => {
    const weight = row.weights[d] as number;
    if (!(weight > 0)) return;
    const total = row.totals[d] as number;
    const x = driverValue(result, r, driver);
    share += (weight * x) / total;
    // The engine's own expression for the coefficient, so each term is the engine's term.
    allocated += ((amount * weight) / total) * x;
    drivers.push({ driver, weight, x, total });
  });
  return { pool: row.pool, amount, share, allocated, drivers };
}

function monthTrace(result: ModelResult, r: number, month: string, pools: readonly { row: ReconciliationRow; pool: CostPool }[]): TraceMonth {
  const n = result.input.facts.numbers;
  const { money } = result;
  const revenue = money.revenueAt(r);
  const individualCost = money.individualCostAt(r);
  const allocated = result.allocation.allocated[r] as number;
  return {
    month,
    inWindow: result.window.rowInWindow[r] === 1,
    billedRevenue: numberAt(n.billed_revenue, r),
    settlementIncome: numberAt(n.settlement_income, r),
    revenue,
    settlementCost: money.settlementCostAt(r),
    commission: numberAt(n.commission, r),
    marketingDiscount: numberAt(n.marketing_discount, r),
    handsetSubsidy: numberAt(n.handset_subsidy, r),
    pointsCost: numberAt(n.points_cost, r),
    individualCost,
    allocated,
    pools: pools.filter((p) => p.row.month === month && inScope(result, p.pool, r)).map((p) => poolShare(result, p.row, r)),
    profit: revenue - individualCost - allocated,
  };
}

/** The allocated reconciliation rows with the pool each came from (pool and month are unique). */
function allocatedPools(result: ModelResult): { row: ReconciliationRow; pool: CostPool }[] {
  const byKey = new Map(result.input.pools.map((p) => [`${p.pool}\u0000${monthKey(p.month)}`, p]));
  return result.allocation.reconciliation.flatMap((row) => {
    const pool = byKey.get(`${row.pool}\u0000${row.month}`);
    return row.allocated && pool !== undefined ? [{ row, pool }] : [];
  });
}

function breakpointText(points: readonly Breakpoint[]): string {
  return points.map(([p, s]) => `${p}→${s}`).join('; ');
}

function profitScoreTrace(result: ModelResult, c: number, weight: number | null): SubScoreTrace {
  const { breakpoints } = result;
  const points = breakpoints.breakpoints;
  const x = result.profit.avgProfit[c] as number;
  // The neighbouring breakpoints the score was interpolated between (one of them outside the curve).
  let upper = points.findIndex(([p]) => p > x);
  if (upper < 0) upper = points.length;
  const below = points[upper - 1];
  const above = points[upper];
  return {
    name: 'profit_score',
    score: orNull(result.profitScore[c] as number),
    weight,
    inputs: {
      avg_profit: x,
      mode: breakpoints.mode,
      breakpoints: breakpointText(points),
      lower_profit: below?.[0] ?? null,
      lower_score: below?.[1] ?? null,
      upper_profit: above?.[0] ?? null,
      upper_score: above?.[1] ?? null,
      curve_score: points.length === 0 ? null : scoreOnCurve(points, x),
    },
  };
}

function scoreTraces(result: ModelResult, c: number): SubScoreTrace[] {
  const { scenario, window: win, credit, loyalty } = result;
  const formula = scenario.value_formula !== null;
  const vw = scenario.value_weights;
  const weightOf = (w: number): number | null => (formula ? null : w);
  const tenure = win.tenure[c] as number;
  const segment = result.input.facts.dictionaries.segment[win.attributes.segment[c] as number] ?? null;
  const cw = scenario.credit.weights;
  const lw = scenario.loyalty.weights;
  const t = result.values.tier[c] as number;
  const g = credit.parts(c);
  const l = loyalty.parts(c);
  return [
    profitScoreTrace(result, c, weightOf(vw.profit)),
    {
      name: 'credit',
      score: orNull(credit.credit[c] as number),
      weight: weightOf(vw.credit),
      inputs: {
        g1_tenure: orNull(g.g1),
        g2_spend: orNull(g.g2),
        g3_suspension_count: orNull(g.g3),
        g4_suspension_days: orNull(g.g4),
        tenure_months: tenure,
        tenure_cap: scenario.credit.tenure_cap,
        avg_billed_revenue: win.avgBilledRevenue[c] as number,
        spend_cap: credit.spendCap,
        spend_cap_mode: credit.spendCapMode,
        avg_suspension_count: win.avgSuspensionCount[c] as number,
        suspension_count_cap: scenario.credit.suspension_count_cap,
        avg_suspension_days: win.avgSuspensionDays[c] as number,
        suspension_days_cap: scenario.credit.suspension_days_cap,
        w_tenure: cw.tenure,
        w_spend: cw.spend,
        w_suspension_count: cw.suspension_count,
        w_suspension_days: cw.suspension_days,
      },
    },
    {
      name: 'loyalty',
      score: orNull(loyalty.loyalty[c] as number),
      weight: weightOf(vw.loyalty),
      inputs: {
        l1_tenure: orNull(l.l1),
        l2_services: orNull(l.l2),
        l3_plan_stability: orNull(l.l3),
        tenure_months: tenure,
        tenure_cap: scenario.loyalty.tenure_cap,
        services: win.services[c] as number,
        services_cap: scenario.loyalty.services_cap,
        plan_changes: win.planChanges[c] as number,
        window: win.window,
        w_tenure: lw.tenure,
        w_services: lw.services,
        w_plan_stability: lw.plan_stability,
      },
    },
    {
      name: 'behaviour',
      score: orNull(result.behaviour[c] as number),
      weight: weightOf(vw.behaviour),
      inputs: {
        segment,
        source: segment !== null && Object.hasOwn(scenario.behaviour.table, segment) ? 'table' : 'default',
        default: scenario.behaviour.default,
      },
    },
    {
      name: 'value',
      score: orNull(result.values.value[c] as number),
      weight: null,
      inputs: formula
        ? { mode: 'formula', formula: scenario.value_formula, tier: t >= 0 ? (result.values.tierNames[t] as string) : null, borderline: result.values.borderline[c] as number }
        : {
            mode: 'weights',
            w_profit: vw.profit,
            w_loyalty: vw.loyalty,
            w_credit: vw.credit,
            w_behaviour: vw.behaviour,
            tier: t >= 0 ? (result.values.tierNames[t] as string) : null,
            borderline: result.values.borderline[c] as number,
          },
    },
  ];
}

/** The trace of customer index `c`, a customer of the run's table. */
export function traceCustomer(result: ModelResult, c: number): CustomerTraceResult {
  const facts = result.input.facts;
  const pools = allocatedPools(result);
  const months: TraceMonth[] = [];
  for (let m = 0; m < facts.months.length; m++) {
    const r = rowOf(result, m, c);
    if (r >= 0) months.push(monthTrace(result, r, monthKey(facts.months[m] as number), pools));
  }
  return { customer: customerRecord(result, c), months, scores: scoreTraces(result, c) };
}
