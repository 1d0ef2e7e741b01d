/**
 * customers:trace (core/engine/customer-trace.ts): each month's pool parts add up to the
 * engine's allocated(c,m) within 1e-9, on the worked example and on random provinces and
 * scenarios; the month's parts make its profit; each sub-score is what its inputs give.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { traceCustomer, type CustomerTraceResult, type SubScoreTrace } from '../../core/engine/customer-trace.js';
import { runModel, type ModelResult } from '../../core/engine/run-model.js';
import { clampScore } from '../../core/engine/sub-scores.js';
import { readInputFiles } from '../../core/io/read-inputs.js';
import { parseScenario } from '../../core/model/scenario.js';
import { buildInput } from '../support/build-input.js';
import { MINI } from '../support/paths.js';
import { check, mustParse, propertyOptions, provinceArb, scenarioInputArb } from '../engine/arbitraries.js';

const TOLERANCE = 1e-9;

function score(trace: CustomerTraceResult, name: SubScoreTrace['name']): SubScoreTrace {
  const found = trace.scores.find((s) => s.name === name);
  if (found === undefined) throw new Error(`no ${name} in the trace`);
  return found;
}

function num(inputs: SubScoreTrace['inputs'], key: string): number {
  const v = inputs[key];
  if (typeof v !== 'number') throw new Error(`${key} is not a number: ${String(v)}`);
  return v;
}

/** Checks every customer of the run's table; returns how many customer-months were checked. */
function checkTraces(result: ModelResult): number {
  let months = 0;
  for (const c of result.window.table) {
    const trace = traceCustomer(result, c);
    const who = trace.customer.customerId;
    let allocatedInWindow = 0;
    for (const m of trace.months) {
      const parts = m.pools.reduce((s, p) => s + p.allocated, 0);
      check(Math.abs(parts - m.allocated) <= TOLERANCE, () => `${who} ${m.month}: pools add up to ${parts}, engine allocated ${m.allocated}`);
      for (const p of m.pools) {
        const fromShare = p.amount * p.share;
        check(Math.abs(fromShare - p.allocated) <= TOLERANCE * Math.max(1, Math.abs(p.allocated)), () => `${who} ${m.month} ${p.pool}: amount·share ${fromShare} ≠ ${p.allocated}`);
        const share = p.drivers.reduce((s, d) => s + (d.weight * d.x) / d.total, 0);
        check(share === p.share, () => `${who} ${m.month} ${p.pool}: share ${p.share} ≠ Σ w·x/X ${share}`);
      }
      check(m.profit === m.revenue - m.individualCost - m.allocated, () => `${who} ${m.month}: profit ${m.profit}`);
      if (m.inWindow) allocatedInWindow += m.allocated;
      months++;
    }
    const present = trace.months.filter((m) => m.inWindow).length;
    check(Math.abs(allocatedInWindow / present - trace.customer.avgAllocated) <= TOLERANCE, () => `${who}: window mean of allocated ≠ avg_allocated`);

    const value = score(trace, 'value');
    check(value.score === trace.customer.value, () => `${who}: value ${value.score} ≠ ${trace.customer.value}`);
    if (!trace.customer.eligible) {
      check(trace.scores.every((s) => s.score === null), () => `${who}: an ineligible customer has a score`);
      continue;
    }
    const credit = score(trace, 'credit');
    const ci = credit.inputs;
    const creditFromInputs = clampScore(
      num(ci, 'w_tenure') * num(ci, 'g1_tenure') + num(ci, 'w_spend') * num(ci, 'g2_spend') + num(ci, 'w_suspension_count') * num(ci, 'g3_suspension_count') + num(ci, 'w_suspension_days') * num(ci, 'g4_suspension_days'),
    );
    check(credit.score === creditFromInputs, () => `${who}: credit ${credit.score} ≠ ${creditFromInputs} from its inputs`);
    const loyalty = score(trace, 'loyalty');
    const li = loyalty.inputs;
    const loyaltyFromInputs = clampScore(num(li, 'w_tenure') * num(li, 'l1_tenure') + num(li, 'w_services') * num(li, 'l2_services') + num(li, 'w_plan_stability') * num(li, 'l3_plan_stability'));
    check(loyalty.score === loyaltyFromInputs, () => `${who}: loyalty ${loyalty.score} ≠ ${loyaltyFromInputs} from its inputs`);
    const profitScore = score(trace, 'profit_score');
    check(profitScore.score === profitScore.inputs.curve_score, () => `${who}: profit score ${profitScore.score} ≠ curve ${String(profitScore.inputs.curve_score)}`);
    if (result.scenario.value_formula === null) {
      const parts = ['profit_score', 'loyalty', 'credit', 'behaviour'] as const;
      const [ps, l, cr, b] = parts.map((name) => {
        const s = score(trace, name);
        return (s.weight as number) * (s.score as number);
      }) as [number, number, number, number];
      const weighted = clampScore(ps + l + cr + b);
      check(value.score === weighted, () => `${who}: value ${value.score} ≠ Σ weight·score ${weighted}`);
    }
  }
  return months;
}

describe('customer trace', () => {
  it('adds up on the worked example', async () => {
    const files = ['usage.csv', 'settlement.csv', 'individual_costs.csv', 'credit.csv', 'cost_pools.csv', 'campaigns.csv'].map((f) => join(MINI, f));
    const read = await readInputFiles(files);
    if (!read.ok) throw new Error('the worked example does not read');
    const parsed = parseScenario(JSON.parse(readFileSync(join(MINI, 'scenario_mini.json'), 'utf8')));
    if (!parsed.ok) throw new Error('the worked example scenario does not parse');
    const result = runModel(read.input, parsed.scenario);
    expect(checkTraces(result)).toBeGreaterThan(0);
    // Every allocated pool — unscoped, scoped, and S of 2026-01 whose minutes weight moved to users — reaches a trace.
    const poolsSeen = new Set(Array.from(result.window.table).flatMap((c) => traceCustomer(result, c).months.flatMap((m) => m.pools.map((p) => `${p.pool} ${m.month}`))));
    const allocated = result.allocation.reconciliation.filter((r) => r.allocated).map((r) => `${r.pool} ${r.month}`);
    expect([...poolsSeen].sort()).toEqual(allocated.sort());
    expect(result.allocation.reconciliation.some((r) => r.allocated && r.movedDrivers.length > 0)).toBe(true);
  });

  it('adds up on random provinces and scenarios', () => {
    const caseArb = provinceArb().chain((province) => fc.tuple(fc.constant(province), scenarioInputArb(province.months, { formula: true })));
    fc.assert(
      fc.property(caseArb, ([province, raw]) => {
        checkTraces(runModel(buildInput(province.facts, province.pools, province.campaigns), mustParse(raw)));
      }),
      propertyOptions(0.05),
    );
  });
});
