/** `cvalue run`: CSV or xlsx exports or a knowledge base + scenario → the run files of SPEC §13 and/or the value report. */
import { ModelSession } from '../../engine/run-model.js';
import { computeTrend, type Trend } from '../../engine/trend/trend.js';
import { trendMonths } from '../../engine/trend/trend-months.js';
import type { ModelInput } from '../../model/dataset.js';
import { monthKey } from '../../model/month.js';
import type { Scenario } from '../../model/scenario.js';
import { writeRunFiles } from '../../io/run-files/write-run-files.js';
import { exportValueReport, MIN_TREND_MONTHS, REPORT_PRESETS } from '../../io/value-report/export-value-report.js';
import { APP_VERSION } from '../../store/app-version.js';
import { monthFlag, parseFlags, requireFlag } from '../args.js';
import { usageError } from '../cli-error.js';
import { checkMonthLoaded, DATA_FLAGS, loadData, scenarioFrom, type LoadedInput } from '../run-input.js';
import { FILES_NOT_WRITTEN_BY_DUCKDB, memoryLimitFlag, runWithDuckDb } from './run-duckdb-engine.js';

const ENGINES = ['ts', 'duckdb'] as const;

function choice<T extends string>(value: string | undefined, allowed: readonly T[], flag: string, fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw usageError(`${flag} 须为 ${allowed.join(' 或 ')}：${value}`, `${flag} must be ${allowed.join(' or ')}: ${value}`);
}

/** The report's 趋势/预警 trend: the scenario's last trend_months loaded months, or none with fewer than two. */
function reportTrend(input: ModelInput, scenario: Scenario, log: (line: string) => void): Trend | undefined {
  const months = trendMonths(input, scenario);
  if (months.length < MIN_TREND_MONTHS) return undefined;
  log(`趋势评估月 / trend months: ${months.map(monthKey).join(', ')}`);
  return computeTrend(input, scenario, months);
}

/**
 * The flags --engine duckdb accepts: the SQL covers SPEC §2–§10, so neither the value report
 * (campaigns, trend) nor the comparison of §12 can be written from it.
 */
function duckDbFlags(outDir: string | undefined, out: string | undefined, compare: string | undefined, memoryLimit: string | undefined): { outDir: string; memoryLimit: string } {
  if (out !== undefined) {
    throw usageError(
      '--engine duckdb 不写价值报告（--out）：报告的营销评估、趋势与预警不在 SQL 中。请用 --out-dir，或用 --engine ts 写报告',
      '--engine duckdb does not write the value report (--out): its campaigns, trend and warnings are not in the SQL. Use --out-dir, or --engine ts for the report',
    );
  }
  if (compare !== undefined) {
    throw usageError(
      '--engine duckdb 不做方案对比（--compare）：对比（SPEC §12）不在 SQL 中。请用 --engine ts',
      '--engine duckdb does not compare scenarios (--compare): the comparison (SPEC §12) is not in the SQL. Use --engine ts',
    );
  }
  if (outDir === undefined) throw usageError('--engine duckdb 需要 --out-dir', '--engine duckdb needs --out-dir');
  return { outDir, memoryLimit: memoryLimitFlag(memoryLimit) };
}

