/**
 * trend:get and warnings:list (issue 6). A trend is one model run per month (seconds at a
 * million customers), so it is cached, keyed by the loaded data and the scenario minus the
 * fields that cannot change it: in memory for the service's session, and in the knowledge base
 * (core/store/trend-cache.ts) so that it survives a restart. An import or delete makes ModelState
 * load a new ModelInput, which no entry in memory matches, and empties the stored entries.
 */
import { earlyWarnings } from '../engine/early-warnings/early-warnings.js';
import type { Warning } from '../engine/early-warnings/warning.js';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { trendSteps, type Trend } from '../engine/trend/trend.js';
import { trendMonths } from '../engine/trend/trend-months.js';
// The KPI and group derivation is shared with the report's 趋势 sheet (core/io/value-report).
import { trendGroupSeries as groupViews, trendMonthKpis as monthKpis, trendTierName as tierName } from '../engine/trend/trend-summary.js';
import type { FactTable, ModelInput } from '../model/dataset.js';
import { monthKey } from '../model/month.js';
import type { Scenario } from '../model/scenario.js';
import { WARNING_RULES, type CustomerTrendView, type TrendView, type WarningRuleName, type WarningView } from './contract.js';
import type { ModelState } from './model-state.js';
import { checkScenario } from './scenario-handlers.js';
import type { Handler, ServiceContext } from './service-context.js';
import type { Job } from './jobs.js';
import { fingerprintOf } from '../store/data-fingerprint.js';
import type { Store } from '../store/open-store.js';
import { StoreError, storeErrorFromSqlite } from '../store/store-errors.js';
import { readStoredTrend, writeStoredTrend } from '../store/trend-cache.js';

/** Two trends at most in memory: a million customers × 6 months is ~200 MB of arrays per trend. */
const CACHE_ENTRIES = 2;

export interface CachedTrend {
  readonly input: ModelInput;
  readonly key: string;
  readonly trend: Trend;
  readonly view: TrendView;
  /** Warnings by the JSON of the scenario's warning rules, each with its customer's branch. */
  readonly warnings: Map<string, readonly WarningView[]>;
}

/**
 * How the cache answered (tests and the bench read it): from memory (`hits`), from the knowledge
 * base (`loaded`), by computing (`computed`); `stored` counts trends written to the knowledge
 * base, `rejected` stored entries that did not pass the checks (and were recomputed). The last
 * knowledge base read and write took `lastReadMs` and `lastWriteMs` (the bench reports them).
 */
export const trendCacheStats = { computed: 0, hits: 0, loaded: 0, stored: 0, rejected: 0, lastReadMs: 0, lastWriteMs: 0 };

/** What the cache needs of ModelState: the loaded data, a new object after every import or delete. */
export type TrendSource = Pick<ModelState, 'input'>;

export interface TrendCacheOptions {
  /**
   * The knowledge base the data was loaded from: trends are read from it before computing and
   * written to it after, so they survive a restart. Without it (data read from files), memory only.
   */
  readonly kb?: Store;
  readonly job?: Job;
}

interface PendingTrend {
  readonly input: ModelInput;
  readonly key: string;
  /** The jobs waiting for it: it reports progress to each and stops only when all are cancelled. */
  readonly jobs: Job[];
  readonly promise: Promise<CachedTrend>;
}

const caches = new WeakMap<TrendSource, CachedTrend[]>();
const pending = new WeakMap<TrendSource, PendingTrend[]>();

/** name and warnings do not change the trend; everything else may. */
export function trendKey(scenario: Scenario): string {
  return JSON.stringify({ ...scenario, name: null, warnings: null });
}

export function trendView(trend: Trend): TrendView {
  return {
    months: trend.months.map((m) => ({ month: monthKey(m.month), kpis: monthKpis(trend, m) })),
    tierNames: trend.tierNames,
    groups: { plan: groupViews(trend, 'plan'), branch: groupViews(trend, 'branch'), channel: groupViews(trend, 'channel') },
  };
}

/**
 * The trend of this data and scenario: from memory, else from the knowledge base, else computed
 * (and then stored in both). Calls for the same trend while it is being computed share the work.
 */
