/**
 * Child process of the kill test: imports a folder into a knowledge base and, at the chosen point
 * inside the transaction, says so on stdout and blocks until the parent kills it.
 * Usage: node --import tsx kill-import-child.ts <db> <folder> <commit|facts>
 */
import { writeSync } from 'node:fs';
import { importFiles } from '../../core/store/import-files.js';
import type { ImportProgress } from '../../core/store/import-input.js';
import { openStore } from '../../core/store/open-store.js';

const [db, folder, stopAt] = process.argv.slice(2);
if (db === undefined || folder === undefined || (stopAt !== 'commit' && stopAt !== 'facts')) throw new Error('usage: kill-import-child.ts <db> <folder> <commit|facts>');

function shouldStop(p: ImportProgress): boolean {
  return stopAt === 'commit' ? p.stage === 'commit' : p.stage === 'facts' && p.done === p.total - 1;
}

const store = openStore(db);
await importFiles(store, [folder], {
  onProgress: (p) => {
    if (!shouldStop(p)) return;
    // Written synchronously, so the parent sees it while the transaction is still open.
    writeSync(1, 'INSIDE_TRANSACTION\n');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
  },
});
writeSync(1, 'COMMITTED\n');
store.close();
