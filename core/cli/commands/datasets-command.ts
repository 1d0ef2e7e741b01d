/** `cvalue datasets`: lists a knowledge base's imports and their datasets, or deletes an import. */
import { deleteImport, listImports } from '../../store/imports-catalog.js';
import { parseFlags, positiveIntFlag, requireFlag } from '../args.js';
import { withStore } from '../with-store.js';
import { describeDatasets, describeImport } from './import-command.js';

export async function datasetsCommand(args: string[], log: (line: string) => void): Promise<void> {
  const { values } = parseFlags({
    args,
    options: { db: { type: 'string' }, delete: { type: 'string' } },
    strict: true,
    allowPositionals: false,
  });
  const db = requireFlag(values.db, '--db');
  const doomed = values.delete === undefined ? undefined : positiveIntFlag(values.delete, '--delete');
  await withStore(db, { mustExist: true }, (store) => {
    if (doomed !== undefined) {
      const deleted = deleteImport(store, doomed);
      log(`已删除 deleted: ${describeImport(deleted)}`);
      for (const line of describeDatasets(deleted)) log(line);
      return;
    }
    const imports = listImports(store);
    if (imports.length === 0) log('知识库中没有导入 / The knowledge base holds no imports');
    for (const i of imports) {
      log(describeImport(i));
      for (const line of describeDatasets(i)) log(line);
    }
  });
}
