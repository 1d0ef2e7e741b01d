/** The cumulative profit curve, with its peak and its end (the total) marked. */
import type { EChartsOption, MarkPointComponentOption } from 'echarts';
import type { Lang } from '../../model/messages.js';
import { chartTexts } from '../chart-texts.js';
import type { CurvePoint, ProfitCurve } from '../data/profit-curve.js';
import { axisStyle, baseOption, FONT_SIZE, leftAxisName, palette } from './chart-style.js';
import { formatMoney, formatNumber, moneyAxisName, moneyScale, type MoneyScale } from './number-format.js';

type MarkData = NonNullable<MarkPointComponentOption['data']>[number];

/**
 * A marked point with its label below it, where the concave curve leaves room (above the peak
 * is the title); a label near either edge is aligned to end or start at its point, not cut off.
 */
function mark(point: CurvePoint, scale: MoneyScale, text: string, drop = 0): MarkData {
  const [share, profit] = point;
  const align = share > 80 ? 'right' : share < 20 ? 'left' : 'center';
  return { name: text, coord: [share, profit / scale.divisor], value: profit, label: { formatter: text, position: 'bottom', align, offset: [0, drop] } };
}

/** Pixels the total's label moves down when the peak's two-line label sits close above it. */
const BELOW_PEAK_LABEL = 30;
const CLOSE_SHARE = 35;

function peakText(peak: CurvePoint, scale: MoneyScale, lang: Lang): string {
  const [share, profit] = peak;
  const where = lang === 'zh' ? `前 ${formatNumber(share, 1)}% 客户` : `top ${formatNumber(share, 1)}% of customers`;
  return `${chartTexts.profitCurve.peak[lang]} ${formatMoney(profit, scale)}\n${where}`;
}

export function profitCurveOption(curve: ProfitCurve, lang: Lang): EChartsOption {
  const texts = chartTexts.profitCurve;
  const scale = moneyScale(Math.max(0, ...curve.points.map(([, y]) => Math.abs(y))), lang);
  const last = curve.points[curve.points.length - 1];
  const marks: MarkData[] = [];
  if (curve.peak !== null) marks.push(mark(curve.peak, scale, peakText(curve.peak, scale, lang)));
  // The end is the total; marked too when the loss-makers pull it below the peak.
  if (last !== undefined && curve.peak !== null && last[1] < curve.peak[1]) {
    const close = last[0] - curve.peak[0] < CLOSE_SHARE;
    marks.push(mark(last, scale, `${chartTexts.total[lang]} ${formatMoney(last[1], scale)}`, close ? BELOW_PEAK_LABEL : 0));
  }
  return {
    ...baseOption(texts.title[lang]),
    grid: { left: 80, right: 50, top: 60, bottom: 60 },
    xAxis: {
      ...axisStyle,
      type: 'value',
      name: texts.xAxis[lang],
      nameLocation: 'middle',
      nameGap: 32,
      min: 0,
      max: 100,
      interval: 10,
      // Keep the axis at the bottom when the curve goes below zero.
      axisLine: { ...axisStyle.axisLine, onZero: false },
      axisLabel: { ...axisStyle.axisLabel, formatter: (v: number) => `${v}%` },
    },
    yAxis: {
      ...axisStyle,
      ...leftAxisName,
      type: 'value',
      name: moneyAxisName(chartTexts.cumulativeProfit[lang], scale, lang),
      axisLabel: { ...axisStyle.axisLabel, formatter: (v: number) => formatNumber(v, 2) },
    },
    tooltip: { trigger: 'axis' },
    series: [
      {
        type: 'line',
        name: chartTexts.cumulativeProfit[lang],
        showSymbol: false,
        lineStyle: { color: palette.bar, width: 2 },
        areaStyle: { color: palette.bar, opacity: 0.08 },
        // From the origin (no customers, no profit): with few customers the first point is far from the axis.
        data: [[0, 0], ...curve.points.map(([x, y]) => [x, y / scale.divisor])],
        markPoint: {
          symbol: 'circle',
          symbolSize: 8,
          itemStyle: { color: palette.loss },
          label: { distance: 8, fontSize: FONT_SIZE.small, color: palette.text, lineHeight: 15 },
          data: marks,
        },
      },
    ],
  };
}
