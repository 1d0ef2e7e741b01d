/** Importing files: same-file detection, deletion, conflicts across imports, and failures that leave the database unchanged. */
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { importFiles, type ImportFilesResult } from '../../core/store/import-files.js';
import { deleteImport, listImports } from '../../core/store/imports-catalog.js';
import { loadModelInput } from '../../core/store/load-model-input.js';
import type { Store } from '../../core/store/open-store.js';
import { StoreError } from '../../core/store/store-errors.js';
import { MINI, tempDir } from '../support/paths.js';
import { expectSameInput } from './same-input.js';
import { FROZEN_AT, memoryStore, readOk, snapshot } from './store-fixtures.js';

const dir = tempDir('store-import');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let folders = 0;

/** A folder of CSV files: name → content. */
function folder(files: Record<string, string>): string {
  const path = join(dir, `f${++folders}`);
  mkdirSync(path);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(path, name), text);
  return path;
}

function miniCopy(): string {
  const path = join(dir, `mini${++folders}`);
  mkdirSync(path);
  for (const f of ['usage.csv', 'settlement.csv', 'individual_costs.csv', 'credit.csv', 'cost_pools.csv', 'campaigns.csv']) cpSync(join(MINI, f), join(path, f));
  return path;
}

function imported(result: ImportFilesResult): Extract<ImportFilesResult, { status: 'imported' }> {
  if (result.status !== 'imported') throw new Error(`expected an import, got ${result.status}`);
  return result;
}

async function thrown(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  throw new Error('expected an error');
}

let store: Store;
afterEach(() => store.close());

describe('a file imported again (same SHA-256)', () => {
  it('is skipped by default, with the date of the earlier import', async () => {
    store = memoryStore();
    const mini = miniCopy();
    imported(await importFiles(store, [mini]));
    const before = snapshot(store);
    const again = await importFiles(store, [mini]);
    expect(again.status).toBe('unchanged');
    expect(again.skipped).toHaveLength(6);
    expect(again.skipped[0]?.earlier).toMatchObject({ importId: 1, importedAt: FROZEN_AT });
    expect(snapshot(store)).toEqual(before);
  });

  it('is skipped while the new files beside it are imported', async () => {
    store = memoryStore();
    const mini = miniCopy();
    imported(await importFiles(store, [mini]));
    writeFileSync(join(mini, 'usage_2026-04.csv'), 'customer_id,month,billed_revenue\n001,2026-04,90\n');
    const result = imported(await importFiles(store, [mini]));
    expect(result.skipped).toHaveLength(6);
    expect(result.imported.datasets.map((d) => d.file)).toEqual([join(mini, 'usage_2026-04.csv')]);
    expect(result.imported.months).toEqual(['2026-04']);
  });

  it('replaces the earlier import with replace', async () => {
    store = memoryStore();
    const mini = miniCopy();
    imported(await importFiles(store, [mini]));
    const result = imported(await importFiles(store, [mini], { replace: true }));
    expect(result.replaced.map((r) => r.id)).toEqual([1]);
    expect(listImports(store).map((i) => i.id)).toEqual([2]);
    expectSameInput(loadModelInput(store), (await readOk([mini])).input);
  });
});

describe('deleting an import', () => {
  it('removes its datasets, facts, pools and participants and leaves the others', async () => {
    store = memoryStore();
    const first = imported(await importFiles(store, [miniCopy()]));
    const secondDir = folder({
      'usage.csv': 'customer_id,month,billed_revenue\n009,2026-04,10\n',
      'cost_pools.csv': 'pool,month,amount,scope\nP,2026-04,9.00,\n',
      'campaigns.csv': 'customer_id,campaign,start_month,cost\n009,春季活动,2026-04,3\n',
    });
    const second = imported(await importFiles(store, [secondDir]));

    expect(deleteImport(store, first.imported.id).datasets).toHaveLength(6);
    expect(listImports(store).map((i) => i.id)).toEqual([second.imported.id]);
    for (const table of ['datasets', 'fact_tables', 'fact_months', 'fact_columns', 'cost_pools', 'campaign_participants']) {
      const counts = store.db.prepare(`SELECT count(*) FROM ${table} WHERE import_id = ?`);
      expect(counts.pluck().get(first.imported.id), table).toBe(0);
    }
    expectSameInput(loadModelInput(store), (await readOk([secondDir])).input);
  });

  it('of an unknown id is a bilingual error', () => {
    store = memoryStore();
    expect(() => deleteImport(store, 7)).toThrow(StoreError);
  });
});

describe('an import that fails leaves the database unchanged', () => {
  it('when a file has errors (nothing of any file is written)', async () => {
    store = memoryStore();
    imported(await importFiles(store, [miniCopy()]));
    const before = snapshot(store);
    const bad = folder({
      'usage.csv': 'customer_id,month,billed_revenue\n010,2026-05,10\n011,2026-05,abc\n',
      'cost_pools.csv': 'pool,month,amount,scope\nP,2026-05,9.00,\n',
    });
    const result = await importFiles(store, [bad]);
    expect(result.status).toBe('invalid');
    if (result.status !== 'invalid') return;
    expect(result.report.problems[0]).toMatchObject({ file: join(bad, 'usage.csv'), row: 3, column: 'billed_revenue', value: 'abc' });
    expect(snapshot(store)).toEqual(before);
  });

  it.each([
    ['a customer-month', { 'usage.csv': 'customer_id,month,billed_revenue\n001,2026-03,1\n' }, /001.*2026-03/],
    ['a pool month', { 'usage.csv': 'customer_id,month,billed_revenue\n010,2026-04,1\n', 'cost_pools.csv': 'pool,month,amount,scope\nQ,2026-03,1.00,\n' }, /"Q" for 2026-03/],
    ['a campaign participant', { 'usage.csv': 'customer_id,month,billed_revenue\n010,2026-04,1\n', 'campaigns.csv': 'customer_id,campaign,start_month,cost\n004,测试活动,2026-04,1\n' }, /004 of campaign "测试活动"/],
  ])('when %s is already held by an earlier import (conflict, refused)', async (_, files, message) => {
    store = memoryStore();
    imported(await importFiles(store, [miniCopy()]));
    const before = snapshot(store);
    const error = await thrown(importFiles(store, [folder(files)]));
    expect(error).toBeInstanceOf(StoreError);
    expect(error).toMatchObject({ code: 'store.import_conflict', en: expect.stringMatching(message), zh: expect.stringContaining('导入 #1') });
    expect(snapshot(store)).toEqual(before);
  });

  it('when the transaction fails halfway through writing the facts', async () => {
    store = memoryStore();
    imported(await importFiles(store, [miniCopy()]));
    const before = snapshot(store);
    const next = folder({ 'usage.csv': 'customer_id,month,billed_revenue\n010,2026-04,1\n' });
    const error = await thrown(
      importFiles(store, [next], {
        onProgress: (p) => {
          if (p.stage === 'facts' && p.done === 5) throw new Error('disk full');
        },
      }),
    );
    expect(error).toEqual(new Error('disk full'));
    expect(snapshot(store)).toEqual(before);
  });
});
