/** `cvalue run`: CSV or xlsx exports or a knowledge base + scenario → the run files of SPEC §13 and/or the value report. */
import { ModelSession } from '../../engine/run-model.js';
import { monthKey } from '../../model/month.js';
import { defaultScenario, type Scenario } from '../../model/scenario.js';
import { readInputFiles, type ReadInputsOptions, type ValidationReport } from '../../io/read-inputs.js';
import { INPUT_FLAGS, inputOptions } from '../input-flags.js';
import { writeRunFiles } from '../../io/run-files/write-run-files.js';
import { listFlag, monthFlag, parseFlags, requireFlag } from '../args.js';
import { inputError, usageError } from '../cli-error.js';
import { loadScenarioFile } from '../load-scenario.js';
import { withStore } from '../with-store.js';
import { loadModelInput } from '../../store/load-model-input.js';
import type { ModelInput } from '../../model/dataset.js';
import { exportValueReport, REPORT_PRESETS, type SourceFile } from '../../io/value-report/export-value-report.js';
import { listImports } from '../../store/imports-catalog.js';
import { APP_VERSION } from '../../store/app-version.js';

const MAX_PROBLEMS_SHOWN = 50;

/** The report's errors, one line each with file, sheet, row, column and value (shared with `import`). */
export function describeProblems(report: ValidationReport): string {
  const errors = report.problems.filter((p) => p.severity === 'error');
  const lines = errors.slice(0, MAX_PROBLEMS_SHOWN).map((p) => {
    const where = [p.file, p.sheet, p.row === undefined ? undefined : `行 row ${p.row}`, p.column === undefined ? undefined : `列 column ${p.column}`]
      .filter((x) => x !== undefined)
      .join(' · ');
    const value = p.value === undefined ? '' : ` 值 value「${p.value}」`;
    return `  ${where}: [${p.code}] ${p.zh} / ${p.en}${value}`;
  });
  if (errors.length > MAX_PROBLEMS_SHOWN) lines.push(`  … 另有 ${errors.length - MAX_PROBLEMS_SHOWN} 个错误 / ${errors.length - MAX_PROBLEMS_SHOWN} more errors`);
  return lines.join('\n');
}

/** The report's warnings, one line each. */
export function logWarnings(report: ValidationReport, log: (line: string) => void): void {
  for (const w of report.problems.filter((p) => p.severity === 'warning')) {
    const where = [w.file, w.sheet === undefined ? undefined : `[${w.sheet}]`, w.row === undefined ? undefined : `行 row ${w.row}`].filter((x) => x !== undefined).join(' ');
    log(`警告 warning: ${where === '' ? '' : `${where}: `}${w.zh} / ${w.en}`);
  }
}

export function checkMonthLoaded(input: ModelInput, scenario: Scenario): void {
  if (scenario.month === null) return;
  const months = Array.from(input.facts.months, monthKey);
  if (!months.includes(scenario.month)) {
    throw inputError(
      `评估月 ${scenario.month} 没有用量数据（已载入：${months.join(', ') || '无'}）`,
      `Evaluation month ${scenario.month} has no usage data (loaded: ${months.join(', ') || 'none'})`,
    );
  }
}

export async function scenarioFrom(path: string | undefined, month: string | undefined): Promise<Scenario> {
  const scenario = path === undefined ? defaultScenario() : await loadScenarioFile(path);
  return month === undefined ? scenario : { ...scenario, month };
}

interface LoadedInput {
  readonly input: ModelInput;
  readonly sources: readonly SourceFile[];
  readonly report?: ValidationReport;
}

export async function readData(paths: readonly string[], options: ReadInputsOptions, log: (line: string) => void): Promise<LoadedInput> {
  const read = await readInputFiles(paths, options);
  logWarnings(read.report, log);
  if (!read.ok) throw inputError(`输入数据有误，未计算：\n${describeProblems(read.report)}`, 'The input data has errors; nothing was computed (see above).');
  return { input: read.input, sources: read.report.files, report: read.report };
}

