/**
 * Computed trends in the knowledge base (issue 6), so that re-opening a trend after a restart is
 * a few BLOB reads instead of a model run per month. An entry is keyed by the data fingerprint
 * (data-fingerprint.ts) and the scenario key; it is derived data, so anything doubtful about it
 * (another build or layout, another customer count or month list, a BLOB of the wrong size, JSON
 * that does not fit) makes it "rejected": it is deleted and the caller computes the trend anew.
 *
 * Size: 27 bytes per customer per month (in table 1, value 8, tier 2, avg profit 8, credit 8;
 * the arrears are a fact of the data and are read from it again), so ~160 MB for a million
 * customers × 6 months. At most TREND_CACHE_LIMITS.entries entries and about
 * TREND_CACHE_LIMITS.bytes of BLOBs are kept (the newest entry always), least recently used
 * first out; every import or delete empties the cache in its own transaction.
 */
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import type { AggregateRow } from '../engine/aggregates.js';
import { monthArrears } from '../engine/trend/month-arrears.js';
import { TREND_GROUPINGS, type Trend, type TrendGrouping, type TrendMonth } from '../engine/trend/trend.js';
import type { FactTable } from '../model/dataset.js';
import { monthKey } from '../model/month.js';
import type { Bilingual } from '../model/messages.js';
import { bytesOf, float64s, int16s, uint8s } from './column-bytes.js';
import { dataFingerprint } from './data-fingerprint.js';
import type { Store } from './open-store.js';
import { allRows, oneRow } from './sql-rows.js';
import { StoreError } from './store-errors.js';
import { parseStoredJson } from './stored-json.js';

/** The layout of an entry; raise it when what is stored or how it is encoded changes. */
export const TREND_CACHE_LAYOUT = 1;

export interface TrendCacheLimits {
  readonly entries: number;
  readonly bytes: number;
}

export const TREND_CACHE_LIMITS: TrendCacheLimits = { entries: 4, bytes: 1024 * 1024 * 1024 };

export interface StoredTrendKey {
  /** dataFingerprint() of the data the trend was computed from. */
  readonly fingerprint: string;
  /** trendKey(scenario) (trend-handlers.ts). */
  readonly scenarioKey: string;
}

export type StoredTrendRead =
  | { readonly status: 'missing' }
  | { readonly status: 'loaded'; readonly trend: Trend }
  /** The entry was there but not usable (it has been deleted); `reason` says why, for logs and tests. */
  | { readonly status: 'rejected'; readonly reason: string };

/** The loaded data, and what it says a trend of it must look like. */
export interface TrendExpectation {
  readonly facts: FactTable;
  /** The evaluation months, ascending (trendMonths()). */
  readonly months: readonly number[];
}

// JSON has no NaN, ±Infinity or −0, and the aggregate rows hold NaN (margin, mean value) and
// may hold −0 (a sum of negative zeros): those are written as strings and read back exactly.
function encodeNumber(_key: string, v: unknown): unknown {
  if (typeof v !== 'number') return v;
  if (Object.is(v, -0)) return '-0';
  return Number.isFinite(v) ? v : String(v);
}

const storedNumber = z.union([z.number(), z.enum(['NaN', 'Infinity', '-Infinity', '-0'])]).transform((v) => (typeof v === 'number' ? v : Number(v)));

const aggregateRowSchema: z.ZodType<AggregateRow, unknown> = z.strictObject({
  group: z.string(),
  customers: storedNumber,
  eligible: storedNumber,
  sumAvgRevenue: storedNumber,
  sumAvgSettlementCost: storedNumber,
  sumAvgIndividualCost: storedNumber,
  sumAvgAllocated: storedNumber,
  sumAvgProfit: storedNumber,
  margin: storedNumber,
  negativeCount: storedNumber,
  negativeShare: storedNumber,
  loss: storedNumber,
  meanValue: storedNumber,
  lossMakingPlan: z.boolean(),
  settlementInverted: z.boolean(),
});

const groupsSchema = z.strictObject({ plan: z.array(aggregateRowSchema), branch: z.array(aggregateRowSchema), channel: z.array(aggregateRowSchema) });
const tierNamesSchema = z.array(z.string());

const entryRowSchema = z.strictObject({
  id: z.number().int(),
  app_version: z.string(),
  layout: z.number().int(),
  customer_count: z.number().int(),
  tier_names: z.string(),
  month_count: z.number().int(),
});

const blob = z.instanceof(Uint8Array);
const monthRowSchema = z.strictObject({
  position: z.number().int(),
  month: z.string(),
  groups: z.string(),
  in_table: blob,
  value: blob,
  tier: blob,
  avg_profit: blob,
  credit: blob,
});

class Rejected extends Error {}

function rejectUnless(condition: boolean, reason: string): asserts condition {
  if (!condition) throw new Rejected(reason);
}

