/**
 * Results sets in the knowledge base (migration 3): one row of provenance and small JSON per
 * set, and one BLOB per customer column, so a ten-million-customer set reads back as a handful
 * of typed arrays. Everything read is checked — lengths against the customer count, codes
 * against their dictionaries, JSON against its schema — and a set that does not fit is
 * reported as damaged, never shown.
 */
import { z } from 'zod';
import { CATEGORY_FIELDS, type CategoryField } from '../model/fields.js';
import { PackedIds } from '../model/id-list.js';
import { problem, type Bilingual, type Problem } from '../model/messages.js';
import {
  RESULT_MONEY_COLUMNS,
  RESULT_SCORE_COLUMNS,
  RESULT_TIER_INELIGIBLE,
  resultTierNames,
  type ResultCategory,
  type ResultCustomers,
  type ResultReconciliationRow,
  type ResultSetRecord,
  type ResultSet,
} from '../model/result-set.js';
import { scenarioSchema } from '../model/scenario.js';
import { bytesOf, float64s, int16s, int32s, uint16s, uint8s } from './column-bytes.js';
import type { Store } from './open-store.js';
import { packIds } from './packed-ids.js';
import { allRows, oneRow } from './sql-rows.js';
import { StoreError, storeIssues } from './store-errors.js';
import { parseStoredJson } from './stored-json.js';

export type { ResultSetRecord } from '../model/result-set.js';

const filesSchema = z.array(z.strictObject({ name: z.string(), sha256: z.string(), bytes: z.number().int().min(0), rows: z.number().int().min(0) }));
const dictionariesSchema = z.strictObject({
  reasons: z.array(z.string()),
  categories: z.strictObject(Object.fromEntries(CATEGORY_FIELDS.map((f) => [f, z.array(z.string())])) as Record<CategoryField, z.ZodArray<z.ZodString>>),
});
const reconciliationSchema = z.array(
  z.strictObject({
    pool: z.string(),
    month: z.string(),
    scope: z.string(),
    amount: z.number(),
    customersInScope: z.number(),
    status: z.enum(['allocated', 'unallocated']),
    movedToUsers: z.boolean(),
    allocatedSum: z.number(),
    difference: z.number(),
  }),
);
const setRowSchema = z.strictObject({
  id: z.number().int(),
  name: z.string(),
  imported_at: z.string(),
  app_version: z.string(),
  month: z.string(),
  scenario: z.string(),
  customer_count: z.number().int().min(1),
  files: z.string(),
});

function what(id: number, part: string): Bilingual {
  return { zh: `结果集 #${id} 的 ${part}`, en: `${part} of results set #${id}` };
}

function recordOf(row: z.output<typeof setRowSchema>): ResultSetRecord {
  const scenario = parseStoredJson(row.scenario, scenarioSchema, what(row.id, 'scenario'));
  return {
    id: row.id,
    name: row.name,
    importedAt: row.imported_at,
    appVersion: row.app_version,
    month: row.month,
    scenarioName: scenario.name,
    customers: row.customer_count,
    files: parseStoredJson(row.files, filesSchema, what(row.id, 'files')),
  };
}

const SET_COLUMNS = 'id, name, imported_at, app_version, month, scenario, customer_count, files';

/** Stores a set in one transaction; `name` defaults to the scenario's name and month. */
export function saveResultSet(store: Store, set: ResultSet, name?: string): ResultSetRecord {
  const { db } = store;
  const c = set.customers;
  const ids = c.ids instanceof PackedIds ? c.ids.columns : packIds(Array.from({ length: c.ids.length }, (_, i) => c.ids.at(i)));
  const columns: [string, Buffer][] = [
    ['id_chars', bytesOf(ids.chars)],
    ['id_offsets', bytesOf(ids.offsets)],
    ['eligible', bytesOf(c.eligible)],
    ['reason', bytesOf(c.reason)],
    ['tenure', bytesOf(c.tenure)],
    ['tier', bytesOf(c.tier)],
    ...RESULT_MONEY_COLUMNS.map((k): [string, Buffer] => [k, bytesOf(c.money[k])]),
    ...RESULT_SCORE_COLUMNS.map((k): [string, Buffer] => [k, bytesOf(c.scores[k])]),
    ...CATEGORY_FIELDS.map((f): [string, Buffer] => [f, bytesOf(c.categories[f].codes)]),
  ];
  const dictionaries = { reasons: c.reasons, categories: Object.fromEntries(CATEGORY_FIELDS.map((f) => [f, c.categories[f].names])) };
  const save = db.transaction((): number => {
    const id = Number(
      db
        .prepare(
          'INSERT INTO result_sets (name, imported_at, app_version, month, scenario, customer_count, files, dictionaries, reconciliation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
        )
        .run(
          name ?? `${set.scenario.name} ${set.month}`,
          store.now().toISOString(),
          store.appVersion,
          set.month,
          JSON.stringify(set.scenario),
          c.ids.length,
          JSON.stringify(set.files),
          JSON.stringify(dictionaries),
          JSON.stringify(set.reconciliation),
        ).lastInsertRowid,
    );
    const insert = db.prepare('INSERT INTO result_columns (result_set_id, name, bytes) VALUES (?, ?, ?)');
    for (const [column, bytes] of columns) insert.run(id, column, bytes);
    return id;
  });
  return getResultSetRecord(store, save());
}

