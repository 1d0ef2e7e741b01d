/**
 * Results sets in the knowledge base: a set reads back exactly as it was read from its files,
 * deleting it removes its columns, and a damaged set (a BLOB of the wrong size, a code outside
 * its dictionary, JSON that does not fit) is refused as damaged instead of shown.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readResultSet } from '../../core/io/results/read-result-set.js';
import type { ResultSet } from '../../core/model/result-set.js';
import { openStore, type Store } from '../../core/store/open-store.js';
import { deleteResultSet, listResultSets, loadResultSet, saveResultSet } from '../../core/store/result-sets.js';
import { StoreError } from '../../core/store/store-errors.js';
import { cvalue } from '../support/cvalue.js';
import { MINI, tempDir } from '../support/paths.js';

const dir = tempDir('result-sets-store');
let set: ResultSet;
let store: Store;

function damageCode(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    if (e instanceof StoreError) return e.code;
    throw e;
  }
  return 'not refused';
}

beforeAll(async () => {
  const out = join(dir, 'mini');
  expect((await cvalue('run', '--data', MINI, '--scenario', join(MINI, 'scenario_mini.json'), '--out-dir', out)).code).toBe(0);
  const read = await readResultSet([out]);
  if (!read.ok) throw new Error('mini results did not read');
  set = read.set;
  store = openStore(join(dir, 'kb.db'), { now: () => new Date('2026-11-23T08:00:00Z') });
}, 120_000);

afterAll(() => store.close());

describe('results sets in the knowledge base', () => {
  it('reads a set back exactly, with its provenance', () => {
    const record = saveResultSet(store, set);
    expect(record).toMatchObject({ name: 'mini 2026-03', month: '2026-03', scenarioName: 'mini', customers: 4, importedAt: '2026-11-23T08:00:00.000Z' });
    const loaded = loadResultSet(store, record.id);
    expect(loaded.record).toEqual(record);
    expect(loaded.set.scenario).toEqual(set.scenario);
    expect(loaded.set.reconciliation).toEqual(set.reconciliation);
    expect(loaded.set.files).toEqual(set.files);
    const { ids, ...columns } = loaded.set.customers;
    const { ids: originalIds, ...originalColumns } = set.customers;
    expect(columns).toEqual(originalColumns);
    expect(Array.from({ length: ids.length }, (_, i) => ids.at(i))).toEqual(Array.from({ length: originalIds.length }, (_, i) => originalIds.at(i)));
    expect(listResultSets(store)).toEqual([record]);
  });

  it('deletes a set with its columns', () => {
    const record = saveResultSet(store, set, '另一批');
    expect(record.name).toBe('另一批');
    expect(deleteResultSet(store, record.id)).toBe(true);
    expect(deleteResultSet(store, record.id)).toBe(false);
    // A deleted set's id is never given to another: `results report <id>` must not reach a different set.
    expect(saveResultSet(store, set).id).toBeGreaterThan(record.id);
    expect(store.db.prepare('SELECT count(*) FROM result_columns WHERE result_set_id = ?').pluck().get(record.id)).toBe(0);
    expect(damageCode(() => loadResultSet(store, record.id))).toBe('store.result_set_not_found');
  });

  it('refuses a damaged set', () => {
    const damage = (sql: string, ...params: unknown[]): string => {
      const { id } = saveResultSet(store, set);
      store.db.prepare(sql).run(...params, id);
      return damageCode(() => loadResultSet(store, id));
    };
    expect(damage("UPDATE result_columns SET bytes = zeroblob(3) WHERE name = 'avg_profit' AND result_set_id = ?")).toBe('store.corrupt');
    expect(damage("DELETE FROM result_columns WHERE name = 'tier' AND result_set_id = ?")).toBe('store.corrupt');
    // Branch codes of 99 in a set with two branches.
    expect(damage("UPDATE result_columns SET bytes = ? WHERE name = 'branch' AND result_set_id = ?", Buffer.from(new Int32Array([99, 99, 99, 99]).buffer))).toBe('store.corrupt');
    // Ids out of order (the ids 001…004 written backwards) or offsets that do not fit their characters.
    expect(damage("UPDATE result_columns SET bytes = ? WHERE name = 'id_chars' AND result_set_id = ?", Buffer.from(new Uint16Array([...'004003002001'].map((ch) => ch.charCodeAt(0))).buffer))).toBe('store.corrupt');
    expect(damage("UPDATE result_columns SET bytes = ? WHERE name = 'id_offsets' AND result_set_id = ?", Buffer.from(new Int32Array([0, 3, 2, 9, 12]).buffer))).toBe('store.corrupt');
    expect(damage("UPDATE result_sets SET reconciliation = '[{\"pool\": 1}]' WHERE id = ?")).toBe('store.corrupt');
    expect(damage("UPDATE result_sets SET scenario = '{\"tiers\": []}' WHERE id = ?")).toBe('store.corrupt');
  });
});
