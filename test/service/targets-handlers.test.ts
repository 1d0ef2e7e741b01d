/**
 * targets:* over the in-process service on a generated sample (500 customers × 6 months): the
 * build equals core/engine/targets run directly on the same knowledge base, the CSV export has
 * one line per customer, definitions are saved next to the database, and the run's campaigns
 * carry their uplift.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runModel, type ModelResult } from '../../core/engine/run-model.js';
import { targetFilterSchema } from '../../core/engine/targets/target-filter.js';
import { arpuComparison, buildTargetList } from '../../core/engine/targets/target-list.js';
import { parseScenario } from '../../core/model/scenario.js';
import type { Channel, ChannelArgument, ChannelOutput, RunView, ServiceHost } from '../../core/service/contract.js';
import { createInProcessService } from '../../core/service/in-process-service.js';
import { loadModelInput } from '../../core/store/load-model-input.js';
import { openStore } from '../../core/store/open-store.js';
import { tempDir } from '../support/paths.js';

const dir = tempDir('targets-handlers');
const databasePath = join(dir, 'kb.db');
const downloadsDir = join(dir, 'downloads');
const SCENARIO = { name: 'targets', month: '2026-09', window: 3, min_tenure: 3 };
let service: ServiceHost;
let run: RunView;
let direct: ModelResult;

async function call<C extends Channel>(channel: C, argument: ChannelArgument<C>): Promise<ChannelOutput<C>> {
  const result = await service.call(channel, argument, () => undefined);
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

describe('targets handlers', () => {
  beforeAll(async () => {
    service = createInProcessService({ databasePath, shell: 'web', downloadsDir });
    const imported = await call('datasets:importSample', { jobId: 'sample', customers: 500, months: 6 });
    expect(imported.status).toBe('imported');
    const started = await call('runs:start', { jobId: 'run', scenario: SCENARIO });
    if (!started.ok) throw new Error('run refused');
    run = started.run;
    const store = openStore(databasePath, { mustExist: true });
    try {
      const parsed = parseScenario(SCENARIO);
      if (!parsed.ok) throw new Error('bad scenario');
      direct = runModel(loadModelInput(store), parsed.scenario);
    } finally {
      store.close();
    }
  }, 120_000);

  afterAll(async () => {
    await service.close();
  });

  it('builds the same list as the engine run directly', async () => {
    const filter = targetFilterSchema.parse({ eligibleOnly: true, tenure: { min: 6 } });
    const built = await call('targets:build', { runId: run.runId, filter });
    const list = buildTargetList(direct, filter);
    const cmp = arpuComparison(direct, list);
    expect(built.size).toBe(list.size);
    expect(built.size).toBeGreaterThan(0);
    expect(built.sumAvgProfit).toBeCloseTo(list.sumAvgProfit, 6);
    expect(built.negativeCount).toBe(list.negative);
    expect(built.arpu).toEqual({ negativeCount: cmp.arpu.negative, sumAvgProfit: expect.closeTo(cmp.arpu.sumAvgProfit, 6) as number });
    expect(built.negativeAvoided).toBe(cmp.negativeAvoided);
    expect(built.preview.length).toBe(Math.min(100, list.size));
    expect(built.preview.map((r) => r.customerId)).toEqual(Array.from(list.customers.subarray(0, 100), (c) => direct.input.facts.customerIds.at(c)));
  });

  it('exports a readable CSV with one line per customer, into the downloads folder', async () => {
    const filter = targetFilterSchema.parse({ excludeNegative: true });
    const { size } = await call('targets:build', { runId: run.runId, filter });
    const written = await call('targets:export', { jobId: 'csv', runId: run.runId, filter, format: 'csv', target: 'list.csv' });
    expect(written).toEqual({ path: join(downloadsDir, 'list.csv'), rows: size });
    const lines = readFileSync(written.path, 'utf8').trimEnd().split(/\r?\n/);
    expect(lines[0]).toContain('customer_id');
    expect(lines.length).toBe(size + 1);
    const xlsx = await call('targets:export', { jobId: 'xlsx', runId: run.runId, filter, format: 'xlsx', target: 'list.xlsx' });
    expect(existsSync(xlsx.path)).toBe(true);
  });

  it('refuses a path in the web shell and a target whose ending does not match the format', async () => {
    const filter = targetFilterSchema.parse({});
    const bad = await service.call('targets:export', { jobId: 'bad1', runId: run.runId, filter, format: 'csv', target: '../x.csv' }, () => undefined);
    expect(bad).toMatchObject({ ok: false, error: { code: 'export.bad_target' } });
    const wrong = await service.call('targets:export', { jobId: 'bad2', runId: run.runId, filter, format: 'csv', target: 'x.xlsx' }, () => undefined);
    expect(wrong).toMatchObject({ ok: false, error: { code: 'export.bad_target' } });
  });

  it('saves definitions next to the database and lists them, replacing by name', async () => {
    expect(await call('targets:list', {})).toEqual([]);
    await call('targets:save', { name: '高价值', filter: { tiers: ['A'] } });
    await call('targets:save', { name: '高价值', filter: { tiers: ['A', 'B'] } });
    const list = await call('targets:list', {});
    expect(list.map((d) => [d.name, d.filter.tiers])).toEqual([['高价值', ['A', 'B']]]);
    expect(existsSync(`${databasePath}.targets.json`)).toBe(true);
  });

  it('leaves uplift out of the run, and gives each campaign its uplift or the reason it is withheld when asked', async () => {
    expect(run.campaigns.length).toBeGreaterThan(0);
    expect(run.campaigns.map((c) => c.upliftNote)).toEqual(run.campaigns.map(() => 'not_computed'));
    const campaigns = await call('campaigns:uplift', { runId: run.runId });
    expect(campaigns.map((c) => c.campaign)).toEqual(run.campaigns.map((c) => c.campaign));
    for (const c of campaigns) {
      expect(c.upliftNote).not.toBe('not_computed');
      expect(c.uplift === null).toBe(c.upliftNote !== '');
      if (c.uplift !== null) expect(c.controlSize).toBeGreaterThanOrEqual(30);
    }
  });
});
