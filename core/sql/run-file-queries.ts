/**
 * `cvalue run --engine duckdb`: the queries that read the result tables back as the run files
 * of SPEC §13 — the same columns in the same row order as the TypeScript engine writes them
 * (run-file-rows.ts) — and summary.json, warnings.json and breakpoints.json rebuilt from those
 * rows as run-summary.ts, warnings.ts and profit-score.ts build them.
 */
import { GROUPINGS, NO_VALUE_GROUP, type Grouping } from '../engine/aggregates.js';
import { evaluationMonthOf } from '../engine/run-model.js';
import type { Allocation } from '../engine/allocate-common-costs.js';
import type { CustomerWindow } from '../engine/customer-window.js';
import { formatWarningNumber, type RunWarning } from '../engine/run-warning.js';
import { tierNamesOf, type ValueScores } from '../engine/value-and-tiers.js';
import { runWarnings } from '../engine/warnings.js';
import type { ModelInput } from '../model/dataset.js';
import { monthKey, windowMonths } from '../model/month.js';
import { INELIGIBLE_TIER, type Scenario } from '../model/scenario.js';
import { AGGREGATE_COLUMNS, PLAN_FLAG_COLUMNS } from './aggregates-sql.js';
import { DUCKDB } from './dialect.js';
import { RECONCILIATION_COLUMNS } from './reconciliation-sql.js';
import { CUSTOMER_COLUMNS } from './value-sql.js';

export type RunFileCell = string | number | null;

export const CUSTOMER_MONTH_COLUMNS = [
  'customer_id', 'month', 'revenue', 'settlement_cost', 'individual_cost', 'allocated', 'profit', 'allocated_rounded', 'in_window',
] as const;
export const RECONCILIATION_MONTH_COLUMNS = [
  'month', 'pools_total', 'allocated_pools_total', 'unallocated_total', 'customers_present', 'float_allocated_sum', 'rounded_customer_sum',
] as const;
/** DECIMAL(18, 2) columns: yuan to the fen, which the files write with exactly two decimals (fenText). */
export const FEN_COLUMNS: ReadonlySet<string> = new Set(['allocated_rounded', 'pools_total', 'allocated_pools_total', 'unallocated_total', 'rounded_customer_sum']);

/** One CSV run file: its name, its header (the engine's) and the query giving its rows in the engine's order. */
export interface RunFileQuery {
  readonly file: string;
  readonly columns: readonly string[];
  readonly sql: string;
}

function select(columns: readonly string[], from: string, orderBy: string): string {
  return `SELECT ${columns.map((c) => DUCKDB.quote(c)).join(', ')} FROM ${from} ORDER BY ${orderBy}`;
}

/** The tier groups in the engine's order: the scenario's tiers, the lowest tier, (无分值), 不参与评分. */
function tierGroupOrder(scenario: Scenario): string {
  const groups = [...tierNamesOf(scenario), NO_VALUE_GROUP, INELIGIBLE_TIER];
  return `CASE ${DUCKDB.quote('group')} ${groups.map((g, i) => `WHEN ${DUCKDB.string(g)} THEN ${i}`).join(' ')} ELSE ${groups.length} END`;
}

function aggregateQuery(scenario: Scenario, grouping: Grouping): RunFileQuery {
  const columns = [...AGGREGATE_COLUMNS, ...(grouping === 'plan' ? PLAN_FLAG_COLUMNS : [])];
  // The engine sorts groups by code unit, DuckDB by UTF-8 bytes: the same order outside U+E000–U+FFFF vs surrogates.
  const order = grouping === 'tier' ? tierGroupOrder(scenario) : DUCKDB.quote('group');
  return { file: `aggregates_${grouping}.csv`, columns, sql: select(columns, `cv_aggregates_${grouping}`, order) };
}

