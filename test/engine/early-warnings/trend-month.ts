/** Hand-made trend months for the rule tests: three customers unless told otherwise. */
import type { AggregateRow } from '../../../core/engine/aggregates.js';
import type { TrendMonth } from '../../../core/engine/trend/trend.js';
import { PackedIds } from '../../../core/model/id-list.js';
import { monthNumber } from '../../../core/model/month.js';

export interface MonthSpec {
  readonly month: string;
  readonly inTable?: readonly number[];
  readonly value?: readonly number[];
  readonly tier?: readonly number[];
  readonly avgProfit?: readonly number[];
  readonly credit?: readonly number[];
  readonly arrears?: readonly number[];
  readonly plan?: readonly AggregateRow[];
  readonly branch?: readonly AggregateRow[];
  readonly channel?: readonly AggregateRow[];
}

export function trendMonth(spec: MonthSpec): TrendMonth {
  const n = spec.value?.length ?? spec.avgProfit?.length ?? spec.credit?.length ?? 1;
  return {
    month: monthNumber(spec.month),
    inTable: Uint8Array.from(spec.inTable ?? new Array<number>(n).fill(1)),
    value: Float64Array.from(spec.value ?? new Array<number>(n).fill(NaN)),
    tier: Int16Array.from(spec.tier ?? new Array<number>(n).fill(-1)),
    avgProfit: Float64Array.from(spec.avgProfit ?? new Array<number>(n).fill(0)),
    credit: Float64Array.from(spec.credit ?? new Array<number>(n).fill(NaN)),
    arrears: Float64Array.from(spec.arrears ?? new Array<number>(n).fill(0)),
    groups: { plan: spec.plan ?? [], branch: spec.branch ?? [], channel: spec.channel ?? [] },
  };
}

export function ids(count: number): PackedIds {
  return PackedIds.fromSorted(Array.from({ length: count }, (_, i) => `c${i}`));
}

/** An aggregate row with the figures the rules read; the plan flags follow SPEC §10 from the sums. */
export function groupRow(group: string, figures: { customers?: number; negativeShare?: number; sumAvgProfit?: number; sumAvgSettlementCost?: number; sumAvgRevenue?: number }): AggregateRow {
  const customers = figures.customers ?? 100;
  const negativeShare = figures.negativeShare ?? 0;
  const sumAvgProfit = figures.sumAvgProfit ?? 0;
  const sumAvgRevenue = figures.sumAvgRevenue ?? 0;
  const sumAvgSettlementCost = figures.sumAvgSettlementCost ?? 0;
  return {
    group,
    customers,
    eligible: customers,
    sumAvgRevenue,
    sumAvgSettlementCost,
    sumAvgIndividualCost: 0,
    sumAvgAllocated: 0,
    sumAvgProfit,
    margin: NaN,
    negativeCount: negativeShare * customers,
    negativeShare,
    loss: 0,
    meanValue: NaN,
    lossMakingPlan: sumAvgProfit < 0,
    settlementInverted: sumAvgSettlementCost > sumAvgRevenue,
  };
}
