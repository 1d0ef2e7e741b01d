/**
 * SPEC §10 aggregates by plan, brand, branch, channel, segment and tier. Customers are summed
 * into cells (customer-cells.ts) in three parts that change at different times — the data's
 * own money, the driver-dependent profit, and the value — and the cells roll up to groups.
 */
import { CATEGORY_FIELDS } from '../model/fields.js';
import type { FactTable } from '../model/dataset.js';
import { INELIGIBLE_TIER } from '../model/scenario.js';
import type { CustomerCells } from './customer-cells.js';
import type { CustomerWindow } from './customer-window.js';
import type { Eligibility } from './eligibility.js';
import { TIER_INELIGIBLE, TIER_NO_VALUE, type ValueScores } from './value-and-tiers.js';
import type { WindowProfit } from './window-profit.js';

export const GROUPINGS = ['plan', 'brand', 'branch', 'channel', 'segment', 'tier'] as const;
export type Grouping = (typeof GROUPINGS)[number];
/** Eligible customers whose formula value was not finite have no tier; they are grouped here. */
export const NO_VALUE_GROUP = '(无分值)';

export interface AggregateRow {
  readonly group: string;
  readonly customers: number;
  readonly eligible: number;
  readonly sumAvgRevenue: number;
  readonly sumAvgSettlementCost: number;
  readonly sumAvgIndividualCost: number;
  readonly sumAvgAllocated: number;
  readonly sumAvgProfit: number;
  /** NaN when Σ avg_revenue = 0. */
  readonly margin: number;
  readonly negativeCount: number;
  readonly negativeShare: number;
  readonly loss: number;
  /** NaN when nobody in the group has a value. */
  readonly meanValue: number;
  /** Plans only: 亏损资费 and 结算倒挂. */
  readonly lossMakingPlan: boolean;
  readonly settlementInverted: boolean;
}

/** The three parts of a group's sums, each a column indexed by cell or group. */
export interface BaseSums {
  readonly customers: Float64Array;
  readonly eligible: Float64Array;
  readonly revenue: Float64Array;
  readonly settlement: Float64Array;
  readonly individual: Float64Array;
}
export interface ProfitSums {
  readonly allocated: Float64Array;
  readonly profit: Float64Array;
  readonly negative: Float64Array;
  readonly loss: Float64Array;
}
interface ValueSums {
  readonly valueSum: Float64Array;
  readonly valueCount: Float64Array;
}
type GroupSums = BaseSums & ProfitSums & ValueSums;

function columns<K extends string>(keys: readonly K[], size: number): Record<K, Float64Array> {
  return Object.fromEntries(keys.map((k) => [k, new Float64Array(size)])) as Record<K, Float64Array>;
}

const BASE_KEYS = ['customers', 'eligible', 'revenue', 'settlement', 'individual'] as const;
const PROFIT_KEYS = ['allocated', 'profit', 'negative', 'loss'] as const;
const VALUE_KEYS = ['valueSum', 'valueCount'] as const;

/** Sums that do not move with any weight: counts and the data's own money, per cell. */
export function computeCellBaseSums(cells: CustomerCells, win: CustomerWindow, eligibility: Eligibility): BaseSums {
  const out = columns(BASE_KEYS, cells.cellCount);
  const { customers, eligible, revenue, settlement, individual } = out;
  const { table, avgRevenue, avgSettlementCost, avgIndividualCost } = win;
  const { cellOf } = cells;
  const isEligible = eligibility.eligible;
  for (let i = 0; i < table.length; i++) {
    const c = table[i] as number;
    const g = cellOf[c] as number;
    customers[g] = (customers[g] as number) + 1;
    eligible[g] = (eligible[g] as number) + (isEligible[c] as number);
    revenue[g] = (revenue[g] as number) + (avgRevenue[c] as number);
    settlement[g] = (settlement[g] as number) + (avgSettlementCost[c] as number);
    individual[g] = (individual[g] as number) + (avgIndividualCost[c] as number);
  }
  return out;
}

/** Sums that move with the driver weights, per cell. */
export function computeCellProfitSums(cells: CustomerCells, win: CustomerWindow, profit: WindowProfit): ProfitSums {
  const out = columns(PROFIT_KEYS, cells.cellCount);
  const { allocated, profit: sum, negative, loss } = out;
  const { avgAllocated, avgProfit } = profit;
  const { cellOf } = cells;
  const table = win.table;
  for (let i = 0; i < table.length; i++) {
    const c = table[i] as number;
    const g = cellOf[c] as number;
    const p = avgProfit[c] as number;
    allocated[g] = (allocated[g] as number) + (avgAllocated[c] as number);
    sum[g] = (sum[g] as number) + p;
    if (p < 0) {
      negative[g] = (negative[g] as number) + 1;
      loss[g] = (loss[g] as number) + p;
    }
  }
  return out;
}


/** Adds the cells' sums into their groups of one category field, column by column. */
function rollUp(cellSums: GroupSums, cellCodes: Int32Array, groups: number): GroupSums {
  const out = columns([...BASE_KEYS, ...PROFIT_KEYS, ...VALUE_KEYS], groups);
  for (const key of [...BASE_KEYS, ...PROFIT_KEYS, ...VALUE_KEYS]) {
    const from = cellSums[key];
    const to = out[key];
    for (let cell = 0; cell < cellCodes.length; cell++) {
      const g = cellCodes[cell] as number;
      to[g] = (to[g] as number) + (from[cell] as number);
    }
  }
  return out;
}

