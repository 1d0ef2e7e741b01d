/** Each early-warning rule of issue 6 at its threshold: just below, at, just above. */
import { describe, expect, it } from 'vitest';
import { creditArrearsWarnings } from '../../../core/engine/early-warnings/credit-arrears.js';
import { earlyWarnings } from '../../../core/engine/early-warnings/early-warnings.js';
import { negativeTurnWarnings } from '../../../core/engine/early-warnings/negative-turn.js';
import { planFlagWarnings } from '../../../core/engine/early-warnings/plan-flags.js';
import { shareRiseWarnings } from '../../../core/engine/early-warnings/share-rise.js';
import { valueDropWarnings } from '../../../core/engine/early-warnings/value-drop.js';
import { monthNumber } from '../../../core/model/month.js';
import { defaultScenario } from '../../../core/model/scenario.js';
import { groupRow, ids, trendMonth } from './trend-month.js';

const config = defaultScenario().warnings;
const TIERS = ['A', 'B', 'C', 'D'];
const subjects = (ws: readonly { subject: string }[]): string[] => ws.map((w) => w.subject);

describe('negative_turn: avg profit < 0 now, ≥ 0 the month before', () => {
  it('fires from exactly 0 and from above, not from just below 0', () => {
    const prev = trendMonth({ month: '2026-01', avgProfit: [-0.01, 0, 0.01] });
    const cur = trendMonth({ month: '2026-02', avgProfit: [-5, -5, -5] });
    const ws = negativeTurnWarnings(prev, cur, ids(3));
    expect(subjects(ws)).toEqual(['c1', 'c2']);
    expect(ws[0]).toEqual({ rule: 'negative_turn', subjectKind: 'customer', subject: 'c1', month: monthNumber('2026-02'), before: 0, after: -5 });
  });

  it('needs the current avg profit strictly below 0', () => {
    const prev = trendMonth({ month: '2026-01', avgProfit: [10, 10, 10] });
    const cur = trendMonth({ month: '2026-02', avgProfit: [0.01, 0, -0.01] });
    expect(subjects(negativeTurnWarnings(prev, cur, ids(3)))).toEqual(['c2']);
  });

  it('ignores customers missing from either customer table', () => {
    const prev = trendMonth({ month: '2026-01', avgProfit: [1, 1, 1], inTable: [0, 1, 1] });
    const cur = trendMonth({ month: '2026-02', avgProfit: [-1, -1, -1], inTable: [1, 0, 1] });
    expect(subjects(negativeTurnWarnings(prev, cur, ids(3)))).toEqual(['c2']);
  });
});

describe('value_drop: value down ≥ 20 points or tier down ≥ 2 tiers', () => {
  it('fires at a drop of 20 and above, not at 19.99 (tiers unchanged)', () => {
    const prev = trendMonth({ month: '2026-01', value: [70, 70, 70], tier: [2, 2, 2] });
    const cur = trendMonth({ month: '2026-02', value: [50.01, 50, 49.99], tier: [2, 2, 2] });
    expect(subjects(valueDropWarnings(prev, cur, ids(3), TIERS, config.value_drop))).toEqual(['c1', 'c2']);
  });

  it('counts a drop that float arithmetic leaves an ulp short of 20', () => {
    // 32.05 − 12.05 = 19.999999999999996 in float64.
    expect(32.05 - 12.05 < 20).toBe(true);
    const prev = trendMonth({ month: '2026-01', value: [32.05], tier: [3] });
    const cur = trendMonth({ month: '2026-02', value: [12.05], tier: [3] });
    expect(valueDropWarnings(prev, cur, ids(1), TIERS, config.value_drop)).toHaveLength(1);
  });

  it('fires at a fall of 2 tiers and above, not 1 (small value drops)', () => {
    const prev = trendMonth({ month: '2026-01', value: [60, 60, 60], tier: [0, 0, 0] });
    const cur = trendMonth({ month: '2026-02', value: [59, 59, 59], tier: [1, 2, 3] });
    const ws = valueDropWarnings(prev, cur, ids(3), TIERS, config.value_drop);
    expect(subjects(ws)).toEqual(['c1', 'c2']);
    expect(ws.map((w) => w.detail)).toEqual(['A→C', 'A→D']);
  });

  it('skips customers without a value in either month', () => {
    const prev = trendMonth({ month: '2026-01', value: [NaN, 90], tier: [-1, 0] });
    const cur = trendMonth({ month: '2026-02', value: [10, NaN], tier: [3, -1] });
    expect(valueDropWarnings(prev, cur, ids(2), TIERS, config.value_drop)).toEqual([]);
  });

  it('uses the scenario thresholds', () => {
    const prev = trendMonth({ month: '2026-01', value: [70, 70], tier: [2, 2] });
    const cur = trendMonth({ month: '2026-02', value: [60, 60.01], tier: [2, 2] });
    expect(subjects(valueDropWarnings(prev, cur, ids(2), TIERS, { enabled: true, points: 10, tiers: 2 }))).toEqual(['c0']);
  });
});

