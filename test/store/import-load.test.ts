/** Import → load gives exactly the ModelInput that reading the same files gives. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { factSource } from '../../core/store/fact-source.js';
import { importInput } from '../../core/store/import-input.js';
import { listImports } from '../../core/store/imports-catalog.js';
import { loadModelInput } from '../../core/store/load-model-input.js';
import type { Store } from '../../core/store/open-store.js';
import { StoreError } from '../../core/store/store-errors.js';
import { MINI, tempDir } from '../support/paths.js';
import { rmSync } from 'node:fs';
import { expectSameInput } from './same-input.js';
import { writeSplitSample } from './split-sample.js';
import { FROZEN_AT, memoryStore, readOk, TEST_VERSION } from './store-fixtures.js';

let store: Store;
afterEach(() => store.close());

describe('import then load', () => {
  it('gives back the mini example exactly', async () => {
    store = memoryStore();
    const read = await readOk([MINI]);
    importInput(store, { input: read.input, files: read.report.files });
    expectSameInput(loadModelInput(store), read.input);
  });

  it('records each file as a dataset with its provenance', async () => {
    store = memoryStore();
    const read = await readOk([MINI]);
    const summary = importInput(store, { input: read.input, files: read.report.files });
    expect(summary).toMatchObject({ id: 1, importedAt: FROZEN_AT, appVersion: TEST_VERSION, months: ['2026-01', '2026-02', '2026-03'] });
    expect(summary.datasets.map((d) => [d.file, d.kind, d.rows, d.sha256])).toEqual(read.report.files.map((f) => [f.file, f.kind, f.rows, f.sha256]));
    expect(listImports(store)).toEqual([summary]);
    expect(factSource(store, '001', '2026-02')?.id).toBe(1);
    expect(factSource(store, '001', '2025-12')).toBeNull();
    expect(factSource(store, 'nobody', '2026-02')).toBeNull();
  });

  it('refuses to load an empty knowledge base with a bilingual error', () => {
    store = memoryStore();
    expect(() => loadModelInput(store)).toThrow(expect.objectContaining({ code: 'store.empty', zh: expect.any(String), en: expect.any(String) }) as StoreError);
  });
});

describe('a sample province imported in two parts by month', () => {
  const dir = tempDir('store-split');
  let all: string;
  let parts: string[];

  beforeAll(async () => {
    ({ all, parts } = await writeSplitSample(dir, 2000, [['2026-06', '2026-07'], ['2026-08', '2026-09']]));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loads exactly what reading all the files at once gives', async () => {
    store = memoryStore();
    for (const part of parts) {
      const read = await readOk([part]);
      importInput(store, { input: read.input, files: read.report.files });
    }
    expect(listImports(store).map((i) => i.months)).toEqual([['2026-06', '2026-07'], ['2026-08', '2026-09']]);
    expectSameInput(loadModelInput(store), (await readOk([all])).input);
  });

  it('gives the same in whichever order the parts were imported', async () => {
    store = memoryStore();
    for (const part of [...parts].reverse()) {
      const read = await readOk([part]);
      importInput(store, { input: read.input, files: read.report.files });
    }
    expectSameInput(loadModelInput(store), (await readOk([all])).input);
  });
});
