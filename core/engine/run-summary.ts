/** The run's headline figures (SPEC §4, §9): what summary.json and the report's KPIs show. */
import { INELIGIBLE_TIER } from '../model/scenario.js';
import { NO_VALUE_GROUP } from './aggregates.js';
import { reasonText } from './eligibility.js';
import type { ModelResult } from './run-model.js';
import { TIER_INELIGIBLE, TIER_NO_VALUE } from './value-and-tiers.js';

export interface RunSummary {
  readonly customers: number;
  readonly eligible: number;
  /** Ineligibility reason (Chinese, as in customers.csv) → customers. */
  readonly reasons: ReadonlyMap<string, number>;
  readonly negativeCount: number;
  /** Σ avg_profit over negative-value customers (0 when none). */
  readonly loss: number;
  /** Σ avg_profit over the customer table. */
  readonly totalProfit: number;
  /** Every tier, then the no-value group and 不参与评分, with their counts (zeros kept). */
  readonly tiers: ReadonlyMap<string, number>;
  /** Customers whose value lies within float noise of a tier threshold. */
  readonly borderline: readonly number[];
}

export function summarizeRun(result: ModelResult): RunSummary {
  const { window: win, eligibility, profit, values } = result;
  const reasons = new Map<string, number>();
  const tierNames = [...values.tierNames, NO_VALUE_GROUP, INELIGIBLE_TIER];
  const tierCounts = new Float64Array(tierNames.length);
  const borderline: number[] = [];
  let negativeCount = 0;
  let loss = 0;
  let totalProfit = 0;
  for (const c of win.table) {
    const reason = reasonText(eligibility.reason[c] as number, eligibility.minTenure);
    if (reason !== '') reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    const t = values.tier[c] as number;
    const slot = t === TIER_INELIGIBLE ? tierNames.length - 1 : t === TIER_NO_VALUE ? tierNames.length - 2 : t;
    tierCounts[slot] = (tierCounts[slot] as number) + 1;
    const p = profit.avgProfit[c] as number;
    totalProfit += p;
    if (p < 0) {
      negativeCount++;
      loss += p;
    }
    if (values.borderline[c] === 1) borderline.push(c);
  }
  return {
    customers: win.table.length,
    eligible: eligibility.eligibleList.length,
    reasons,
    negativeCount,
    loss,
    totalProfit,
    tiers: new Map(tierNames.map((name, i) => [name, tierCounts[i] as number])),
    borderline,
  };
}
