/**
 * One step of the scale benchmark (bench/scale-bench.ts), each in its own process so its peak
 * RSS is its own. Every mode prints one JSON line with its wall time and process.resourceUsage's
 * maxRSS; the CLI's own log lines go to stderr.
 *
 *   sample <dir> <customers> <months>   `cvalue sample --format csv` (sampleCommand)
 *   import <db> <dir>                   `cvalue import <dir> --db <db>` (importCommand)
 *   run <db>                            load the knowledge base, a full run, what-if re-runs
 *   duckdb <db> [work dir]              load the knowledge base, the same scenario through DuckDB
 *   duckdb-csv <dir> [work dir]         the same, the sample's CSV files read straight into DuckDB's
 *                                       input tables (read_csv), as a warehouse holds them
 *
 * The DuckDB modes run in a database file in the work dir (its stages are tables of that file,
 * written compressed, as `cvalue run --engine duckdb` runs) with memory_limit
 * SCALE_DUCKDB_MEMORY_LIMIT (6GB) and temp_directory <work dir>/spill; they log each phase to
 * stderr as it ends and report the spill folder's and the database file's largest size.
 */
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { importCommand } from '../core/cli/commands/import-command.js';
import { sampleCommand } from '../core/cli/commands/sample-command.js';
import { ModelSession } from '../core/engine/run-model.js';
import type { ModelInput } from '../core/model/dataset.js';
import type { Scenario } from '../core/model/scenario.js';
import { RESULT_TABLES, type ResultTable } from '../core/sql/build-model-sql.js';
import type { DuckDBConnection } from '@duckdb/node-api';
import { INPUT_TABLES, inputTablesDdl } from '../core/sql/input-tables.js';
import { DuckDbModelSession, loadInputTables, type DuckDbOptions } from '../core/sql/run-duckdb.js';
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
  let sum = 0;
  // DuckDB creates and removes spill files while this runs: a file gone since the listing counts 0.
  for (const f of readdirSync(dir)) sum += statSync(join(dir, f), { throwIfNoEntry: false })?.size ?? 0;
  return sum / MB;
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
 * intermediate tables at 1M customers already reach ~4 GB: a cap, a database file and a folder
 * to spill to keep the machine usable (SCALE_DUCKDB_MEMORY_LIMIT, `default` for DuckDB's own).
 * Given when the database opens: DuckDB refuses to move its temporary directory once used.
 */
const DUCKDB_MEMORY_LIMIT = process.env.SCALE_DUCKDB_MEMORY_LIMIT ?? '6GB';
/** SCALE_DUCKDB_WHAT_IF=0 leaves out the second run of the script (a what-if), which at 10M doubles the step. */
const DUCKDB_WHAT_IF = process.env.SCALE_DUCKDB_WHAT_IF !== '0';

function duckDbOptions(workDir: string): DuckDbOptions {
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(join(workDir, 'spill'), { recursive: true });
  const files = { databaseFile: join(workDir, 'model.duckdb'), tempDirectory: join(workDir, 'spill') };
  return DUCKDB_MEMORY_LIMIT === 'default' ? files : { ...files, memoryLimit: DUCKDB_MEMORY_LIMIT, preserveInsertionOrder: false };
}

/** The largest size the spill folder and the database file reached, sampled every second while DuckDB works. */
class DiskWatch {
  spillMaxMb = 0;
  databaseMaxMb = 0;
  private readonly timer: NodeJS.Timeout;
  constructor(private readonly options: DuckDbOptions) {
    this.timer = setInterval(() => this.sample(), 1000);
  }
  sample(): void {
    const { tempDirectory, databaseFile } = this.options;
    if (tempDirectory !== undefined) this.spillMaxMb = Math.max(this.spillMaxMb, folderMb(tempDirectory));
    if (databaseFile !== undefined) this.databaseMaxMb = Math.max(this.databaseMaxMb, dbMb(databaseFile));
  }
  stop(): { spillMaxMb: number; databaseMaxMb: number } {
    this.sample();
    clearInterval(this.timer);
    return { spillMaxMb: Math.round(this.spillMaxMb), databaseMaxMb: Math.round(this.databaseMaxMb) };
  }
}

/** DuckDB's type for a column of docs/scale.md's input tables. */
const CSV_TYPES = { STRING: 'VARCHAR', DOUBLE: 'DOUBLE', DATE: 'DATE' } as const;

/**
 * The input tables filled straight from the sample's CSV files with read_csv, every column typed
 * as the input table declares it (ids and months stay text). `cvalue sample` writes files with
 * the English field names, one row per key and plain numbers, i.e. already as the import would
 * leave them; an export with Chinese headers or other spellings would need the import's rules.
 */
function csvLoader(dir: string): (connection: DuckDBConnection) => Promise<void> {
  return async (connection) => {
    for (const ddl of inputTablesDdl()) await connection.run(ddl);
    for (const table of INPUT_TABLES) {
      const columns = table.columns.map((c) => `'${c.name}': '${CSV_TYPES[c.type]}'`).join(', ');
      const file = join(dir, `${table.name}.csv`).replace(/'/g, "''");
      const t = performance.now();
      await connection.run(`INSERT INTO ${table.name} SELECT * FROM read_csv('${file}', header = true, columns = {${columns}})`);
      log(`[duckdb] ${new Date().toISOString()} loaded ${table.name} in ${seconds(performance.now() - t)} s`);
    }
  };
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

/** Opens DuckDB with the input tables loaded, runs the script, reads the results back and runs it again (a what-if). */
async function duckdbSteps(load: (connection: DuckDBConnection) => Promise<void>, workDir: string, before: Record<string, unknown>): Promise<object> {
  const settings = duckDbOptions(workDir);
  const disk = new DiskWatch(settings);
  const phase = (name: string): void => {
    disk.sample();
    log(`[duckdb] ${new Date().toISOString()} ${name}; peak RSS ${peakRssMb()} MB, largest spill ${Math.round(disk.spillMaxMb)} MB, database file ${Math.round(disk.databaseMaxMb)} MB`);
  };
  const t = performance.now();
  const session = await DuckDbModelSession.openWith(load, settings);
  const loadSeconds = seconds(performance.now() - t);
  phase(`input loaded in ${loadSeconds} s`);
  try {
    const peakAfterDuckLoadMb = peakRssMb();
    // Each statement's seconds, logged as it ends (a step stopped midway still says how far it got).
    const statementSeconds: Record<string, number> = {};
    const statementDone = (name: string, ms: number): void => {
      statementSeconds[name] = seconds(ms);
      disk.sample();
      log(`[duckdb]   ${name} ${seconds(ms)} s; largest spill ${Math.round(disk.spillMaxMb)} MB, database file ${Math.round(disk.databaseMaxMb)} MB`);
    };
    const first = await session.run(benchScenario({}), [], statementDone);
    phase(`script ran in ${seconds(first.timings.scriptMs)} s`);
    const peakAfterScriptMb = peakRssMb();
    const read = await streamResults(session);
    phase(`results read back in ${read.seconds} s`);
    const peakAfterReadMb = peakRssMb();
    // A what-if in SQL is the whole script again (no stage cache); nothing is read back.
    const again = DUCKDB_WHAT_IF ? await session.run(whatIfScenarios(0).drivers, []) : null;
    if (again !== null) phase(`what-if script ran in ${seconds(again.timings.scriptMs)} s`);
    return {
      settings,
      ...before,
      duckLoadSeconds: loadSeconds,
      peakAfterDuckLoadMb,
      scriptSeconds: seconds(first.timings.scriptMs),
      statementSeconds,
      peakAfterScriptMb,
      readSeconds: read.seconds,
      readRows: read.rows,
      peakAfterReadMb,
      whatIfDriverWeightsScriptSeconds: again === null ? null : seconds(again.timings.scriptMs),
      ...disk.stop(),
      peakRssMb: peakRssMb(),
    };
  } finally {
    disk.stop();
    session.close();
    rmSync(workDir, { recursive: true, force: true });
  }
}

/** The knowledge base read into Node (a ModelInput), then appended into DuckDB, as `cvalue run --engine duckdb --db` does. */
async function duckdb(db: string, workDir: string): Promise<object> {
  const { input, loadSeconds, rssAfterLoadMb } = loadFromKb(db);
  const before = { input: 'knowledge base → ModelInput → appender', kbLoadSeconds: loadSeconds, rssAfterKbLoadMb: rssAfterLoadMb, peakAfterKbLoadMb: peakRssMb() };
  return duckdbSteps((connection) => loadInputTables(connection, input), workDir, before);
}

/** The sample's CSV files read by DuckDB itself into the input tables; Node holds no input. */
async function duckdbCsv(dir: string, workDir: string): Promise<object> {
  return duckdbSteps(csvLoader(dir), workDir, { input: `read_csv of ${dir}` });
}

const [mode, ...args] = process.argv.slice(2);
const usage = 'usage: scale-bench-child.ts sample <dir> <customers> <months> | import <db> <dir> | run <db> | duckdb <db> [work dir] | duckdb-csv <dir> [work dir]';
const a0 = args[0];
if (a0 === undefined) throw new Error(usage);
let result: object;
if (mode === 'sample') result = await sample(a0, args[1] ?? '1000000', args[2] ?? '3');
else if (mode === 'import') result = await importKb(a0, args[1] ?? '');
else if (mode === 'run') result = run(a0);
else if (mode === 'duckdb') result = await duckdb(a0, args[1] ?? `${a0}.duckdb-work`);
else if (mode === 'duckdb-csv') result = await duckdbCsv(a0, args[1] ?? `${a0}.duckdb-work`);
else throw new Error(usage);
process.stdout.write(`${JSON.stringify({ mode, ...result })}\n`);
