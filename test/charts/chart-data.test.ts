/** The report's chart data read off the worked example (shared/examples/mini/expected has every figure). */
import { beforeAll, describe, expect, it } from 'vitest';
import { reportChartData, type ReportChartData } from '../../core/charts/chart-data.js';
import type { ModelResult } from '../../core/engine/run-model.js';
import { INELIGIBLE_TIER } from '../../core/model/scenario.js';
import { miniResult } from './mini-result.js';

let result: ModelResult;
let data: ReportChartData;

beforeAll(async () => {
  result = await miniResult();
  data = reportChartData(result, 'zh');
});

describe('reportChartData on the worked example', () => {
  it('counts the customers with a value in 20 bins of width 5 (95, 48.6 and 13.53)', () => {
    const { bins, customers } = data.valueHistogram;
    expect(bins).toHaveLength(20);
    expect(bins[0]).toEqual({ from: 0, to: 5, count: 0 });
    expect(bins[19]).toEqual({ from: 95, to: 100, count: 1 });
    expect(bins.map((b) => b.count)).toEqual([0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    const withValue = Array.from(result.window.table).filter((c) => !Number.isNaN(result.values.value[c])).length;
    expect(customers).toBe(withValue);
    expect(bins.reduce((s, b) => s + b.count, 0)).toBe(withValue);
  });

  it('counts every tier of the scenario, empty ones too, then 不参与评分, as the tier aggregates do', () => {
    expect(data.tierCounts).toEqual([
      { label: 'A', kind: 'tier', customers: 1 },
      { label: 'B', kind: 'tier', customers: 0 },
      { label: 'C', kind: 'tier', customers: 1 },
      { label: 'D', kind: 'tier', customers: 1 },
      { label: '不参与评分', kind: 'ineligible', customers: 1 },
    ]);
    for (const row of result.aggregates.tier) {
      const label = row.group === INELIGIBLE_TIER ? '不参与评分' : row.group;
      expect(data.tierCounts.find((t) => t.label === label)?.customers).toBe(row.customers);
    }
    expect(data.tierCounts.reduce((s, t) => s + t.customers, 0)).toBe(result.window.table.length);
  });

  it('names the groups outside the tiers in the chosen language', () => {
    expect(reportChartData(result, 'en').tierCounts.at(-1)).toEqual({ label: 'Not scored', kind: 'ineligible', customers: 1 });
  });

  it('lists the plans most profitable first, with their flags', () => {
    expect(data.profitByPlan).toEqual([
      { plan: 'X', customers: 1, sumAvgProfit: 60, lossMakingPlan: false, settlementInverted: false },
      { plan: 'Z', customers: 1, sumAvgProfit: 16, lossMakingPlan: false, settlementInverted: false },
      { plan: 'W', customers: 2, sumAvgProfit: 2.5, lossMakingPlan: false, settlementInverted: false },
    ]);
  });

  it('lists the branches largest negative-value share first', () => {
    expect(data.negativeShareByBranch).toEqual([
      { branch: '郑州', customers: 3, negativeCount: 1, negativeShare: 1 / 3 },
      { branch: '周口', customers: 1, negativeCount: 0, negativeShare: 0 },
    ]);
  });

  it('draws the profit curve through every customer, most profitable first: 60, 76, 81.5 (the peak), 78.5', () => {
    const curve = data.profitCurve;
    expect(curve.points).toEqual([
      [25, 60],
      [50, 76],
      [75, 81.5],
      [100, 78.5],
    ]);
    expect(curve.peak).toEqual([75, 81.5]);
    expect(curve.customers).toBe(4);
    const total = Array.from(result.window.table).reduce((s, c) => s + (result.profit.avgProfit[c] as number), 0);
    expect(curve.total).toBeCloseTo(total, 6);
    expect(curve.points.at(-1)?.[1]).toBeCloseTo(total, 6);
  });

  it('is plain data that survives JSON (what IPC sends)', () => {
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
  });
});