export async function cachedTrend(model: TrendSource, scenario: Scenario, options: TrendCacheOptions = {}): Promise<CachedTrend> {
  const { job } = options;
  const input = model.input();
  const key = trendKey(scenario);
  // Entries of data loaded before an import or delete can never match again: drop them.
  const entries = (caches.get(model) ?? []).filter((e) => e.input === input);
  caches.set(model, entries);
  const hit = entries.find((e) => e.key === key);
  if (hit !== undefined) {
    trendCacheStats.hits++;
    return hit;
  }
  const running = (pending.get(model) ?? []).find((p) => p.input === input && p.key === key);
  if (running !== undefined) {
    if (job === undefined) return running.promise;
    running.jobs.push(job);
    return Promise.race([running.promise, cancelled(job)]);
  }
  // Shared with the running computation, so jobs joining later get its progress and count for its cancel.
  const jobs: Job[] = job === undefined ? [] : [job];
  const promise = (async () => {
    const trend = fromKnowledgeBase(options.kb, input, key, scenario) ?? (await computeAndStore(options.kb, input, key, scenario, jobs));
    const entry: CachedTrend = { input, key, trend, view: trendView(trend), warnings: new Map() };
    // The cache's list as it is now: other calls may have replaced it while this one computed.
    const current = (caches.get(model) ?? []).filter((e) => e.input === input && e.key !== key);
    current.unshift(entry);
    current.length = Math.min(current.length, CACHE_ENTRIES);
    caches.set(model, current);
    return entry;
  })();
  const list = pending.get(model) ?? [];
  const registered: PendingTrend = { input, key, jobs, promise };
  list.push(registered);
  pending.set(model, list);
  // Registered until the work settles, not until this caller leaves: a cancelled first caller
  // must not make the next call start the same computation again.
  const settled = (): void => void list.splice(list.indexOf(registered), 1);
  promise.then(settled, settled);
  // Raced with this job's own cancel, as a joining job's is: the work goes on while others wait.
  return job === undefined ? promise : Promise.race([promise, cancelled(job)]);
}

/** Rejects with job.cancelled once the job is cancelled (a joined computation goes on for the others). */
function cancelled(job: Job): Promise<never> {
  return new Promise((_, reject) => {
    const stop = (): void => {
      try {
        job.throwIfCancelled();
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    };
    if (job.signal.aborted) stop();
    else job.signal.addEventListener('abort', stop, { once: true });
  });
}

function fromKnowledgeBase(kb: Store | undefined, input: ModelInput, key: string, scenario: Scenario): Trend | null {
  const fingerprint = kb === undefined ? undefined : fingerprintOf(input);
  if (kb === undefined || fingerprint === undefined) return null;
  const started = performance.now();
  let read: ReturnType<typeof readStoredTrend>;
  try {
    read = readStoredTrend(kb, { fingerprint, scenarioKey: key }, { facts: input.facts, months: trendMonths(input, scenario) });
  } catch (e) {
    // A knowledge base that cannot be read just now (busy, locked) costs a computation, not the answer.
    if (!(e instanceof StoreError) && storeErrorFromSqlite(e, kb.path) === null) throw e;
    return null;
  }
  trendCacheStats.lastReadMs = performance.now() - started;
  if (read.status === 'loaded') {
    trendCacheStats.loaded++;
    return read.trend;
  }
  if (read.status === 'rejected') trendCacheStats.rejected++;
  return null;
}

/**
 * computeTrend month by month, yielding to the event loop between months so that a jobs:cancel
 * can arrive (the work is synchronous: without a turn of the loop no message would be read).
 */
async function computeAndStore(kb: Store | undefined, input: ModelInput, key: string, scenario: Scenario, jobs: readonly Job[]): Promise<Trend> {
  const months = trendMonths(input, scenario);
  const progress = (done: number): void => {
    for (const job of jobs) job.progress('trend', done, months.length);
  };
  const stopIfAllCancelled = (): void => {
    if (jobs.length > 0 && jobs.every((j) => j.signal.aborted)) (jobs[0] as Job).throwIfCancelled();
  };
  stopIfAllCancelled();
  progress(0);
  const steps = trendSteps(input, scenario, months);
  let step = steps.next();
  while (step.done !== true) {
    progress(step.value);
    await nextTurn();
    stopIfAllCancelled();
    step = steps.next();
  }
  const trend = step.value;
  trendCacheStats.computed++;
  const fingerprint = kb === undefined ? undefined : fingerprintOf(input);
  if (kb !== undefined && fingerprint !== undefined) {
    const started = performance.now();
    try {
      if (writeStoredTrend(kb, { fingerprint, scenarioKey: key }, trend)) trendCacheStats.stored++;
      trendCacheStats.lastWriteMs = performance.now() - started;
    } catch (e) {
      // A trend that cannot be stored (disk full, file busy) is still a trend: answer it, keep it in memory.
      if (!(e instanceof StoreError) && storeErrorFromSqlite(e, kb.path) === null) throw e;
    }
  }
  return trend;
}

/** The customer's branch in `month`, else in the latest earlier month it has a row. */
function customerBranch(facts: FactTable, customer: number, month: number): string | null {
  for (let i = facts.months.indexOf(month); i >= 0; i--) {
    // Rows of a month are sorted by customer index: binary search.
    let lo = facts.monthStart[i] as number;
    let hi = (facts.monthStart[i + 1] as number) - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const c = facts.customer[mid] as number;
      if (c === customer) return facts.dictionaries.branch[facts.categories.branch[mid] as number] ?? null;
      if (c < customer) lo = mid + 1;
      else hi = mid - 1;
    }
  }
  return null;
}

