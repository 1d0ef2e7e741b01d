/** `cvalue validate`: reads input files as `run` does, lists their problems and can export them as a workbook. */
import { resolve } from 'node:path';
import type { Lang } from '../../model/messages.js';
import { listInputFiles } from '../../io/list-input-files.js';
import { readInputFiles, type ValidationReport } from '../../io/read-inputs.js';
import { exportValidationReport } from '../../io/report/export-validation-report.js';
import { parseFlags, requireFlag } from '../args.js';
import { INPUT_FLAGS, inputOptions } from '../input-flags.js';
import { inputError, usageError } from '../cli-error.js';
import { describeProblems, logWarnings } from '../problem-lines.js';

function langFlag(value: string | undefined): Lang {
  if (value === undefined || value === 'zh' || value === 'en') return value ?? 'zh';
  throw usageError(`--lang 须为 zh 或 en：${value}`, `--lang must be zh or en: ${value}`);
}

/** The report path, refused when it would overwrite one of the inputs being validated. */
async function reportFlag(value: string | undefined, inputs: readonly string[]): Promise<string | undefined> {
  if (value === undefined) return undefined;
  const path = requireFlag(value, '--report');
  if (!/\.xlsx$/i.test(path)) throw usageError(`--report 须为 .xlsx 文件：${path}`, `--report must be an .xlsx file: ${path}`);
  const { files } = await listInputFiles(inputs);
  if (files.some((f) => resolve(f) === resolve(path))) {
    throw usageError(`--report 不能是要校验的文件：${path}`, `--report must not be one of the files being validated: ${path}`);
  }
  return path;
}

async function writeReport(report: ValidationReport, path: string, lang: Lang, log: (line: string) => void): Promise<void> {
  try {
    await exportValidationReport(report, path, { lang });
  } catch (e) {
    // A file open in Excel, a missing folder, a full disk: say which file, not a stack trace.
    if (!(e instanceof Error && 'code' in e && typeof e.code === 'string')) throw e;
    throw inputError(`无法写入校验报告 ${path}：${e.code}`, `Cannot write the validation report ${path}: ${e.code}`);
  }
  log(`校验报告已写入 / validation report written to ${path}`);
}

export async function validateCommand(args: string[], log: (line: string) => void): Promise<void> {
  const { values, positionals } = parseFlags({
    args,
    options: { report: { type: 'string' }, lang: { type: 'string' }, ...INPUT_FLAGS },
    strict: true,
    allowPositionals: true,
  });
  if (positionals.length === 0) throw usageError('缺少要校验的文件或文件夹', 'Missing the files or folders to validate');
  const lang = langFlag(values.lang);
  const reportPath = await reportFlag(values.report, positionals);

  const { report } = await readInputFiles(positionals, await inputOptions(values));
  logWarnings(report, log);
  if (reportPath !== undefined) await writeReport(report, reportPath, lang, log);
  const rows = report.files.reduce((sum, f) => sum + f.rows, 0);
  const omitted = report.problemsOmitted === 0 ? '' : `；另有 ${report.problemsOmitted} 个问题未列出 / ${report.problemsOmitted} more problems not listed`;
  log(
    `${report.files.length} 个表 tables · ${rows} 行 rows · ${report.errorCount} 个错误 errors · ${report.warningCount} 个警告 warnings${omitted}`,
  );
  if (report.errorCount > 0) throw inputError(`输入数据有误：\n${describeProblems(report)}`, 'The input data has errors (see above).');
  log('校验通过 / validation passed');
}
