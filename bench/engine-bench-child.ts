/**
 * One benchmark process: builds a synthetic province of the given size in columns, then
 * times a full run (every stage, rounding included) and what-if re-runs on the same session.
 * Prints one JSON line; peak RSS is the whole process's.
 */
import { ModelSession } from '../core/engine/run-model.js';
import { syntheticInput } from './synthetic-input.js';
import { median, benchScenario } from './bench-stats.js';

const customers = Number(process.argv[2]);
const months = Number(process.argv[3] ?? 3);
const WHAT_IF_RUNS = 7;



const input = syntheticInput(customers, months);
// The app's what-if session recycles its arrays between runs, as a slider only shows the latest result.
const session = new ModelSession(input, { reuseBuffers: true });
let t = performance.now();
session.run(benchScenario({})).rounded();
const fullRunMs = performance.now() - t;

// A slider on the value weights: only the value and tier stages re-run.
const valueWeights: number[] = [];
// A driver weight change: allocation, profit, quantiles, scores, tiers and aggregates re-run.
const driverWeights: number[] = [];
for (let i = 0; i < WHAT_IF_RUNS; i++) {
  const drivers = { default: { users: 0.45 - i * 0.05, minutes: 0.45, data_mb: 0.1 + i * 0.05 } };
  t = performance.now();
  session.run(benchScenario({ drivers }));
  driverWeights.push(performance.now() - t);
  t = performance.now();
  session.run(benchScenario({ drivers, value_weights: { profit: 0.6 - i * 0.02, loyalty: 0.2 + i * 0.02, credit: 0.1, behaviour: 0.1 } }));
  valueWeights.push(performance.now() - t);
}

process.stdout.write(
  `${JSON.stringify({
    customers,
    months,
    fullRunMs,
    whatIfDriverWeightsMs: median(driverWeights),
    whatIfValueWeightsMs: median(valueWeights),
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  })}\n`,
);
