/**
 * `cvalue targets`: a target list (营销目标) from a filter over a run's customer table, written as
 * CSV or xlsx, with its size, Σ avg profit and the negative-value customers it avoided compared
 * with an ARPU-only list of the same size. `--save` keeps the definition as a *.targets.json file
 * (the app can store definitions later; here a saved definition is that file, read back by
 * `--filter @file`).
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { ModelSession } from '../../engine/run-model.js';
import { parseFilterText } from '../../engine/targets/filter-text.js';
import { arpuComparison, buildTargetList } from '../../engine/targets/target-list.js';
import { writeTargetCsv } from '../../io/targets/write-target-csv.js';
import { writeTargetXlsx } from '../../io/targets/write-target-xlsx.js';
import { monthFlag, parseFlags, requireFlag } from '../args.js';
import { inputError, usageError } from '../cli-error.js';
import { checkMonthLoaded, DATA_FLAGS, loadData, scenarioFrom } from '../run-input.js';

async function filterTextOf(flag: string): Promise<string> {
  if (!flag.startsWith('@')) return flag;
  const path = flag.slice(1);
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    throw inputError(`无法读取筛选定义文件 ${path}：${reason}`, `Cannot read filter definition file ${path}: ${reason}`);
  }
}

function yuan(x: number): string {
  return x.toFixed(2);
}

export async function targetsCommand(args: string[], log: (line: string) => void): Promise<void> {
  const { values } = parseFlags({
    args,
    options: {
      ...DATA_FLAGS,
      filter: { type: 'string' },
      out: { type: 'string' },
      save: { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  const filterText = await filterTextOf(requireFlag(values.filter, '--filter'));
  const out = values.out === undefined ? undefined : requireFlag(values.out, '--out');
  const save = values.save === undefined ? undefined : requireFlag(values.save, '--save');
  if (out === undefined && save === undefined) throw usageError('缺少参数 --out 或 --save', 'Missing --out or --save');
  const format = out === undefined ? undefined : out.toLowerCase().endsWith('.xlsx') ? 'xlsx' : out.toLowerCase().endsWith('.csv') ? 'csv' : undefined;
  if (out !== undefined && format === undefined) throw usageError(`--out 须为 .csv 或 .xlsx 文件：${out}`, `--out must be a .csv or .xlsx file: ${out}`);
  const parsed = parseFilterText(filterText);
  if (!parsed.ok) throw usageError(parsed.zh, parsed.en);
  const filter = parsed.filter;

  const scenario = await scenarioFrom(values.scenario, monthFlag(values.month, '--month'));
  const { input } = await loadData(values, log);
  checkMonthLoaded(input, scenario);
  const result = new ModelSession(input).run(scenario);
  const list = buildTargetList(result, filter);
  const comparison = arpuComparison(result, list);

  if (save !== undefined) {
    await writeFile(`${save}.partial`, `${JSON.stringify(filter, null, 2)}\n`, 'utf8');
    await rename(`${save}.partial`, save);
  }
  if (out !== undefined && format === 'csv') await writeTargetCsv(out, result, list.customers);
  if (out !== undefined && format === 'xlsx') await writeTargetXlsx(out, { result, filterText, filter, list, comparison });

  const share = Number.isNaN(comparison.negativeAvoidedShare) ? '—' : `${(comparison.negativeAvoidedShare * 100).toFixed(1)}%`;
  log(`目标客户 ${list.size} 位，月均利润合计 ${yuan(list.sumAvgProfit)} 元，其中负价值 ${list.negative} 位；同规模 ARPU 名单负价值 ${comparison.arpu.negative} 位，避免 ${comparison.negativeAvoided} 位（${share}）。`);
  log(`Target list: ${list.size} customers, Σ avg profit ${yuan(list.sumAvgProfit)}, ${list.negative} negative-value; an ARPU-only list of the same size has ${comparison.arpu.negative}, so ${comparison.negativeAvoided} avoided (${share}).`);
  if (out !== undefined) log(`已写入 / written to ${out}`);
  if (save !== undefined) log(`筛选定义已保存 / filter definition saved to ${save}`);
}
