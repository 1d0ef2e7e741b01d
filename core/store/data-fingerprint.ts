/**
 * What identifies the knowledge base's data: the imports (ids, times) and their datasets (file
 * hashes, row counts). An import is never changed after it is written and its id is never given
 * to another (AUTOINCREMENT), so the same fingerprint means the same ModelInput. Results derived
 * from the data (the trend cache) are stored under it and ignored once it changes.
 */
import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import type { ModelInput } from '../model/dataset.js';
import { allRows } from './sql-rows.js';

const importRowSchema = z.strictObject({ id: z.number().int(), imported_at: z.string() });
const datasetRowSchema = z.strictObject({ id: z.number().int(), import_id: z.number().int(), sha256: z.string(), rows: z.number().int() });

/** The fingerprint of the data in `db` now; call inside the transaction that reads or writes by it. */
export function dataFingerprint(db: Database): string {
  const imports = allRows(db.prepare('SELECT id, imported_at FROM imports ORDER BY id'), importRowSchema, 'imports');
  const datasets = allRows(db.prepare('SELECT id, import_id, sha256, rows FROM datasets ORDER BY id'), datasetRowSchema, 'datasets');
  return createHash('sha256').update(JSON.stringify({ imports, datasets })).digest('hex');
}

// The ModelInput type belongs to core/model and knows nothing of stores, so the fingerprint of
// the data an input was loaded from is kept beside it, keyed by the object itself.
const fingerprints = new WeakMap<ModelInput, string>();

/** Records that `input` was read from the data with this fingerprint (load-model-input.ts). */
export function rememberFingerprint(input: ModelInput, fingerprint: string): void {
  fingerprints.set(input, fingerprint);
}

/** The fingerprint of the knowledge base data `input` was loaded from; undefined for input read from files. */
export function fingerprintOf(input: ModelInput): string | undefined {
  return fingerprints.get(input);
}