describe('credit_arrears: credit < 40 and arrears > 0 this month', () => {
  it('fires just below 40 only', () => {
    const prev = trendMonth({ month: '2026-01', credit: [50, 50, 50] });
    const cur = trendMonth({ month: '2026-02', credit: [40.01, 40, 39.99], arrears: [5, 5, 5] });
    const ws = creditArrearsWarnings(prev, cur, ids(3), config.credit_arrears);
    expect(subjects(ws)).toEqual(['c2']);
    expect(ws[0]).toMatchObject({ before: 50, after: 39.99, detail: 'arrears=5' });
  });

  it('treats a credit an ulp under 40 as 40', () => {
    const prev = trendMonth({ month: '2026-01', credit: [50] });
    const cur = trendMonth({ month: '2026-02', credit: [40 - 1e-12], arrears: [5] });
    expect(creditArrearsWarnings(prev, cur, ids(1), config.credit_arrears)).toEqual([]);
  });

  it('needs arrears strictly above 0, and a credit score', () => {
    const prev = trendMonth({ month: '2026-01', credit: [10, 10, 10, 10] });
    const cur = trendMonth({ month: '2026-02', credit: [10, 10, 10, NaN], arrears: [-0.01, 0, 0.01, 100] });
    expect(subjects(creditArrearsWarnings(prev, cur, ids(4), config.credit_arrears))).toEqual(['c2']);
  });
});

describe('share_rise: a branch or channel negative share up ≥ 3 pp', () => {
  const prev = trendMonth({
    month: '2026-01',
    branch: [groupRow('郑州', { negativeShare: 0.1 }), groupRow('洛阳', { negativeShare: 0.1 }), groupRow('开封', { negativeShare: 0.1 })],
    channel: [groupRow('电子渠道', { negativeShare: 0.2 })],
  });
  it('fires at 3 pp (0.13 − 0.10 in float) and above, not at 2.99 pp', () => {
    const cur = trendMonth({
      month: '2026-02',
      branch: [groupRow('郑州', { negativeShare: 0.1299 }), groupRow('洛阳', { negativeShare: 0.13 }), groupRow('开封', { negativeShare: 0.1301 })],
      channel: [groupRow('电子渠道', { negativeShare: 0.23 }), groupRow('新渠道', { negativeShare: 0.9 })],
    });
    const ws = shareRiseWarnings(prev, cur, config.share_rise);
    expect(ws.map((w) => `${w.subjectKind}:${w.subject}`)).toEqual(['branch:洛阳', 'branch:开封', 'channel:电子渠道']);
    expect(ws[0]).toMatchObject({ before: 0.1, after: 0.13, detail: '+3.00pp' });
  });

  it('counts a rise that float arithmetic leaves an ulp short of 3 pp', () => {
    // (0.29 − 0.26)·100 = 2.9999999999999973 in float64.
    expect((0.29 - 0.26) * 100 < 3).toBe(true);
    const before = trendMonth({ month: '2026-01', branch: [groupRow('郑州', { negativeShare: 0.26 })] });
    const after = trendMonth({ month: '2026-02', branch: [groupRow('郑州', { negativeShare: 0.29 })] });
    expect(shareRiseWarnings(before, after, config.share_rise)).toHaveLength(1);
  });
});

