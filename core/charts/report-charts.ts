/** The report's charts in their fixed order, as options that the exporter renders and the screens draw. */
import type { EChartsOption } from 'echarts';
import type { Lang } from '../model/messages.js';
import type { ReportChartData } from './chart-data.js';
import { chartTexts } from './chart-texts.js';
import { negativeShareByBranchOption } from './options/negative-share-by-branch-option.js';
import { profitByPlanOption } from './options/profit-by-plan-option.js';
import { profitCurveOption } from './options/profit-curve-option.js';
import { tierCountsOption } from './options/tier-counts-option.js';
import { barsThatFit } from './options/top-bars.js';
import { valueHistogramOption } from './options/value-histogram-option.js';

export const REPORT_CHART_NAMES = ['value-histogram', 'tier-counts', 'profit-by-plan', 'negative-share-by-branch', 'profit-curve'] as const;
export type ReportChartName = (typeof REPORT_CHART_NAMES)[number];

export interface ReportChart {
  readonly name: ReportChartName;
  /** The chart's title, e.g. for the sheet or the caption the image is placed under. */
  readonly title: string;
  readonly option: EChartsOption;
}

/** `chartHeight` (CSS pixels) decides how many plans and branches get a bar of their own. */
export function reportChartOptions(data: ReportChartData, lang: Lang, chartHeight = 450): ReportChart[] {
  const maxBars = barsThatFit(chartHeight);
  return [
    { name: 'value-histogram', title: chartTexts.valueHistogram.title[lang], option: valueHistogramOption(data.valueHistogram, lang) },
    { name: 'tier-counts', title: chartTexts.tierCounts.title[lang], option: tierCountsOption(data.tierCounts, lang) },
    { name: 'profit-by-plan', title: chartTexts.profitByPlan.title[lang], option: profitByPlanOption(data.profitByPlan, lang, maxBars) },
    { name: 'negative-share-by-branch', title: chartTexts.negativeShareByBranch.title[lang], option: negativeShareByBranchOption(data.negativeShareByBranch, lang, maxBars) },
    { name: 'profit-curve', title: chartTexts.profitCurve.title[lang], option: profitCurveOption(data.profitCurve, lang) },
  ];
}