/** The column readers throw StoreError on a size mismatch; here that is a rejection, not a failure. */
function columnOf<T>(read: (bytes: Uint8Array, length: number, what: Bilingual) => T, bytes: Uint8Array, length: number, name: string): T {
  try {
    return read(bytes, length, { zh: `趋势缓存的 ${name} 列`, en: `trend cache column ${name}` });
  } catch {
    throw new Rejected(`${name}: ${bytes.byteLength} bytes for ${length} customers`);
  }
}

function monthOf(row: z.output<typeof monthRowSchema>, month: number, facts: FactTable, tierCount: number): TrendMonth {
  const count = facts.customerIds.length;
  const inTable = columnOf(uint8s, row.in_table, count, 'in_table');
  const tier = columnOf(int16s, row.tier, count, 'tier');
  for (let c = 0; c < count; c++) {
    // Indexes the screens and the warnings rely on: 0/1, and a tier name or one of the two markers (−1, −2).
    rejectUnless((inTable[c] as number) <= 1, 'in_table: not 0/1');
    const t = tier[c] as number;
    rejectUnless(t >= -2 && t < tierCount, 'tier: out of range');
  }
  let groups: z.output<typeof groupsSchema>;
  try {
    groups = parseStoredJson(row.groups, groupsSchema, { zh: '趋势缓存的分组', en: 'trend cache groups' });
  } catch {
    throw new Rejected('groups: not valid');
  }
  return {
    month,
    inTable,
    value: columnOf(float64s, row.value, count, 'value'),
    tier,
    avgProfit: columnOf(float64s, row.avg_profit, count, 'avg_profit'),
    credit: columnOf(float64s, row.credit, count, 'credit'),
    arrears: monthArrears(facts, month),
    groups,
  };
}

function deleteEntry(db: Database, id: number): void {
  db.prepare('DELETE FROM trend_cache WHERE id = ?').run(id);
}

function readEntry(store: Store, id: number, row: z.output<typeof entryRowSchema>, expected: TrendExpectation): Trend {
  rejectUnless(row.app_version === store.appVersion, `written by version ${row.app_version}`);
  rejectUnless(row.layout === TREND_CACHE_LAYOUT, `layout ${row.layout}`);
  const count = expected.facts.customerIds.length;
  rejectUnless(row.customer_count === count, `${row.customer_count} customers, the data has ${count}`);
  rejectUnless(row.month_count === expected.months.length, `${row.month_count} months, expected ${expected.months.length}`);
  let tierNames: string[];
  try {
    tierNames = parseStoredJson(row.tier_names, tierNamesSchema, { zh: '趋势缓存的价值分层', en: 'trend cache tier names' });
  } catch {
    throw new Rejected('tier_names: not valid');
  }
  const statement = store.db.prepare('SELECT position, month, groups, in_table, value, tier, avg_profit, credit FROM trend_cache_months WHERE trend_id = ? ORDER BY position');
  const months: TrendMonth[] = [];
  for (const raw of statement.iterate(id)) {
    const parsed = monthRowSchema.safeParse(raw);
    rejectUnless(parsed.success, 'a month row does not fit the schema');
    const position = months.length;
    const month = expected.months[position];
    rejectUnless(month !== undefined && parsed.data.position === position && parsed.data.month === monthKey(month), `month row ${parsed.data.position} (${parsed.data.month})`);
    months.push(monthOf(parsed.data, month, expected.facts, tierNames.length));
  }
  rejectUnless(months.length === expected.months.length, `${months.length} month rows`);
  return { customerIds: expected.facts.customerIds, tierNames, months };
}

/**
 * The stored trend of `key`, checked against what the loaded data says it must be. A rejected
 * entry is deleted (when the file can be written), so it is recomputed and stored again once.
 */
export function readStoredTrend(store: Store, key: StoredTrendKey, expected: TrendExpectation): StoredTrendRead {
  const { db } = store;
  // One read transaction: an entry replaced meanwhile by another process is read whole or not at all.
  const read = db.transaction((): { id: number; result: Trend | Rejected } | undefined => {
    const row = entryRow(db, key);
    if (row === undefined) return undefined;
    if (typeof row === 'number') return { id: row, result: new Rejected('the entry row does not fit the schema') };
    try {
      return { id: row.id, result: readEntry(store, row.id, row, expected) };
    } catch (e) {
      if (e instanceof Rejected) return { id: row.id, result: e };
      throw e;
    }
  })();
  if (read === undefined) return { status: 'missing' };
  const { id, result } = read;
  if (result instanceof Rejected) {
    bestEffort(() => deleteEntry(db, id));
    return { status: 'rejected', reason: result.message };
  }
  bestEffort(() => db.prepare('UPDATE trend_cache SET used = (SELECT max(used) + 1 FROM trend_cache) WHERE id = ?').run(id));
  return { status: 'loaded', trend: result };
}

