/**
 * The knowledge base's errors, as data with a code and both languages (STYLE.md): a shell shows
 * `zh`/`en` as they are and may branch on `code` (the app shows its own screen for a database
 * written by a newer version, as actualbudget does).
 */
import BetterSqlite3 from 'better-sqlite3';
import { problem, type Bilingual, type Problem } from '../model/messages.js';

export class StoreError extends Error implements Problem {
  readonly code: string;
  readonly zh: string;
  readonly en: string;

  constructor(issue: Problem) {
    super(`${issue.zh}\n${issue.en}`);
    this.name = 'StoreError';
    this.code = issue.code;
    this.zh = issue.zh;
    this.en = issue.en;
  }
}

export const storeIssues = {
  notADatabase: (path: string): Problem =>
    problem('store.not_a_database', `${path} 不是本程序的知识库文件（不是 SQLite 数据库）`, `${path} is not a knowledge base (not an SQLite database)`),
  foreignDatabase: (path: string): Problem =>
    problem(
      'store.foreign_database',
      `${path} 是其他程序的 SQLite 数据库，不是本程序的知识库；为免损坏，未打开`,
      `${path} is an SQLite database of another program, not a knowledge base of this app; it was not opened so as not to damage it`,
    ),
  newerVersion: (path: string, id: number): Problem =>
    problem(
      'store.newer_version',
      `知识库 ${path} 由更新版本的客户价值评估创建（架构版本 ${id}），请升级本程序后再打开`,
      `The knowledge base ${path} was written by a newer version of Customer Value Studio (schema step ${id}); upgrade the app to open it`,
    ),
  unknownMigration: (path: string, id: number): Problem =>
    problem(
      'store.unknown_migration',
      `知识库 ${path} 的架构步骤 ${id} 与本程序的不一致（文件被其他版本或工具修改过），未打开`,
      `Schema step ${id} of the knowledge base ${path} differs from this app's (another build or tool changed it); it was not opened`,
    ),
  missingFile: (path: string): Problem =>
    problem('store.missing_file', `知识库文件不存在：${path}（先用 cvalue import 导入数据）`, `Knowledge base not found: ${path} (import data with cvalue import first)`),
  empty: problem('store.empty', '知识库中还没有数据（先用 cvalue import 导入）', 'The knowledge base holds no data yet (import some with cvalue import)'),
  importNotFound: (id: number): Problem => problem('store.import_not_found', `没有编号为 ${id} 的导入`, `There is no import #${id}`),
  corrupt: (what: Bilingual): Problem =>
    problem('store.corrupt', `知识库内容已损坏：${what.zh}`, `The knowledge base is damaged: ${what.en}`),
  busy: (path: string): Problem =>
    problem('store.busy', `知识库 ${path} 正被另一个程序写入，请稍后再试`, `The knowledge base ${path} is being written by another program; try again shortly`),
  diskFull: (path: string): Problem =>
    problem('store.disk_full', `磁盘已满，无法写入知识库 ${path}；本次操作未写入任何内容`, `The disk is full; nothing was written to the knowledge base ${path}`),
  cannotWrite: (path: string, detail: string): Problem =>
    problem('store.cannot_write', `无法打开或写入知识库 ${path}：${detail}`, `Cannot open or write the knowledge base ${path}: ${detail}`),
  conflict: (items: readonly Bilingual[], total: number): Problem => {
    const more = total - items.length;
    const list = (lang: keyof Bilingual): string => items.map((item) => `  ${item[lang]}`).join('\n');
    return problem(
      'store.import_conflict',
      `与知识库中已有的数据冲突，未导入（共 ${total} 处）：\n${list('zh')}${more > 0 ? `\n  … 另有 ${more} 处` : ''}\n` +
        '同一用户月、同一成本池的同一月份、同一营销活动的同一用户只能来自一次导入；请先删除之前的导入（cvalue datasets --delete <编号>）或去掉重复的行。',
      `Conflicts with data already in the knowledge base; nothing was imported (${total} in all):\n${list('en')}${more > 0 ? `\n  … ${more} more` : ''}\n` +
        'A customer-month, a pool in a month and a campaign participant may each come from one import only; delete the earlier import (cvalue datasets --delete <id>) or remove the repeated rows.',
    );
  },
};

/**
 * The SQLite failures a user can act on (another program writing, a full disk, a read-only or
 * damaged file) as store errors; null for anything else, which is a bug to report as such.
 */
export function storeErrorFromSqlite(e: unknown, path: string): StoreError | null {
  if (!(e instanceof BetterSqlite3.SqliteError)) return null;
  const code = e.code;
  if (code === 'SQLITE_NOTADB') return new StoreError(storeIssues.notADatabase(path));
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return new StoreError(storeIssues.busy(path));
  if (code === 'SQLITE_FULL') return new StoreError(storeIssues.diskFull(path));
  if (code.startsWith('SQLITE_CORRUPT')) return new StoreError(storeIssues.corrupt({ zh: e.message, en: e.message }));
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_IOERR') || code === 'SQLITE_PERM') {
    return new StoreError(storeIssues.cannotWrite(path, e.message));
  }
  return null;
}
