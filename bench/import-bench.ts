/**
 * The workbook import benchmark: a 1M-row usage workbook (made once and kept in the temp
 * folder) read end to end by readInputFiles in fresh processes, against exceljs's plain
 * streaming read of the same file. Usage: tsx bench/import-bench.ts [rows]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './bench-stats.js';

const here = dirname(fileURLToPath(import.meta.url));
const rows = Number(process.argv[2] ?? 1_000_000);
const PROCESSES = Number(process.env.BENCH_PROCESSES ?? 3);
/** exceljs needs about a minute per million rows; one run is enough for the ratio. */
const EXCELJS_RUNS = Number(process.env.BENCH_EXCELJS_RUNS ?? 1);

interface Run {
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  peakRssMb: number;
}

function tsx(script: string, args: string[]): string {
  return execFileSync(process.execPath, ['--import', 'tsx', join(here, script), ...args], { encoding: 'utf8', maxBuffer: 1 << 20 });
}


const dir = join(tmpdir(), 'cvs-bench');
mkdirSync(dir, { recursive: true });
const file = join(dir, `usage-${rows}.xlsx`);
let writeSeconds: number | null = null;
if (!existsSync(file)) {
  const t = performance.now();
  tsx('make-usage-workbook.ts', [String(rows), file]);
  writeSeconds = (performance.now() - t) / 1000;
}
const run = (mode: string): Run => JSON.parse(tsx('import-bench-child.ts', [mode, file]).trim().split('\n').pop() as string) as Run;
const ours = Array.from({ length: PROCESSES }, () => run('ours'));
const exceljs = Array.from({ length: EXCELJS_RUNS }, () => run('exceljs'));
const oursSeconds = median(ours.map((r) => r.seconds));
const exceljsSeconds = median(exceljs.map((r) => r.seconds));
process.stdout.write(
  `${JSON.stringify({
    file: { rows, megabytes: statSync(file).size / 1e6, writeSeconds },
    readInputFiles: { seconds: oursSeconds, rowsPerSecond: rows / oursSeconds, peakRssMb: median(ours.map((r) => r.peakRssMb)), runs: ours },
    exceljsStreamingRead: { seconds: exceljsSeconds, rowsPerSecond: rows / exceljsSeconds, peakRssMb: median(exceljs.map((r) => r.peakRssMb)), runs: exceljs },
    speedupOverExceljs: exceljsSeconds / oursSeconds,
  })}\n`,
);
