/**
 * Results sets through the service (issue 7, "how the results come back into the app"): the run
 * files of a run made elsewhere are imported, and the screens' view and customer pages of the
 * set equal what the same run shows when the app computes it itself.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readInputFiles } from '../../core/io/read-inputs.js';
import { writeRunFiles } from '../../core/io/run-files/write-run-files.js';
import { writeSampleCsv } from '../../core/sample/write-sample-csv.js';
import type { Channel, ChannelArgument, ChannelOutput, ServiceHost } from '../../core/service/contract.js';
import { createInProcessService } from '../../core/service/in-process-service.js';
import { tempDir } from '../support/paths.js';

const dir = tempDir('results-service');
const sampleDir = join(dir, 'sample');
const runDir = join(dir, 'run');
const scenario = { name: '数仓方案', value_weights: { profit: 0.6, loyalty: 0.2, credit: 0.1, behaviour: 0.1 } };
let service: ServiceHost;

async function call<C extends Channel>(channel: C, argument: ChannelArgument<C>): Promise<ChannelOutput<C>> {
  const result = await service.call(channel, argument, () => undefined);
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

describe('results sets in the service', () => {
  let run: Extract<ChannelOutput<'runs:start'>, { ok: true }>['run'];
  let setId = 0;

  beforeAll(async () => {
    await writeSampleCsv(sampleDir, { customers: 1500, months: 4, seed: 11 });
    service = createInProcessService({ databasePath: join(dir, 'kb.db'), shell: 'electron' });
    // The app's own run of the data, for comparison…
    const imported = await call('datasets:import', { jobId: 'import', paths: [sampleDir] });
    expect(imported.status).toBe('imported');
    const started = await call('runs:start', { jobId: 'run', scenario });
    if (!started.ok) throw new Error('run refused');
    run = started.run;
    // …and the same run made "elsewhere": its run files, as cvalue run --out-dir writes them.
    const read = await readInputFiles([sampleDir]);
    if (!read.ok) throw new Error('sample did not read');
    const { ModelSession } = await import('../../core/engine/run-model.js');
    const { parseScenario } = await import('../../core/model/scenario.js');
    const parsed = parseScenario(scenario);
    if (!parsed.ok) throw new Error('scenario');
    await writeRunFiles(runDir, new ModelSession(read.input).run(parsed.scenario));
  }, 120_000);

  afterAll(async () => {
    await service.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports a run folder and lists it with its provenance', async () => {
    const out = await call('results:import', { jobId: 'results', paths: [runDir] });
    if (out.status !== 'imported') throw new Error(JSON.stringify(out.report.problems.slice(0, 5)));
    setId = out.set.id;
    expect(out.set).toMatchObject({ name: `数仓方案 ${run.month}`, month: run.month, scenarioName: '数仓方案', customers: run.kpis.customers });
    expect(out.set.files.map((f) => f.name)).toEqual([
      'scenario.json',
      'customers.csv',
      'aggregates_plan.csv',
      'aggregates_brand.csv',
      'aggregates_branch.csv',
      'aggregates_channel.csv',
      'aggregates_segment.csv',
      'aggregates_tier.csv',
      'reconciliation.csv',
    ]);
    expect(out.set.files.find((f) => f.name === 'customers.csv')?.rows).toBe(run.kpis.customers);
    expect(await call('results:list', {})).toEqual([out.set]);
  });

  it('shows the same figures, aggregates and charts as the run it came from', async () => {
    const view = await call('results:view', { id: setId });
    expect(view.scenario).toEqual({ ...run.scenario, month: run.month });
    expect(view.kpis.customers).toBe(run.kpis.customers);
    expect(view.kpis.eligible).toBe(run.kpis.eligible);
    expect(view.kpis.negativeCount).toBe(run.kpis.negativeCount);
    expect(view.kpis.loss).toBeCloseTo(run.kpis.loss, 6);
    expect(view.kpis.totalProfit).toBeCloseTo(run.kpis.totalProfit, 6);
    expect(view.kpis.tiers).toEqual(run.kpis.tiers);
    for (const grouping of ['plan', 'brand', 'branch', 'channel', 'segment', 'tier'] as const) {
      const ours = view.aggregates[grouping];
      const theirs = run.aggregates[grouping];
      expect(ours.map((r) => r.group)).toEqual(theirs.map((r) => r.group));
      ours.forEach((r, i) => {
        const t = theirs[i];
        if (t === undefined) throw new Error('row');
        expect([r.customers, r.eligible, r.negativeCount, r.lossMakingPlan, r.settlementInverted]).toEqual([t.customers, t.eligible, t.negativeCount, t.lossMakingPlan, t.settlementInverted]);
        expect(r.sumAvgProfit).toBeCloseTo(t.sumAvgProfit, 6);
        expect(r.sumAvgAllocated).toBeCloseTo(t.sumAvgAllocated, 6);
        if (t.meanValue === null) expect(r.meanValue).toBeNull();
        else expect(r.meanValue).toBeCloseTo(t.meanValue, 9);
      });
    }
    expect(view.charts.valueHistogram).toEqual(run.charts.valueHistogram);
    expect(view.charts.tierCounts).toEqual(run.charts.tierCounts);
    expect(view.charts.profitByPlan.map((p) => p.plan)).toEqual(run.charts.profitByPlan.map((p) => p.plan));
    expect(view.reconciliation.length).toBeGreaterThan(0);
    expect(view.reconciliation.every((r) => r.status === 'allocated' ? Math.abs(r.difference) < 1e-6 : true)).toBe(true);
  });

  it('pages, filters and sorts customers as the run explorer does', async () => {
    const queries = [
      { filter: {}, sort: { column: 'value', descending: true } },
      { filter: { negative: true }, sort: { column: 'avgProfit', descending: false } },
      { filter: { tier: '不参与评分' }, sort: { column: 'customerId', descending: false } },
      { filter: { search: 'C0001' }, sort: { column: 'tenureMonths', descending: true } },
    ] as const;
    for (const q of queries) {
      const ours = await call('results:customers', { id: setId, ...q, offset: 5, limit: 40 });
      const theirs = await call('customers:query', { runId: run.runId, ...q, offset: 5, limit: 40 });
      expect(ours.total).toBe(theirs.total);
      expect(ours.choices).toEqual(theirs.choices);
      expect(ours.rows.map((r) => r.customerId)).toEqual(theirs.rows.map((r) => r.customerId));
      ours.rows.forEach((r, i) => {
        const t = theirs.rows[i];
        if (t === undefined) throw new Error('row');
        expect({ ...r, avgRevenue: 0, avgIndividualCost: 0, avgAllocated: 0, avgProfit: 0 }).toEqual({ ...t, avgRevenue: 0, avgIndividualCost: 0, avgAllocated: 0, avgProfit: 0 });
        expect(r.avgProfit).toBeCloseTo(t.avgProfit, 9);
      });
    }
  });

  it('refuses a folder whose aggregates contradict its customers, and imports nothing', async () => {
    const bad = join(dir, 'bad');
    cpSync(runDir, bad, { recursive: true });
    const plan = join(bad, 'aggregates_plan.csv');
    const lines = readFileSync(plan, 'utf8').split('\n');
    const cells = (lines[2] ?? '').split(',');
    cells[7] = String(Number(cells[7]) + 1); // sum_avg_profit, one yuan off
    lines[2] = cells.join(',');
    writeFileSync(plan, lines.join('\n'));
    const out = await call('results:import', { jobId: 'bad', paths: [bad] });
    if (out.status !== 'invalid') throw new Error('imported a contradicting folder');
    expect(out.report.problems).toEqual([expect.objectContaining({ code: 'results.aggregate_differs', file: 'aggregates_plan.csv', row: 3, column: 'sum_avg_profit' })]);
    expect((await call('results:list', {})).length).toBe(1);
  });

  it('deletes a set', async () => {
    expect(await call('results:delete', { id: setId })).toEqual({ deleted: true });
    expect(await call('results:list', {})).toEqual([]);
    const gone = await service.call('results:view', { id: setId }, () => undefined);
    expect(gone.ok ? '' : gone.error.code).toBe('store.result_set_not_found');
  });
});
