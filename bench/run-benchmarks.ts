/**
 * `npm run bench`: each measurement in fresh processes (so peak RSS is honest), the median
 * of several. Prints JSON and writes it to bench/results/.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './bench-stats.js';

const here = dirname(fileURLToPath(import.meta.url));
const PROCESSES = Number(process.env.BENCH_PROCESSES ?? 3);
const SIZES = (process.env.BENCH_SIZES ?? '100000,1000000').split(',').map(Number);
/** Which parts to run: engine, store, import, export, service, trend, results (default all), and scale (only when named). */
const PARTS = new Set((process.env.BENCH_PARTS ?? 'engine,store,import,export,service,trend,results').split(','));

interface EngineSample {
  customers: number;
  months: number;
  fullRunMs: number;
  whatIfDriverWeightsMs: number;
  whatIfValueWeightsMs: number;
  peakRssMb: number;
}


function runChild(script: string, args: string[]): EngineSample {
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(here, script), ...args], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').pop() as string) as EngineSample;
}

function runScript(script: string, args: string[]): unknown {
  // Each part prints one JSON document (pretty-printed or not) and nothing else.
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(here, script), ...args], { encoding: 'utf8', maxBuffer: 1 << 24 });
  return JSON.parse(out) as unknown;
}

const engine = !PARTS.has('engine') ? [] : SIZES.map((customers) => {
  const samples = Array.from({ length: PROCESSES }, () => runChild('engine-bench-child.ts', [String(customers), '3']));
  const pick = (k: keyof EngineSample) => Math.round(median(samples.map((s) => s[k])) * 10) / 10;
  return {
    customers,
    months: 3,
    processes: PROCESSES,
    fullRunMs: pick('fullRunMs'),
    whatIfDriverWeightsMs: pick('whatIfDriverWeightsMs'),
    whatIfValueWeightsMs: pick('whatIfValueWeightsMs'),
    peakRssMb: pick('peakRssMb'),
    runs: samples,
  };
});

// The knowledge base: import 1M customers × 3 months, then load them into the engine's input in fresh processes.
const store = PARTS.has('store') ? runScript('store-bench.ts', [String(SIZES[SIZES.length - 1] ?? 1_000_000), '3']) : null;
// The workbook import: a usage workbook through the xlsx reader and the mapping layer.
const xlsxImport = PARTS.has('import') ? runScript('import-bench.ts', [String(SIZES[SIZES.length - 1] ?? 1_000_000)]) : null;

// The value report export: full and summary presets, and its customer sheet against exceljs's writer.
const valueReport = PARTS.has('export') ? runScript('export-bench.ts', [SIZES.join(',')]) : null;

// The service through its worker: what-if round trips at the smaller size (the slider's case) and customer queries at the larger.
const service = PARTS.has('service') ? runScript('service-bench.ts', [String(SIZES[0] ?? 100_000), String(SIZES[SIZES.length - 1] ?? 1_000_000)]) : null;

// Value over time: computeTrend for 6 months of 8 at the larger size, and re-opening it from the service's cache.
const trend = PARTS.has('trend') ? runScript('trend-bench.ts', [String(SIZES[SIZES.length - 1] ?? 1_000_000), '8']) : null;

// A results set sent back by the warehouse: importing its customers.csv and opening it as the 结果集 screen does, at the larger size.
const results = PARTS.has('results') ? runScript('results-bench.ts', [String(SIZES[SIZES.length - 1] ?? 1_000_000)]) : null;

// One PC at 1M, 3M and 10M customers (SCALE_CUSTOMERS): import, run, what-if and DuckDB. Tens of minutes, so only when named.
const scale = PARTS.has('scale') ? runScript('scale-bench.ts', []) : null;

const resultsFile = join(here, 'results', 'bench.json');
// Parts not run this time keep their last figures, so running one part does not erase the others.
const previous = existsSync(resultsFile) ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as Record<string, unknown>) : {};
const kept = (part: string, figures: unknown): unknown => (PARTS.has(part) ? figures : (previous[part] ?? figures));
/** The scale part is run one size at a time: sizes not measured now keep their last figures. */
function mergedScale(): unknown {
  type Sized = { customers: number };
  const now = scale as { sizes: Sized[] } | null;
  const before = previous.scale as { sizes?: Sized[] } | undefined;
  if (now === null || before?.sizes === undefined) return kept('scale', now);
  const measured = new Set(now.sizes.map((s) => s.customers));
  return { ...now, sizes: [...before.sizes.filter((s) => !measured.has(s.customers)), ...now.sizes].sort((a, b) => a.customers - b.customers) };
}
const report = {
  machine: { node: process.version, cpus: (await import('node:os')).cpus().length },
  engine: kept('engine', engine),
  store: kept('store', store),
  import: kept('import', xlsxImport),
  export: kept('export', valueReport),
  service: kept('service', service),
  trend: kept('trend', trend),
  results: kept('results', results),
  scale: mergedScale(),
};
const text = JSON.stringify(report, null, 2);
console.log(text);
mkdirSync(join(here, 'results'), { recursive: true });
writeFileSync(resultsFile, `${text}\n`);
