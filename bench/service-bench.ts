/**
 * `npm run bench` part `service` (or alone, on an idle machine):
 *   npx tsx bench/service-bench.ts [customers=100000] [queryCustomers=1000000]
 * 1. runs:start what-if re-runs through the worker host at `customers` × 3 months: value weight
 *    and driver weight changes, measured from call to answer (engine, run view with chart data,
 *    structured clone both ways), medians of 20.
 * 2. customers:query through the worker host at `queryCustomers` × 3 months: the first page of
 *    a sort (the order is built), later pages (cached order), filtered pages.
 * The knowledge base is written straight from bench/synthetic-input.ts (no file reading).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { syntheticInput } from './synthetic-input.js';
import type { Channel, ChannelArgument, ChannelOutput, ServiceHost } from '../core/service/contract.js';
import { createServiceHost } from '../core/service/service-host.js';
import { importInput } from '../core/store/import-input.js';
import { openStore } from '../core/store/open-store.js';
import { median } from './bench-stats.js';

const REPEATS = 20;


function round(x: number): number {
  return Math.round(x * 10) / 10;
}

async function timed<C extends Channel>(host: ServiceHost, channel: C, argument: ChannelArgument<C>): Promise<{ ms: number; value: ChannelOutput<C> }> {
  const started = performance.now();
  const result = await host.call(channel, argument, () => undefined);
  const ms = performance.now() - started;
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return { ms, value: result.value };
}

function knowledgeBase(customers: number): string {
  const path = join(mkdtempSync(join(tmpdir(), 'cvs-service-bench-')), 'kb.db');
  const store = openStore(path);
  try {
    importInput(store, { input: syntheticInput(customers, 3), files: [] });
  } finally {
    store.close();
  }
  return path;
}

async function measureWhatIf(customers: number): Promise<Record<string, number>> {
  const host = createServiceHost({ databasePath: knowledgeBase(customers), shell: 'electron' });
  try {
    const first = await timed(host, 'runs:start', { jobId: 'first', scenario: {} });
    const valueWeights = [
      { profit: 0.7, loyalty: 0.1, credit: 0.1, behaviour: 0.1 },
      { profit: 0.5, loyalty: 0.2, credit: 0.2, behaviour: 0.1 },
    ];
    const driverWeights = [
      { users: 0.5, minutes: 0.5 },
      { users: 0.3, minutes: 0.3, data_mb: 0.4 },
    ];
    const valueMs: number[] = [];
    const valueEngineMs: number[] = [];
    const driverMs: number[] = [];
    let bytes = 0;
    for (let i = 0; i < REPEATS; i++) {
      const run = await timed(host, 'runs:start', { jobId: `v${i}`, scenario: { value_weights: valueWeights[i % 2] } });
      valueMs.push(run.ms);
      if (run.value.ok) {
        valueEngineMs.push(run.value.run.engineMs);
        bytes = JSON.stringify(run.value.run).length;
      }
    }
    for (let i = 0; i < REPEATS; i++) driverMs.push((await timed(host, 'runs:start', { jobId: `d${i}`, scenario: { drivers: { default: driverWeights[i % 2] } } })).ms);
    return {
      customers,
      firstRunMs: round(first.ms),
      valueWeightsRoundTripMedianMs: round(median(valueMs)),
      valueWeightsRoundTripMaxMs: round(Math.max(...valueMs)),
      valueWeightsEngineMedianMs: round(median(valueEngineMs)),
      driverWeightsRoundTripMedianMs: round(median(driverMs)),
      runViewJsonBytes: bytes,
    };
  } finally {
    await host.close();
  }
}

async function measureQuery(customers: number): Promise<Record<string, number>> {
  const host = createServiceHost({ databasePath: knowledgeBase(customers), shell: 'electron' });
  try {
    const run = await timed(host, 'runs:start', { jobId: 'first', scenario: {} });
    if (!run.value.ok) throw new Error('run refused');
    const runId = run.value.run.runId;
    const out: Record<string, number> = { customers, firstRunMs: round(run.ms) };
    for (const column of ['avgProfit', 'value', 'tenureMonths'] as const) {
      out[`${column}DescFirstPageMs`] = round((await timed(host, 'customers:query', { runId, sort: { column, descending: true }, limit: 100 })).ms);
      out[`${column}DescPage5000Ms`] = round((await timed(host, 'customers:query', { runId, sort: { column, descending: true }, offset: 500_000, limit: 100 })).ms);
    }
    out.idOrderPageMs = round((await timed(host, 'customers:query', { runId, offset: 700_000, limit: 100 })).ms);
    out.filteredBranchNegativeMs = round((await timed(host, 'customers:query', { runId, filter: { branch: '郑州', negative: true }, sort: { column: 'avgProfit', descending: true }, limit: 100 })).ms);
    out.filteredTierMs = round((await timed(host, 'customers:query', { runId, filter: { tier: 'B', eligible: true }, sort: { column: 'value', descending: false }, offset: 1000, limit: 100 })).ms);
    out.searchPrefixMs = round((await timed(host, 'customers:query', { runId, filter: { search: '1380012' }, limit: 100 })).ms);
    return out;
  } finally {
    await host.close();
  }
}

const whatIfCustomers = Number(process.argv[2] ?? 100_000);
const queryCustomers = Number(process.argv[3] ?? 1_000_000);
// One JSON document, as every part of run-benchmarks.ts prints.
console.log(JSON.stringify({ whatIf: await measureWhatIf(whatIfCustomers), query: await measureQuery(queryCustomers) }, null, 2));
