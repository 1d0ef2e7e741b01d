/** The option builders: what the reader sees (bars, colours, labels, units) in either language. */
import type { BarSeriesOption, EChartsOption } from 'echarts';
import { describe, expect, it } from 'vitest';
import type { BranchNegativeShare, PlanProfit, ReportChartData } from '../../core/charts/chart-data.js';
import { profitCurve } from '../../core/charts/data/profit-curve.js';
import { valueHistogram } from '../../core/charts/data/value-histogram.js';
import { CHART_FONT_FAMILY, palette } from '../../core/charts/options/chart-style.js';
import { moneyScale } from '../../core/charts/options/number-format.js';
import { negativeShareByBranchOption } from '../../core/charts/options/negative-share-by-branch-option.js';
import { profitByPlanOption } from '../../core/charts/options/profit-by-plan-option.js';
import { barsThatFit } from '../../core/charts/options/top-bars.js';
import { reportChartOptions, REPORT_CHART_NAMES } from '../../core/charts/report-charts.js';

function plan(name: string, profit: number): PlanProfit {
  return { plan: name, customers: 10, sumAvgProfit: profit, lossMakingPlan: profit < 0, settlementInverted: false };
}

/** 30 plans, most profitable first: 12 big earners (100 万 down to 89 万), 10 near zero, 8 big losers (−50 万 to −57 万). */
const PLANS = Array.from({ length: 30 }, (_, i) => {
  const profit = i < 12 ? 1_000_000 - i * 10_000 : i < 22 ? 5_000 - (i - 12) * 1_000 : -500_000 - (i - 22) * 10_000;
  return plan(`P${String(i).padStart(2, '0')}`, profit);
});

function categories(option: EChartsOption): unknown[] {
  const axis = option.yAxis as { data: unknown[] };
  return axis.data;
}

function seriesData(option: EChartsOption): unknown[][] {
  return (option.series as BarSeriesOption[]).map((s) => (s.data ?? []).map((d) => (d === null ? null : (d as { value: number }).value)));
}

describe('profitByPlanOption', () => {
  it('keeps the 20 plans of largest |profit| (earners and losers) and sums the other 10 into one bar', () => {
    const option = profitByPlanOption(PLANS, 'zh');
    const names = categories(option);
    expect(names).toEqual([...PLANS.slice(0, 12), ...PLANS.slice(22)].map((p) => p.plan).concat('其他 10 个'));
    const [profitable, lossMaking, others] = seriesData(option);
    // In 万元, as the largest bar is 100 万; the ten near zero add up to 5,000 yuan.
    expect(profitable?.[0]).toBe(100);
    expect(lossMaking?.[19]).toBe(-57);
    expect(others?.[20]).toBeCloseTo(0.5, 9);
    // Each bar in exactly one of the three coloured series.
    for (let i = 0; i < 21; i++) expect([profitable?.[i], lossMaking?.[i], others?.[i]].filter((v) => v !== null)).toHaveLength(1);
    expect((option.series as BarSeriesOption[]).map((s) => s.itemStyle?.color)).toEqual([palette.bar, palette.loss, palette.muted]);
    expect((option.xAxis as { name: string }).name).toBe('月均利润（万元）');
  });

  it('draws every plan when there are 21 or fewer, and fewer bars on a smaller chart', () => {
    expect(categories(profitByPlanOption(PLANS.slice(0, 21), 'zh'))).toHaveLength(21);
    expect(barsThatFit(450)).toBe(20);
    expect(barsThatFit(290)).toBe(10);
    expect(categories(profitByPlanOption(PLANS, 'en', barsThatFit(290)))).toHaveLength(11);
  });

  it('speaks English when asked', () => {
    const option = profitByPlanOption(PLANS, 'en');
    expect((option.title as { text: string }).text).toBe('Monthly average profit by plan');
    expect(categories(option)[20]).toBe('10 others');
    expect((option.xAxis as { name: string }).name).toBe('Monthly avg profit (¥ million)');
  });
});

describe('negativeShareByBranchOption', () => {
  it('shows shares in percent and pools the customers of the branches beyond the 20 largest shares', () => {
    const branches: BranchNegativeShare[] = Array.from({ length: 25 }, (_, i) => ({ branch: `B${i}`, customers: 100, negativeCount: 50 - i, negativeShare: (50 - i) / 100 }));
    const option = negativeShareByBranchOption(branches, 'zh');
    expect(categories(option)).toHaveLength(21);
    const [values] = seriesData(option);
    expect(values?.[0]).toBe(50);
    // B20…B24: (30 + 29 + 28 + 27 + 26) of 500 customers.
    expect(values?.[20]).toBeCloseTo(28, 9);
  });
});

describe('money units', () => {
  it('uses yuan for small sums and 万元 / 亿元 (or thousands / millions) for large ones', () => {
    expect(moneyScale(99_999, 'zh').unit).toBe('元');
    expect(moneyScale(100_000, 'zh').unit).toBe('万元');
    expect(moneyScale(2e9, 'zh').unit).toBe('亿元');
    expect(moneyScale(5_000, 'en').unit).toBe('¥');
    expect(moneyScale(50_000, 'en').unit).toBe('¥ thousand');
    expect(moneyScale(3e7, 'en').label('30.0')).toBe('¥30.0 million');
  });
});

describe('reportChartOptions', () => {
  const data: ReportChartData = {
    valueHistogram: valueHistogram(Float64Array.of(10, 50, 90), Int32Array.of(0, 1, 2)),
    tierCounts: [{ label: 'A', kind: 'tier', customers: 3 }],
    profitByPlan: PLANS,
    negativeShareByBranch: [{ branch: '郑州', customers: 3, negativeCount: 1, negativeShare: 1 / 3 }],
    profitCurve: profitCurve(Float64Array.of(60, 16, -3), Int32Array.of(0, 1, 2)),
  };

  it('gives the five charts in the report order, unanimated, in the CJK-first font list, titled in the language asked', () => {
    const charts = reportChartOptions(data, 'zh');
    expect(charts.map((c) => c.name)).toEqual([...REPORT_CHART_NAMES]);
    expect(charts.map((c) => c.title)).toEqual(['客户价值分值分布', '各价值分层客户数', '各资费月均利润合计', '各分公司负价值客户占比', '客户累计利润曲线']);
    for (const { option, title } of charts) {
      expect(option.animation).toBe(false);
      expect((option.title as { text: string }).text).toBe(title);
      expect((option.textStyle as { fontFamily: string }).fontFamily).toBe(CHART_FONT_FAMILY);
    }
    expect(reportChartOptions(data, 'en').map((c) => c.title)).toEqual([
      'Distribution of value scores',
      'Customers by value tier',
      'Monthly average profit by plan',
      'Share of negative-value customers by branch',
      'Cumulative profit curve',
    ]);
  });

  it('names fonts without quotes, which resvg would skip after the first family', () => {
    expect(CHART_FONT_FAMILY).not.toMatch(/['"]/);
    expect(CHART_FONT_FAMILY.split(', ')[0]).toBe('Microsoft YaHei');
  });
});
