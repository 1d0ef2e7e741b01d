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
import { checkMonthLoaded, DATA_FLAGS, loadData, scenarioFrom } from '../run-input.js';

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
