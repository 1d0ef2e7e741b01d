/** Which evaluation months a trend covers (issue 6): the last K loaded months ending at M. */
import type { ModelInput } from '../../model/dataset.js';
import type { Scenario } from '../../model/scenario.js';
import { evaluationMonthOf } from '../run-model.js';

/**
 * Only loaded months are evaluated: a month without usage data has no customer table, so a
 * trend point there would say nothing. Nor would a month whose window reaches before the first
 * loaded month (nobody is present in every window month, so nobody is scored), so those are
 * left out as long as two or more months remain. Fewer than K months come back when fewer qualify.
 */
export function trendMonths(input: ModelInput, scenario: Scenario, count: number = scenario.trend_months): number[] {
  const last = evaluationMonthOf(input, scenario);
  const loaded = Array.from(input.facts.months).filter((m) => m <= last);
  const first = loaded[0] ?? last;
  const fullWindow = loaded.filter((m) => m - scenario.window + 1 >= first);
  const months = fullWindow.length >= 2 ? fullWindow : loaded;
  return months.slice(Math.max(0, months.length - count));
}
