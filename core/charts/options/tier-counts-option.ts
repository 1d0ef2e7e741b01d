/** Customers per value tier, with the groups outside the tiers in grey. */
import type { EChartsOption } from 'echarts';
import type { Lang } from '../../model/messages.js';
import type { TierCount } from '../chart-data.js';
import { chartTexts } from '../chart-texts.js';
import { axisStyle, baseOption, leftAxisName, palette } from './chart-style.js';
import { formatNumber } from './number-format.js';

export function tierCountsOption(tiers: readonly TierCount[], lang: Lang): EChartsOption {
  const texts = chartTexts.tierCounts;
  return {
    ...baseOption(texts.title[lang]),
    grid: { left: 70, right: 40, top: 60, bottom: 60 },
    xAxis: {
      ...axisStyle,
      type: 'category',
      name: texts.xAxis[lang],
      nameLocation: 'middle',
      nameGap: 32,
      data: tiers.map((t) => t.label),
      // Every tier is named, however narrow the chart: a bar without its name means nothing.
      axisLabel: { ...axisStyle.axisLabel, interval: 0 },
    },
    yAxis: {
      ...axisStyle,
      ...leftAxisName,
      type: 'value',
      name: chartTexts.customers[lang],
      minInterval: 1,
      axisLabel: { ...axisStyle.axisLabel, formatter: (v: number) => formatNumber(v) },
    },
    series: [
      {
        type: 'bar',
        name: chartTexts.customers[lang],
        barMaxWidth: 80,
        label: { show: true, position: 'top', formatter: ({ value }) => formatNumber(value as number) },
        data: tiers.map((t) => ({ value: t.customers, itemStyle: { color: t.kind === 'tier' ? palette.bar : palette.muted } })),
      },
    ],
  };
}
