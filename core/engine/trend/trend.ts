/**
 * Value over time (issue 6): the model run once per evaluation month, each month with its own
 * window, keeping only what the trend screens and the early warnings read.
 */
import type { ModelInput } from '../../model/dataset.js';
import type { IdList } from '../../model/id-list.js';
import { monthKey } from '../../model/month.js';
import type { Scenario } from '../../model/scenario.js';
import type { AggregateRow } from '../aggregates.js';
import { ModelSession } from '../run-model.js';
import { monthArrears } from './month-arrears.js';

export const TREND_GROUPINGS = ['plan', 'branch', 'channel'] as const;
export type TrendGrouping = (typeof TREND_GROUPINGS)[number];

/** One evaluation month; the arrays are indexed by customer (facts.customerIds). */
export interface TrendMonth {
  readonly month: number;
  /** 1 when the customer is in that month's customer table. */
  readonly inTable: Uint8Array;
  /** NaN when the customer has no value (not in the table, ineligible, or a non-finite formula). */
  readonly value: Float64Array;
  /** Index into Trend.tierNames, or TIER_INELIGIBLE / TIER_NO_VALUE (value-and-tiers.ts). */
  readonly tier: Int16Array;
  readonly avgProfit: Float64Array;
  /** NaN for customers without a credit score. */
  readonly credit: Float64Array;
  /** The arrears fact of the evaluation month itself; NaN when the customer is absent that month. */
  readonly arrears: Float64Array;
  /** The month's aggregate rows (customers, negative count and share, loss, plan flags). */
  readonly groups: Readonly<Record<TrendGrouping, readonly AggregateRow[]>>;
}

export interface Trend {
  readonly customerIds: IdList;
  readonly tierNames: readonly string[];
  /** Ascending by month. */
  readonly months: readonly TrendMonth[];
}

/**
 * The trend one month at a time: yields the number of months done after each month and returns
 * the Trend. A caller that must stay responsive (the service, which lets a cancel in between
 * months) drives it step by step; everyone else calls computeTrend.
 *
 * One session for every month: only `month` changes between runs, so the stages that do not
 * depend on it (row money, driver columns, pool scopes, the allocation of every loaded month)
 * are computed once. Without reuseBuffers each run's arrays are fresh, so keeping references
 * is safe and the rest of each result is left to the garbage collector.
 */
export function* trendSteps(input: ModelInput, scenario: Scenario, months: readonly number[]): Generator<number, Trend, void> {
  const session = new ModelSession(input);
  let tierNames: readonly string[] = [];
  const out: TrendMonth[] = [];
  for (const month of months) {
    const result = session.run({ ...scenario, month: monthKey(month) });
    tierNames = result.values.tierNames;
    out.push({
      month,
      inTable: result.window.inTable,
      value: result.values.value,
      tier: result.values.tier,
      avgProfit: result.profit.avgProfit,
      credit: result.credit.credit,
      arrears: monthArrears(input.facts, month),
      groups: { plan: result.aggregates.plan, branch: result.aggregates.branch, channel: result.aggregates.channel },
    });
    yield out.length;
  }
  return { customerIds: input.facts.customerIds, tierNames, months: out };
}

/** The whole trend at once (the command line); the service steps through trendSteps to report and cancel. */
export function computeTrend(input: ModelInput, scenario: Scenario, months: readonly number[]): Trend {
  const steps = trendSteps(input, scenario, months);
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
  }
}
