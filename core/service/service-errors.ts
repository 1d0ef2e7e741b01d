/**
 * Errors as they leave the service: every failure a user can act on becomes a ServiceError
 * with a code from this catalogue and both languages, saying what to do next; anything else is
 * a bug and becomes `service.internal` with a generic message (its stack goes to stderr only).
 */
import BetterSqlite3 from 'better-sqlite3';
import { z } from 'zod';
import { EngineInputError } from '../engine/run-model.js';
import { StoreError, storeErrorFromSqlite } from '../store/store-errors.js';
import type { ServiceError } from './contract.js';
import { hostIssues, issue } from './host-errors.js';

/** Thrown inside the service for a known failure; the dispatcher answers it as data. */
export class ServiceFailure extends Error {
  constructor(readonly error: ServiceError) {
    super(error.en);
    this.name = 'ServiceFailure';
  }
}

export const serviceIssues = {
  internal: issue('service.internal', '内部错误，操作未完成；请重试，若仍出错请联系技术支持', 'Internal error; the operation did not complete. Try again, and report it if it persists'),
  unknownChannel: (channel: string) =>
    issue('service.unknown_channel', `未知的服务调用：${channel}`, `Unknown service call: ${channel}`, { channel }),
  ...hostIssues,
  jobCancelled: (jobId: string) => issue('job.cancelled', '操作已取消', 'The operation was cancelled', { jobId }),
  jobIdInUse: (jobId: string, channel: string) =>
    issue('job.id_in_use', `任务编号 ${jobId} 正被另一个操作（${channel}）使用`, `Job id ${jobId} is in use by another operation (${channel})`, { jobId, channel }),
  runNotFound: (runId: string) =>
    issue('run.not_found', '找不到这次计算结果（程序可能已重启）；请重新计算', 'This result is not available (the app may have restarted); run the scenario again', { runId }),
  runSuperseded: (runId: string) =>
    issue(
      'run.superseded',
      '这次计算结果已被更新的计算或新导入的数据取代；请使用最新结果',
      'This result has been replaced by a newer run or by newly imported data; use the latest result',
      { runId },
    ),
  monthNotLoaded: (month: string, loaded: readonly string[]) =>
    issue(
      'run.month_not_loaded',
      `评估月 ${month} 没有用量数据（已载入：${loaded.join(', ') || '无'}）；请选择已导入的月份或先导入该月数据`,
      `Evaluation month ${month} has no usage data (loaded: ${loaded.join(', ') || 'none'}); choose an imported month or import that month first`,
      { month },
    ),
  noUsage: issue('run.no_usage', '知识库中没有用量数据；请先导入用量表', 'The knowledge base holds no usage data; import a usage sheet first'),
  customerNotFound: (customerId: string) =>
    issue('customer.not_found', `本次计算的客户表中没有用户 ${customerId}`, `Customer ${customerId} is not in this run's customer table`, { customerId }),
  scenarioNotFound: (name: string) => issue('scenario.not_found', `没有名为“${name}”的方案`, `There is no scenario named "${name}"`, { name }),
  scenarioNameTaken: (name: string) =>
    issue('scenario.name_taken', `已有名为“${name}”的方案；请换一个名称`, `A scenario named "${name}" already exists; choose another name`, { name }),
  mappingUnknownField: (field: string) =>
    issue('mapping.unknown_field', `列映射中的字段“${field}”不存在；请从字段列表中选择`, `The column mapping names a field that does not exist: "${field}"; pick one from the field list`, { field }),
  mappingEmptyHeader: issue('mapping.empty_header', '列映射的表头行没有文字；请选择含字段名的表头行', 'The column mapping\'s header row holds no text; pick the row with the field names'),
  badTarget: (target: string, zh: string, en: string) => issue('export.bad_target', `不能写入 ${target}：${zh}`, `Cannot write ${target}: ${en}`, { target }),
  fileFailed: (path: string, code: string) => {
    const reasons: Readonly<Record<string, { zh: string; en: string }>> = {
      ENOENT: { zh: '文件或文件夹不存在', en: 'the file or folder does not exist' },
      EACCES: { zh: '没有权限', en: 'permission denied' },
      EPERM: { zh: '没有权限（文件可能正被 Excel 打开）', en: 'not permitted (the file may be open in Excel)' },
      EBUSY: { zh: '文件正被其他程序使用（可能正被 Excel 打开）', en: 'the file is in use by another program (it may be open in Excel)' },
      ENOSPC: { zh: '磁盘已满', en: 'the disk is full' },
      EROFS: { zh: '磁盘为只读', en: 'the disk is read-only' },
      EISDIR: { zh: '这是一个文件夹', en: 'it is a folder' },
    };
    const reason = reasons[code] ?? { zh: `系统错误 ${code}`, en: `system error ${code}` };
    return issue('file.failed', `无法读写 ${path}：${reason.zh}；请检查后重试`, `Cannot read or write ${path}: ${reason.en}; check it and try again`, { path, reason: code });
  },
};

const fsErrorSchema = z.object({ code: z.string().regex(/^E[A-Z]+$/), path: z.string().optional() });

/** The ServiceError for anything thrown inside a handler; `where` names the database for SQLite errors. */
export function toServiceError(e: unknown, databasePath: string): ServiceError {
  if (e instanceof ServiceFailure) return e.error;
  if (e instanceof StoreError) return issue(e.code, e.zh, e.en);
  if (e instanceof EngineInputError) return issue(e.code, e.zh, e.en);
  if (e instanceof BetterSqlite3.SqliteError) {
    const known = storeErrorFromSqlite(e, databasePath);
    if (known !== null) return issue(known.code, known.zh, known.en);
  }
  const fsError = e instanceof Error ? fsErrorSchema.safeParse(e) : null;
  if (fsError?.success === true) return serviceIssues.fileFailed(fsError.data.path ?? '', fsError.data.code);
  // A bug: the screen gets a generic message, the log gets the stack.
  process.stderr.write(`[service] internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  return serviceIssues.internal;
}
