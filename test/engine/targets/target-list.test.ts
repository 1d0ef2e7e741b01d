import { describe, expect, it } from 'vitest';
import { runModel } from '../../../core/engine/run-model.js';
import { parseFilterText } from '../../../core/engine/targets/filter-text.js';
import { targetFilterSchema, type TargetFilter } from '../../../core/engine/targets/target-filter.js';
import { arpuComparison, buildTargetList } from '../../../core/engine/targets/target-list.js';
import { defaultScenario } from '../../../core/model/scenario.js';
import { buildInput, type FactRecord } from '../../support/build-input.js';

/** One month, W = 1, value = avg_profit = billed revenue − commission; tenure = 2024-06 − join month. */
function row(id: string, branch: string, channel: string, plan: string, segment: string, billed: number, commission: number, join: string): FactRecord {
  return { customer_id: id, month: '2024-06', branch, channel, plan, segment, billed_revenue: billed, commission, join_month: join };
}

const province: FactRecord[] = [
  row('c01', '郑州', '营业厅', 'planA', '政企', 100, 0, '2024-01'), // profit 100, A, tenure 5
  row('c02', '郑州', '网上', 'planB', '个人', 70, 0, '2023-06'), // 70, B, tenure 12
  row('c03', '洛阳', '营业厅', 'planA', '个人', 50, 0, '2024-05'), // 50, tenure 1 < 3: not scored
  row('c04', '洛阳', '网上', 'planB', '政企', 200, 230, '2022-06'), // −30, D, tenure 24, negative
  row('c05', '开封', '营业厅', 'planC', '个人', 65, 0, '2024-02'), // 65, B, tenure 4
  row('c06', '开封', '网上', 'planA', '政企', 150, 170, '2023-01'), // −20, D, tenure 17, negative
  row('c07', '郑州', '营业厅', 'planC', '个人', 45, 0, '2021-06'), // 45, C, tenure 36
];

const scenario = { ...defaultScenario(), window: 1, min_tenure: 3, value_formula: 'avg_profit' };
const result = runModel(buildInput(province), scenario);

function ids(filter: Partial<TargetFilter>): string[] {
  const list = buildTargetList(result, targetFilterSchema.parse(filter));
  return Array.from(list.customers, (c) => result.input.facts.customerIds.at(c));
}

describe('buildTargetList', () => {
  it('keeps the whole customer table without criteria', () => {
    expect(ids({})).toEqual(['c01', 'c02', 'c03', 'c04', 'c05', 'c06', 'c07']);
  });

  it('applies each criterion', () => {
    expect(ids({ tiers: ['A', 'B'] })).toEqual(['c01', 'c02', 'c05']);
    // Inclusive at both ends; c03 has no value and never matches a value range.
    expect(ids({ value: { min: 65, max: 100 } })).toEqual(['c01', 'c02', 'c05']);
    expect(ids({ eligibleOnly: true })).toEqual(['c01', 'c02', 'c04', 'c05', 'c06', 'c07']);
    expect(ids({ excludeNegative: true })).toEqual(['c01', 'c02', 'c03', 'c05', 'c07']);
    expect(ids({ branches: ['郑州'] })).toEqual(['c01', 'c02', 'c07']);
    expect(ids({ channels: ['网上'] })).toEqual(['c02', 'c04', 'c06']);
    expect(ids({ plans: ['planA'] })).toEqual(['c01', 'c03', 'c06']);
    expect(ids({ segments: ['政企'] })).toEqual(['c01', 'c04', 'c06']);
    expect(ids({ tenure: { min: 12 } })).toEqual(['c02', 'c04', 'c06', 'c07']);
    expect(ids({ tenure: { max: 4 } })).toEqual(['c03', 'c05']);
  });

  it('combines criteria with "and"', () => {
    expect(ids({ tiers: ['B', 'D'], excludeNegative: true, branches: ['郑州', '开封'] })).toEqual(['c02', 'c05']);
  });

  it('gives size, Σ avg profit and the negative count', () => {
    const list = buildTargetList(result, targetFilterSchema.parse({ channels: ['网上'] }));
    // c02 70 + c04 −30 + c06 −20 = 20, two negative.
    expect([list.size, list.sumAvgProfit, list.negative]).toEqual([3, 20, 2]);
  });
});

describe('arpuComparison', () => {
  it('counts the negative-value customers an ARPU-only list of the same size would hold', () => {
    const list = buildTargetList(result, targetFilterSchema.parse({ tiers: ['A', 'B'] }));
    const cmp = arpuComparison(result, list);
    // Top 3 by billed revenue: c04 200, c06 150, c01 100 → two negative, Σ −30 − 20 + 100 = 50.
    expect(Array.from(cmp.arpu.customers, (c) => result.input.facts.customerIds.at(c))).toEqual(['c04', 'c06', 'c01']);
    expect([cmp.arpu.negative, cmp.arpu.sumAvgProfit, cmp.negativeAvoided]).toEqual([2, 50, 2]);
    expect(cmp.negativeAvoidedShare).toBeCloseTo(2 / 3, 12);
  });

  it('breaks ties in billed revenue towards the smaller id', () => {
    const tied = runModel(
      buildInput([
        row('t3', '郑州', '网上', 'p', 's', 90, 0, '2020-01'),
        row('t2', '郑州', '网上', 'p', 's', 80, 0, '2020-01'),
        row('t1', '郑州', '网上', 'p', 's', 80, 100, '2020-01'),
      ]),
      scenario,
    );
    const cmp = arpuComparison(tied, { size: 2, sumAvgProfit: 0, negative: 0 });
    expect(Array.from(cmp.arpu.customers, (c) => tied.input.facts.customerIds.at(c))).toEqual(['t3', 't1']);
    expect(cmp.negativeAvoided).toBe(1);
  });

  it('has no share for an empty list', () => {
    const cmp = arpuComparison(result, { size: 0, sumAvgProfit: 0, negative: 0 });
    expect(cmp.arpu.size).toBe(0);
    expect(cmp.negativeAvoidedShare).toBeNaN();
  });
});

describe('parseFilterText', () => {
  it('reads the key=value syntax', () => {
    const parsed = parseFilterText('tier=A,B; value=60..100; eligible; exclude_negative; branch=郑州,洛阳; channel=网上; plan=planA; segment=政企; tenure=12..');
    expect(parsed).toEqual({
      ok: true,
      filter: {
        tiers: ['A', 'B'],
        value: { min: 60, max: 100 },
        eligibleOnly: true,
        excludeNegative: true,
        branches: ['郑州', '洛阳'],
        channels: ['网上'],
        plans: ['planA'],
        segments: ['政企'],
        tenure: { min: 12 },
      },
    });
  });

  it('reads a saved JSON definition and refuses unknown clauses and bad ranges', () => {
    const saved = JSON.stringify(targetFilterSchema.parse({ tiers: ['A'], value: { max: 59.5 } }));
    expect(parseFilterText(saved)).toEqual({ ok: true, filter: targetFilterSchema.parse({ tiers: ['A'], value: { max: 59.5 } }) });
    expect(parseFilterText('colour=red').ok).toBe(false);
    expect(parseFilterText('value=60').ok).toBe(false);
    expect(parseFilterText('value=..').ok).toBe(false);
    expect(parseFilterText('{"tiers": "A"}').ok).toBe(false);
  });
});
