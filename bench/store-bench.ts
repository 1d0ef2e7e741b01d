/**
 * The knowledge base benchmark: a synthetic province (1M customers × 3 months by default, built
 * in columns by synthetic-input.ts so the CSV reader's cost is not measured) imported as one
 * import and as one import per month, then loaded into a ModelInput in fresh processes
 * (target ≤ 3 s for 3M facts). Prints JSON: medians and every run.
 * Usage: tsx bench/store-bench.ts [customers] [months]; BENCH_PROCESSES sets the load runs (3).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './bench-stats.js';

const here = dirname(fileURLToPath(import.meta.url));
const customers = Number(process.argv[2] ?? 1_000_000);
const months = Number(process.argv[3] ?? 3);
const PROCESSES = Number(process.env.BENCH_PROCESSES ?? 3);

interface LoadRun {
  loadMs: number;
  peakRssMb: number;
  baselineRssMb: number;
  rows: number;
  checksum: number;
}

function child<T>(args: string[]): T {
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(here, 'store-bench-child.ts'), ...args], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').pop() as string) as T;
}


const dir = mkdtempSync(join(tmpdir(), 'cvs-store-bench-'));
try {
  const layouts = ['one', 'monthly'].map((layout) => {
    const db = join(dir, `${layout}.db`);
    const imported = child<object>(['import', db, String(customers), String(months), layout]);
    const loads = Array.from({ length: PROCESSES }, () => child<LoadRun>(['load', db]));
    return {
      import: imported,
      load: { processes: PROCESSES, loadMs: Math.round(median(loads.map((l) => l.loadMs))), peakRssMb: Math.round(median(loads.map((l) => l.peakRssMb))), runs: loads },
    };
  });
  console.log(JSON.stringify({ machine: { node: process.version }, customers, months, source: 'bench/synthetic-input.ts (columnar, no CSV)', layouts }, null, 2));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
