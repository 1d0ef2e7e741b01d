/**
 * trend:get and warnings:list through the in-process service on the generated sample
 * (600 customers × 8 months): the trend's months, warning counts equal to earlyWarnings run
 * directly on the same knowledge base, and the session cache (counted, not timed).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { earlyWarnings } from '../../core/engine/early-warnings/early-warnings.js';
import { computeTrend } from '../../core/engine/trend/trend.js';
import { trendMonths } from '../../core/engine/trend/trend-months.js';
import { scenarioSchema } from '../../core/model/scenario.js';
import type { Channel, ChannelArgument, ChannelOutput, ServiceHost } from '../../core/service/contract.js';
import { createInProcessService } from '../../core/service/in-process-service.js';
import { trendCacheStats } from '../../core/service/trend-handlers.js';
import { loadModelInput } from '../../core/store/load-model-input.js';
import { openStore } from '../../core/store/open-store.js';
import { tempDir } from '../support/paths.js';

const dir = tempDir('trend-handlers');
const databasePath = join(dir, 'kb.db');
let service: ServiceHost;

async function call<C extends Channel>(channel: C, argument: ChannelArgument<C>): Promise<ChannelOutput<C>> {
  const result = await service.call(channel, argument, () => undefined);
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

const scenario = { name: 'trend', trend_months: 6 };

describe('trend:get and warnings:list', () => {
  beforeAll(async () => {
    service = createInProcessService({ databasePath, shell: 'electron', tempDir: dir });
    const imported = await call('datasets:importSample', { jobId: 'sample', customers: 600, months: 8 });
    expect(imported.status).toBe('imported');
  }, 60_000);

  afterAll(async () => {
    await service.close();
  });

  it('gives six trend months with KPIs and grouping rows aligned to them', async () => {
    const answer = await call('trend:get', { jobId: 't1', scenario });
    if (!answer.ok) throw new Error('scenario refused');
    expect(answer.trend.months).toHaveLength(6);
    const last = answer.trend.months.at(-1);
    expect(last?.kpis.customers).toBeGreaterThan(0);
    expect(last?.kpis.tiers.reduce((s, t) => s + t.customers, 0)).toBe(last?.kpis.customers);
    for (const row of answer.trend.groups.branch) expect(row.months).toHaveLength(6);
    expect(answer.customer).toBeNull();
  });

  it('counts the same warnings as earlyWarnings run directly', async () => {
    const answer = await call('warnings:list', { jobId: 'w1', scenario, limit: 10 });
    if (!answer.ok) throw new Error('scenario refused');
    const store = openStore(databasePath, { mustExist: true });
    try {
      const input = loadModelInput(store);
      const parsed = scenarioSchema.parse(scenario);
      const direct = earlyWarnings(computeTrend(input, parsed, trendMonths(input, parsed)), parsed.warnings);
      expect(answer.page.total).toBe(direct.length);
      for (const rule of Object.keys(answer.page.counts) as (keyof typeof answer.page.counts)[]) {
        expect(answer.page.counts[rule]).toBe(direct.filter((w) => w.rule === rule).length);
      }
    } finally {
      store.close();
    }
    expect(answer.page.rows.length).toBe(Math.min(10, answer.page.total));
  });

  it('filters by rule and branch', async () => {
    const all = await call('warnings:list', { jobId: 'w2', scenario, limit: 10_000 });
    if (!all.ok) throw new Error('scenario refused');
    const branch = all.page.branches[0];
    if (branch === undefined) return;
    const some = await call('warnings:list', { jobId: 'w3', scenario, branch, rule: 'negative_turn', limit: 10_000 });
    if (!some.ok) throw new Error('scenario refused');
    expect(some.page.rows.every((w) => w.branch === branch && w.rule === 'negative_turn')).toBe(true);
    expect(some.page.total).toBe(all.page.rows.filter((w) => w.branch === branch && w.rule === 'negative_turn').length);
  });

  it('re-opens from the cache without recomputing, and recomputes after the data changes', async () => {
    const first = await call('trend:get', { jobId: 't2', scenario });
    const computed = trendCacheStats.computed;
    const hits = trendCacheStats.hits;
    // A new name or other warning thresholds do not change the trend.
    const again = await call('trend:get', { jobId: 't3', scenario: { ...scenario, name: 'other', warnings: { share_rise: { points: 5 } } }, customerId: 'no-such-customer' });
    expect(trendCacheStats.computed).toBe(computed);
    expect(trendCacheStats.hits).toBe(hits + 1);
    expect(first.ok && again.ok && again.trend === first.trend).toBe(true);

    const imports = await call('datasets:list', {});
    const id = imports[0]?.id;
    if (id === undefined) throw new Error('no import');
    await call('datasets:delete', { importId: id });
    await call('datasets:importSample', { jobId: 'sample2', customers: 600, months: 8 });
    await call('trend:get', { jobId: 't4', scenario });
    expect(trendCacheStats.computed).toBe(computed + 1);
  }, 60_000);
});
