/**
 * Writes one import into the knowledge base in one transaction: its datasets, facts, pools and
 * participants, or nothing. A crash or a kill before the commit leaves the file as it was (WAL:
 * frames without a commit record are ignored when the file is next opened).
 */
import type { ModelInput } from '../model/dataset.js';
import { findConflicts } from './import-conflicts.js';
import { deleteImportRows, getImport, type ImportSummary } from './imports-catalog.js';
import type { Store } from './open-store.js';
import { idStrings, packIds } from './packed-ids.js';
import { StoreError, storeIssues } from './store-errors.js';
import { writeFactTable } from './stored-facts.js';
import type { DatasetMapping } from './stored-json.js';
import { writeParticipants, writePools } from './stored-pools-and-campaigns.js';
import { clearStoredTrends } from './trend-cache.js';

/** A file or sheet the input was read from (the reader's FileEntry fits). */
export interface ImportedFile {
  readonly file: string;
  readonly sheet?: string;
  readonly kind: string;
  readonly rows: number;
  readonly sha256: string;
  readonly header?: { readonly row: number; readonly cells: readonly string[] };
  readonly fields?: Readonly<Record<string, string>>;
  readonly mappedByTemplate?: boolean;
}

/** The mapping kept with the dataset, when the reader reported which field each header became. */
function datasetMapping(f: ImportedFile): DatasetMapping | null {
  if (f.fields === undefined) return null;
  return { header: f.header === undefined ? null : { row: f.header.row, cells: [...f.header.cells] }, fields: { ...f.fields }, mappedByTemplate: f.mappedByTemplate ?? false };
}

/** Reported synchronously as the import proceeds; 'commit' comes inside the transaction, just before it commits. */
export type ImportProgress =
  | { readonly stage: 'replace' | 'check' | 'pools' | 'campaigns' | 'commit' }
  | { readonly stage: 'facts'; readonly done: number; readonly total: number };

export interface ImportRequest {
  /** A complete, validated input (readInputFiles' result). */
  readonly input: ModelInput;
  readonly files: readonly ImportedFile[];
  /** Imports to delete in the same transaction (re-importing the same files with replace). */
  readonly replace?: readonly number[];
  readonly onProgress?: (progress: ImportProgress) => void;
}

/** Imports `input`; throws StoreError store.import_conflict (nothing written) when it overlaps earlier imports. */
export function importInput(store: Store, request: ImportRequest): ImportSummary {
  const { db } = store;
  const { input, files } = request;
  const progress = request.onProgress ?? (() => undefined);
  // Packing the ids is CPU work; done before the write lock is taken.
  const ids = idStrings(input.facts.customerIds);
  const idColumns = packIds(ids);
  const importId = db
    .transaction(() => {
      if (request.replace !== undefined && request.replace.length > 0) {
        progress({ stage: 'replace' });
        for (const id of request.replace) deleteImportRows(store, id);
      }
      progress({ stage: 'check' });
      const conflicts = findConflicts(store, input, ids);
      if (conflicts.total > 0) throw new StoreError(storeIssues.conflict(conflicts.items, conflicts.total));

      const id = Number(
        db.prepare('INSERT INTO imports (imported_at, app_version, input_warnings) VALUES (?, ?, ?)').run(store.now().toISOString(), store.appVersion, JSON.stringify(input.warnings))
          .lastInsertRowid,
      );
      const dataset = db.prepare('INSERT INTO datasets (import_id, file, sheet, kind, sha256, rows, mapping) VALUES (?, ?, ?, ?, ?, ?, ?)');
      for (const f of files) {
        const mapping = datasetMapping(f);
        dataset.run(id, f.file, f.sheet ?? null, f.kind, f.sha256, f.rows, mapping === null ? null : JSON.stringify(mapping));
      }
      // A cost report or campaign list imported on its own brings no facts.
      if (input.facts.customer.length > 0) writeFactTable(db, id, input.facts, idColumns, (done, total) => progress({ stage: 'facts', done, total }));
      progress({ stage: 'pools' });
      writePools(db, id, input.pools);
      progress({ stage: 'campaigns' });
      writeParticipants(db, id, input.campaigns);
      // Trends computed from the data before this import can never be valid again.
      clearStoredTrends(db);
      progress({ stage: 'commit' });
      return id;
    })
    .immediate();
  return getImport(store, importId);
}
