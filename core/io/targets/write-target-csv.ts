/** A target list as CSV (UTF-8), written under a temporary name and renamed when complete. */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { rename, rm } from 'node:fs/promises';
import type { ModelResult } from '../../engine/run-model.js';
import { csvLine } from '../run-files/csv-text.js';
import { TARGET_COLUMNS, targetRows } from './target-rows.js';

const CHUNK_CHARS = 1 << 20;

export async function writeTargetCsv(path: string, result: ModelResult, customers: Int32Array): Promise<void> {
  const temp = `${path}.partial`;
  const out = createWriteStream(temp, { encoding: 'utf8' });
  try {
    let chunk = csvLine(TARGET_COLUMNS);
    for (const row of targetRows(result, customers)) {
      chunk += csvLine(row);
      if (chunk.length >= CHUNK_CHARS) {
        if (!out.write(chunk)) await once(out, 'drain');
        chunk = '';
      }
    }
    out.end(chunk);
    await once(out, 'finish');
    await rename(temp, path);
  } catch (e) {
    out.destroy();
    await rm(temp, { force: true });
    throw e;
  }
}
