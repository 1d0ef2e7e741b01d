/** `cvalue warnings`: the early warnings (预警, issue 6) over every pair of consecutive trend months. */
import { join } from 'node:path';
import { earlyWarnings } from '../../engine/early-warnings/early-warnings.js';
import { warningRows } from '../../io/run-files/trend-rows.js';
import { writeCsv } from '../../io/run-files/write-run-files.js';
import { loadTrend } from './trend-command.js';

export async function warningsCommand(args: string[], log: (line: string) => void): Promise<void> {
  const { trend, scenario, outDir } = await loadTrend(args, log);
  const warnings = earlyWarnings(trend, scenario.warnings);
  await writeCsv(join(outDir, 'warnings.csv'), warningRows(warnings));
  log(`${warnings.length} 条预警 / warnings, 已写入 / written to ${join(outDir, 'warnings.csv')}`);
}
