/** Σ avg_profit per plan as horizontal bars, loss-making plans in red. */
import type { BarSeriesOption, EChartsOption } from 'echarts';
import type { Lang } from '../../model/messages.js';
import type { PlanProfit } from '../chart-data.js';
import { chartTexts } from '../chart-texts.js';
import { axisStyle, baseOption, FONT_SIZE, palette } from './chart-style.js';
import { formatFixed, formatNumber, moneyAxisName, moneyScale } from './number-format.js';
import { barNameAxis, MAX_BARS, splitTopBars } from './top-bars.js';

interface PlanBar {
  readonly label: string;
  readonly profit: number;
  readonly kind: 'profitable' | 'lossMaking' | 'others';
}

/**
 * With many plans, the bars kept are those of largest |profit|: the biggest earners and the
 * biggest losers are what the reader looks for, and a plain top 20 by profit would hide every
 * loss-making plan in "others".
 */
function planBars(plans: readonly PlanProfit[], lang: Lang, maxBars: number): PlanBar[] {
  const { kept, rest } = splitTopBars(plans, (p) => Math.abs(p.sumAvgProfit), maxBars);
  const bars = kept.map((p): PlanBar => ({ label: p.plan, profit: p.sumAvgProfit, kind: p.lossMakingPlan ? 'lossMaking' : 'profitable' }));
  if (rest.length > 0) bars.push({ label: chartTexts.others(rest.length)[lang], profit: rest.reduce((s, p) => s + p.sumAvgProfit, 0), kind: 'others' });
  return bars;
}

/** `maxBars`: see barsThatFit for a chart smaller than 800×450. */
export function profitByPlanOption(plans: readonly PlanProfit[], lang: Lang, maxBars = MAX_BARS): EChartsOption {
  const texts = chartTexts.profitByPlan;
  const bars = planBars(plans, lang, maxBars);
  const scale = moneyScale(Math.max(0, ...bars.map((b) => Math.abs(b.profit))), lang);
  // One series per colour, stacked so that each plan keeps a single bar slot; the series give the legend.
  const series = (kind: PlanBar['kind'], name: string, color: string): BarSeriesOption => ({
    type: 'bar',
    name,
    stack: 'plan',
    barMaxWidth: 24,
    itemStyle: { color },
    label: { show: true, position: 'right', fontSize: FONT_SIZE.small, color: palette.text, formatter: ({ value }) => formatFixed(value as number, scale.decimals) },
    data: bars.map((b) => (b.kind === kind ? { value: b.profit / scale.divisor, label: { position: b.profit < 0 ? 'left' : 'right' } } : null)),
  });
  return {
    ...baseOption(texts.title[lang]),
    legend: { top: 38, data: [texts.profitable[lang], texts.lossMaking[lang]], textStyle: { color: palette.axis } },
    grid: { left: 20, right: 70, top: 72, bottom: 50 },
    xAxis: {
      ...axisStyle,
      type: 'value',
      name: moneyAxisName(chartTexts.profit[lang], scale, lang),
      nameLocation: 'middle',
      nameGap: 26,
      axisLabel: { ...axisStyle.axisLabel, formatter: (v: number) => formatNumber(v, 2) },
    },
    yAxis: barNameAxis(bars.map((b) => b.label)),
    series: [
      series('profitable', texts.profitable[lang], palette.bar),
      series('lossMaking', texts.lossMaking[lang], palette.loss),
      series('others', bars.find((b) => b.kind === 'others')?.label ?? '', palette.muted),
    ],
  };
}
