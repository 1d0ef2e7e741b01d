/** The export benchmark's figures: one child's run, the medians over runs, and the printed table. */
import { median } from './bench-stats.js';

export type ExportMode = 'full' | 'summary' | 'ours-customers' | 'exceljs-customers';
export type Stages = Record<string, number | null>;

/** What export-bench-child prints. */
export interface ExportRun {
  mode: ExportMode;
  customers: number;
  seconds: number;
  megabytes: number;
  peakRssMb: number;
  rssBeforeMb: number;
  rssPeakMb: number;
  rssGrowthMb: number;
  heapGrowthMb: number;
  setupSeconds: number;
  stages: Stages | null;
}

export interface Figures {
  mode: ExportMode;
  customers: number;
  processes: number;
  seconds: number;
  secondsPer100kRows: number;
  megabytes: number;
  /** The whole process's maxRSS (input and engine run included). */
  peakRssMb: number;
  /** Sampled during the export only: at its start, its highest, and the difference. */
  rssBeforeMb: number;
  exportRssPeakMb: number;
  rssGrowthMb: number;
  heapGrowthMb: number;
  /** Medians of each stage's seconds (full and summary only). */
  stages: Stages | null;
  runs: ExportRun[];
}


export const round = (x: number, digits = 2): number => Math.round(x * 10 ** digits) / 10 ** digits;

function stagesMedian(runs: ExportRun[]): Stages | null {
  const first = runs[0]?.stages;
  if (first === null || first === undefined) return null;
  return Object.fromEntries(
    Object.keys(first).map((k) => {
      const xs = runs.map((r) => r.stages?.[k]).filter((x): x is number => typeof x === 'number');
      return [k, xs.length === 0 ? null : round(median(xs), 3)];
    }),
  );
}

/** Each figure the median over the runs (so one slow process on the shared machine does not count). */
export function figuresOf(runs: ExportRun[]): Figures {
  const first = runs[0];
  if (first === undefined) throw new Error('no runs');
  const pick = (k: 'seconds' | 'megabytes' | 'peakRssMb' | 'rssBeforeMb' | 'rssPeakMb' | 'rssGrowthMb' | 'heapGrowthMb'): number => median(runs.map((r) => r[k]));
  const seconds = pick('seconds');
  return {
    mode: first.mode,
    customers: first.customers,
    processes: runs.length,
    seconds: round(seconds),
    secondsPer100kRows: round((seconds * 100_000) / first.customers),
    megabytes: round(pick('megabytes')),
    peakRssMb: round(pick('peakRssMb'), 1),
    rssBeforeMb: round(pick('rssBeforeMb'), 1),
    exportRssPeakMb: round(pick('rssPeakMb'), 1),
    rssGrowthMb: round(pick('rssGrowthMb'), 1),
    heapGrowthMb: round(pick('heapGrowthMb'), 1),
    stages: stagesMedian(runs),
    runs,
  };
}

const LABEL: Record<ExportMode, string> = {
  full: 'report, full',
  summary: 'report, summary',
  'ours-customers': 'customer sheet, ours',
  'exceljs-customers': 'customer sheet, exceljs',
};

/** A compact fixed-width table of the medians. */
export function exportTable(rows: readonly Figures[]): string {
  const head = ['', 'customers', 'seconds', 's/100k', 'MB', 'peak RSS', 'RSS at start', 'export RSS peak', 'heap +'];
  const body = rows.map((f) => [
    LABEL[f.mode],
    f.customers.toLocaleString('en-US'),
    f.seconds.toFixed(2),
    f.secondsPer100kRows.toFixed(2),
    f.megabytes.toFixed(2),
    `${Math.round(f.peakRssMb)} MB`,
    `${Math.round(f.rssBeforeMb)} MB`,
    `${Math.round(f.exportRssPeakMb)} MB (+${Math.round(f.rssGrowthMb)})`,
    `${Math.round(f.heapGrowthMb)} MB`,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] as string).length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join('  ');
  return [line(head), ...body.map(line)].join('\n');
}