export function loadStore(db: string): Promise<LoadedInput> {
  return withStore(db, { mustExist: true }, (store) => ({
    input: loadModelInput(store),
    sources: listImports(store).flatMap((i) => i.datasets),
  }));
}

function choice<T extends string>(value: string | undefined, allowed: readonly T[], flag: string, fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw usageError(`${flag} 须为 ${allowed.join(' 或 ')}：${value}`, `${flag} must be ${allowed.join(' or ')}: ${value}`);
}

export async function runCommand(args: string[], log: (line: string) => void): Promise<void> {
  const { values } = parseFlags({
    args,
    options: {
      data: { type: 'string', multiple: true },
      db: { type: 'string' },
      scenario: { type: 'string' },
      month: { type: 'string' },
      'out-dir': { type: 'string' },
      out: { type: 'string' },
      preset: { type: 'string' },
      lang: { type: 'string' },
      compare: { type: 'string' },
      ...INPUT_FLAGS,
    },
    strict: true,
    allowPositionals: false,
  });
  const data = listFlag(values.data);
  const db = values.db === undefined ? undefined : requireFlag(values.db, '--db');
  if (data.length === 0 && db === undefined) throw usageError('缺少参数 --data 或 --db', 'Missing --data or --db');
  if (data.length > 0 && db !== undefined) throw usageError('--data 与 --db 只能给出一个', 'Give either --data or --db, not both');
  const outDir = values['out-dir'] === undefined ? undefined : requireFlag(values['out-dir'], '--out-dir');
  const out = values.out === undefined ? undefined : requireFlag(values.out, '--out');
  if (outDir === undefined && out === undefined) throw usageError('缺少参数 --out-dir 或 --out', 'Missing --out-dir or --out');
  if (out !== undefined && !out.toLowerCase().endsWith('.xlsx')) throw usageError(`--out 须为 .xlsx 文件：${out}`, `--out must be an .xlsx file: ${out}`);
  const preset = choice(values.preset, REPORT_PRESETS, '--preset', 'full');
  const lang = choice(values.lang, ['zh', 'en'] as const, '--lang', 'zh');
  const month = monthFlag(values.month, '--month');
  const scenario = await scenarioFrom(values.scenario, month);
  const compareScenario = values.compare === undefined ? undefined : await scenarioFrom(values.compare, month);

  const loaded = db === undefined ? await readData(data, await inputOptions(values), log) : await loadStore(db);
  const input = loaded.input;
  if (input.facts.customer.length === 0) throw inputError('知识库中没有用量数据（请先导入用量表）', 'The knowledge base holds no usage data (import a usage sheet first)');
  checkMonthLoaded(input, scenario);
  if (compareScenario !== undefined) checkMonthLoaded(input, compareScenario);

  const session = new ModelSession(input);
  const result = session.run(scenario);
  const other = compareScenario === undefined ? undefined : new ModelSession(input).run(compareScenario);
  const written = outDir === undefined ? [] : await writeRunFiles(outDir, result, other);
  // Reading files printed the input warnings with the file report already; a knowledge base has none.
  const printed = db === undefined ? input.warnings : [];
  for (const w of result.warnings.filter((x) => !printed.includes(x))) log(`警告 warning: ${w.zh} / ${w.en}`);
  const eligible = result.eligibility.eligibleList.length;
  log(`方案「${scenario.name}」评估月 ${monthKey(result.window.evaluationMonth)}：${result.window.table.length} 个用户，${eligible} 个参与评分。`);
  log(`Scenario "${scenario.name}", month ${monthKey(result.window.evaluationMonth)}: ${result.window.table.length} customers, ${eligible} scored.`);
  if (outDir !== undefined) log(`已写入 / written to ${outDir}: ${written.join(', ')}`);
  if (out !== undefined) {
    const sheets = await exportValueReport(out, {
      result,
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
