/**
 * `npm run bench` part `trend` (or alone): npx tsx bench/trend-bench.ts [customers=1000000] [months=8]
 * On bench/synthetic-input.ts data: the first trend:get of a scenario (computeTrend over 6 months
 * plus the screen's view, target ≤ 10 s), then re-opening it from the service's session cache
 * (lookup plus a structured clone of the view, as the worker boundary copies it; target ≤ 1 s),
 * and the warnings list built on the cached trend. The cache is the service's own (trend-handlers.ts),
 * fed the synthetic input directly instead of through a knowledge base, which would only add the import.
 */
import { scenarioSchema } from '../core/model/scenario.js';
import { cachedTrend, cachedWarnings, trendCacheStats } from '../core/service/trend-handlers.js';
import { syntheticInput } from './synthetic-input.js';

const customers = Number(process.argv[2] ?? 1_000_000);
const monthsCount = Number(process.argv[3] ?? 8);
const REOPENS = 5;

function round(x: number): number {
  return Math.round(x * 10) / 10;
}

const input = syntheticInput(customers, monthsCount);
const source = { input: () => input };
const scenario = scenarioSchema.parse({ name: 'bench', trend_months: 6 });

let started = performance.now();
const first = cachedTrend(source, scenario);
const computeMs = performance.now() - started;
started = performance.now();
const warnings = cachedWarnings(first, scenario.warnings);
const warningsMs = performance.now() - started;

const reopenMs: number[] = [];
for (let i = 0; i < REOPENS; i++) {
  started = performance.now();
  const again = cachedTrend(source, { ...scenario, name: `bench-${i}` });
  structuredClone(again.view);
  reopenMs.push(performance.now() - started);
}
if (trendCacheStats.computed !== 1) throw new Error(`the trend was computed ${trendCacheStats.computed} times`);

console.log(
  JSON.stringify({
    customers,
    months: monthsCount,
    trendMonths: first.view.months.length,
    computeTrendMs: round(computeMs),
    computeTargetMs: 10_000,
    warnings: warnings.length,
    warningsMs: round(warningsMs),
    reopenFromCacheMs: round(Math.max(...reopenMs)),
    reopenTargetMs: 1_000,
    viewBytes: JSON.stringify(first.view).length,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
