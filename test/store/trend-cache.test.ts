/**
 * Trends in the knowledge base: stored and read back exactly, keyed by the data fingerprint,
 * emptied by an import or delete, bounded in entries and bytes, and every kind of damaged or
 * foreign entry rejected (and deleted) instead of reaching the screens.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AggregateRow } from '../../core/engine/aggregates.js';
import { computeTrend, type Trend } from '../../core/engine/trend/trend.js';
import { trendMonths } from '../../core/engine/trend/trend-months.js';
import type { ModelInput } from '../../core/model/dataset.js';
import { monthKey } from '../../core/model/month.js';
import { scenarioSchema, type Scenario } from '../../core/model/scenario.js';
import { dataFingerprint, fingerprintOf } from '../../core/store/data-fingerprint.js';
import { importFiles } from '../../core/store/import-files.js';
import { deleteImport, listImports } from '../../core/store/imports-catalog.js';
import { loadModelInput } from '../../core/store/load-model-input.js';
import type { Store } from '../../core/store/open-store.js';
import { readStoredTrend, storedTrendCount, writeStoredTrend, type StoredTrendKey, type TrendExpectation } from '../../core/store/trend-cache.js';
import { tempDir } from '../support/paths.js';
import { writeSplitSample } from './split-sample.js';
import { fileStore, memoryStore } from './store-fixtures.js';

const dir = tempDir('trend-cache');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let parts: string[];
// A one-month window, so every loaded month is a full-window trend month.
const scenario: Scenario = scenarioSchema.parse({ name: 'cache', trend_months: 4, window: 1 });

beforeAll(async () => {
  ({ parts } = await writeSplitSample(dir, 150, [['2026-01', '2026-02', '2026-03', '2026-04', '2026-05'], ['2026-06']]));
}, 60_000);

async function importPart(store: Store, part: number): Promise<void> {
  const result = await importFiles(store, [parts[part] as string]);
  if (result.status !== 'imported') throw new Error(`part ${part} was not imported: ${result.status}`);
}

interface Loaded {
  readonly input: ModelInput;
  readonly key: StoredTrendKey;
  readonly expected: TrendExpectation;
  readonly trend: Trend;
}

function load(store: Store, s: Scenario = scenario): Loaded {
  const input = loadModelInput(store);
  const fingerprint = fingerprintOf(input);
  if (fingerprint === undefined) throw new Error('loadModelInput did not record the fingerprint');
  const months = trendMonths(input, s);
  return { input, key: { fingerprint, scenarioKey: JSON.stringify({ ...s, name: null }) }, expected: { facts: input.facts, months }, trend: computeTrend(input, s, months) };
}

function loadedTrend(store: Store, l: Loaded): Trend {
  const read = readStoredTrend(store, l.key, l.expected);
  if (read.status !== 'loaded') throw new Error(`expected a stored trend, got ${JSON.stringify(read)}`);
  return read.trend;
}

function expectRejected(store: Store, l: Loaded, reason: RegExp): void {
  const read = readStoredTrend(store, l.key, l.expected);
  expect(read).toEqual({ status: 'rejected', reason: expect.stringMatching(reason) });
  // Deleted, so the next call recomputes and stores it once more.
  expect(storedTrendCount(store)).toBe(0);
  expect(readStoredTrend(store, l.key, l.expected)).toEqual({ status: 'missing' });
}

describe('a stored trend', () => {
  let store: Store;
  let l: Loaded;
  beforeEach(async () => {
    store = memoryStore();
    await importPart(store, 0);
    l = load(store);
  });

  it('is read back equal to the computed one, typed arrays and group rows included', () => {
    expect(readStoredTrend(store, l.key, l.expected)).toEqual({ status: 'missing' });
    expect(writeStoredTrend(store, l.key, l.trend)).toBe(true);
    const back = loadedTrend(store, l);
    expect(back).toEqual(l.trend);
    expect(back.months.map((m) => monthKey(m.month))).toEqual(['2026-02', '2026-03', '2026-04', '2026-05']);
    expect(back.months[0]?.value).toBeInstanceOf(Float64Array);
    expect(back.months[0]?.tier).toBeInstanceOf(Int16Array);
    expect(back.months[0]?.inTable).toBeInstanceOf(Uint8Array);
    expect(back.months.at(-1)?.inTable.reduce((s, x) => s + x, 0)).toBeGreaterThan(0);
    store.close();
  });

  it('keeps NaN, ±Infinity and −0 in the group rows exactly', () => {
    const first = l.trend.months[0];
    const row = first?.groups.plan[0];
    if (first === undefined || row === undefined) throw new Error('no plan rows');
    const odd: AggregateRow = { ...row, margin: NaN, meanValue: Infinity, negativeShare: -Infinity, loss: -0 };
    const trend: Trend = { ...l.trend, months: [{ ...first, groups: { ...first.groups, plan: [odd, ...first.groups.plan.slice(1)] } }, ...l.trend.months.slice(1)] };
    writeStoredTrend(store, l.key, trend);
    const back = loadedTrend(store, l).months[0]?.groups.plan[0];
    expect(back?.margin).toBeNaN();
    expect(back?.meanValue).toBe(Infinity);
    expect(back?.negativeShare).toBe(-Infinity);
    expect(Object.is(back?.loss, -0)).toBe(true);
    store.close();
  });

  it('is keyed by the scenario', () => {
    writeStoredTrend(store, l.key, l.trend);
    const other = load(store, { ...scenario, trend_months: 3 });
    expect(readStoredTrend(store, other.key, other.expected)).toEqual({ status: 'missing' });
    writeStoredTrend(store, other.key, other.trend);
    expect(loadedTrend(store, other).months).toHaveLength(3);
    expect(loadedTrend(store, l).months).toHaveLength(4);
    store.close();
  });

  it('is not written when the data changed since it was loaded', async () => {
    await importPart(store, 1);
    expect(dataFingerprint(store.db)).not.toBe(l.key.fingerprint);
    expect(writeStoredTrend(store, l.key, l.trend)).toBe(false);
    expect(storedTrendCount(store)).toBe(0);
    store.close();
  });

  it('is dropped by an import and by a delete', async () => {
    writeStoredTrend(store, l.key, l.trend);
    await importPart(store, 1);
    expect(storedTrendCount(store)).toBe(0);
    const after = load(store);
    expect(after.key.fingerprint).not.toBe(l.key.fingerprint);
    writeStoredTrend(store, after.key, after.trend);
    expect(storedTrendCount(store)).toBe(1);
    deleteImport(store, listImports(store).at(-1)?.id as number);
    expect(storedTrendCount(store)).toBe(0);
    // Back to the first import alone: the same data again, but its old entry is gone for good.
    expect(dataFingerprint(store.db)).not.toBe(after.key.fingerprint);
    store.close();
  });

  it('replaces entries of other data when a new one is written', () => {
    writeStoredTrend(store, { ...l.key, fingerprint: 'f'.repeat(64) }, l.trend);
    writeStoredTrend(store, l.key, l.trend);
    expect(store.db.prepare('SELECT data_fingerprint FROM trend_cache').pluck().all()).toEqual([l.key.fingerprint]);
    store.close();
  });

  it('keeps at most `entries` entries and `bytes` bytes, least recently used out, the newest always', () => {
    const keyOf = (name: string): StoredTrendKey => ({ ...l.key, scenarioKey: name });
    const limits = { entries: 2, bytes: 1e12 };
    const keys = (): unknown[] => store.db.prepare('SELECT scenario_key FROM trend_cache ORDER BY used').pluck().all();
    writeStoredTrend(store, keyOf('a'), l.trend, limits);
    writeStoredTrend(store, keyOf('b'), l.trend, limits);
    expect(readStoredTrend(store, keyOf('a'), l.expected).status).toBe('loaded');
    writeStoredTrend(store, keyOf('c'), l.trend, limits);
    expect(keys()).toEqual(['a', 'c']);
    const oneEntry = z(store.db.prepare('SELECT bytes FROM trend_cache LIMIT 1').pluck().get());
    expect(oneEntry).toBe(l.trend.months.length * l.input.facts.customerIds.length * 27);
    writeStoredTrend(store, keyOf('d'), l.trend, { entries: 10, bytes: oneEntry * 1.5 });
    expect(keys()).toEqual(['d']);
    writeStoredTrend(store, keyOf('e'), l.trend, { entries: 10, bytes: 1 });
    expect(keys()).toEqual(['e']);
    store.close();
  });
});

function z(x: unknown): number {
  if (typeof x !== 'number') throw new Error(`not a number: ${String(x)}`);
  return x;
}

describe('a damaged or foreign entry', () => {
  let store: Store;
  let l: Loaded;
  beforeEach(async () => {
    store = memoryStore();
    await importPart(store, 0);
    l = load(store);
    writeStoredTrend(store, l.key, l.trend);
  });

  const corruptions: [string, string, RegExp][] = [
    ['a BLOB cut short', "UPDATE trend_cache_months SET value = substr(value, 1, 16) WHERE position = 1", /value/],
    ['a BLOB of another type', 'UPDATE trend_cache_months SET tier = avg_profit WHERE position = 0', /tier/],
    ['a tier out of range', "UPDATE trend_cache_months SET tier = zeroblob(length(tier)) || x'' WHERE position = 2; UPDATE trend_cache SET tier_names = '[]'", /tier/],
    ['an in_table byte other than 0/1', 'UPDATE trend_cache_months SET in_table = randomblob(length(in_table)) WHERE position = 0', /in_table|tier/],
    ['a text where a BLOB belongs', "UPDATE trend_cache_months SET credit = 'x' WHERE position = 3", /schema/],
    ['group rows that do not fit', `UPDATE trend_cache_months SET groups = '{"plan":[{"group":"x"}],"branch":[],"channel":[]}' WHERE position = 0`, /groups/],
    ['group rows that are not JSON', "UPDATE trend_cache_months SET groups = '{' WHERE position = 0", /groups/],
    ['tier names that are not JSON', "UPDATE trend_cache SET tier_names = 'A,B'", /tier_names/],
    ['a missing month row', 'DELETE FROM trend_cache_months WHERE position = 2', /months/],
    ['a month row of another month', "UPDATE trend_cache_months SET month = '2020-01' WHERE position = 1", /month row/],
    ['another customer count', 'UPDATE trend_cache SET customer_count = customer_count + 1', /customers/],
    ['another layout', 'UPDATE trend_cache SET layout = layout + 1', /layout/],
    ['a header that does not fit the schema', "UPDATE trend_cache SET customer_count = 'many'", /entry row/],
  ];

  for (const [what, sql, reason] of corruptions) {
    it(`is rejected and deleted: ${what}`, () => {
      store.db.exec(sql);
      expectRejected(store, l, reason);
      store.close();
    });
  }

  it('is rejected when the data has another month list than the entry', () => {
    const read = readStoredTrend(store, l.key, { ...l.expected, months: l.expected.months.slice(1) });
    expect(read.status).toBe('rejected');
    store.close();
  });

  it('is rejected after an upgrade (another app version wrote it)', async () => {
    const path = join(dir, 'versions.db');
    const older = fileStore(path, { appVersion: '0.0.1' });
    await importPart(older, 0);
    const ol = load(older);
    writeStoredTrend(older, ol.key, ol.trend);
    expect(loadedTrend(older, ol)).toEqual(ol.trend);
    older.close();
    const newer = fileStore(path, { appVersion: '0.0.2' });
    expectRejected(newer, load(newer), /version 0\.0\.1/);
    newer.close();
    store.close();
  });
});
