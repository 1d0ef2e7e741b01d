/**
 * The results page's charts, built with the report's own option builders so the screen and
 * the exported workbook draw the same thing.
 */
import type { EChartsOption } from 'echarts';
import type { BranchNegativeShare, TierCount } from '../../../../core/charts/chart-data';
import { chartTexts } from '../../../../core/charts/chart-texts';
import { negativeShareByBranchOption } from '../../../../core/charts/options/negative-share-by-branch-option';
import { profitByPlanOption } from '../../../../core/charts/options/profit-by-plan-option';
import { profitCurveOption } from '../../../../core/charts/options/profit-curve-option';
import { tierCountsOption } from '../../../../core/charts/options/tier-counts-option';
import { barsThatFit } from '../../../../core/charts/options/top-bars';
import { valueHistogramOption } from '../../../../core/charts/options/value-histogram-option';
import type { Lang } from '../../../../core/model/messages';
import type { AggregateView, RunView } from '../../../../core/service/contract';

export interface ResultChartOptions {
  readonly valueHistogram: EChartsOption;
  readonly tierCounts: EChartsOption;
  readonly profitByPlan: EChartsOption;
  readonly negativeShareByBranch: EChartsOption;
  readonly negativeShareByChannel: EChartsOption;
  readonly profitCurve: EChartsOption;
}

/** The service labels the groups outside the tiers in one language; the screen follows the UI's. */
function relabelTiers(tiers: readonly TierCount[], lang: Lang): TierCount[] {
  return tiers.map((t) => {
    if (t.kind === 'ineligible') return { ...t, label: chartTexts.ineligibleGroup[lang] };
    if (t.kind === 'no_value') return { ...t, label: chartTexts.noValueGroup[lang] };
    return t;
  });
}

/** Channels in the branch chart's row shape, largest negative share first as the branches come. */
export function channelNegativeShares(channels: readonly AggregateView[]): BranchNegativeShare[] {
  return channels
    .map((r): BranchNegativeShare => ({ branch: r.group, customers: r.customers, negativeCount: r.negativeCount, negativeShare: r.negativeShare }))
    .sort((a, b) => b.negativeShare - a.negativeShare);
}

/**
 * The charts of a run, or of a results set (the same chart data and aggregates). `chartHeight`
 * decides how many plans, branches and channels get a bar of their own.
 */
export function resultChartOptions(run: Pick<RunView, 'charts' | 'aggregates'>, lang: Lang, chartHeight: number, channelTitle: string): ResultChartOptions {
  const maxBars = barsThatFit(chartHeight);
  return {
    valueHistogram: valueHistogramOption(run.charts.valueHistogram, lang),
    tierCounts: tierCountsOption(relabelTiers(run.charts.tierCounts, lang), lang),
    profitByPlan: profitByPlanOption(run.charts.profitByPlan, lang, maxBars),
    negativeShareByBranch: negativeShareByBranchOption(run.charts.negativeShareByBranch, lang, maxBars),
    negativeShareByChannel: negativeShareByBranchOption(channelNegativeShares(run.aggregates.channel), lang, maxBars, channelTitle),
    profitCurve: profitCurveOption(run.charts.profitCurve, lang),
  };
}
