/**
 * The small summaries of a trend that the 趋势 screen and the report's 趋势 sheet show: per-month
 * KPIs and, per plan/branch/channel, each month's negative-value figures. Kilobytes, never
 * per-customer arrays, so they can cross the service boundary as they are.
 */
import { INELIGIBLE_TIER } from '../../model/scenario.js';
import { NO_VALUE_GROUP } from '../aggregates.js';
import { TIER_INELIGIBLE, TIER_NO_VALUE } from '../value-and-tiers.js';
import type { Trend, TrendGrouping, TrendMonth } from './trend.js';

export interface TrendKpis {
  readonly customers: number;
  readonly eligible: number;
  readonly negativeCount: number;
  readonly loss: number;
  readonly totalProfit: number;
  /** Tier → customers: every tier, then (无分值) and 不参与评分 when the month has any. */
  readonly tiers: readonly { readonly tier: string; readonly customers: number }[];
}

export interface TrendGroupMonth {
  readonly customers: number;
  readonly negativeCount: number;
  readonly negativeShare: number;
  readonly loss: number;
}

/** One group across the trend; months[i] is null when the group had nobody in trend month i. */
export interface TrendGroupSeries {
  readonly group: string;
  readonly months: readonly (TrendGroupMonth | null)[];
}

/** A tier code of TrendMonth.tier as the name the files and screens use. */
export function trendTierName(trend: Trend, t: number): string {
  if (t === TIER_INELIGIBLE) return INELIGIBLE_TIER;
  if (t === TIER_NO_VALUE) return NO_VALUE_GROUP;
  return trend.tierNames[t] ?? String(t);
}

export function trendMonthKpis(trend: Trend, m: TrendMonth): TrendKpis {
  // The plan rows partition the month's customer table, so their sums are the month's totals.
  let customers = 0;
  let eligible = 0;
  let negativeCount = 0;
  let loss = 0;
  let totalProfit = 0;
  for (const row of m.groups.plan) {
    customers += row.customers;
    eligible += row.eligible;
    negativeCount += row.negativeCount;
    loss += row.loss;
    totalProfit += row.sumAvgProfit;
  }
  const counts = new Map<number, number>();
  for (let c = 0; c < m.inTable.length; c++) if (m.inTable[c] === 1) counts.set(m.tier[c] as number, (counts.get(m.tier[c] as number) ?? 0) + 1);
  const order = [...trend.tierNames.keys(), TIER_NO_VALUE, TIER_INELIGIBLE];
  const tiers = order.filter((t) => t >= 0 || counts.has(t)).map((t) => ({ tier: trendTierName(trend, t), customers: counts.get(t) ?? 0 }));
  return { customers, eligible, negativeCount, loss, totalProfit, tiers };
}

/** Every group that had customers in any trend month, sorted by name. */
export function trendGroupSeries(trend: Trend, grouping: TrendGrouping): TrendGroupSeries[] {
  const names = new Set<string>();
  for (const m of trend.months) for (const row of m.groups[grouping]) names.add(row.group);
  const byMonth = trend.months.map((m) => new Map(m.groups[grouping].map((row) => [row.group, row])));
  return [...names].sort().map((group) => ({
    group,
    months: byMonth.map((rows) => {
      const row = rows.get(group);
      return row === undefined ? null : { customers: row.customers, negativeCount: row.negativeCount, negativeShare: row.negativeShare, loss: row.loss };
    }),
  }));
}
