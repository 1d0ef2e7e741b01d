/** `cvalue trend`: value over time (issue 6) — the model over the last K evaluation months, as two CSV files. */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { computeTrend, type Trend } from '../../engine/trend/trend.js';
import { trendMonths } from '../../engine/trend/trend-months.js';
import { monthKey } from '../../model/month.js';
import type { Scenario } from '../../model/scenario.js';
import { writeCsv } from '../../io/run-files/write-run-files.js';
import { trendCustomerRows, trendGroupRows } from '../../io/run-files/trend-rows.js';
import { monthFlag, parseFlags, positiveIntFlag, requireFlag } from '../args.js';
import { usageError } from '../cli-error.js';
import { checkMonthLoaded, DATA_FLAGS, loadData, scenarioFrom } from '../run-input.js';

const MIN_MONTHS = 2;
const MAX_MONTHS = 24;

export interface LoadedTrend {
  readonly trend: Trend;
  readonly scenario: Scenario;
  readonly outDir: string;
}

/** The flags `trend` and `warnings` share: the run's input flags plus --months (overrides trend_months). */
export async function loadTrend(args: string[], log: (line: string) => void): Promise<LoadedTrend> {
  const { values } = parseFlags({
    args,
    options: {
      ...DATA_FLAGS,
      months: { type: 'string' },
      'out-dir': { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  const outDir = requireFlag(values['out-dir'], '--out-dir');
  const base = await scenarioFrom(values.scenario, monthFlag(values.month, '--month'));
  const count = positiveIntFlag(values.months, '--months', base.trend_months);
  if (count < MIN_MONTHS || count > MAX_MONTHS) throw usageError(`--months 须在 ${MIN_MONTHS}…${MAX_MONTHS} 之间：${count}`, `--months must be ${MIN_MONTHS}…${MAX_MONTHS}: ${count}`);
  const scenario = { ...base, trend_months: count };

  const { input } = await loadData(values, log);
  checkMonthLoaded(input, scenario);
  const months = trendMonths(input, scenario);
  log(`趋势评估月 / trend months: ${months.map(monthKey).join(', ')}`);
  await mkdir(outDir, { recursive: true });
  return { trend: computeTrend(input, scenario, months), scenario, outDir };
}

export async function trendCommand(args: string[], log: (line: string) => void): Promise<void> {
  const { trend, outDir } = await loadTrend(args, log);
  await writeCsv(join(outDir, 'trend_customers.csv'), trendCustomerRows(trend));
  await writeCsv(join(outDir, 'trend_groups.csv'), trendGroupRows(trend));
  log(`已写入 / written to ${outDir}: trend_customers.csv, trend_groups.csv`);
}
