/**
 * Whether the scenario a run was computed with is the saved scenario of its name. After a
 * what-if on 结果 the run still carries the saved scenario's name while its weights are the
 * draft's, and the run line must not pass those results off as the saved scenario's.
 */
import type { Scenario } from '../../../../core/model/scenario';
import type { SavedScenarioView } from '../../../../core/service/contract';

/**
 * saved: a saved scenario of that name holds exactly these parameters; modified: one by that
 * name exists with other parameters; unsaved: none by that name; unknown: the saved list has
 * not been fetched yet.
 */
export type RunScenarioStatus = 'saved' | 'modified' | 'unsaved' | 'unknown';

/** The value with every object's keys sorted, so two scenarios compare by content, not key order. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(record)
        .sort()
        .map((key) => [key, canonical(record[key])]),
    );
  }
  return value;
}

export function sameParameters(a: Scenario, b: Scenario): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

export function runScenarioStatus(scenario: Scenario, saved: readonly SavedScenarioView[], savedLoaded: boolean): RunScenarioStatus {
  if (!savedLoaded) return 'unknown';
  const same = saved.find((s) => s.name === scenario.name);
  if (same === undefined) return 'unsaved';
  return sameParameters(same.scenario, scenario) ? 'saved' : 'modified';
}
