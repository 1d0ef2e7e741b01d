/** Scenarios, runs and column-mapping templates kept in the knowledge base, and JSON checked when read back. */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { columnMapping } from '../../core/model/column-mapping.js';
import { defaultScenario } from '../../core/model/scenario.js';
import { deleteColumnMapping, listColumnMappings, saveColumnMapping } from '../../core/store/column-mappings.js';
import { importFiles } from '../../core/store/import-files.js';
import { listImports } from '../../core/store/imports-catalog.js';
import type { Store } from '../../core/store/open-store.js';
import { listRuns, recordRun } from '../../core/store/runs.js';
import { deleteScenario, findScenario, listScenarios, saveScenario } from '../../core/store/scenarios.js';
import { StoreError } from '../../core/store/store-errors.js';
import { tempDir } from '../support/paths.js';
import { FROZEN_AT, memoryStore } from './store-fixtures.js';

let store: Store;
afterEach(() => store.close());

describe('scenarios', () => {
  it('are saved by name, replaced by a save under the same name, listed and deleted', () => {
    store = memoryStore();
    const a = saveScenario(store, { ...defaultScenario(), name: '方案A' });
    saveScenario(store, { ...defaultScenario(), name: '方案B', window: 6 });
    const again = saveScenario(store, { ...defaultScenario(), name: '方案A', min_tenure: 6 });
    expect(again.id).toBe(a.id);
    expect(findScenario(store, '方案A')).toEqual({ id: a.id, scenario: { ...defaultScenario(), name: '方案A', min_tenure: 6 }, updatedAt: FROZEN_AT });
    expect(listScenarios(store).map((s) => s.scenario.name)).toEqual(['方案A', '方案B']);
    expect(deleteScenario(store, '方案B')).toBe(true);
    expect(findScenario(store, '方案B')).toBeNull();
  });

  it('read back through the scenario schema: a stored scenario that no longer fits is a store error', () => {
    store = memoryStore();
    saveScenario(store, { ...defaultScenario(), name: 'x' });
    store.db.prepare("UPDATE scenarios SET scenario = json_set(scenario, '$.window', 0)").run();
    expect(() => findScenario(store, 'x')).toThrow(expect.objectContaining({ code: 'store.corrupt' }) as StoreError);
  });
});

describe('runs', () => {
  it('keep the scenario as it was run, even after it is deleted', () => {
    store = memoryStore();
    const saved = saveScenario(store, { ...defaultScenario(), name: 'A' });
    const run = recordRun(store, { scenarioId: saved.id, scenario: saved.scenario, month: '2026-09', summary: { customers: 4, eligible: 3, tiers: { A: 1 } } });
    deleteScenario(store, 'A');
    expect(listRuns(store)).toEqual([{ ...run, scenarioId: null }]);
    expect(run.createdAt).toBe(FROZEN_AT);
  });

  it('refuse a summary that is not JSON when read back', () => {
    store = memoryStore();
    recordRun(store, { scenarioId: null, scenario: defaultScenario(), month: '2026-09', summary: {} });
    store.db.prepare("UPDATE runs SET summary = '{not json'").run();
    expect(() => listRuns(store)).toThrow(StoreError);
  });
});

describe('column mapping templates', () => {
  const dir = tempDir('store-mappings');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('are saved by header signature, replaced, listed and deleted', () => {
    store = memoryStore();
    const headers = ['号码', '账期', '本月费用'];
    saveColumnMapping(store, columnMapping(headers, { 号码: 'customer_id', 账期: 'month', 本月费用: null }));
    const changed = columnMapping(headers, { 号码: 'customer_id', 账期: 'month', 本月费用: 'billed_revenue' });
    saveColumnMapping(store, changed);
    expect(listColumnMappings(store)).toEqual([changed]);
    expect(deleteColumnMapping(store, changed.signature)).toBe(true);
    expect(listColumnMappings(store)).toEqual([]);
  });

  it('are applied to the next import of a sheet with those headers', async () => {
    store = memoryStore();
    const headers = ['号码', '账期', '本月费用'];
    saveColumnMapping(store, columnMapping(headers, { 号码: 'customer_id', 账期: 'month', 本月费用: 'billed_revenue' }));
    const folder = join(dir, 'september');
    mkdirSync(folder);
    writeFileSync(join(folder, 'usage.csv'), `${headers.join(',')}\n001,2026-09,88.5\n`);
    const result = await importFiles(store, [folder]);
    expect(result.status).toBe('imported');
    const [imported] = listImports(store);
    expect(imported?.factRows).toBe(1);
    expect(imported?.datasets[0]?.mapping).toMatchObject({ mappedByTemplate: true, fields: { 本月费用: 'billed_revenue' } });
  });
});
