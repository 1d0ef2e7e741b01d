/**
 * One step of the scale benchmark (bench/scale-bench.ts), each in its own process so its peak
 * RSS is its own. Every mode prints one JSON line with its wall time and process.resourceUsage's
 * maxRSS; the CLI's own log lines go to stderr.
 *
 *   sample <dir> <customers> <months>   `cvalue sample --format csv` (sampleCommand)
 *   import <db> <dir>                   `cvalue import <dir> --db <db>` (importCommand)
 *   run <db>                            load the knowledge base, a full run, what-if re-runs
 *   duckdb <db> [spill dir]             load the knowledge base, the same scenario through DuckDB
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { importCommand } from '../core/cli/commands/import-command.js';
import { sampleCommand } from '../core/cli/commands/sample-command.js';
import { ModelSession } from '../core/engine/run-model.js';
import type { ModelInput } from '../core/model/dataset.js';
import type { Scenario } from '../core/model/scenario.js';
import { RESULT_TABLES, type ResultTable } from '../core/sql/build-model-sql.js';
import { DuckDbModelSession, type DuckDbOptions } from '../core/sql/run-duckdb.js';
import { loadModelInput } from '../core/store/load-model-input.js';
import { openStore } from '../core/store/open-store.js';
import { median, benchScenario } from './bench-stats.js';

const WHAT_IF_RUNS = 7;
const MB = 1024 * 1024;

const peakRssMb = (): number => Math.round(process.resourceUsage().maxRSS / 102.4) / 10;
const rssNowMb = (): number => Math.round(process.memoryUsage().rss / (MB / 10)) / 10;
const seconds = (ms: number): number => Math.round(ms) / 1000;
const log = (line: string): void => void process.stderr.write(`${line}\n`);



function folderMb(dir: string): number {
  return readdirSync(dir).reduce((sum, f) => sum + statSync(join(dir, f)).size, 0) / MB;
}

function dbMb(db: string): number {
  return ['', '-wal'].reduce((sum, s) => sum + (statSync(`${db}${s}`, { throwIfNoEntry: false })?.size ?? 0), 0) / MB;
}

/** The knowledge base as the engine's input, as `cvalue run --db` reads it. */
function loadFromKb(db: string): { input: ModelInput; loadSeconds: number; rssAfterLoadMb: number } {
  const t = performance.now();
  const store = openStore(db, { mustExist: true });
  try {
    const input = loadModelInput(store);
    return { input, loadSeconds: seconds(performance.now() - t), rssAfterLoadMb: rssNowMb() };
  } finally {
    store.close();
  }
}

async function sample(dir: string, customers: string, months: string): Promise<object> {
  const t = performance.now();
  await sampleCommand(['--customers', customers, '--months', months, '--out-dir', dir, '--format', 'csv'], log);
  return { seconds: seconds(performance.now() - t), csvMb: Math.round(folderMb(dir)), peakRssMb: peakRssMb() };
}

async function importKb(db: string, dir: string): Promise<object> {
  const t = performance.now();
  await importCommand([dir, '--db', db], log);
  const wall = performance.now() - t;
  return { seconds: seconds(wall), dbMb: Math.round(dbMb(db)), peakRssMb: peakRssMb() };
}

/** The what-if scenarios of engine-bench-child.ts: a driver weight change, then a value weight change. */
function whatIfScenarios(i: number): { drivers: Scenario; values: Scenario } {
  const drivers = { default: { users: 0.45 - i * 0.05, minutes: 0.45, data_mb: 0.1 + i * 0.05 } };
  return {
    drivers: benchScenario({ drivers }),
    values: benchScenario({ drivers, value_weights: { profit: 0.6 - i * 0.02, loyalty: 0.2 + i * 0.02, credit: 0.1, behaviour: 0.1 } }),
  };
}

function run(db: string): object {
  const { input, loadSeconds, rssAfterLoadMb } = loadFromKb(db);
  const peakAfterLoadMb = peakRssMb();
  // The app's what-if session recycles its arrays between runs, as a slider only shows the latest result.
  const session = new ModelSession(input, { reuseBuffers: true });
  let t = performance.now();
  const result = session.run(benchScenario({}));
  result.rounded();
  const fullRunSeconds = seconds(performance.now() - t);
  const scored = result.eligibility.eligibleList.length;
  const peakAfterRunMb = peakRssMb();
  const driverWeights: number[] = [];
  const valueWeights: number[] = [];
  for (let i = 0; i < WHAT_IF_RUNS; i++) {
    const next = whatIfScenarios(i);
    t = performance.now();
    session.run(next.drivers);
    driverWeights.push(performance.now() - t);
    t = performance.now();
    session.run(next.values);
    valueWeights.push(performance.now() - t);
  }
  return {
    rows: input.facts.customer.length,
    customers: input.facts.customerIds.length,
    scored,
    loadSeconds,
    rssAfterLoadMb,
    peakAfterLoadMb,
    fullRunSeconds,
    peakAfterRunMb,
    whatIfRuns: WHAT_IF_RUNS,
    whatIfDriverWeightsSeconds: seconds(median(driverWeights)),
    whatIfValueWeightsSeconds: seconds(median(valueWeights)),
    peakRssMb: peakRssMb(),
  };
}

