/**
 * `cvalue results`: results sets (issue 7) — the run files of a run made elsewhere (the
 * warehouse running `cvalue sql`, `cvalue run --engine duckdb`, another PC) read into a knowledge
 * base, listed, deleted, and written out as the value workbook.
 */
import { existsSync, rmSync } from 'node:fs';
import { readResultSet } from '../../io/results/read-result-set.js';
import { exportResultSetReport } from '../../io/value-report/export-result-set-report.js';
import { REPORT_PRESETS } from '../../io/value-report/export-value-report.js';
import { APP_VERSION } from '../../store/app-version.js';
import { deleteResultSet, getResultSetRecord, listResultSets, loadResultSet, saveResultSet, type ResultSetRecord } from '../../store/result-sets.js';
import { monthFlag, parseFlags, positiveIntFlag, requireFlag } from '../args.js';
import { inputError, usageError } from '../cli-error.js';
import { describeProblems, logWarnings } from '../problem-lines.js';
import { withStore } from '../with-store.js';

type Log = (line: string) => void;

const MAX_NAME = 100;

function choice<T extends string>(value: string | undefined, allowed: readonly T[], flag: string, fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw usageError(`${flag} 须为 ${allowed.join(' 或 ')}：${value}`, `${flag} must be ${allowed.join(' or ')}: ${value}`);
}

/** One line about a set, in both languages. */
export function describeResultSet(r: ResultSetRecord): string {
  return `结果集 results set #${r.id}「${r.name}」· 月份 month ${r.month} · 方案 scenario「${r.scenarioName}」· ${r.customers} 客户 customers · 导入 imported ${r.importedAt} · v${r.appVersion}`;
}

/** One line per file the set was read from, indented under it. */
function describeFiles(r: ResultSetRecord): string[] {
  return r.files.map((f) => `  文件 file ${f.name} · ${f.rows} 行 rows · ${f.bytes} 字节 bytes · sha256 ${f.sha256.slice(0, 12)}`);
}

/** The set's id, the one positional argument. */
function idOf(positionals: readonly string[]): number {
  if (positionals.length !== 1) throw usageError('须给出一个结果集编号', 'Give one results set id');
  return positiveIntFlag(positionals[0], '<编号 id>');
}

async function importSet(args: string[], log: Log): Promise<void> {
  const { values, positionals } = parseFlags({
    args,
    options: { db: { type: 'string' }, name: { type: 'string' }, scenario: { type: 'string' }, month: { type: 'string' } },
    strict: true,
    allowPositionals: true,
  });
  if (positionals.length === 0) throw usageError('缺少结果文件夹或文件', 'Missing the results folder or files');
  const db = requireFlag(values.db, '--db');
  const name = values.name?.trim();
  if (name !== undefined && (name === '' || name.length > MAX_NAME)) throw usageError(`--name 须为 1–${MAX_NAME} 个字符`, `--name must be 1–${MAX_NAME} characters`);
  const scenarioPath = values.scenario === undefined ? undefined : requireFlag(values.scenario, '--scenario');
  const month = monthFlag(values.month, '--month');
  const existed = existsSync(db);
  try {
    await withStore(db, {}, async (store) => {
      const started = Date.now();
      const read = await readResultSet(positionals, { ...(scenarioPath === undefined ? {} : { scenarioPath }), ...(month === undefined ? {} : { month }) });
      logWarnings(read.report, log);
      if (!read.ok) {
        throw inputError(`结果文件有误，未导入任何内容：\n${describeProblems(read.report)}`, 'The results files have errors; nothing was imported (see above).');
      }
      const record = saveResultSet(store, read.set, name);
      log(`已导入 imported: ${describeResultSet(record)}`);
      for (const line of describeFiles(record)) log(line);
      log(`用时 took ${((Date.now() - started) / 1000).toFixed(1)} s`);
    });
  } catch (e) {
    // A refused first import leaves no empty knowledge base behind: nothing was written.
    if (!existed) for (const path of [db, `${db}-wal`, `${db}-shm`]) rmSync(path, { force: true });
    throw e;
  }
}

async function listSets(args: string[], log: Log): Promise<void> {
  const { values } = parseFlags({ args, options: { db: { type: 'string' } }, strict: true, allowPositionals: false });
  await withStore(requireFlag(values.db, '--db'), { mustExist: true }, (store) => {
    const sets = listResultSets(store);
    if (sets.length === 0) log('知识库中没有结果集 / The knowledge base holds no results sets');
    for (const r of sets) {
      log(describeResultSet(r));
      for (const line of describeFiles(r)) log(line);
    }
  });
}

async function deleteSet(args: string[], log: Log): Promise<void> {
  const { values, positionals } = parseFlags({ args, options: { db: { type: 'string' } }, strict: true, allowPositionals: true });
  const id = idOf(positionals);
  await withStore(requireFlag(values.db, '--db'), { mustExist: true }, (store) => {
    // Not found is the store's own error (exit 1), named before anything changes.
    const record = getResultSetRecord(store, id);
    deleteResultSet(store, id);
    log(`已删除 deleted: ${describeResultSet(record)}`);
  });
}

async function reportSet(args: string[], log: Log): Promise<void> {
  const { values, positionals } = parseFlags({
    args,
    options: { db: { type: 'string' }, out: { type: 'string' }, preset: { type: 'string' }, lang: { type: 'string' } },
    strict: true,
    allowPositionals: true,
  });
  const id = idOf(positionals);
  const db = requireFlag(values.db, '--db');
  const out = requireFlag(values.out, '--out');
  if (!out.toLowerCase().endsWith('.xlsx')) throw usageError(`--out 须为 .xlsx 文件：${out}`, `--out must be an .xlsx file: ${out}`);
  const preset = choice(values.preset, REPORT_PRESETS, '--preset', 'full');
  const lang = choice(values.lang, ['zh', 'en'] as const, '--lang', 'zh');
  await withStore(db, { mustExist: true }, async (store) => {
    const { record, set } = loadResultSet(store, id);
    const sheets = await exportResultSetReport(out, { set, label: record, preset, lang, appVersion: APP_VERSION });
    log(`报告已写入 / report written to ${out}（${describeResultSet(record)}；${sheets.length} 个工作表 / sheets）`);
  });
}

const SUBCOMMANDS: Readonly<Record<string, (args: string[], log: Log) => Promise<void>>> = {
  import: importSet,
  list: listSets,
  delete: deleteSet,
  report: reportSet,
};

export async function resultsCommand(args: string[], log: Log): Promise<void> {
  const [sub, ...rest] = args;
  const run = sub !== undefined && Object.hasOwn(SUBCOMMANDS, sub) ? SUBCOMMANDS[sub] : undefined;
  if (run === undefined) {
    throw usageError(
      `results 须跟 import、list、delete 或 report${sub === undefined ? '' : `（不是 ${sub}）`}`,
      `results takes import, list, delete or report${sub === undefined ? '' : ` (not ${sub})`}`,
    );
  }
  await run(rest, log);
}
