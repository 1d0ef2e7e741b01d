/** The trend is the model run month by month: each trend month equals a separate single-month run. */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeTrend, TREND_GROUPINGS } from '../../../core/engine/trend/trend.js';
import { trendMonths } from '../../../core/engine/trend/trend-months.js';
import { monthArrears } from '../../../core/engine/trend/month-arrears.js';
import { runModel } from '../../../core/engine/run-model.js';
import { readInputFiles } from '../../../core/io/read-inputs.js';
import type { ModelInput } from '../../../core/model/dataset.js';
import { monthKey, monthNumber } from '../../../core/model/month.js';
import { defaultScenario, parseScenario, type Scenario } from '../../../core/model/scenario.js';
import { writeSampleCsv } from '../../../core/sample/write-sample-csv.js';
import { buildFactTable, buildInput } from '../../support/build-input.js';
import { MINI, tempDir } from '../../support/paths.js';

async function readInput(paths: string[]): Promise<ModelInput> {
  const read = await readInputFiles(paths);
  if (!read.ok) throw new Error('test input does not read');
  return read.input;
}

function expectSameAsSeparateRuns(input: ModelInput, scenario: Scenario, months: readonly number[]): void {
  const trend = computeTrend(input, scenario, months);
  expect(trend.months.map((m) => m.month)).toEqual(months);
  trend.months.forEach((got) => {
    const alone = runModel(input, { ...scenario, month: monthKey(got.month) });
    expect(got.inTable).toEqual(alone.window.inTable);
    expect(got.value).toEqual(alone.values.value);
    expect(got.tier).toEqual(alone.values.tier);
    expect(got.avgProfit).toEqual(alone.profit.avgProfit);
    expect(got.credit).toEqual(alone.credit.credit);
    for (const g of TREND_GROUPINGS) expect(got.groups[g]).toEqual(alone.aggregates[g]);
  });
}

describe('computeTrend on the worked example (shared/examples/mini)', () => {
  let input: ModelInput;
  let scenario: Scenario;
  beforeAll(async () => {
    const files = ['usage.csv', 'settlement.csv', 'individual_costs.csv', 'credit.csv', 'cost_pools.csv', 'campaigns.csv'].map((f) => join(MINI, f));
    input = await readInput(files);
    const parsed = parseScenario({ name: 'mini', month: '2026-03', window: 3, min_tenure: 3 });
    if (!parsed.ok) throw new Error('mini scenario');
    scenario = parsed.scenario;
  });

  it('covers every loaded month up to M when fewer than K are loaded', () => {
    expect(trendMonths(input, scenario).map(monthKey)).toEqual(['2026-01', '2026-02', '2026-03']);
  });

  it('equals separate runs, including months whose window reaches before the data', () => {
    expectSameAsSeparateRuns(input, scenario, trendMonths(input, scenario));
  });
});

describe('computeTrend on a generated province', () => {
  let input: ModelInput;
  beforeAll(async () => {
    const dir = tempDir('trend-sample');
    await writeSampleCsv(dir, { customers: 400, months: 8 });
    input = await readInput([dir]);
  }, 60_000);

  it('takes the last K loaded months ending at the scenario month', () => {
    const scenario = { ...defaultScenario(), month: '2026-08', trend_months: 4 };
    expect(trendMonths(input, scenario).map(monthKey)).toEqual(['2026-05', '2026-06', '2026-07', '2026-08']);
  });

  it('equals separate runs over six months', () => {
    const scenario = defaultScenario();
    expectSameAsSeparateRuns(input, scenario, trendMonths(input, scenario));
  });
});

describe('monthArrears', () => {
  it('reads the arrears fact of that month, NaN for customers absent in it', () => {
    const facts = buildFactTable([
      { customer_id: 'a', month: '2026-01', billed_revenue: 1, arrears: 9 },
      { customer_id: 'a', month: '2026-02', billed_revenue: 1, arrears: 3 },
      { customer_id: 'b', month: '2026-01', billed_revenue: 1, arrears: 7 },
    ]);
    expect(Array.from(monthArrears(facts, monthNumber('2026-02')))).toEqual([3, NaN]);
    expect(Array.from(monthArrears(facts, monthNumber('2025-12')))).toEqual([NaN, NaN]);
  });

  it('feeds the trend month', () => {
    const input = buildInput([{ customer_id: 'a', month: '2026-01', billed_revenue: 1, arrears: 4 }]);
    const trend = computeTrend(input, defaultScenario(), [monthNumber('2026-01')]);
    expect(Array.from(trend.months[0]?.arrears ?? [])).toEqual([4]);
  });
});
