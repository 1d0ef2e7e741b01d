/**
 * One customer's monthly average profit as a waterfall: revenue, minus each cost, minus the
 * allocated common costs, ending at the profit. Averages are over the window months in which
 * the customer is present, the same months its avg_profit uses (SPEC §4).
 */
import type { EChartsOption } from 'echarts';
import { axisStyle, baseOption, FONT_SIZE, leftAxisName, palette } from '../../../../core/charts/options/chart-style';
import { formatFixed, formatNumber } from '../../../../core/charts/options/number-format';
import type { Bilingual, Lang } from '../../../../core/model/messages';
import type { CustomerTrace, TraceMonthView } from '../../../../core/service/contract';

/** Revenue starts the fall from zero, each cost moves it down, profit ends it at its level. */
type StepKind = 'start' | 'cost' | 'end';

interface Step {
  readonly name: Bilingual;
  readonly kind: StepKind;
  readonly amount: (month: TraceMonthView) => number;
}

const STEPS: readonly Step[] = [
  { name: { zh: '收入', en: 'Revenue' }, kind: 'start', amount: (m) => m.revenue },
  { name: { zh: '结算成本', en: 'Settlement' }, kind: 'cost', amount: (m) => m.settlementCost },
  { name: { zh: '佣金', en: 'Commission' }, kind: 'cost', amount: (m) => m.commission },
  { name: { zh: '营销优惠', en: 'Discount' }, kind: 'cost', amount: (m) => m.marketingDiscount },
  { name: { zh: '赠机成本', en: 'Handset' }, kind: 'cost', amount: (m) => m.handsetSubsidy },
  { name: { zh: '店员积分', en: 'Points' }, kind: 'cost', amount: (m) => m.pointsCost },
  { name: { zh: '分摊成本', en: 'Allocated' }, kind: 'cost', amount: (m) => m.allocated },
  { name: { zh: '利润', en: 'Profit' }, kind: 'end', amount: (m) => m.profit },
];

const PROFIT_COLOUR = '#2e8b57';

export interface WaterfallBar {
  readonly label: string;
  /** The step's own amount: revenue and profit as they are, a cost as a negative change. */
  readonly change: number;
  /** Where the bar starts and ends on the axis. */
  readonly from: number;
  readonly to: number;
  readonly colour: string;
}

/** The bars, each from the running level before it to the level after it. */
export function waterfallBars(trace: CustomerTrace, lang: Lang): WaterfallBar[] {
  const months = trace.months.filter((m) => m.inWindow);
  const mean = (amount: (m: TraceMonthView) => number): number => (months.length === 0 ? 0 : months.reduce((s, m) => s + amount(m), 0) / months.length);
  let level = 0;
  return STEPS.map((step): WaterfallBar => {
    const value = mean(step.amount);
    if (step.kind === 'start') {
      level = value;
      return { label: step.name[lang], change: value, from: 0, to: value, colour: palette.bar };
    }
    if (step.kind === 'end') return { label: step.name[lang], change: value, from: 0, to: value, colour: value < 0 ? palette.loss : PROFIT_COLOUR };
    const from = level;
    level -= value;
    return { label: step.name[lang], change: -value, from, to: level, colour: value < 0 ? PROFIT_COLOUR : palette.loss };
  });
}

/**
 * Drawn as three stacked bar series: an invisible base and the visible parts above and below
 * zero. ECharts stacks positive and negative values separately, so a bar that crosses zero
 * (a cost that turns the running profit negative) is its positive part plus its negative part.
 */
function stackParts(bar: WaterfallBar): { base: number; above: number; below: number } {
  const lo = Math.min(bar.from, bar.to);
  const hi = Math.max(bar.from, bar.to);
  if (lo >= 0) return { base: lo, above: hi - lo, below: 0 };
  if (hi <= 0) return { base: hi, above: 0, below: lo - hi };
  return { base: 0, above: hi, below: lo };
}

export function waterfallOption(trace: CustomerTrace, lang: Lang): EChartsOption {
  const bars = waterfallBars(trace, lang);
  const parts = bars.map(stackParts);
  const windowMonths = trace.months.filter((m) => m.inWindow).length;
  // The panel around the chart names the customer; the title says what the bars are.
  const title = lang === 'zh' ? `月均利润构成（窗口 ${windowMonths} 个月平均）` : `Monthly average profit, built up (mean of ${windowMonths} window months)`;
  // The label goes on the visible part that carries most of the bar, so each bar has exactly one.
  const labelled = (i: number, part: 'above' | 'below'): boolean => {
    const p = parts[i];
    if (p === undefined || bars[i]?.change === 0) return false;
    return part === 'above' ? Math.abs(p.above) >= Math.abs(p.below) : Math.abs(p.below) > Math.abs(p.above);
  };
  const visible = (part: 'above' | 'below') => ({
    type: 'bar' as const,
    stack: 'waterfall',
    barMaxWidth: 48,
    data: parts.map((p, i) => ({
      value: p[part],
      itemStyle: { color: bars[i]?.colour ?? palette.bar },
      label: {
        show: labelled(i, part),
        position: part === 'above' ? ('top' as const) : ('bottom' as const),
        fontSize: FONT_SIZE.small,
        color: palette.text,
        formatter: () => formatFixed(bars[i]?.change ?? 0, 2),
      },
    })),
  });
  return {
    ...baseOption(title),
    // English names are longer than the bars are wide in the trace panel; slanted they stay whole.
    grid: { left: 70, right: 30, top: 60, bottom: lang === 'en' ? 64 : 40 },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params) => {
        const first = Array.isArray(params) ? params[0] : params;
        const bar = first === undefined ? undefined : bars[first.dataIndex];
        return bar === undefined ? '' : `${bar.label}: ${formatFixed(bar.change, 2)}`;
      },
    },
    xAxis: { ...axisStyle, type: 'category', data: bars.map((b) => b.label), axisLabel: { ...axisStyle.axisLabel, interval: 0, rotate: lang === 'en' ? 30 : 0 } },
    yAxis: { ...axisStyle, ...leftAxisName, type: 'value', name: lang === 'zh' ? '元' : '¥', axisLabel: { ...axisStyle.axisLabel, formatter: (v: number) => formatNumber(v, 2) } },
    series: [
      { type: 'bar', stack: 'waterfall', silent: true, itemStyle: { color: 'transparent' }, data: parts.map((p) => p.base) },
      visible('above'),
      visible('below'),
    ],
  };
}
