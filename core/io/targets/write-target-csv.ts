/** A target list as CSV (UTF-8), written as the run files are: temporary name, renamed when complete. */
import type { ModelResult } from '../../engine/run-model.js';
import type { Rows } from '../run-files/run-file-rows.js';
import { writeCsv } from '../run-files/write-run-files.js';
import { TARGET_COLUMNS, targetRows } from './target-rows.js';

function* withHeader(result: ModelResult, customers: Int32Array): Rows {
  yield TARGET_COLUMNS;
  yield* targetRows(result, customers);
}

export function writeTargetCsv(path: string, result: ModelResult, customers: Int32Array): Promise<void> {
  return writeCsv(path, withHeader(result, customers));
}