/**
 * DuckDB's memory_limit defaults to 80% of the machine's memory, and in memory the script's
 * intermediate tables at 1M customers already reach ~10 GB of RSS: a cap and a folder to spill
 * to keep the machine usable (SCALE_DUCKDB_MEMORY_LIMIT, `default` for DuckDB's own). Given when
 * the database opens: DuckDB refuses to move its temporary directory once the load has used it.
 */
const DUCKDB_MEMORY_LIMIT = process.env.SCALE_DUCKDB_MEMORY_LIMIT ?? '6GB';

function duckDbOptions(spillDir: string): DuckDbOptions {
  return DUCKDB_MEMORY_LIMIT === 'default' ? {} : { memoryLimit: DUCKDB_MEMORY_LIMIT, tempDirectory: spillDir, preserveInsertionOrder: false };
}

/** Every result table but the customer-month one (months × customers rows, which a report does not read back whole). */
const READ_TABLES: readonly ResultTable[] = RESULT_TABLES.filter((t) => t !== 'cv_customer_months');
const READ_ORDER: Readonly<Record<ResultTable, string>> = {
  cv_customers: 'customer_id',
  cv_aggregates: 'dimension, "group"',
  cv_reconciliation: 'pool, month',
  cv_reconciliation_months: 'month',
  cv_customer_months: 'month, customer_id',
  cv_breakpoints: 'point',
};

/**
 * Reads the result tables in order a data chunk at a time, every cell made a JS value as a
 * writer of run files would, and nothing kept: run-duckdb.ts's readResultTable holds a whole
 * table as row objects, which at 10M customers does not fit in Node's default heap.
 */
async function streamResults(session: DuckDbModelSession): Promise<{ seconds: number; rows: Record<string, number> }> {
  const t = performance.now();
  const rows: Record<string, number> = {};
  for (const table of READ_TABLES) {
    const result = await session.connection.stream(`SELECT * FROM ${table} ORDER BY ${READ_ORDER[table]}`);
    let count = 0;
    for (;;) {
      const chunk = await result.fetchChunk();
      if (chunk === null || chunk.rowCount === 0) break;
      for (const column of chunk.getColumns()) for (const cell of column) if (typeof cell === 'bigint') Number(cell);
      count += chunk.rowCount;
    }
    rows[table] = count;
  }
  return { seconds: seconds(performance.now() - t), rows };
}

async function duckdb(db: string, spillDir: string): Promise<object> {
  const { input, loadSeconds, rssAfterLoadMb } = loadFromKb(db);
  const peakAfterKbLoadMb = peakRssMb();
  const t = performance.now();
  const settings = duckDbOptions(spillDir);
  const session = await DuckDbModelSession.open(input, settings);
  const openSeconds = seconds(performance.now() - t);
  try {
    const peakAfterDuckLoadMb = peakRssMb();
    const first = await session.run(benchScenario({}), []);
    const peakAfterScriptMb = peakRssMb();
    const read = await streamResults(session);
    const peakAfterReadMb = peakRssMb();
    // A what-if in SQL is the whole script again (no stage cache); nothing is read back.
    const again = await session.run(whatIfScenarios(0).drivers, []);
    return {
      settings,
      kbLoadSeconds: loadSeconds,
      rssAfterKbLoadMb: rssAfterLoadMb,
      peakAfterKbLoadMb,
      duckLoadSeconds: seconds(first.timings.loadMs),
      openSeconds,
      peakAfterDuckLoadMb,
      scriptSeconds: seconds(first.timings.scriptMs),
      peakAfterScriptMb,
      readSeconds: read.seconds,
      readRows: read.rows,
      peakAfterReadMb,
      whatIfDriverWeightsScriptSeconds: seconds(again.timings.scriptMs),
      peakRssMb: peakRssMb(),
    };
  } finally {
    session.close();
  }
}

const [mode, ...args] = process.argv.slice(2);
const usage = 'usage: scale-bench-child.ts sample <dir> <customers> <months> | import <db> <dir> | run <db> | duckdb <db> [spill dir]';
const a0 = args[0];
if (a0 === undefined) throw new Error(usage);
let result: object;
if (mode === 'sample') result = await sample(a0, args[1] ?? '1000000', args[2] ?? '3');
else if (mode === 'import') result = await importKb(a0, args[1] ?? '');
else if (mode === 'run') result = run(a0);
else if (mode === 'duckdb') result = await duckdb(a0, args[1] ?? `${a0}.duckdb-spill`);
else throw new Error(usage);
process.stdout.write(`${JSON.stringify({ mode, ...result })}\n`);
