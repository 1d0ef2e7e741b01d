/**
 * The value report export benchmark, each figure the median of fresh processes:
 *   - exportValueReport, presets full and summary, at each size (the engine run not timed);
 *   - the full report's customer sheet alone, by our writer and by exceljs's streaming writer, so
 *     the ratio is like for like. exceljs needs ~22 s per 100k rows, so it runs at one size only
 *     (BENCH_EXCELJS_SIZE, 100,000 by default) and the comparison is per 100k rows.
 * Usage: tsx bench/export-bench.ts [sizes=1000000]. JSON on stdout; progress and a table on stderr.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportTable, figuresOf, round, type ExportMode, type ExportRun, type Figures } from './export-figures.js';

const here = dirname(fileURLToPath(import.meta.url));
const SIZES = (process.argv[2] ?? '1000000').split(',').map(Number);
const PROCESSES = Number(process.env.BENCH_PROCESSES ?? 3);
const EXCELJS_SIZE = Number(process.env.BENCH_EXCELJS_SIZE ?? 100_000);
const EXCELJS_RUNS = Number(process.env.BENCH_EXCELJS_RUNS ?? PROCESSES);
/** The targets at a million customers. */
const TARGET = { customers: 1_000_000, fullSeconds: 45, fullPeakRssMb: 800, summarySeconds: 5, summaryMegabytes: 5 } as const;

const dir = join(tmpdir(), 'cvs-bench');
mkdirSync(dir, { recursive: true });

function runOnce(mode: ExportMode, customers: number): ExportRun {
  const out = join(dir, `export-${mode}-${customers}-${process.pid}.xlsx`);
  // --expose-gc: the child collects the engine's garbage before the export, for honest growth figures.
  const text = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(here, 'export-bench-child.ts'), mode, String(customers), out], { encoding: 'utf8', maxBuffer: 1 << 20 });
  const run = JSON.parse(text.trim().split('\n').pop() as string) as ExportRun;
  process.stderr.write(`  export ${mode} ${customers}: ${round(run.seconds)} s, ${round(run.megabytes, 1)} MB, peak RSS ${Math.round(run.peakRssMb)} MB\n`);
  return run;
}

const measure = (mode: ExportMode, customers: number, processes = PROCESSES): Figures => figuresOf(Array.from({ length: processes }, () => runOnce(mode, customers)));

const sizes = SIZES.map((customers) => ({
  customers,
  full: measure('full', customers),
  summary: measure('summary', customers),
  oursCustomerSheet: measure('ours-customers', customers),
}));
const oursAtExceljsSize = sizes.find((s) => s.customers === EXCELJS_SIZE)?.oursCustomerSheet ?? measure('ours-customers', EXCELJS_SIZE);
const exceljs = measure('exceljs-customers', EXCELJS_SIZE, EXCELJS_RUNS);
const largest = sizes[sizes.length - 1];
const atTarget = sizes.find((s) => s.customers === TARGET.customers);

const result = {
  sizes,
  customerSheetVsExceljs: {
    customers: EXCELJS_SIZE,
    ours: oursAtExceljsSize,
    exceljs,
    /** exceljs's time over ours on the same rows: how many times faster ours is. */
    exceljsOverOurs: round(exceljs.seconds / oursAtExceljsSize.seconds),
    secondsPer100kRows: {
      ours: oursAtExceljsSize.secondsPer100kRows,
      exceljs: exceljs.secondsPer100kRows,
      ...(largest === undefined ? {} : { oursAtLargest: { customers: largest.customers, seconds: largest.oursCustomerSheet.secondsPer100kRows } }),
    },
  },
  targets:
    atTarget === undefined
      ? null
      : {
          ...TARGET,
          fullSecondsMet: atTarget.full.seconds <= TARGET.fullSeconds,
          fullPeakRssMet: atTarget.full.peakRssMb <= TARGET.fullPeakRssMb,
          summarySecondsMet: atTarget.summary.seconds <= TARGET.summarySeconds,
          summaryMegabytesMet: atTarget.summary.megabytes <= TARGET.summaryMegabytes,
        },
};

const tableRows = [...sizes.flatMap((s) => [s.full, s.summary, s.oursCustomerSheet]), ...(sizes.some((s) => s.customers === EXCELJS_SIZE) ? [] : [oursAtExceljsSize]), exceljs];
process.stderr.write(`\n${exportTable(tableRows)}\nexceljs / ours, customer sheet at ${EXCELJS_SIZE.toLocaleString('en-US')}: ${result.customerSheetVsExceljs.exceljsOverOurs}×\n`);
if (result.targets !== null) process.stderr.write(`targets at 1M: ${JSON.stringify(result.targets)}\n`);
process.stdout.write(`${JSON.stringify(result)}\n`);
