/**
 * What the report's charts show, read off a model result as plain JSON-serialisable data, so
 * that the Electron main process can send it to the screens and the exporter can render it.
 */
import type { Lang } from '../model/messages.js';
import { INELIGIBLE_TIER } from '../model/scenario.js';
import { NO_VALUE_GROUP, type AggregateRow } from '../engine/aggregates.js';
import type { ModelResult } from '../engine/run-model.js';
import { chartTexts } from './chart-texts.js';
import { profitCurve, type ProfitCurve } from './data/profit-curve.js';
import { valueHistogram, type ValueHistogram } from './data/value-histogram.js';

export type { CurvePoint, ProfitCurve } from './data/profit-curve.js';
export type { HistogramBin, ValueHistogram } from './data/value-histogram.js';

export type TierKind = 'tier' | 'no_value' | 'ineligible';

export interface TierCount {
  /** The scenario's tier name, or the special group's label in the chosen language. */
  readonly label: string;
  readonly kind: TierKind;
  readonly customers: number;
}

export interface PlanProfit {
  readonly plan: string;
  readonly customers: number;
  readonly sumAvgProfit: number;
  /** 亏损资费: Σ avg_profit < 0. */
  readonly lossMakingPlan: boolean;
  /** 结算倒挂: Σ avg_settlement_cost > Σ avg_revenue. */
  readonly settlementInverted: boolean;
}

export interface BranchNegativeShare {
  readonly branch: string;
  readonly customers: number;
  readonly negativeCount: number;
  /** 0–1. */
  readonly negativeShare: number;
}

export interface ReportChartData {
  readonly valueHistogram: ValueHistogram;
  /** The scenario's tiers in order (with 0 for an empty tier), then the no-value group if any, then 不参与评分. */
  readonly tierCounts: readonly TierCount[];
  /** Every plan, most profitable first. */
  readonly profitByPlan: readonly PlanProfit[];
  /** Every branch, largest negative-value share first. */
  readonly negativeShareByBranch: readonly BranchNegativeShare[];
  readonly profitCurve: ProfitCurve;
}

function tierCounts(rows: readonly AggregateRow[], tierNames: readonly string[], lang: Lang): TierCount[] {
  const customersOf = (group: string): number => rows.find((r) => r.group === group)?.customers ?? 0;
  const out = tierNames.map((name): TierCount => ({ label: name, kind: 'tier', customers: customersOf(name) }));
  const noValue = customersOf(NO_VALUE_GROUP);
  if (noValue > 0) out.push({ label: chartTexts.noValueGroup[lang], kind: 'no_value', customers: noValue });
  out.push({ label: chartTexts.ineligibleGroup[lang], kind: 'ineligible', customers: customersOf(INELIGIBLE_TIER) });
  return out;
}

/**
 * The profit curve sorts every customer's profit (~150 ms at 1M), yet a value-weight what-if
 * leaves profits as they were. The engine makes a new profit object whenever it recomputes
 * profits, so the object itself is the key.
 */
const curves = new WeakMap<ModelResult['profit'], ProfitCurve>();

function cachedProfitCurve(result: ModelResult): ProfitCurve {
  let curve = curves.get(result.profit);
  if (curve === undefined) {
    curve = profitCurve(result.profit.avgProfit, result.window.table);
    curves.set(result.profit, curve);
  }
  return curve;
}

/** What the charts are drawn from, whoever computed it: a model run or a results set. */
export interface ChartSource {
  readonly value: Float64Array;
  /** The customers charted (indices into value). */
  readonly table: Int32Array;
  readonly aggregates: Readonly<Record<'tier' | 'plan' | 'branch', readonly AggregateRow[]>>;
  readonly tierNames: readonly string[];
  readonly profitCurve: ProfitCurve;
}

export function chartDataOf(source: ChartSource, lang: Lang): ReportChartData {
  const { aggregates } = source;
  return {
    valueHistogram: valueHistogram(source.value, source.table),
    tierCounts: tierCounts(aggregates.tier, source.tierNames, lang),
    profitByPlan: aggregates.plan
      .map((r): PlanProfit => ({
        plan: r.group,
        customers: r.customers,
        sumAvgProfit: r.sumAvgProfit,
        lossMakingPlan: r.lossMakingPlan,
        settlementInverted: r.settlementInverted,
      }))
      .sort((a, b) => b.sumAvgProfit - a.sumAvgProfit),
    negativeShareByBranch: aggregates.branch
      .map((r): BranchNegativeShare => ({ branch: r.group, customers: r.customers, negativeCount: r.negativeCount, negativeShare: r.negativeShare }))
      .sort((a, b) => b.negativeShare - a.negativeShare),
    profitCurve: source.profitCurve,
  };
}

export function reportChartData(result: ModelResult, lang: Lang): ReportChartData {
  return chartDataOf(
    { value: result.values.value, table: result.window.table, aggregates: result.aggregates, tierNames: result.values.tierNames, profitCurve: cachedProfitCurve(result) },
    lang,
  );
}
