/**
 * A what-if re-run on a ModelSession (which reuses the stages a change does not touch) equals
 * a fresh run of the same scenario, field by field and bit for bit. Each case runs a chain of
 * three scenarios on one session, each one the previous with a random set of parts (driver
 * weights, value weights or formula, tiers, breakpoints, min_tenure, window, M, credit,
 * loyalty, behaviour) taken from another random scenario; the earlier results are compared
 * only after the later runs, so a later run that mutated an earlier result's arrays, or a lazy
 * `rounded()` that read a newer stage, shows too.
 *
 * Run count: each case makes six engine runs (three on the session, three fresh), about 1.3 ms
 * a case, so the property runs half of PROPERTY_RUNS (5000 cases, 30000 engine runs, at the
 * default) to keep the suite within its time budget.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { ModelSession, type ModelResult } from '../../core/engine/run-model.js';
import { buildInput } from '../support/build-input.js';
import { check, firstDifference, mixScenario, mustParse, propertyOptions, provinceArb, SCENARIO_PARTS, scenarioInputArb } from './arbitraries.js';

const caseArb = provinceArb().chain((province) => {
  const scenario = scenarioInputArb(province.months, { formula: true });
  const parts = fc.subarray([...SCENARIO_PARTS], { minLength: 0, maxLength: 4 });
  return fc.record({ province: fc.constant(province), first: scenario, others: fc.array(fc.tuple(scenario, parts), { minLength: 2, maxLength: 2 }) });
});

function difference(session: ModelResult, fresh: ModelResult): string | null {
  return (
    firstDifference(session, fresh, 'result') ??
    firstDifference(session.rounded(), fresh.rounded(), 'rounded()') ??
    firstDifference(session.rowProfits(), fresh.rowProfits(), 'rowProfits()')
  );
}

describe('what-if re-runs (ModelSession) — property', () => {
  it('gives the same result as a fresh run of the same scenario', () => {
    fc.assert(
      fc.property(caseArb, ({ province, first, others }) => {
        const input = buildInput(province.facts, province.pools, province.campaigns);
        const raws = [first];
        for (const [other, parts] of others) raws.push(mixScenario(raws[raws.length - 1] as typeof first, other, parts));
        const scenarios = raws.map(mustParse);
        const session = new ModelSession(input);
        const results = scenarios.map((s) => session.run(s));
        results.forEach((result, step) => {
          const fresh = new ModelSession(input).run(scenarios[step] as (typeof scenarios)[number]);
          const d = difference(result, fresh);
          check(d === null, () => `step ${step} (${step === 0 ? 'first run' : `changed ${others[step - 1]?.[1].join(', ') || 'nothing'}`}): session vs fresh run differ at ${d}`);
        });
      }),
      propertyOptions(0.5),
    );
  });

  it('gives the same latest result as a fresh run when the session recycles its buffers', () => {
    fc.assert(
      fc.property(caseArb, ({ province, first, others }) => {
        const input = buildInput(province.facts, province.pools, province.campaigns);
        const raws = [first];
        for (const [other, parts] of others) raws.push(mixScenario(raws[raws.length - 1] as typeof first, other, parts));
        const scenarios = raws.map(mustParse);
        const session = new ModelSession(input, { reuseBuffers: true });
        // Only the latest result of a recycling session is valid, so compare each right after its run.
        scenarios.forEach((scenario, step) => {
          const result = session.run(scenario);
          const fresh = new ModelSession(input).run(scenario);
          const d = difference(result, fresh);
          check(d === null, () => `step ${step}: recycling session vs fresh run differ at ${d}`);
        });
      }),
      propertyOptions(0.3),
    );
  });
});
