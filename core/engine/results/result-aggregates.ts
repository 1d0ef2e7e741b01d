/**
 * SPEC §10's aggregates of a results set, summed from its customers.csv columns: the same rows,
 * order and NaN conventions as the engine's (aggregates.ts), so the screens and the report show
 * a warehouse run exactly as they show one of their own.
 */
import { CATEGORY_FIELDS } from '../../model/fields.js';
import { RESULT_TIER_INELIGIBLE, RESULT_TIER_NO_VALUE, resultTierNames, type ResultCustomers } from '../../model/result-set.js';
import { INELIGIBLE_TIER, type Scenario } from '../../model/scenario.js';
import { GROUPINGS, NO_VALUE_GROUP, type AggregateRow, type Grouping } from '../aggregates.js';

interface Sums {
  customers: number;
  eligible: number;
  revenue: number;
  settlement: number;
  individual: number;
  allocated: number;
  profit: number;
  negative: number;
  loss: number;
  valueSum: number;
  valueCount: number;
}

function emptySums(): Sums {
  return { customers: 0, eligible: 0, revenue: 0, settlement: 0, individual: 0, allocated: 0, profit: 0, negative: 0, loss: 0, valueSum: 0, valueCount: 0 };
}

/** Sums per group; `codes` gives each customer's group. */
function groupSums(customers: ResultCustomers, codes: Int32Array, groups: number): Sums[] {
  const sums = Array.from({ length: groups }, emptySums);
  const { avg_revenue, avg_settlement_cost, avg_individual_cost, avg_allocated, avg_profit } = customers.money;
  const value = customers.scores.value;
  for (let c = 0; c < customers.ids.length; c++) {
    const s = sums[codes[c] as number] as Sums;
    const p = avg_profit[c] as number;
    const v = value[c] as number;
    s.customers++;
    s.eligible += customers.eligible[c] as number;
    s.revenue += avg_revenue[c] as number;
    s.settlement += avg_settlement_cost[c] as number;
    s.individual += avg_individual_cost[c] as number;
    s.allocated += avg_allocated[c] as number;
    s.profit += p;
    if (p < 0) {
      s.negative++;
      s.loss += p;
    }
    if (v === v) {
      s.valueSum += v;
      s.valueCount++;
    }
  }
  return sums;
}

function rowsOf(sums: readonly Sums[], names: readonly string[], withPlanFlags: boolean): AggregateRow[] {
  const rows: AggregateRow[] = [];
  sums.forEach((s, g) => {
    if (s.customers === 0) return;
    rows.push({
      group: names[g] as string,
      customers: s.customers,
      eligible: s.eligible,
      sumAvgRevenue: s.revenue,
      sumAvgSettlementCost: s.settlement,
      sumAvgIndividualCost: s.individual,
      sumAvgAllocated: s.allocated,
      sumAvgProfit: s.profit,
      margin: s.revenue === 0 ? NaN : s.profit / s.revenue,
      negativeCount: s.negative,
      negativeShare: s.negative / s.customers,
      loss: s.loss,
      meanValue: s.valueCount > 0 ? s.valueSum / s.valueCount : NaN,
      lossMakingPlan: withPlanFlags && s.profit < 0,
      settlementInverted: withPlanFlags && s.settlement > s.revenue,
    });
  });
  return rows;
}

function byCodeUnit(a: AggregateRow, b: AggregateRow): number {
  return a.group < b.group ? -1 : a.group > b.group ? 1 : 0;
}

/** Groups by category in code-unit order; tiers in the scenario's order, then (无分值), then 不参与评分. */
export function resultAggregates(customers: ResultCustomers, scenario: Scenario): Record<Grouping, AggregateRow[]> {
  const out = {} as Record<Grouping, AggregateRow[]>;
  for (const field of CATEGORY_FIELDS) {
    const { codes, names } = customers.categories[field];
    out[field] = rowsOf(groupSums(customers, codes, names.length), names, field === 'plan').sort(byCodeUnit);
  }
  const tierNames = [...resultTierNames(scenario), NO_VALUE_GROUP, INELIGIBLE_TIER];
  const noValue = tierNames.length - 2;
  const ineligible = tierNames.length - 1;
  const { tier } = customers;
  const tierCodes = new Int32Array(tier.length);
  for (let c = 0; c < tier.length; c++) {
    const t = tier[c] as number;
    tierCodes[c] = t === RESULT_TIER_INELIGIBLE ? ineligible : t === RESULT_TIER_NO_VALUE ? noValue : t;
  }
  out.tier = rowsOf(groupSums(customers, tierCodes, tierNames.length), tierNames, false);
  // GROUPINGS' key order, as the engine returns it.
  return Object.fromEntries(GROUPINGS.map((g) => [g, out[g]])) as Record<Grouping, AggregateRow[]>;
}
