/**
 * What `run`, `trend` and `targets` read: workbooks/CSV files (--data) or a knowledge base
 * (--db), the scenario (--scenario, --month) and the checks that there is something to evaluate.
 */
import type { ModelInput } from '../model/dataset.js';
import { monthKey } from '../model/month.js';
import { defaultScenario, type Scenario } from '../model/scenario.js';
import { readInputFiles, type ValidationReport } from '../io/read-inputs.js';
import type { SourceFile } from '../io/value-report/export-value-report.js';
import { listImports } from '../store/imports-catalog.js';
import { loadModelInput } from '../store/load-model-input.js';
import { listFlag, requireFlag } from './args.js';
import { inputError, usageError } from './cli-error.js';
import { INPUT_FLAGS, inputOptions } from './input-flags.js';
import { loadScenarioFile } from './load-scenario.js';
import { describeProblems, logWarnings } from './problem-lines.js';
import { withStore } from './with-store.js';

/** The flags that choose the data and the scenario. */
export const DATA_FLAGS = {
  data: { type: 'string', multiple: true },
  db: { type: 'string' },
  scenario: { type: 'string' },
  month: { type: 'string' },
  ...INPUT_FLAGS,
} as const;

export interface DataFlagValues {
  readonly mapping?: string[] | undefined;
  readonly 'sum-duplicates'?: boolean | undefined;
  readonly data?: string[] | undefined;
  readonly db?: string | undefined;
}

export interface LoadedInput {
  readonly input: ModelInput;
  readonly sources: readonly SourceFile[];
  /** The reading report (files only; a knowledge base was checked when it was imported). */
  readonly report?: ValidationReport;
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

async function readData(paths: readonly string[], values: DataFlagValues, log: (line: string) => void): Promise<LoadedInput> {
  const read = await readInputFiles(paths, await inputOptions(values));
  logWarnings(read.report, log);
  if (!read.ok) throw inputError(`输入数据有误，未计算：\n${describeProblems(read.report)}`, 'The input data has errors; nothing was computed (see above).');
  return { input: read.input, sources: read.report.files, report: read.report };
}

function loadStore(db: string): Promise<LoadedInput> {
  return withStore(db, { mustExist: true }, (store) => ({
    input: loadModelInput(store),
    sources: listImports(store).flatMap((i) => i.datasets),
  }));
}

/** Reads --data or --db (exactly one) and refuses data without usage rows. */
export async function loadData(values: DataFlagValues, log: (line: string) => void): Promise<LoadedInput> {
  const data = listFlag(values.data);
  const db = values.db === undefined ? undefined : requireFlag(values.db, '--db');
  if (data.length === 0 && db === undefined) throw usageError('缺少参数 --data 或 --db', 'Missing --data or --db');
  if (data.length > 0 && db !== undefined) throw usageError('--data 与 --db 只能给出一个', 'Give either --data or --db, not both');
  const loaded = db === undefined ? await readData(data, values, log) : await loadStore(db);
  if (loaded.input.facts.customer.length === 0) throw inputError('知识库中没有用量数据（请先导入用量表）', 'The knowledge base holds no usage data (import a usage sheet first)');
  return loaded;
}