/** The entry's row; only its id when the row does not fit the schema (a damaged entry like any other). */
function entryRow(db: Database, key: StoredTrendKey): z.output<typeof entryRowSchema> | number | undefined {
  const sql = `SELECT t.id, t.app_version, t.layout, t.customer_count, t.tier_names,
      (SELECT count(*) FROM trend_cache_months m WHERE m.trend_id = t.id) AS month_count
    FROM trend_cache t WHERE t.data_fingerprint = ? AND t.scenario_key = ?`;
  try {
    return oneRow(db.prepare(sql), entryRowSchema, 'trend_cache', key.fingerprint, key.scenarioKey);
  } catch (e) {
    if (!(e instanceof StoreError)) throw e;
    return z.number().int().parse(db.prepare('SELECT id FROM trend_cache WHERE data_fingerprint = ? AND scenario_key = ?').pluck().get(key.fingerprint, key.scenarioKey));
  }
}

/** Bookkeeping writes must not fail a read: another process may hold the write lock, or the file be read-only. */
function bestEffort(write: () => unknown): void {
  try {
    write();
  } catch {
    // The entry stays as it was; the next write tidies up.
  }
}

function monthBytes(m: TrendMonth): number {
  return m.inTable.byteLength + m.value.byteLength + m.tier.byteLength + m.avgProfit.byteLength + m.credit.byteLength;
}

/**
 * Stores `trend` under `key`, replacing an entry of the same key, dropping entries of other data,
 * builds or layouts and the least recently used ones beyond `limits`. Writes nothing and answers
 * false when the knowledge base's data is no longer the data of `key.fingerprint` (an import
 * committed while the trend was computed).
 */
export function writeStoredTrend(store: Store, key: StoredTrendKey, trend: Trend, limits: TrendCacheLimits = TREND_CACHE_LIMITS): boolean {
  const { db } = store;
  const count = trend.customerIds.length;
  const bytes = trend.months.reduce((sum, m) => sum + monthBytes(m), 0);
  const groupsJson = trend.months.map((m) => JSON.stringify(Object.fromEntries(TREND_GROUPINGS.map((g: TrendGrouping) => [g, m.groups[g]])), encodeNumber));
  return db
    .transaction(() => {
      if (dataFingerprint(db) !== key.fingerprint) return false;
      db.prepare('DELETE FROM trend_cache WHERE data_fingerprint <> ? OR app_version <> ? OR layout <> ? OR scenario_key = ?').run(
        key.fingerprint,
        store.appVersion,
        TREND_CACHE_LAYOUT,
        key.scenarioKey,
      );
      const id = Number(
        db
          .prepare(
            `INSERT INTO trend_cache (data_fingerprint, scenario_key, app_version, layout, customer_count, tier_names, bytes, used, created_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, (SELECT coalesce(max(used), 0) + 1 FROM trend_cache), ?)`,
          )
          .run(key.fingerprint, key.scenarioKey, store.appVersion, TREND_CACHE_LAYOUT, count, JSON.stringify(trend.tierNames), bytes, store.now().toISOString()).lastInsertRowid,
      );
      const insert = db.prepare(
        'INSERT INTO trend_cache_months (trend_id, position, month, groups, in_table, value, tier, avg_profit, credit) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      );
      trend.months.forEach((m, i) => {
        for (const a of [m.inTable, m.value, m.tier, m.avgProfit, m.credit]) if (a.length !== count) throw new Error(`trend month ${monthKey(m.month)}: an array of ${a.length} for ${count} customers`);
        insert.run(id, i, monthKey(m.month), groupsJson[i], bytesOf(m.inTable), bytesOf(m.value), bytesOf(m.tier), bytesOf(m.avgProfit), bytesOf(m.credit));
      });
      evict(db, id, limits);
      return true;
    })
    .immediate();
}

const sizeRowSchema = z.strictObject({ id: z.number().int(), bytes: z.number().int() });

/** Keeps the newest entries within the limits; `keep` (the one just written) always stays. */
function evict(db: Database, keep: number, limits: TrendCacheLimits): void {
  const rows = allRows(db.prepare('SELECT id, bytes FROM trend_cache ORDER BY used DESC'), sizeRowSchema, 'trend_cache');
  let entries = 0;
  let bytes = 0;
  for (const row of rows) {
    const fits = entries < limits.entries && bytes + row.bytes <= limits.bytes;
    if (row.id === keep || fits) {
      entries++;
      bytes += row.bytes;
    } else deleteEntry(db, row.id);
  }
}

/** Empties the cache: the data changed (import, delete). Call inside that change's transaction. */
export function clearStoredTrends(db: Database): void {
  db.prepare('DELETE FROM trend_cache').run();
}

/** How many trends are stored (tests and the bench). */
export function storedTrendCount(store: Store): number {
  return z.number().int().parse(store.db.prepare('SELECT count(*) FROM trend_cache').pluck().get());
}
