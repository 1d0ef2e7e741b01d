/**
 * trend:get and warnings:list (issue 6). A trend is one model run per month (seconds at a
 * million customers), so it is cached for the service's session, keyed by the loaded data and
 * the scenario minus the fields that cannot change it; an import or delete makes ModelState
 * load a new ModelInput, which no cached entry matches, so the stale entries are dropped.
 */
import { earlyWarnings } from '../engine/early-warnings/early-warnings.js';
import type { Warning } from '../engine/early-warnings/warning.js';
import { computeTrend, type Trend } from '../engine/trend/trend.js';
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

/** Two trends at most: a million customers × 6 months is ~200 MB of arrays per trend. */
const CACHE_ENTRIES = 2;

export interface CachedTrend {
  readonly input: ModelInput;
  readonly key: string;
  readonly trend: Trend;
  readonly view: TrendView;
  /** Warnings by the JSON of the scenario's warning rules, each with its customer's branch. */
  readonly warnings: Map<string, readonly WarningView[]>;
}

/** How often the cache computed or reused a trend (tests and the bench read it). */
export const trendCacheStats = { computed: 0, hits: 0 };

/** What the cache needs of ModelState: the loaded data, a new object after every import or delete. */
export type TrendSource = Pick<ModelState, 'input'>;

const caches = new WeakMap<TrendSource, CachedTrend[]>();

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

/** The cached trend of this data and scenario, computing it on a miss. */
export function cachedTrend(model: TrendSource, scenario: Scenario, job?: Job): CachedTrend {
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
  job?.throwIfCancelled();
  job?.progress('trend', 0, 1);
  const trend = computeTrend(input, scenario, trendMonths(input, scenario));
  trendCacheStats.computed++;
  const entry: CachedTrend = { input, key, trend, view: trendView(trend), warnings: new Map() };
  entries.unshift(entry);
  entries.length = Math.min(entries.length, CACHE_ENTRIES);
  return entry;
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
    const entry = cachedTrend(ctx.model, checked.scenario, job);
    return { ok: true, trend: entry.view, customer: input.customerId === undefined ? null : customerTrend(entry, input.customerId) };
  });

export const listWarnings: Handler<'warnings:list'> = (input, ctx) =>
  ctx.jobs.run(input.jobId, 'warnings:list', ctx.emit, async (job) => {
    const checked = checkScenario(input.scenario);
    if (!checked.ok) return checked;
    loadInput(ctx, job);
    const all = cachedWarnings(cachedTrend(ctx.model, checked.scenario, job), checked.scenario.warnings);
    const branches = [...new Set(all.flatMap((w) => (w.branch === null ? [] : [w.branch])))].sort();
    const inBranch = input.branch === undefined ? all : all.filter((w) => w.branch === input.branch);
    const counts = Object.fromEntries(WARNING_RULES.map((r) => [r, 0])) as Record<WarningRuleName, number>;
    for (const w of inBranch) counts[w.rule]++;
    const matching = input.rule === undefined ? inBranch : inBranch.filter((w) => w.rule === input.rule);
    return { ok: true, page: { total: matching.length, offset: input.offset, rows: matching.slice(input.offset, input.offset + input.limit), counts, branches } };
  });
