/** The imports in a knowledge base and their datasets: list, look up by SHA-256, delete. */
import { z } from 'zod';
import type { InputWarning } from '../model/dataset.js';
import type { Store } from './open-store.js';
import { allRows } from './sql-rows.js';
import { StoreError, storeIssues } from './store-errors.js';
import { datasetMappingSchema, inputWarningsSchema, parseStoredJson, type DatasetMapping } from './stored-json.js';
import { clearStoredTrends } from './trend-cache.js';

/** One file (or one sheet of a workbook) read by an import. */
export interface DatasetInfo {
  readonly id: number;
  readonly importId: number;
  readonly file: string;
  readonly sheet: string | null;
  readonly kind: string;
  readonly sha256: string;
  readonly rows: number;
  /** How its columns were read; null when the reader did not report it. */
  readonly mapping: DatasetMapping | null;
  /** ISO 8601, UTC; the same for every dataset of one import. */
  readonly importedAt: string;
  readonly appVersion: string;
}

export interface ImportSummary {
  readonly id: number;
  readonly importedAt: string;
  readonly appVersion: string;
  /** Months with usage rows, YYYY-MM ascending. */
  readonly months: readonly string[];
  readonly factRows: number;
  readonly customers: number;
  readonly pools: number;
  readonly participants: number;
  readonly warnings: readonly InputWarning[];
  readonly datasets: readonly DatasetInfo[];
}

const datasetRowSchema = z.strictObject({
  id: z.number().int(),
  import_id: z.number().int(),
  file: z.string(),
  sheet: z.string().nullable(),
  kind: z.string(),
  sha256: z.string(),
  rows: z.number().int(),
  mapping: z.string().nullable(),
  imported_at: z.string(),
  app_version: z.string(),
});

const DATASETS_SQL = `SELECT d.id, d.import_id, d.file, d.sheet, d.kind, d.sha256, d.rows, d.mapping, i.imported_at, i.app_version
  FROM datasets d JOIN imports i ON i.id = d.import_id`;

function datasetInfo(row: z.output<typeof datasetRowSchema>): DatasetInfo {
  const what = { zh: `数据集 #${row.id} 的列映射`, en: `column mapping of dataset #${row.id}` };
  return {
    id: row.id,
    importId: row.import_id,
    file: row.file,
    sheet: row.sheet,
    kind: row.kind,
    sha256: row.sha256,
    rows: row.rows,
    mapping: row.mapping === null ? null : parseStoredJson(row.mapping, datasetMappingSchema, what),
    importedAt: row.imported_at,
    appVersion: row.app_version,
  };
}

const importRowSchema = z.strictObject({
  id: z.number().int(),
  imported_at: z.string(),
  app_version: z.string(),
  input_warnings: z.string(),
  months: z.string().nullable(),
  fact_rows: z.number().int(),
  customers: z.number().int(),
  pools: z.number().int(),
  participants: z.number().int(),
});

const IMPORTS_SQL = `SELECT i.id, i.imported_at, i.app_version, i.input_warnings,
    (SELECT group_concat(month, ',' ORDER BY month) FROM fact_months m WHERE m.import_id = i.id) AS months,
    coalesce(f.row_count, 0) AS fact_rows, coalesce(f.customer_count, 0) AS customers,
    (SELECT count(*) FROM cost_pools p WHERE p.import_id = i.id) AS pools,
    (SELECT count(*) FROM campaign_participants c WHERE c.import_id = i.id) AS participants
  FROM imports i LEFT JOIN fact_tables f ON f.import_id = i.id`;

/** All imports, or the one with id `only`. */
function summaries(store: Store, only?: number): ImportSummary[] {
  const { db } = store;
  const one = only !== undefined;
  const params = one ? [only] : [];
  const datasets = allRows(db.prepare(`${DATASETS_SQL}${one ? ' WHERE d.import_id = ?' : ''} ORDER BY d.id`), datasetRowSchema, 'datasets', ...params).map(datasetInfo);
  const imports = allRows(db.prepare(`${IMPORTS_SQL}${one ? ' WHERE i.id = ?' : ''} ORDER BY i.id`), importRowSchema, 'imports', ...params);
  return imports.map((row) => ({
    id: row.id,
    importedAt: row.imported_at,
    appVersion: row.app_version,
    months: row.months === null ? [] : row.months.split(','),
    factRows: row.fact_rows,
    customers: row.customers,
    pools: row.pools,
    participants: row.participants,
    warnings: parseStoredJson(row.input_warnings, inputWarningsSchema, { zh: `导入 #${row.id} 的警告`, en: `warnings of import #${row.id}` }),
    datasets: datasets.filter((d) => d.importId === row.id),
  }));
}

/** Every import, oldest first, with its datasets. */
export function listImports(store: Store): ImportSummary[] {
  return summaries(store);
}

export function getImport(store: Store, id: number): ImportSummary {
  const [found] = summaries(store, id);
  if (found === undefined) throw new StoreError(storeIssues.importNotFound(id));
  return found;
}

/** Datasets already imported from a file with one of these SHA-256s, by SHA-256. */
export function datasetsBySha256(store: Store, sha256s: readonly string[]): Map<string, DatasetInfo[]> {
  const select = store.db.prepare(`${DATASETS_SQL} WHERE d.sha256 = ? ORDER BY d.id`);
  const found = new Map<string, DatasetInfo[]>();
  for (const sha of new Set(sha256s)) {
    const rows = allRows(select, datasetRowSchema, 'datasets', sha).map(datasetInfo);
    if (rows.length > 0) found.set(sha, rows);
  }
  return found;
}

/** Removes the import's rows (its datasets, facts, pools and participants cascade). Call inside a transaction. */
export function deleteImportRows(store: Store, id: number): void {
  store.db.prepare('DELETE FROM imports WHERE id = ?').run(id);
  // Trends computed from the data as it was can never be valid again.
  clearStoredTrends(store.db);
}

/**
 * Deletes an import with everything it brought. Deletion is by import, not by file: the files of
 * one import were validated and merged together (a settlement value sits in the same fact row
 * as the usage value it was joined to), so one of them cannot be taken out alone.
 */
export function deleteImport(store: Store, id: number): ImportSummary {
  return store.db
    .transaction(() => {
      const summary = getImport(store, id);
      deleteImportRows(store, id);
      return summary;
    })
    .immediate();
}
