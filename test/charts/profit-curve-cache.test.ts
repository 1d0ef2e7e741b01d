/** The profit curve is reused across what-if re-runs that leave profits alone, and only those. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportChartData } from '../../core/charts/chart-data.js';
import { profitCurve } from '../../core/charts/data/profit-curve.js';
import { ModelSession } from '../../core/engine/run-model.js';
import { readInputFiles } from '../../core/io/read-inputs.js';
import { parseScenario, type Scenario } from '../../core/model/scenario.js';
import { MINI } from '../support/paths.js';

function scenario(raw: unknown): Scenario {
  const parsed = parseScenario(raw);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.scenario;
}

describe('profit curve cache', () => {
  it('keeps the curve for a value-weight re-run and recomputes it when profits change', async () => {
    const read = await readInputFiles(['usage.csv', 'settlement.csv', 'individual_costs.csv', 'credit.csv', 'cost_pools.csv'].map((f) => join(MINI, f)));
    if (!read.ok) throw new Error('the worked example did not read');
    const session = new ModelSession(read.input, { reuseBuffers: true });
    const first = reportChartData(session.run(scenario({ month: '2026-03' })), 'zh').profitCurve;
    const reweighted = reportChartData(session.run(scenario({ month: '2026-03', value_weights: { profit: 0.4, loyalty: 0.2, credit: 0.2, behaviour: 0.2 } })), 'zh').profitCurve;
    expect(reweighted).toBe(first);
    const moved = session.run(scenario({ month: '2026-03', drivers: { default: { users: 0.2, minutes: 0.8 } } }));
    const curve = reportChartData(moved, 'zh').profitCurve;
    expect(curve).not.toBe(first);
    expect(curve).toEqual(profitCurve(moved.profit.avgProfit, moved.window.table));
    expect(curve.total).not.toBeCloseTo(first.total, 9);
  });
});