export function listResultSets(store: Store): ResultSetRecord[] {
  return allRows(store.db.prepare(`SELECT ${SET_COLUMNS} FROM result_sets ORDER BY id`), setRowSchema, 'result_sets').map(recordOf);
}

export function getResultSetRecord(store: Store, id: number): ResultSetRecord {
  const row = oneRow(store.db.prepare(`SELECT ${SET_COLUMNS} FROM result_sets WHERE id = ?`), setRowSchema, 'result_sets', id);
  if (row === undefined) throw new StoreError(resultSetNotFound(id));
  return recordOf(row);
}

export function resultSetNotFound(id: number): Problem {
  return problem('store.result_set_not_found', `没有编号为 ${id} 的结果集`, `There is no results set #${id}`);
}

export function deleteResultSet(store: Store, id: number): boolean {
  return store.db.prepare('DELETE FROM result_sets WHERE id = ?').run(id).changes > 0;
}

const blobRowSchema = z.strictObject({ name: z.string(), bytes: z.instanceof(Uint8Array) });
const extraSchema = z.strictObject({ dictionaries: z.string(), reconciliation: z.string() });

/** The whole set, columns and all. */
export function loadResultSet(store: Store, id: number): { readonly record: ResultSetRecord; readonly set: ResultSet } {
  const record = getResultSetRecord(store, id);
  const { db } = store;
  const extra = oneRow(db.prepare('SELECT dictionaries, reconciliation FROM result_sets WHERE id = ?'), extraSchema, 'result_sets', id) as z.output<typeof extraSchema>;
  const row = oneRow(db.prepare('SELECT scenario FROM result_sets WHERE id = ?'), z.strictObject({ scenario: z.string() }), 'result_sets', id) as { scenario: string };
  const scenario = parseStoredJson(row.scenario, scenarioSchema, what(id, 'scenario'));
  const dictionaries = parseStoredJson(extra.dictionaries, dictionariesSchema, what(id, 'dictionaries'));
  const reconciliation: ResultReconciliationRow[] = parseStoredJson(extra.reconciliation, reconciliationSchema, what(id, 'reconciliation'));
  const blobs = new Map(allRows(db.prepare('SELECT name, bytes FROM result_columns WHERE result_set_id = ?'), blobRowSchema, 'result_columns', id).map((r) => [r.name, r.bytes]));
  const n = record.customers;
  const blob = (name: string): Uint8Array => {
    const bytes = blobs.get(name);
    if (bytes === undefined) throw new StoreError(storeIssues.corrupt(what(id, name)));
    return bytes;
  };
  const codesWithin = (codes: Int32Array | Int16Array, size: number, min: number, part: string): void => {
    for (let i = 0; i < codes.length; i++) {
      const x = codes[i] as number;
      if (x < min || x >= size) throw new StoreError(storeIssues.corrupt(what(id, part)));
    }
  };
  const idList = PackedIds.fromColumns(uint16s(blob('id_chars'), blob('id_chars').byteLength / 2, what(id, 'id_chars')), int32s(blob('id_offsets'), n + 1, what(id, 'id_offsets')));
  if (idList === null) throw new StoreError(storeIssues.corrupt(what(id, 'ids')));
  const reason = int32s(blob('reason'), n, what(id, 'reason'));
  codesWithin(reason, dictionaries.reasons.length, 0, 'reason');
  const tier = int16s(blob('tier'), n, what(id, 'tier'));
  codesWithin(tier, resultTierNames(scenario).length, RESULT_TIER_INELIGIBLE, 'tier');
  const category = (f: CategoryField): ResultCategory => {
    const codes = int32s(blob(f), n, what(id, f));
    codesWithin(codes, dictionaries.categories[f].length, 0, f);
    return { codes, names: dictionaries.categories[f] };
  };
  const customers: ResultCustomers = {
    ids: idList,
    eligible: uint8s(blob('eligible'), n, what(id, 'eligible')),
    reason,
    reasons: dictionaries.reasons,
    tenure: float64s(blob('tenure'), n, what(id, 'tenure')),
    money: Object.fromEntries(RESULT_MONEY_COLUMNS.map((k) => [k, float64s(blob(k), n, what(id, k))])) as ResultCustomers['money'],
    scores: Object.fromEntries(RESULT_SCORE_COLUMNS.map((k) => [k, float64s(blob(k), n, what(id, k))])) as ResultCustomers['scores'],
    tier,
    categories: Object.fromEntries(CATEGORY_FIELDS.map((f) => [f, category(f)])) as ResultCustomers['categories'],
  };
  return { record, set: { scenario, month: record.month, customers, reconciliation, files: record.files } };
}