describe('plan_flags: a plan that became 亏损资费 or 结算倒挂', () => {
  it('fires when Σ avg profit goes just below 0, not at 0', () => {
    const prev = trendMonth({ month: '2026-01', plan: [groupRow('X', { sumAvgProfit: 10 }), groupRow('Y', { sumAvgProfit: 10 }), groupRow('Z', { sumAvgProfit: 10 })] });
    const cur = trendMonth({ month: '2026-02', plan: [groupRow('X', { sumAvgProfit: 0.01 }), groupRow('Y', { sumAvgProfit: 0 }), groupRow('Z', { sumAvgProfit: -0.01 })] });
    const ws = planFlagWarnings(prev, cur);
    expect(ws).toEqual([{ rule: 'plan_flags', subjectKind: 'plan', subject: 'Z', month: monthNumber('2026-02'), before: 10, after: -0.01, detail: '亏损资费' }]);
  });

  it('fires when settlement cost goes just above revenue, not at equality', () => {
    const prev = trendMonth({ month: '2026-01', plan: ['X', 'Y', 'Z'].map((p) => groupRow(p, { sumAvgSettlementCost: 50, sumAvgRevenue: 100, sumAvgProfit: 1 })) });
    const cur = trendMonth({
      month: '2026-02',
      plan: [99.99, 100, 100.01].map((cost, i) => groupRow(['X', 'Y', 'Z'][i] as string, { sumAvgSettlementCost: cost, sumAvgRevenue: 100, sumAvgProfit: 1 })),
    });
    const ws = planFlagWarnings(prev, cur);
    expect(ws.map((w) => [w.subject, w.detail])).toEqual([['Z', '结算倒挂']]);
    expect(ws[0]?.before).toBe(-50);
  });

  it('does not repeat a flag already on, and reports a new plan that starts flagged', () => {
    const prev = trendMonth({ month: '2026-01', plan: [groupRow('X', { sumAvgProfit: -1 })] });
    const cur = trendMonth({ month: '2026-02', plan: [groupRow('X', { sumAvgProfit: -2 }), groupRow('新', { sumAvgProfit: -1 })] });
    const ws = planFlagWarnings(prev, cur);
    expect(ws.map((w) => w.subject)).toEqual(['新']);
    expect(ws[0]?.before).toBeNaN();
  });
});

describe('earlyWarnings over a trend', () => {
  const months = [
    trendMonth({ month: '2026-01', avgProfit: [1], value: [90], tier: [0], credit: [30], arrears: [0] }),
    trendMonth({ month: '2026-02', avgProfit: [-1], value: [50], tier: [2], credit: [30], arrears: [1] }),
  ];
  const trend = { customerIds: ids(1), tierNames: TIERS, months };

  it('dates every warning in the later month of its pair', () => {
    const ws = earlyWarnings(trend, config);
    expect(ws.map((w) => w.rule)).toEqual(['negative_turn', 'value_drop', 'credit_arrears']);
    expect(new Set(ws.map((w) => w.month))).toEqual(new Set([monthNumber('2026-02')]));
  });

  it('leaves out switched-off rules', () => {
    const off = { ...config, negative_turn: { enabled: false }, credit_arrears: { ...config.credit_arrears, enabled: false } };
    expect(earlyWarnings(trend, off).map((w) => w.rule)).toEqual(['value_drop']);
  });
});
