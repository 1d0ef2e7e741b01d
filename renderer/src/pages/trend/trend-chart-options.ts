/** ECharts options of the 趋势 screen, built from the trend view alone (pure, so tests can read them). */
import type { EChartsOption } from 'echarts';
import type { TrendView } from '../../../../core/service/contract';

export interface TrendChartLabels {
  readonly negativeCount: string;
  readonly loss: string;
  readonly totalProfit: string;
  readonly count: string;
  readonly yuan: string;
}

/** Negative count on the left axis (customers), loss and total profit on the right (yuan). */
export function trendLinesOption(trend: TrendView, labels: TrendChartLabels): EChartsOption {
  const months = trend.months.map((m) => m.month);
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    // The axis names sit above the grid; below the legend's row, so a long legend (English) cannot run into them.
    grid: { left: 64, right: 88, top: 64, bottom: 32 },
    xAxis: { type: 'category', data: months },
    yAxis: [
      { type: 'value', name: labels.count },
      { type: 'value', name: labels.yuan },
    ],
    series: [
      { type: 'line', name: labels.negativeCount, yAxisIndex: 0, data: trend.months.map((m) => m.kpis.negativeCount) },
      { type: 'line', name: labels.loss, yAxisIndex: 1, data: trend.months.map((m) => m.kpis.loss) },
      { type: 'line', name: labels.totalProfit, yAxisIndex: 1, data: trend.months.map((m) => m.kpis.totalProfit) },
    ],
  };
}

/**
 * One stacked bar per tier (the scenario's tiers, then the no-value and ineligible groups);
 * `tierLabel` names the latter two in the screen's language.
 */
export function tierStackOption(trend: TrendView, countLabel: string, tierLabel: (tier: string) => string = (tier) => tier): EChartsOption {
  const tiers = [...new Set(trend.months.flatMap((m) => m.kpis.tiers.map((t) => t.tier)))];
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 64, right: 24, top: 64, bottom: 32 },
    xAxis: { type: 'category', data: trend.months.map((m) => m.month) },
    yAxis: { type: 'value', name: countLabel },
    series: tiers.map((tier) => ({ type: 'bar', stack: 'tiers', name: tierLabel(tier), data: trend.months.map((m) => m.kpis.tiers.find((t) => t.tier === tier)?.customers ?? 0) })),
  };
}
