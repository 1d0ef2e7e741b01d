import { describe, expect, it } from 'vitest';
import { runModel } from '../../../core/engine/run-model.js';
import { campaignUplift } from '../../../core/engine/uplift/campaign-uplift.js';
import { defaultScenario } from '../../../core/model/scenario.js';
import { buildInput, type CampaignRecord, type FactRecord } from '../../support/build-input.js';

/**
 * A tiny province evaluated with W = 1 and value = avg_profit, so that a customer's profit is
 * its billed revenue, "before" is January, "after" is February (start month), and the tier as of
 * January is read off January's revenue (A ≥ 80, B ≥ 60, C ≥ 40, D below).
 */
function customer(id: string, branch: string, jan: number, feb?: number): FactRecord[] {
  const rows: FactRecord[] = [{ customer_id: id, month: '2024-01', billed_revenue: jan, branch }];
  if (feb !== undefined) rows.push({ customer_id: id, month: '2024-02', billed_revenue: feb, branch });
  return rows;
}

function many(prefix: string, count: number, branch: string, jan: number, feb: number): FactRecord[] {
  return Array.from({ length: count }, (_, i) => customer(`${prefix}${String(i).padStart(2, '0')}`, branch, jan, feb)).flat();
}

const facts: FactRecord[] = [
  // Campaign P: p1 and p2 were tier A in 郑州 in January, p3 tier B in 洛阳.
  ...customer('p1', '郑州', 100, 130), // after − before = +30
  ...customer('p2', '郑州', 85, 75), // −10; tier B in February, but the cell is January's A
  ...customer('p3', '洛阳', 65, 71), // +6
  // Campaign Q: q1 tier C in 洛阳.
  ...customer('q1', '洛阳', 50, 58), // +8
  // Control of (郑州, A): 20 × +10 and 10 × +4 → mean (200 + 40) / 30 = 8.
  ...many('za', 20, '郑州', 90, 100),
  ...many('zb', 10, '郑州', 90, 94),
  // Missing February: not in every month of both windows, so no control.
  ...customer('zz', '郑州', 90),
  // Control of (洛阳, B): 5 × +2 → mean 2.
  ...many('lb', 5, '洛阳', 70, 72),
  // Control of (洛阳, C): 3 × 0.
  ...many('lc', 3, '洛阳', 45, 45),
  // A cell with controls but no participants: it must change nothing.
  ...many('ka', 10, '开封', 90, 190),
];

const campaigns: CampaignRecord[] = [
  { customer_id: 'p1', campaign: 'P', start_month: '2024-02', cost: 10 },
  { customer_id: 'p2', campaign: 'P', start_month: '2024-02', cost: 10 },
  { customer_id: 'p3', campaign: 'P', start_month: '2024-02', cost: 10 },
  { customer_id: 'q1', campaign: 'Q', start_month: '2024-02', cost: 10 },
];

const scenario = { ...defaultScenario(), window: 1, min_tenure: 0, value_formula: 'avg_profit' };

describe('campaign uplift against a same-branch, same-tier control', () => {
  const result = runModel(buildInput(facts, [], campaigns), scenario);
  const [p, q] = campaignUplift(result);

  it('compares each participant with its own cell, then averages', () => {
    // p1: 30 − 8 = 22; p2: −10 − 8 = −18; p3: 6 − 2 = 4; mean (22 − 18 + 4) / 3 = 8/3.
    // Control size 30 + 5 = 35 (开封 has no participant, zz lacks February; q1 sits in 洛阳 C).
    expect(p?.campaign).toBe('P');
    expect(p?.compared).toBe(3);
    expect(p?.withoutControl).toBe(0);
    expect(p?.controlSize).toBe(35);
    expect(p?.insufficient).toBe(false);
    expect(p?.uplift).toBeCloseTo(8 / 3, 12);
  });

  it('gives a row per tier as of the month before the start, withholding a small control', () => {
    // Tier A: (22 − 18) / 2 = 2 against 30 controls; tier B: 5 controls < 30, so no figure.
    expect(p?.tiers.map((t) => [t.tier, t.compared, t.controlSize, t.insufficient])).toEqual([
      ['A', 2, 30, false],
      ['B', 1, 5, true],
    ]);
    expect(p?.tiers[0]?.uplift).toBeCloseTo(2, 12);
    expect(p?.tiers[1]?.uplift).toBeNaN();
  });

  it('says the control is too small instead of giving a figure', () => {
    // q1: 8 − 0 = 8, but (洛阳, C) has only 3 control customers.
    expect(q?.campaign).toBe('Q');
    expect(q?.compared).toBe(1);
    expect(q?.controlSize).toBe(3);
    expect(q?.insufficient).toBe(true);
    expect(q?.uplift).toBeNaN();
  });

  it('counts a participant whose cell has no control customer apart', () => {
    const lonely = runModel(
      buildInput([...facts, ...customer('p4', '安阳', 95, 99)], [], [...campaigns, { customer_id: 'p4', campaign: 'P', start_month: '2024-02', cost: 10 }]),
      scenario,
    );
    const [withP4] = campaignUplift(lonely);
    expect(withP4?.withoutControl).toBe(1);
    expect(withP4?.compared).toBe(3);
    expect(withP4?.uplift).toBeCloseTo(8 / 3, 12);
  });
});
