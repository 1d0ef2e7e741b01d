/**
 * The trend cache across a restart of the app: a trend computed through the service is stored in
 * the knowledge base, and a new service on the same file answers it from there (counted, not
 * timed), equal to the computed one; an import or delete invalidates it; damaged entries are
 * recomputed; the computation reports each month and stops between months when cancelled.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeTrend } from '../../core/engine/trend/trend.js';
import { trendMonths } from '../../core/engine/trend/trend-months.js';
import { scenarioSchema } from '../../core/model/scenario.js';
import type { Channel, ChannelArgument, ChannelOutput, ServiceEventMessage, ServiceHost, TrendView } from '../../core/service/contract.js';
import { createInProcessService } from '../../core/service/in-process-service.js';
import type { Job } from '../../core/service/jobs.js';
import { ModelState } from '../../core/service/model-state.js';
import { ServiceFailure, serviceIssues } from '../../core/service/service-errors.js';
import { cachedTrend, trendCacheStats } from '../../core/service/trend-handlers.js';
import { openStore, type Store } from '../../core/store/open-store.js';
import { storedTrendCount } from '../../core/store/trend-cache.js';
import { tempDir } from '../support/paths.js';

const dir = tempDir('trend-cache-restart');
const databasePath = join(dir, 'kb.db');
const scenario = { name: 'restart', trend_months: 6 };
const parsed = scenarioSchema.parse(scenario);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function startService(): ServiceHost {
  return createInProcessService({ databasePath, shell: 'electron', tempDir: dir });
}

async function call<C extends Channel>(service: ServiceHost, channel: C, argument: ChannelArgument<C>, onEvent: (m: ServiceEventMessage) => void = () => undefined): Promise<ChannelOutput<C>> {
  const result = await service.call(channel, argument, onEvent);
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

async function trendOf(service: ServiceHost, jobId: string, customerId?: string): Promise<Extract<ChannelOutput<'trend:get'>, { ok: true }>> {
  const answer = await call(service, 'trend:get', { jobId, scenario, ...(customerId === undefined ? {} : { customerId }) });
  if (!answer.ok) throw new Error('scenario refused');
  return answer;
}

/** Runs `use` on a store of its own over the knowledge base file (the services are closed meanwhile). */
function withStore<T>(use: (store: Store) => T): T {
  const store = openStore(databasePath, { mustExist: true });
  try {
    return use(store);
  } finally {
    store.close();
  }
}

async function withStoreAsync(use: (store: Store) => Promise<void>): Promise<void> {
  const store = openStore(databasePath, { mustExist: true });
  try {
    await use(store);
  } finally {
    store.close();
  }
}

/** A job as the cache sees it, recording progress; cancelled when `cancelAt` months are done. */
function fakeJob(cancelAt?: number): { job: Job; progress: [string, number, number][] } {
  const controller = new AbortController();
  const progress: [string, number, number][] = [];
  const job: Job = {
    jobId: 'fake',
    signal: controller.signal,
    progress: (stage, done, total) => {
      progress.push([stage, done, total]);
      if (done === cancelAt) controller.abort();
    },
    throwIfCancelled: () => {
      if (controller.signal.aborted) throw new ServiceFailure(serviceIssues.jobCancelled('fake'));
    },
  };
  return { job, progress };
}