/**
 * Tier groups change with every value, so they are summed straight from the customers; the
 * same pass sums the values into the cells for the category groupings.
 * Every column is a local: V8 does not hoist property loads across typed-array stores.
 */
function tierSums(
  codes: Int32Array,
  groups: number,
  win: CustomerWindow,
  eligibility: Eligibility,
  profit: WindowProfit,
  values: ValueScores,
  cells: CustomerCells,
  cellValues: ValueSums,
): GroupSums {
  const out = columns([...BASE_KEYS, ...PROFIT_KEYS, ...VALUE_KEYS], groups);
  const { cellOf } = cells;
  const { valueSum: cellValueSum, valueCount: cellValueCount } = cellValues;
  const { customers, eligible, revenue, settlement, individual, allocated, profit: profitSum, negative, loss, valueSum, valueCount } = out;
  const { table, avgRevenue, avgSettlementCost, avgIndividualCost } = win;
  const { avgProfit, avgAllocated } = profit;
  const isEligible = eligibility.eligible;
  const value = values.value;
  for (let i = 0; i < table.length; i++) {
    const c = table[i] as number;
    const g = codes[c] as number;
    const p = avgProfit[c] as number;
    const v = value[c] as number;
    customers[g] = (customers[g] as number) + 1;
    eligible[g] = (eligible[g] as number) + (isEligible[c] as number);
    revenue[g] = (revenue[g] as number) + (avgRevenue[c] as number);
    settlement[g] = (settlement[g] as number) + (avgSettlementCost[c] as number);
    individual[g] = (individual[g] as number) + (avgIndividualCost[c] as number);
    allocated[g] = (allocated[g] as number) + (avgAllocated[c] as number);
    profitSum[g] = (profitSum[g] as number) + p;
    if (p < 0) {
      negative[g] = (negative[g] as number) + 1;
      loss[g] = (loss[g] as number) + p;
    }
    if (v === v) {
      valueSum[g] = (valueSum[g] as number) + v;
      valueCount[g] = (valueCount[g] as number) + 1;
      const cell = cellOf[c] as number;
      cellValueSum[cell] = (cellValueSum[cell] as number) + v;
      cellValueCount[cell] = (cellValueCount[cell] as number) + 1;
    }
  }
  return out;
}

function rowsOf(sums: GroupSums, names: readonly string[], withPlanFlags: boolean): AggregateRow[] {
  const rows: AggregateRow[] = [];
  names.forEach((group, g) => {
    const customers = sums.customers[g] as number;
    if (customers === 0) return;
    const revenue = sums.revenue[g] as number;
    const settlement = sums.settlement[g] as number;
    const profit = sums.profit[g] as number;
    const negativeCount = sums.negative[g] as number;
    const valueCount = sums.valueCount[g] as number;
    rows.push({
      group,
      customers,
      eligible: sums.eligible[g] as number,
      sumAvgRevenue: revenue,
      sumAvgSettlementCost: settlement,
      sumAvgIndividualCost: sums.individual[g] as number,
      sumAvgAllocated: sums.allocated[g] as number,
      sumAvgProfit: profit,
      margin: revenue === 0 ? NaN : profit / revenue,
      negativeCount,
      negativeShare: negativeCount / customers,
      loss: sums.loss[g] as number,
      meanValue: valueCount > 0 ? (sums.valueSum[g] as number) / valueCount : NaN,
      lossMakingPlan: withPlanFlags && profit < 0,
      settlementInverted: withPlanFlags && settlement > revenue,
    });
  });
  return rows;
}

function byCodeUnit(a: AggregateRow, b: AggregateRow): number {
  return a.group < b.group ? -1 : a.group > b.group ? 1 : 0;
}

export function computeAggregates(
  facts: FactTable,
  win: CustomerWindow,
  eligibility: Eligibility,
  profit: WindowProfit,
  cells: CustomerCells,
  base: BaseSums,
  profitSums: ProfitSums,
  values: ValueScores,
): Record<Grouping, AggregateRow[]> {
  // Tier groups in the scenario's order, then the no-value group, then 不参与评分.
  const tierGroups = [...values.tierNames, NO_VALUE_GROUP, INELIGIBLE_TIER];
  const codes = new Int32Array(win.inTable.length);
  const { table } = win;
  const tier = values.tier;
  const ineligibleGroup = tierGroups.length - 1;
  const noValueGroup = tierGroups.length - 2;
  for (let i = 0; i < table.length; i++) {
    const c = table[i] as number;
    const t = tier[c] as number;
    codes[c] = t === TIER_INELIGIBLE ? ineligibleGroup : t === TIER_NO_VALUE ? noValueGroup : t;
  }
  const cellValues = columns(VALUE_KEYS, cells.cellCount);
  const tiers = tierSums(codes, tierGroups.length, win, eligibility, profit, values, cells, cellValues);
  const cellSums: GroupSums = { ...base, ...profitSums, ...cellValues };
  const out = {} as Record<Grouping, AggregateRow[]>;
  CATEGORY_FIELDS.forEach((field, f) => {
    const names = facts.dictionaries[field];
    out[field] = rowsOf(rollUp(cellSums, cells.cellCodes[f] as Int32Array, names.length), names, field === 'plan').sort(byCodeUnit);
  });
  out.tier = rowsOf(tiers, tierGroups, false);
  return out;
}
