/** The share of negative-value customers per branch, largest first. */
import type { EChartsOption } from 'echarts';
import type { Lang } from '../../model/messages.js';
import type { BranchNegativeShare } from '../chart-data.js';
import { chartTexts } from '../chart-texts.js';
import { axisStyle, baseOption, FONT_SIZE, palette } from './chart-style.js';
import { formatNumber, formatPercent } from './number-format.js';
import { barNameAxis, MAX_BARS, splitTopBars } from './top-bars.js';

interface BranchBar {
  readonly label: string;
  readonly share: number;
  readonly others: boolean;
}

/** With many branches, the largest shares keep their bars; the rest show as one share of their pooled customers. */
function branchBars(branches: readonly BranchNegativeShare[], lang: Lang, maxBars: number): BranchBar[] {
  const { kept, rest } = splitTopBars(branches, (b) => b.negativeShare, maxBars);
  const bars = kept.map((b): BranchBar => ({ label: b.branch, share: b.negativeShare, others: false }));
  if (rest.length > 0) {
    const customers = rest.reduce((s, b) => s + b.customers, 0);
    const negative = rest.reduce((s, b) => s + b.negativeCount, 0);
    bars.push({ label: chartTexts.others(rest.length)[lang], share: customers === 0 ? 0 : negative / customers, others: true });
  }
  return bars;
}

/** `maxBars`: see barsThatFit for a chart smaller than 800×450. */
/** `title` replaces the branch title when the same chart shows another grouping (channels on the screens). */
export function negativeShareByBranchOption(branches: readonly BranchNegativeShare[], lang: Lang, maxBars = MAX_BARS, title?: string): EChartsOption {
  const texts = chartTexts.negativeShareByBranch;
  const bars = branchBars(branches, lang, maxBars);
  return {
    ...baseOption(title ?? texts.title[lang]),
    grid: { left: 20, right: 60, top: 50, bottom: 50 },
    xAxis: {
      ...axisStyle,
      type: 'value',
      name: texts.xAxis[lang],
      nameLocation: 'middle',
      nameGap: 26,
      min: 0,
      axisLabel: { ...axisStyle.axisLabel, formatter: (v: number) => formatNumber(v, 1) },
    },
    yAxis: barNameAxis(bars.map((b) => b.label)),
    series: [
      {
        type: 'bar',
        name: texts.xAxis[lang],
        barMaxWidth: 24,
        label: { show: true, position: 'right', fontSize: FONT_SIZE.small, color: palette.text, formatter: ({ dataIndex }) => formatPercent(bars[dataIndex]?.share ?? 0) },
        data: bars.map((b) => ({ value: 100 * b.share, itemStyle: { color: b.others ? palette.muted : palette.loss } })),
      },
    ],
  };
}