/** The CSV files the SQL covers, in the order the engine writes them. */
export function runFileQueries(scenario: Scenario): RunFileQuery[] {
  return [
    { file: 'customers.csv', columns: CUSTOMER_COLUMNS, sql: select(CUSTOMER_COLUMNS, 'cv_customers', 'customer_id') },
    { file: 'customer_months.csv', columns: CUSTOMER_MONTH_COLUMNS, sql: select(CUSTOMER_MONTH_COLUMNS, 'cv_customer_months', 'month, customer_id') },
    ...GROUPINGS.map((g) => aggregateQuery(scenario, g)),
    // The engine's pools are ordered by name, then month (pool-scopes.ts).
    { file: 'reconciliation.csv', columns: RECONCILIATION_COLUMNS, sql: select(RECONCILIATION_COLUMNS, 'cv_reconciliation', 'pool, month') },
    { file: 'reconciliation_months.csv', columns: RECONCILIATION_MONTH_COLUMNS, sql: select(RECONCILIATION_MONTH_COLUMNS, 'cv_reconciliation_months', 'month') },
  ];
}

const col = (name: (typeof CUSTOMER_COLUMNS)[number]): number => CUSTOMER_COLUMNS.indexOf(name);
const C = {
  id: col('customer_id'),
  eligible: col('eligible'),
  reason: col('reason'),
  avgProfit: col('avg_profit'),
  value: col('value'),
  tier: col('tier'),
  tenureSource: col('tenure_source'),
  borderline: col('borderline'),
};

/**
 * What summary.json and warnings.json need from customers.csv, gathered row by row while it is
 * written (rows in customer_id order, as summarizeRun walks the customer table).
 */
export class CustomerTally {
  customers = 0;
  eligible = 0;
  negativeCount = 0;
  loss = 0;
  withoutJoinDate = 0;
  /** Eligible customers without a value: the formula gave no finite result. */
  noValue = 0;
  readonly reasons = new Map<string, number>();
  readonly tiers: Map<string, number>;
  readonly borderline: string[] = [];

  constructor(scenario: Scenario) {
    this.tiers = new Map([...tierNamesOf(scenario), NO_VALUE_GROUP, INELIGIBLE_TIER].map((t) => [t, 0]));
  }

  add(row: readonly RunFileCell[]): void {
    this.customers++;
    const eligible = row[C.eligible] === 1;
    if (eligible) this.eligible++;
    const reason = row[C.reason];
    if (typeof reason === 'string' && reason !== '') this.reasons.set(reason, (this.reasons.get(reason) ?? 0) + 1);
    const tier = row[C.tier];
    const group = typeof tier === 'string' ? tier : eligible ? NO_VALUE_GROUP : INELIGIBLE_TIER;
    this.tiers.set(group, (this.tiers.get(group) ?? 0) + 1);
    const profit = row[C.avgProfit];
    if (typeof profit === 'number' && profit < 0) {
      this.negativeCount++;
      this.loss += profit;
    }
    if (row[C.tenureSource] !== 'join_date') this.withoutJoinDate++;
    if (eligible && row[C.value] === null) this.noValue++;
    if (row[C.borderline] === 1) this.borderline.push(String(row[C.id]));
  }
}

/** summary.json as summaryJson (run-file-rows.ts) writes it. */
export function summaryFromTally(input: ModelInput, scenario: Scenario, tally: CustomerTally): unknown {
  const month = evaluationMonthOf(input, scenario);
  return {
    scenario: scenario.name,
    month: monthKey(month),
    window: windowMonths(month, scenario.window).map(monthKey),
    customers: tally.customers,
    eligible: tally.eligible,
    reasons: Object.fromEntries(tally.reasons),
    negative_count: tally.negativeCount,
    loss: tally.loss,
    tiers: Object.fromEntries([...tally.tiers].filter(([, n]) => n > 0)),
    borderline_customers: tally.borderline,
  };
}

export interface ReconciliationFacts {
  readonly pool: string;
  readonly month: string;
  readonly scope: string;
  readonly amount: number;
  readonly customersInScope: number;
  readonly movedDrivers: readonly string[];
}

/** The facts of a reconciliation.csv row (cells in RECONCILIATION_COLUMNS order) that warnings need. */
export function reconciliationFacts(row: readonly RunFileCell[]): ReconciliationFacts {
  const at = (name: (typeof RECONCILIATION_COLUMNS)[number]): RunFileCell => row[RECONCILIATION_COLUMNS.indexOf(name)] ?? null;
  const moved = at('moved_drivers');
  return {
    pool: String(at('pool')),
    month: String(at('month')),
    scope: at('scope') === null ? '' : String(at('scope')),
    amount: Number(at('amount')),
    customersInScope: Number(at('customers_in_scope')),
    movedDrivers: typeof moved === 'string' && moved !== '' ? moved.split(';') : [],
  };
}

