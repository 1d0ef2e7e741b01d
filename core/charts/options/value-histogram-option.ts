/** Histogram of the value scores: how many customers fall in each score band. */
import type { EChartsOption } from 'echarts';
import type { Lang } from '../../model/messages.js';
import { chartTexts } from '../chart-texts.js';
import type { HistogramBin, ValueHistogram } from '../data/value-histogram.js';
import { axisStyle, baseOption, leftAxisName } from './chart-style.js';
import { formatNumber } from './number-format.js';

/** "0–5"; a formula's wider range may have fractional or negative edges, "0.2–0.4", "-20~-10". */
function binLabel(bin: HistogramBin): string {
  const separator = bin.from < 0 ? '~' : '–';
  return `${formatNumber(bin.from, 2)}${separator}${formatNumber(bin.to, 2)}`;
}

export function valueHistogramOption(histogram: ValueHistogram, lang: Lang): EChartsOption {
  const texts = chartTexts.valueHistogram;
  return {
    ...baseOption(texts.title[lang]),
    grid: { left: 70, right: 40, top: 60, bottom: 60 },
    xAxis: {
      ...axisStyle,
      type: 'category',
      name: texts.xAxis[lang],
      nameLocation: 'middle',
      nameGap: 32,
      data: histogram.bins.map(binLabel),
      axisTick: { alignWithLabel: true },
    },
    yAxis: {
      ...axisStyle,
      ...leftAxisName,
      type: 'value',
      name: chartTexts.customers[lang],
      minInterval: 1,
      axisLabel: { ...axisStyle.axisLabel, formatter: (v: number) => formatNumber(v) },
    },
    series: [{ type: 'bar', name: chartTexts.customers[lang], barCategoryGap: '8%', data: histogram.bins.map((b) => b.count) }],
  };
}
