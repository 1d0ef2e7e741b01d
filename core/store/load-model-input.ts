/**
 * The engine's ModelInput from the knowledge base: every import's facts merged into one
 * FactTable (a handful of BLOB reads and typed-array copies, no per-row SQL), with all pools,
 * participants and input warnings. The engine never sees the store; it gets this plain value.
 */
import { z } from 'zod';
import type { InputWarning, ModelInput } from '../model/dataset.js';
import { dataFingerprint, rememberFingerprint } from './data-fingerprint.js';
import { mergeFactTables } from './merge-fact-tables.js';
import type { Store } from './open-store.js';
import { allRows } from './sql-rows.js';
import { StoreError, storeIssues } from './store-errors.js';
import { FactColumnReader, readStoredFactTables } from './stored-facts.js';
import { inputWarningsSchema, parseStoredJson } from './stored-json.js';
import { readParticipants, readPools } from './stored-pools-and-campaigns.js';

const warningsRowSchema = z.strictObject({ id: z.number().int(), input_warnings: z.string() });

/** Each import's warnings in import order (each import read its own files, so each counted its own rows). */
function readWarnings(store: Store): InputWarning[] {
  return allRows(store.db.prepare('SELECT id, input_warnings FROM imports ORDER BY id'), warningsRowSchema, 'imports').flatMap((row) =>
    parseStoredJson(row.input_warnings, inputWarningsSchema, { zh: `导入 #${row.id} 的警告`, en: `warnings of import #${row.id}` }),
  );
}

export function loadModelInput(store: Store): ModelInput {
  const { db } = store;
  // One read transaction, so an import committing meanwhile cannot give half old, half new data.
  return db.transaction(() => {
    const tables = readStoredFactTables(db);
    if (tables.length === 0) throw new StoreError(storeIssues.empty);
    const input: ModelInput = {
      facts: mergeFactTables(tables, new FactColumnReader(db)),
      pools: readPools(db),
      campaigns: readParticipants(db),
      warnings: readWarnings(store),
    };
    // Read in the same transaction as the data, so the fingerprint is exactly that data's.
    rememberFingerprint(input, dataFingerprint(db));
    return input;
  })();
}
