/** trendSteps: one step per month (where the service reports progress and may stop), ending in computeTrend's trend. */
import { beforeAll, describe, expect, it } from 'vitest';
import { computeTrend, trendSteps, type Trend } from '../../../core/engine/trend/trend.js';
import { trendMonths } from '../../../core/engine/trend/trend-months.js';
import type { ModelInput } from '../../../core/model/dataset.js';
import { defaultScenario } from '../../../core/model/scenario.js';
import { buildInput, type FactRecord } from '../../support/build-input.js';

/** Three customers over five months, with usage enough for a model run per month. */
function fiveMonths(): ModelInput {
  const facts: FactRecord[] = [];
  for (const [i, month] of ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05'].entries()) {
    for (const id of ['a', 'b', 'c']) {
      facts.push({ customer_id: id, month, billed_revenue: 50 + i * 3 + id.charCodeAt(0), minutes: 100 + i, data_mb: 200, plan: id === 'c' ? 'P2' : 'P1', branch: 'B', channel: 'C' });
    }
  }
  return buildInput(facts);
}

describe('the trend month by month', () => {
  let input: ModelInput;
  let months: number[];
  let whole: Trend;
  beforeAll(() => {
    input = fiveMonths();
    // A one-month window, so every loaded month is a full-window trend month.
    months = trendMonths(input, { ...defaultScenario(), window: 1, trend_months: 4 });
    whole = computeTrend(input, defaultScenario(), months);
  });

  it('trendSteps yields once per month and returns the trend computeTrend gives', () => {
    const steps = trendSteps(input, defaultScenario(), months);
    const yielded: number[] = [];
    let step = steps.next();
    while (step.done !== true) {
      yielded.push(step.value);
      step = steps.next();
    }
    expect(yielded).toEqual([1, 2, 3, 4]);
    expect(step.value).toEqual(whole);
    expect(step.value.months.map((m) => m.month)).toEqual(months);
  });
});
