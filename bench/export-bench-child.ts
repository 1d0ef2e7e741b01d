/**
 * One export measurement in a fresh process: builds the synthetic province (3 months), runs the
 * model, then times only the writing, in one of four modes:
 *   full | summary       exportValueReport with that preset (zh)
 *   ours-customers       our writer, the full report's customer sheet alone
 *   exceljs-customers    exceljs's streaming writer, the same cells
 * Usage: tsx --expose-gc bench/export-bench-child.ts <mode> <customers> <out.xlsx>
 * Prints one JSON line; the file is deleted afterwards.
 */
import { rm, stat } from 'node:fs/promises';
import { ModelSession } from '../core/engine/run-model.js';
import { exportValueReport } from '../core/io/value-report/export-value-report.js';
import { defaultScenario } from '../core/model/scenario.js';
import { customerSheetSource, writeOurCustomerSheet } from './customer-sheet-only.js';
import type { ExportMode } from './export-figures.js';
import { StageClock, type StageTimes } from './export-stages.js';
import { MemorySampler } from './memory-sampler.js';
import { syntheticInput } from './synthetic-input.js';

const EXPORT_MODES: readonly ExportMode[] = ['full', 'summary', 'ours-customers', 'exceljs-customers'];

function isMode(x: string | undefined): x is ExportMode {
  return EXPORT_MODES.some((m) => m === x);
}

const [mode, size, out] = process.argv.slice(2);
const customers = Number(size);
if (!isMode(mode) || !(customers > 0) || out === undefined) throw new Error(`usage: export-bench-child <${EXPORT_MODES.join('|')}> <customers> <out.xlsx>`);

let t = performance.now();
// The scenario's month is null: the engine takes the latest month of the data (2026-09).
const result = new ModelSession(syntheticInput(customers, 3)).run(defaultScenario());
const setupSeconds = (performance.now() - t) / 1000;

// exceljs is loaded only when it runs (so it does not count in the other modes' RSS) and before the clock starts.
const sheetWriter = mode === 'exceljs-customers' ? (await import('./exceljs-customer-sheet.js')).writeExceljsCustomerSheet : writeOurCustomerSheet;

const memory = new MemorySampler();
let stages: StageTimes | null = null;
t = performance.now();
if (mode === 'full' || mode === 'summary') {
  const clock = new StageClock();
  await exportValueReport(
    out,
    { result, preset: mode, lang: 'zh', sources: [], appVersion: 'bench', runAt: new Date(Date.UTC(2026, 9, 1)) },
    {
      onProgress: (p) => {
        memory.sample();
        clock.onProgress(p);
      },
    },
  );
  stages = clock.times(performance.now());
} else {
  await sheetWriter(out, customerSheetSource(result), () => memory.sample());
}
const seconds = (performance.now() - t) / 1000;
const memoryFigures = memory.stop();
const { size: bytes } = await stat(out);
await rm(out, { force: true });

process.stdout.write(
  `${JSON.stringify({
    mode,
    customers,
    rows: result.window.table.length,
    seconds,
    megabytes: bytes / 1e6,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    ...memoryFigures,
    setupSeconds,
    stages,
  })}\n`,
);