async function runDuckDbEngine(loaded: LoadedInput, scenario: Scenario, outDir: string, memoryLimit: string, log: (line: string) => void): Promise<void> {
  const { input } = loaded;
  const run = await runWithDuckDb(input, scenario, outDir, memoryLimit, log);
  const printed = loaded.report === undefined ? [] : input.warnings;
  for (const w of run.warnings.filter((x) => !printed.includes(x))) log(`警告 warning: ${w.zh} / ${w.en}`);
  log(`方案「${scenario.name}」评估月 ${run.month}（DuckDB）：${run.customers} 个用户，${run.eligible} 个参与评分。`);
  log(`Scenario "${scenario.name}", month ${run.month} (DuckDB): ${run.customers} customers, ${run.eligible} scored.`);
  log(`已写入 / written to ${outDir}: ${run.written.join(', ')}`);
  const skipped = FILES_NOT_WRITTEN_BY_DUCKDB.join(', ');
  const campaigns = input.campaigns.length;
  log(`未写入 ${skipped}：DuckDB 引擎不做营销评估（SPEC §11 不在 SQL 中）${campaigns > 0 ? `，数据中的 ${campaigns} 条营销活动参与记录未评估；请用 --engine ts` : ''}。`);
  log(`Not written: ${skipped} — the DuckDB engine does not evaluate campaigns (SPEC §11 is not in the SQL)${campaigns > 0 ? `; the data's ${campaigns} campaign participants were not evaluated, use --engine ts` : ''}.`);
}

export async function runCommand(args: string[], log: (line: string) => void): Promise<void> {
  const { values } = parseFlags({
    args,
    options: {
      ...DATA_FLAGS,
      'out-dir': { type: 'string' },
      out: { type: 'string' },
      preset: { type: 'string' },
      lang: { type: 'string' },
      compare: { type: 'string' },
      // parseArgs in Node 20 has no negated booleans: the flag is its own option.
      'no-trend': { type: 'boolean' },
      engine: { type: 'string' },
      'memory-limit': { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  const outDir = values['out-dir'] === undefined ? undefined : requireFlag(values['out-dir'], '--out-dir');
  const out = values.out === undefined ? undefined : requireFlag(values.out, '--out');
  if (outDir === undefined && out === undefined) throw usageError('缺少参数 --out-dir 或 --out', 'Missing --out-dir or --out');
  if (out !== undefined && !out.toLowerCase().endsWith('.xlsx')) throw usageError(`--out 须为 .xlsx 文件：${out}`, `--out must be an .xlsx file: ${out}`);
  const preset = choice(values.preset, REPORT_PRESETS, '--preset', 'full');
  const lang = choice(values.lang, ['zh', 'en'] as const, '--lang', 'zh');
  const month = monthFlag(values.month, '--month');
  const engine = choice(values.engine, ENGINES, '--engine', 'ts');
  if (engine === 'duckdb') {
    const duckdb = duckDbFlags(outDir, out, values.compare, values['memory-limit']);
    const scenario = await scenarioFrom(values.scenario, month);
    const loaded = await loadData(values, log);
    checkMonthLoaded(loaded.input, scenario);
    await runDuckDbEngine(loaded, scenario, duckdb.outDir, duckdb.memoryLimit, log);
    return;
  }
  if (values['memory-limit'] !== undefined) throw usageError('--memory-limit 只用于 --engine duckdb', '--memory-limit applies only to --engine duckdb');
  const scenario = await scenarioFrom(values.scenario, month);
  const compareScenario = values.compare === undefined ? undefined : await scenarioFrom(values.compare, month);

  const loaded = await loadData(values, log);
  const input = loaded.input;
  checkMonthLoaded(input, scenario);
  if (compareScenario !== undefined) checkMonthLoaded(input, compareScenario);

  const session = new ModelSession(input);
  const result = session.run(scenario);
  const other = compareScenario === undefined ? undefined : new ModelSession(input).run(compareScenario);
  const written = outDir === undefined ? [] : await writeRunFiles(outDir, result, other);
  // Reading files printed the input warnings with the file report already; a knowledge base has none.
  const printed = loaded.report === undefined ? [] : input.warnings;
  for (const w of result.warnings.filter((x) => !printed.includes(x))) log(`警告 warning: ${w.zh} / ${w.en}`);
  const eligible = result.eligibility.eligibleList.length;
  log(`方案「${scenario.name}」评估月 ${monthKey(result.window.evaluationMonth)}：${result.window.table.length} 个用户，${eligible} 个参与评分。`);
  log(`Scenario "${scenario.name}", month ${monthKey(result.window.evaluationMonth)}: ${result.window.table.length} customers, ${eligible} scored.`);
  if (outDir !== undefined) log(`已写入 / written to ${outDir}: ${written.join(', ')}`);
  if (out !== undefined) {
    const trend = values['no-trend'] === true ? undefined : reportTrend(input, scenario, log);
    const sheets = await exportValueReport(out, {
      result,
      ...(trend === undefined ? {} : { trend }),
      ...(other === undefined ? {} : { compareWith: other }),
      preset,
      lang,
      sources: loaded.sources,
      inputProblems: loaded.report?.problems ?? [],
      inputProblemsOmitted: loaded.report?.problemsOmitted ?? 0,
      appVersion: APP_VERSION,
    });
    log(`报告已写入 / report written to ${out}（${sheets.length} 个工作表 / sheets）`);
  }
}
