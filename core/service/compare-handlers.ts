/** compare:run — two scenarios over the same data, each on a session of its own (SPEC §12). */
import { compareRuns } from '../engine/compare-runs.js';
import { smallestK } from '../io/value-report/key-customers.js';
import type { ScenarioIssue } from '../model/scenario.js';
import type { ScenarioCheck } from './contract.js';
import { runView } from './run-view.js';
import { checkScenario } from './scenario-handlers.js';
import type { Handler } from './service-context.js';

/** The tier moves listed, as the report's 方案对比 lists them in its summary. */
export const TIER_CHANGES_SHOWN = 1000;

/** Issues of scenario `side`, with paths that say which scenario they belong to. */
function sideIssues(side: 'a' | 'b', check: ScenarioCheck): ScenarioIssue[] {
  return check.ok ? [] : check.issues.map((i) => ({ ...i, path: i.path === '' ? side : `${side}.${i.path}` }));
}

export const compareScenarios: Handler<'compare:run'> = (input, ctx) =>
  ctx.jobs.run(input.jobId, 'compare:run', ctx.emit, async (job) => {
    const a = checkScenario(input.a);
    const b = checkScenario(input.b);
    if (!a.ok || !b.ok) return { ok: false, issues: [...sideIssues('a', a), ...sideIssues('b', b)] };
    job.progress('run', 0, 2);
    const [runA, runB] = ctx.model.runComparison([a.scenario, b.scenario], () => {
      job.throwIfCancelled();
      job.progress('run', 1, 2);
    });
    if (runA === undefined || runB === undefined) throw new Error('a comparison gives two runs');
    const cmp = compareRuns(runA.result, runB.result);
    const changes = cmp.tierChanges;
    // Largest moves first; a move into or out of 不参与评分 (no value on one side) counts as largest.
    const shown = smallestK(
      Int32Array.from(changes.keys()),
      (i) => {
        const d = Math.abs((changes[i]?.valueB ?? NaN) - (changes[i]?.valueA ?? NaN));
        return Number.isNaN(d) ? -Infinity : -d;
      },
      TIER_CHANGES_SHOWN,
    );
    const ids = runA.result.input.facts.customerIds;
    const orNull = (x: number): number | null => (Number.isNaN(x) ? null : x);
    return {
      ok: true,
      comparison: {
        a: runView(runA),
        b: runView(runB),
        tiersA: cmp.tiersA,
        tiersB: cmp.tiersB,
        migration: cmp.migration,
        negativeCountA: cmp.negativeCountA,
        negativeCountB: cmp.negativeCountB,
        lossA: cmp.lossA,
        lossB: cmp.lossB,
        plans: cmp.plans,
        branches: cmp.branches,
        tierChanges: Array.from(shown, (i) => {
          const change = changes[i];
          if (change === undefined) throw new Error('tier change index out of range');
          return { customerId: ids.at(change.customer), tierA: change.tierA, tierB: change.tierB, valueA: orNull(change.valueA), valueB: orNull(change.valueB) };
        }),
        tierChangeCount: changes.length,
      },
    };
  });