/**
 * allocate-common-costs.ts's warnings from the reconciliation rows:
 * a scope that matches nobody, a driver whose total is 0, a scenario pool absent from the data.
 * `pools` are in the engine's order (pool, then month).
 * The texts repeat the engine's; test/sql/run-engine-duckdb.test.ts compares warnings.json with it.
 */
function allocationWarnings(input: ModelInput, scenario: Scenario, pools: readonly ReconciliationFacts[]): RunWarning[] {
  const out: RunWarning[] = [];
  for (const p of pools) {
    if (p.customersInScope === 0) {
      out.push({
        code: 'allocation.scope_empty',
        en: `pool ${p.pool} ${p.month}: scope ${p.scope === '' ? '(all)' : p.scope} matches nobody; ${formatWarningNumber(p.amount)} left unallocated`,
        zh: `成本池 ${p.pool} ${p.month}：分摊范围 ${p.scope === '' ? '（全部）' : p.scope} 没有匹配的用户，${p.amount.toFixed(2)} 元未分摊`,
      });
      continue;
    }
    for (const driver of p.movedDrivers) {
      out.push({
        code: 'allocation.driver_moved',
        en: `pool ${p.pool} ${p.month}: driver total ${driver} is 0, weight moved to users`,
        zh: `成本池 ${p.pool} ${p.month}：动因 ${driver} 合计为 0，其权重转入用户数`,
      });
    }
  }
  const used = new Set(input.pools.map((p) => p.pool));
  for (const name of Object.keys(scenario.drivers.pools).sort()) {
    if (!used.has(name)) {
      out.push({
        code: 'allocation.pool_not_in_data',
        en: `pool ${name} has driver weights in the scenario but does not occur in the data`,
        zh: `方案为成本池 ${name} 设置了动因权重，但数据中没有该成本池`,
      });
    }
  }
  return out;
}

/** The run's warnings in the engine's order (warnings.ts), from the input, the reconciliation rows and the tally. */
export function warningsFromRows(input: ModelInput, scenario: Scenario, pools: readonly ReconciliationFacts[], tally: CustomerTally): RunWarning[] {
  const months = windowMonths(evaluationMonthOf(input, scenario), scenario.window);
  const loaded = Array.from(input.facts.months);
  const allocation: Allocation = { allocated: new Float64Array(0), reconciliation: [], warnings: allocationWarnings(input, scenario, pools) };
  // runWarnings reads only these fields of the window and the values. It counts the table's
  // customers whose tenure does not come from a join date: a table of `withoutJoinDate` entries
  // all pointing at customer 0, who has none, gives it that count without a row per customer.
  const win = {
    windowMonths: months,
    windowMonthIndex: months.map((m) => loaded.indexOf(m)),
    table: new Int32Array(tally.withoutJoinDate),
    tenureFromJoinDate: new Uint8Array(1),
  } as Partial<CustomerWindow> as CustomerWindow;
  const values = { nonFiniteCount: tally.noValue } as Partial<ValueScores> as ValueScores;
  return runWarnings(input, allocation, win, values);
}

/** breakpoints.json as breakpointsJson (run-file-rows.ts) writes it. */
export function breakpointsFromRows(
  scenario: Scenario,
  eligibleCount: number,
  quantiles: readonly { readonly i: number; readonly quantile: number }[],
  points: readonly { readonly profit: number; readonly score: number }[],
  spendCap: number | null,
): unknown {
  const auto = scenario.profit_breakpoints.mode === 'auto';
  const q = auto ? quantiles.map(({ i, quantile }) => [i / 10, quantile, 10 * i]) : [];
  return {
    mode: scenario.profit_breakpoints.mode,
    n_eligible: eligibleCount,
    quantiles: q,
    breakpoints: points.map(({ profit, score }) => [profit, score]),
    collapsed: auto && points.length < q.length,
    spend_cap: spendCap,
    spend_cap_mode: scenario.credit.spend_cap === 'auto' ? 'auto' : 'fixed',
  };
}