describe('the trend after a restart', () => {
  let computedView: TrendView;
  let customerId: string;

  beforeAll(async () => {
    const service = startService();
    try {
      expect((await call(service, 'datasets:importSample', { jobId: 'sample', customers: 500, months: 8 })).status).toBe('imported');
      const before = { ...trendCacheStats };
      customerId = withStore((store) => new ModelState(store).input().facts.customerIds.at(7));
      const answer = await trendOf(service, 'first', customerId);
      expect(trendCacheStats.computed).toBe(before.computed + 1);
      expect(trendCacheStats.stored).toBe(before.stored + 1);
      computedView = answer.trend;
      expect(answer.customer?.months).toHaveLength(6);
    } finally {
      await service.close();
    }
  }, 120_000);

  it('comes from the knowledge base, equal to the computed trend, without computing', async () => {
    const service = startService();
    try {
      const before = { ...trendCacheStats };
      const answer = await trendOf(service, 'again', customerId);
      expect(trendCacheStats.loaded).toBe(before.loaded + 1);
      expect(trendCacheStats.computed).toBe(before.computed);
      expect(answer.trend).toEqual(computedView);
      // The customer's months come from the stored arrays.
      expect(answer.customer?.customerId).toBe(customerId);
      expect(answer.customer?.months.map((m) => m.month)).toEqual(computedView.months.map((m) => m.month));
      // From then on, from memory.
      await trendOf(service, 'third');
      expect(trendCacheStats.hits).toBe(before.hits + 1);
      expect(trendCacheStats.loaded).toBe(before.loaded + 1);
    } finally {
      await service.close();
    }
  });

  it('has typed arrays and group rows deep-equal to computeTrend on the same data', async () => {
    await withStoreAsync(async (store) => {
      const model = new ModelState(store);
      const before = trendCacheStats.loaded;
      const entry = await cachedTrend(model, { ...parsed, name: 'another name' }, { kb: store });
      expect(trendCacheStats.loaded).toBe(before + 1);
      const input = model.input();
      const direct = computeTrend(input, parsed, trendMonths(input, parsed));
      expect(entry.trend).toEqual(direct);
      expect(entry.trend.months.every((m) => m.value instanceof Float64Array && m.tier instanceof Int16Array)).toBe(true);
      // Warnings need the data beside the stored trend; they match those of the computed one.
      const { earlyWarnings } = await import('../../core/engine/early-warnings/early-warnings.js');
      expect(earlyWarnings(entry.trend, parsed.warnings)).toEqual(earlyWarnings(direct, parsed.warnings));
    });
  });

  it('is recomputed, never crashing, when its stored rows are damaged', async () => {
    const raw = new BetterSqlite3(databasePath);
    raw.exec("UPDATE trend_cache_months SET value = substr(value, 1, 100) WHERE position = 3; UPDATE trend_cache_months SET groups = '{\"plan\": 1}' WHERE position = 0");
    raw.close();
    const service = startService();
    try {
      const before = { ...trendCacheStats };
      const answer = await trendOf(service, 'damaged');
      expect(trendCacheStats.rejected).toBe(before.rejected + 1);
      expect(trendCacheStats.computed).toBe(before.computed + 1);
      expect(trendCacheStats.stored).toBe(before.stored + 1);
      expect(answer.trend).toEqual(computedView);
    } finally {
      await service.close();
    }
    // Stored afresh: the next restart loads it again.
    const service2 = startService();
    try {
      const loaded = trendCacheStats.loaded;
      await trendOf(service2, 'repaired');
      expect(trendCacheStats.loaded).toBe(loaded + 1);
    } finally {
      await service2.close();
    }
  });

  it('reports progress after each month and stops between months when cancelled', async () => {
    await withStoreAsync(async (store) => {
      const model = new ModelState(store);
      const other = { ...parsed, trend_months: 5 };
      const { job, progress } = fakeJob(2);
      const before = { ...trendCacheStats };
      const error = await cachedTrend(model, other, { kb: store, job }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ServiceFailure);
      expect((error as ServiceFailure).error.code).toBe('job.cancelled');
      expect(progress).toEqual([
        ['trend', 0, 5],
        ['trend', 1, 5],
        ['trend', 2, 5],
      ]);
      expect(trendCacheStats.computed).toBe(before.computed);
      expect(storedTrendCount(store)).toBe(1);

      // The next call joins the work the cancelled one started (it stops only at a month boundary
      // with every job cancelled), so it sees the remaining months and no month is computed twice.
      const full = fakeJob();
      await cachedTrend(model, other, { kb: store, job: full.job });
      expect(full.progress).toEqual([3, 4, 5].map((done) => ['trend', done, 5]));
      expect(trendCacheStats.computed).toBe(before.computed + 1);
      expect(storedTrendCount(store)).toBe(2);
    });
  });

  it('computes once for calls that ask while it is being computed, and a joined cancel leaves the others their trend', async () => {
    await withStoreAsync(async (store) => {
      const model = new ModelState(store);
      const other = { ...parsed, trend_months: 4 };
      const first = fakeJob();
      const second = fakeJob(2);
      const before = trendCacheStats.computed;
      const a = cachedTrend(model, other, { kb: store, job: first.job });
      const b = cachedTrend(model, other, { kb: store, job: second.job });
      const c = cachedTrend(model, other, { kb: store });
      // The second job is cancelled after two months; the others' computation goes on.
      const [ra, rb, rc] = await Promise.allSettled([a, b, c]);
      expect(ra.status).toBe('fulfilled');
      expect(rb.status).toBe('rejected');
      expect(rc.status === 'fulfilled' && ra.status === 'fulfilled' && rc.value === ra.value).toBe(true);
      expect(trendCacheStats.computed).toBe(before + 1);
      expect(first.progress.at(-1)).toEqual(['trend', 4, 4]);
      // And the shared result is in memory afterwards (not only in the knowledge base).
      const { hits, loaded } = trendCacheStats;
      expect(await cachedTrend(model, other, { kb: store })).toBe(rc.status === 'fulfilled' ? rc.value : null);
      expect([trendCacheStats.hits, trendCacheStats.loaded]).toEqual([hits + 1, loaded]);
    });
  });

  it('answers job.cancelled through the service when jobs:cancel arrives during the computation', async () => {
    const service = startService();
    try {
      const computed = trendCacheStats.computed;
      const storedBefore = withStore(storedTrendCount);
      const events: ServiceEventMessage[] = [];
      // The data loaded first, so the first report is the trend's: cancelled there, the
      // computation stops after the first month.
      await trendOf(service, 'load the data');
      const result = await service.call('trend:get', { jobId: 'to-cancel', scenario: { ...scenario, trend_months: 3 } }, (m) => {
        events.push(m);
        if (events.length === 1) void service.call('jobs:cancel', { jobId: 'to-cancel' }, () => undefined);
      });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('job.cancelled');
      expect(events[0]).toEqual({ event: 'jobs:progress', payload: { jobId: 'to-cancel', channel: 'trend:get', stage: 'trend', done: 0, total: 3 } });
      expect(trendCacheStats.computed).toBe(computed);
      expect(withStore(storedTrendCount)).toBe(storedBefore);
    } finally {
      await service.close();
    }
  });

  it('is invalidated by a delete and by an import', async () => {
    const service = startService();
    try {
      const imports = await call(service, 'datasets:list', {});
      const id = imports[0]?.id;
      if (id === undefined) throw new Error('no import');
      await call(service, 'datasets:delete', { importId: id });
      expect(withStore(storedTrendCount)).toBe(0);
      await call(service, 'datasets:importSample', { jobId: 'sample2', customers: 300, months: 7 });
      const before = { ...trendCacheStats };
      const answer = await trendOf(service, 'new data');
      expect(trendCacheStats.computed).toBe(before.computed + 1);
      expect(trendCacheStats.loaded).toBe(before.loaded);
      expect(answer.trend).not.toEqual(computedView);
    } finally {
      await service.close();
    }
    // The new data's trend survives the next restart; the old data's never comes back.
    const service2 = startService();
    try {
      const loaded = trendCacheStats.loaded;
      await trendOf(service2, 'new data again');
      expect(trendCacheStats.loaded).toBe(loaded + 1);
      expect(withStore(storedTrendCount)).toBe(1);
    } finally {
      await service2.close();
    }
  }, 120_000);
});
