/** `cvalue import`: files and folders into a knowledge base, all of them in one transaction or nothing. */
import { existsSync, rmSync } from 'node:fs';
import type { DatasetInfo, ImportSummary } from '../../store/imports-catalog.js';
import { importFiles } from '../../store/import-files.js';
import { parseFlags, requireFlag } from '../args.js';
import { INPUT_FLAGS, inputOptions } from '../input-flags.js';
import { saveColumnMapping } from '../../store/column-mappings.js';
import type { ReadInputsOptions } from '../../io/read-inputs.js';
import { inputError, usageError } from '../cli-error.js';
import { withStore } from '../with-store.js';
import { describeProblems, logWarnings } from '../problem-lines.js';

function fileName(d: DatasetInfo): string {
  return d.sheet === null ? d.file : `${d.file} [${d.sheet}]`;
}

/** One line about an import, in both languages (shared with `datasets`). */
export function describeImport(i: ImportSummary): string {
  const months = i.months.length === 0 ? '-' : i.months.length === 1 ? i.months[0] : `${i.months[0]}…${i.months.at(-1)}`;
  return (
    `导入 import #${i.id} · ${i.importedAt} · v${i.appVersion} · 月份 months ${months} · ${i.factRows} 用户月 customer-months · ` +
    `${i.customers} 用户 customers · ${i.pools} 成本池 pools · ${i.participants} 活动参与 participants`
  );
}

/** One line per dataset of an import, indented under it. */
export function describeDatasets(i: ImportSummary): string[] {
  return i.datasets.map((d) => `  数据集 dataset #${d.id} ${fileName(d)} · ${d.kind} · ${d.rows} 行 rows · sha256 ${d.sha256.slice(0, 12)}`);
}

async function importInto(db: string, paths: readonly string[], replace: boolean, read: ReadInputsOptions, log: (line: string) => void): Promise<void> {
  await withStore(db, {}, async (store) => {
    const result = await importFiles(store, paths, { replace, read });
    for (const { file, earlier } of result.skipped) {
      log(`跳过 skipped: ${file} — 已于 ${earlier.importedAt} 导入（导入 #${earlier.importId}）/ already imported on ${earlier.importedAt} (import #${earlier.importId})`);
    }
    if (result.status === 'unchanged') {
      log('没有新的文件，知识库未改变（重新导入请加 --replace）/ Nothing new to import; the knowledge base is unchanged (add --replace to import again)');
      return;
    }
    logWarnings(result.report, log);
    if (result.status === 'invalid') {
      throw inputError(`输入数据有误，未导入任何内容：\n${describeProblems(result.report)}`, 'The input data has errors; nothing was imported (see above).');
    }
    for (const r of result.replaced) {
      // Every dataset of the replaced import goes, including files not given this time.
      log(`已替换 replaced: ${describeImport(r)}`);
      for (const line of describeDatasets(r)) log(line);
    }
    log(`已导入 imported: ${describeImport(result.imported)}`);
    for (const line of describeDatasets(result.imported)) log(line);
    // A hand-made mapping that worked is kept as a template for next month's files.
    for (const mapping of read.mappings ?? []) saveColumnMapping(store, mapping);
  });
}

export async function importCommand(args: string[], log: (line: string) => void): Promise<void> {
  const { values, positionals } = parseFlags({
    args,
    options: { db: { type: 'string' }, replace: { type: 'boolean' }, ...INPUT_FLAGS },
    strict: true,
    allowPositionals: true,
  });
  if (positionals.length === 0) throw usageError('缺少要导入的文件或文件夹', 'Missing the files or folders to import');
  const db = requireFlag(values.db, '--db');
  const existed = existsSync(db);
  try {
    await importInto(db, positionals, values.replace === true, await inputOptions(values), log);
  } catch (e) {
    // A failed first import leaves no empty knowledge base behind: nothing was written.
    if (!existed) for (const path of [db, `${db}-wal`, `${db}-shm`]) rmSync(path, { force: true });
    throw e;
  }
}