function orNull(x: number): number | null {
  return Number.isNaN(x) ? null : x;
}

function warningView(facts: FactTable, w: Warning): WarningView {
  const customer = w.subjectKind === 'customer' ? facts.customerIds.indexOf(w.subject) : -1;
  return {
    month: monthKey(w.month),
    rule: w.rule,
    subjectKind: w.subjectKind,
    subject: w.subject,
    before: orNull(w.before),
    after: orNull(w.after),
    detail: w.detail ?? null,
    branch: customer >= 0 ? customerBranch(facts, customer, w.month) : w.subjectKind === 'branch' ? w.subject : null,
  };
}

export function cachedWarnings(entry: CachedTrend, config: Scenario['warnings']): readonly WarningView[] {
  const key = JSON.stringify(config);
  let views = entry.warnings.get(key);
  if (views === undefined) {
    views = earlyWarnings(entry.trend, config).map((w) => warningView(entry.input.facts, w));
    entry.warnings.set(key, views);
  }
  return views;
}

function customerTrend(entry: CachedTrend, customerId: string): CustomerTrendView | null {
  const c = entry.trend.customerIds.indexOf(customerId);
  if (c < 0) return null;
  return {
    customerId,
    months: entry.trend.months.map((m) => {
      const present = m.inTable[c] === 1;
      return {
        month: monthKey(m.month),
        value: present ? orNull(m.value[c] as number) : null,
        tier: present ? tierName(entry.trend, m.tier[c] as number) : null,
        avgProfit: present ? orNull(m.avgProfit[c] as number) : null,
      };
    }),
  };
}

/** The first call after an import reads the knowledge base; say so on the progress bar. */
function loadInput(ctx: ServiceContext, job: Job): void {
  if (ctx.model.isLoaded) return;
  job.progress('load', 0, 1);
  ctx.model.input();
  job.throwIfCancelled();
}

export const getTrend: Handler<'trend:get'> = (input, ctx) =>
  ctx.jobs.run(input.jobId, 'trend:get', ctx.emit, async (job) => {
    const checked = checkScenario(input.scenario);
    if (!checked.ok) return checked;
    loadInput(ctx, job);
    const entry = await cachedTrend(ctx.model, checked.scenario, { kb: ctx.store, job });
    return { ok: true, trend: entry.view, customer: input.customerId === undefined ? null : customerTrend(entry, input.customerId) };
  });

export const listWarnings: Handler<'warnings:list'> = (input, ctx) =>
  ctx.jobs.run(input.jobId, 'warnings:list', ctx.emit, async (job) => {
    const checked = checkScenario(input.scenario);
    if (!checked.ok) return checked;
    loadInput(ctx, job);
    const all = cachedWarnings(await cachedTrend(ctx.model, checked.scenario, { kb: ctx.store, job }), checked.scenario.warnings);
    const branches = [...new Set(all.flatMap((w) => (w.branch === null ? [] : [w.branch])))].sort();
    const inBranch = input.branch === undefined ? all : all.filter((w) => w.branch === input.branch);
    const counts = Object.fromEntries(WARNING_RULES.map((r) => [r, 0])) as Record<WarningRuleName, number>;
    for (const w of inBranch) counts[w.rule]++;
    const matching = input.rule === undefined ? inBranch : inBranch.filter((w) => w.rule === input.rule);
    return { ok: true, page: { total: matching.length, offset: input.offset, rows: matching.slice(input.offset, input.offset + input.limit), counts, branches } };
  });
