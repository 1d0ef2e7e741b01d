/** Which evaluation months a trend covers (issue 6): the last K loaded months ending at M. */
import type { ModelInput } from '../../model/dataset.js';
import type { Scenario } from '../../model/scenario.js';
import { evaluationMonthOf } from '../run-model.js';

/**
 * Only loaded months are evaluated: a month without usage data has no customer table, so a
 * trend point there would say nothing. Fewer than K months come back when fewer are loaded.
 */
export function trendMonths(input: ModelInput, scenario: Scenario, count: number = scenario.trend_months): number[] {
  const last = evaluationMonthOf(input, scenario);
  const loaded = Array.from(input.facts.months).filter((m) => m <= last);
  return loaded.slice(Math.max(0, loaded.length - count));
}
