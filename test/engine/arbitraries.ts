/**
 * fast-check arbitraries for the engine's property tests, and the few helpers those tests
 * share (run counts, a SPEC §3 reference allocation written from the plain records, a
 * field-by-field difference finder). Small provinces on purpose: 1–25 customers over 1–5
 * consecutive months shrink to readable counterexamples.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import type { CategoryCodes, FactTable } from '../../core/model/dataset.js';
import { CATEGORY_FIELDS, SCOPE_FIELDS, UNKNOWN_CATEGORY, type CategoryField, type ScopeField } from '../../core/model/fields.js';
import { monthKey, monthNumber } from '../../core/model/month.js';
import { DRIVERS, parseScenario, type Driver, type Scenario, type ScenarioInput } from '../../core/model/scenario.js';
import type { CampaignRecord, FactRecord, PoolRecord } from '../support/build-input.js';

// ---------------------------------------------------------------------------------------------
// Run counts and fast-check options
// ---------------------------------------------------------------------------------------------

/** PROPERTY_RUNS (default 10000) is the run count of the cheap properties. */
export const BASE_RUNS = (() => {
  const text = process.env.PROPERTY_RUNS;
  const n = text === undefined || text.trim() === '' ? 10_000 : Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`PROPERTY_RUNS must be a positive integer, got ${text}`);
  return n;
})();

/**
 * fast-check options for a property that runs `fraction` of PROPERTY_RUNS times (at least once).
 * PROPERTY_SEED (and PROPERTY_PATH) replay a reported failure; without them fast-check picks a
 * random seed and prints seed and path in the failure message.
 */
export function propertyOptions(fraction = 1): fc.Parameters<unknown> {
  const options: fc.Parameters<unknown> = { numRuns: Math.max(1, Math.round(BASE_RUNS * fraction)) };
  const seed = process.env.PROPERTY_SEED;
  if (seed !== undefined && seed.trim() !== '') {
    options.seed = Number(seed);
    const path = process.env.PROPERTY_PATH;
    if (path !== undefined && path.trim() !== '') options.path = path;
  }
  return options;
}

/** Throws with `message` (built lazily) unless `condition` holds: failures name the customer, pool and month. */
export function check(condition: boolean, message: () => string): asserts condition {
  if (!condition) throw new Error(message());
}

// ---------------------------------------------------------------------------------------------
// Provinces
// ---------------------------------------------------------------------------------------------

export const CATEGORY_VALUES: Readonly<Record<CategoryField, readonly string[]>> = {
  branch: ['郑州', '洛阳', '开封'],
  channel: ['营业厅', '电子渠道'],
  brand: ['全球通', '动感地带', '神州行'],
  plan: ['P18', 'P38', 'P58', 'P88'],
  segment: ['商务精英', '学生', '家庭'],
};
export const POOL_NAMES = ['网络运维', '营业厅', 'IT支撑', '管理费用', '广告宣传'] as const;
export const CAMPAIGN_NAMES = ['K1', 'K2', 'K3'] as const;
/** A scope value that no generated row ever has. */
export const NOBODY = '无此值';

export interface Province {
  /** The generated consecutive months (some may end up with no present customer). */
  readonly months: readonly string[];
  readonly ids: readonly string[];
  readonly facts: readonly FactRecord[];
  readonly pools: readonly PoolRecord[];
  readonly campaigns: readonly CampaignRecord[];
}

const money = (minFen: number, maxFen: number): fc.Arbitrary<number> => fc.integer({ min: minFen, max: maxFen }).map((f) => f / 100);
/** Usually absent (the field's default 0 applies), sometimes given. */
const optional = <T>(arb: fc.Arbitrary<T>, freq = 2): fc.Arbitrary<T | undefined> => fc.option(arb, { nil: undefined, freq });
/** Non-negative usage, often exactly 0 so that whole scopes have a zero driver total. */
const usage = (arb: fc.Arbitrary<number>): fc.Arbitrary<number | undefined> =>
  fc.oneof({ arbitrary: fc.constant(0), weight: 2 }, { arbitrary: fc.constant(undefined), weight: 1 }, { arbitrary: arb, weight: 4 });

const categoryArb = (field: CategoryField): fc.Arbitrary<string | undefined> => optional(fc.constantFrom(...CATEGORY_VALUES[field]), 6);

const rowArb = fc.record({
  present: fc.integer({ min: 0, max: 9 }).map((v) => v < 8),
  /** What the row says about the join date: the customer's own, none, or another one (a correction). */
  join: fc.constantFrom('same', 'same', 'same', 'none', 'other') as fc.Arbitrary<'same' | 'none' | 'other'>,
  otherJoin: fc.integer({ min: -40, max: 6 }),
  billed_revenue: money(-20_000, 200_000),
  minutes: usage(fc.integer({ min: 1, max: 3000 })),
  data_mb: usage(money(1, 500_000)),
  sms: usage(fc.integer({ min: 1, max: 300 })),
  vas_count: optional(fc.integer({ min: 0, max: 5 })),
  settlement_income: optional(money(0, 5_000)),
  settlement_cost_inter: optional(money(0, 5_000)),
  settlement_cost_intra: optional(money(0, 3_000)),
  commission: optional(money(0, 5_000)),
  marketing_discount: optional(money(0, 5_000)),
  handset_subsidy: optional(money(0, 50_000), 4),
  points_cost: optional(money(0, 1_000), 4),
  suspension_count: optional(fc.integer({ min: 0, max: 4 })),
  suspension_days: optional(fc.integer({ min: 0, max: 31 })),
  arrears: optional(money(0, 10_000), 4),
  branch: categoryArb('branch'),
  channel: categoryArb('channel'),
  brand: categoryArb('brand'),
  plan: categoryArb('plan'),
  segment: categoryArb('segment'),
});

const idArb = fc.string({ unit: fc.constantFrom('0', '1', '7', '9', 'A', 'a', 'Z', '中'), minLength: 1, maxLength: 4 });

const scopeArb: fc.Arbitrary<{ field: ScopeField; value: string }> = fc
  .constantFrom(...SCOPE_FIELDS)
  .chain((field) =>
    fc
      .oneof({ arbitrary: fc.constantFrom(...CATEGORY_VALUES[field]), weight: 6 }, { arbitrary: fc.constantFrom(UNKNOWN_CATEGORY, NOBODY), weight: 1 })
      .map((value) => ({ field, value })),
  );

const poolArb = fc.record({
  pool: fc.constantFrom(...POOL_NAMES),
  amountFen: fc.oneof({ arbitrary: fc.constant(0), weight: 1 }, { arbitrary: fc.integer({ min: 1, max: 10_000_000 }), weight: 8 }),
  scope: fc.option(scopeArb, { nil: null, freq: 3 }),
});

export interface ProvinceOptions {
  readonly maxCustomers?: number;
  readonly maxMonths?: number;
}

/**
 * A small province: 1–25 customers over 1–5 consecutive months, each present in a month
 * with probability 0.8 (gaps included), attributes that may change from month to month,
 * join dates that may be absent, repeated or corrected, 0–4 pools per month (plus, now and
 * then, a pool of a month without data) and a few campaign participants.
 */
export function provinceArb(options: ProvinceOptions = {}): fc.Arbitrary<Province> {
  const maxCustomers = options.maxCustomers ?? 25;
  const maxMonths = options.maxMonths ?? 5;
  return fc
    .record({
      // 2024-10 … 2026-09: windows cross a year boundary now and then.
      first: fc.integer({ min: monthNumber('2024-10'), max: monthNumber('2026-09') }),
      monthCount: fc.integer({ min: 1, max: maxMonths }),
      ids: fc.uniqueArray(idArb, { minLength: 1, maxLength: maxCustomers, size: 'medium' }),
    })
    .chain(({ first, monthCount, ids }) =>
      fc.record({
        first: fc.constant(first),
        monthCount: fc.constant(monthCount),
        ids: fc.constant(ids),
        customers: fc.array(
          fc.record({
            /** always: present every month; gaps: each month with probability 0.8; clone: the previous customer's rows (ties). */
            profile: fc.constantFrom('always', 'always', 'gaps', 'gaps', 'clone') as fc.Arbitrary<'always' | 'gaps' | 'clone'>,
            join: fc.option(fc.integer({ min: -40, max: monthCount + 1 }), { nil: null, freq: 4 }),
            rows: fc.array(rowArb, { minLength: monthCount, maxLength: monthCount }),
          }),
          { minLength: ids.length, maxLength: ids.length },
        ),
        pools: fc.array(fc.uniqueArray(poolArb, { maxLength: 4, selector: (p) => p.pool }), { minLength: monthCount, maxLength: monthCount }),
        strayPool: fc.option(fc.record({ pool: poolArb, offset: fc.constantFrom(-1, monthCount) }), { nil: null, freq: 4 }),
        campaigns: fc.uniqueArray(
          fc.record({
            campaign: fc.constantFrom(...CAMPAIGN_NAMES),
            who: fc.integer({ min: -1, max: ids.length - 1 }),
            start: fc.integer({ min: -2, max: monthCount + 1 }),
            cost: money(0, 50_000),
          }),
          { maxLength: 6, selector: (c) => `${c.campaign}\u0000${c.who}` },
        ),
      }),
    )
    .map(({ first, monthCount, ids, customers, pools, strayPool, campaigns }): Province => {
      const months = Array.from({ length: monthCount }, (_, k) => monthKey(first + k));
      const facts: FactRecord[] = [];
      // A clone copies the customer before it, so equal profits (and collapsing breakpoints) occur.
      const resolved: (typeof customers)[number][] = [];
      for (const customer of customers) {
        const previous = resolved[resolved.length - 1];
        resolved.push(customer.profile === 'clone' && previous !== undefined ? previous : customer);
      }
      resolved.forEach((customer, c) => {
        customer.rows.forEach((row, k) => {
          const { present, join, otherJoin, ...fields } = row;
          // The province always has data: the first customer is present in the first month.
          if (!present && customer.profile !== 'always' && !(c === 0 && k === 0)) return;
          const joinMonth =
            join === 'none' || customer.join === null ? undefined : join === 'same' ? monthKey(first + customer.join) : monthKey(first + otherJoin);
          facts.push({ customer_id: ids[c] as string, month: months[k] as string, ...fields, ...(joinMonth === undefined ? {} : { join_month: joinMonth }) });
        });
      });
      const poolRecords: PoolRecord[] = pools.flatMap((list, k) => list.map((p) => ({ ...p, month: months[k] as string })));
      if (strayPool !== null) poolRecords.push({ ...strayPool.pool, month: monthKey(first + strayPool.offset) });
      const campaignRecords: CampaignRecord[] = campaigns.map((p) => ({
        customer_id: p.who < 0 ? 'UNKNOWN' : (ids[p.who] as string),
        campaign: p.campaign,
        start_month: monthKey(first + p.start),
        cost: p.cost,
      }));
      return { months, ids, facts, pools: poolRecords, campaigns: campaignRecords };
    });
}

// ---------------------------------------------------------------------------------------------
// Scenarios
// ---------------------------------------------------------------------------------------------

/**
 * Weights over `keys` that sum to 1: integer parts normalised by their total, so the float
 * sum is within a few ulps of 1 (parseScenario accepts |Σ − 1| ≤ 1e-9, each weight in [0,1]).
 * Zero parts are usually left out (a given map replaces the default, missing keys weigh 0).
 */
export function weightsArb<K extends string>(keys: readonly K[], maxPart = 10): fc.Arbitrary<Partial<Record<K, number>>> {
  return fc
    .record({
      parts: fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: maxPart })), { minLength: keys.length, maxLength: keys.length }),
      writeZeros: fc.boolean(),
    })
    .filter(({ parts }) => parts.some((p) => p > 0))
    .map(({ parts, writeZeros }) => {
      const total = parts.reduce((a, b) => a + b, 0);
      const out: Partial<Record<K, number>> = {};
      keys.forEach((k, i) => {
        const part = parts[i] as number;
        if (part > 0 || writeZeros) out[k] = part / total;
      });
      return out;
    });
}

const manualBreakpointsArb = fc
  .record({
    p0Fen: fc.integer({ min: -50_000, max: 50_000 }),
    stepsFen: fc.array(fc.integer({ min: 1, max: 100_000 }), { minLength: 1, maxLength: 5 }),
    scores: fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 6, maxLength: 6 }),
  })
  .map(({ p0Fen, stepsFen, scores }) => {
    let p = p0Fen;
    const ps = [p, ...stepsFen.map((s) => (p += s))].map((f) => f / 100);
    const ss = scores.slice(0, ps.length).sort((a, b) => a - b).map((s) => s / 100);
    return { mode: 'manual' as const, table: ps.map((pv, i) => [pv, ss[i] as number] as [number, number]) };
  });

const TIER_NAMES = ['A', 'B', 'C', 'D', 'E', '高价值', '中价值', '低价值'];
const tiersArb = fc
  .uniqueArray(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 4 })
  .chain((thresholds) =>
    fc.shuffledSubarray(TIER_NAMES, { minLength: thresholds.length + 1, maxLength: thresholds.length + 1 }).map((names) => ({
      tiers: thresholds
        .sort((a, b) => b - a)
        .map((t, i) => [names[i] as string, t / 100] as [string, number]),
      lowest_tier: names[thresholds.length] as string,
    })),
  );

const capArb = (max: number): fc.Arbitrary<number> => fc.integer({ min: 1, max: max * 100 }).map((v) => v / 100);

/** Formulas of SPEC §9 formula mode; one divides by avg_profit, which is 0 now and then (a non-finite value). */
export const FORMULAS = [
  '0.5*profit_score + 0.2*loyalty + 0.2*credit + 0.1*behaviour',
  'clamp(avg_profit / 10, 0, 100)',
  'if(tenure_months >= 12, credit, behaviour)',
  'max(profit_score, loyalty) - min(credit, 10)',
  'round(100 / avg_profit)',
  'abs(avg_revenue - avg_cost)',
];

/** Scenario keys that a what-if changes; the property tests mix them between two scenarios. */
export const SCENARIO_PARTS = ['month', 'window', 'min_tenure', 'drivers', 'profit_breakpoints', 'credit', 'loyalty', 'behaviour', 'value_weights', 'value_formula', 'tiers'] as const;
export type ScenarioPart = (typeof SCENARIO_PARTS)[number];

export interface ScenarioOptions {
  /** Allow formula mode (off: value is always the weighted sum). */
  readonly formula?: boolean;
  /** Force auto breakpoints. */
  readonly autoBreakpoints?: boolean;
}

/**
 * A raw scenario object (what a scenario file holds), valid for a province with these months:
 * M is open (latest month) or one of them, now and then a month just outside; window 1–4;
 * min_tenure 0–6; default and per-pool driver weights; auto or manual breakpoints; random
 * credit, loyalty and behaviour settings; value weights; tiers.
 */
export function scenarioInputArb(months: readonly string[], options: ScenarioOptions = {}): fc.Arbitrary<ScenarioInput> {
  const first = monthNumber(months[0] as string);
  const last = first + months.length - 1;
  const driverWeights = weightsArb(DRIVERS, 4);
  return fc
    .record({
      month: fc.oneof(
        { arbitrary: fc.constant(null), weight: 4 },
        { arbitrary: fc.constantFrom(...months), weight: 3 },
        { arbitrary: fc.constantFrom(monthKey(first - 1), monthKey(last + 1)), weight: 1 },
      ),
      // Mostly a window that fits in the loaded months, so that someone can be eligible.
      window: fc.oneof({ arbitrary: fc.integer({ min: 1, max: Math.min(4, months.length) }), weight: 3 }, { arbitrary: fc.integer({ min: 1, max: 4 }), weight: 1 }),
      min_tenure: fc.integer({ min: 0, max: 6 }),
      drivers: fc.record(
        {
          default: driverWeights,
          pools: fc.dictionary(fc.constantFrom(...POOL_NAMES, '不存在的成本池'), driverWeights, { maxKeys: 3, noNullPrototype: true }),
        },
        { requiredKeys: [] },
      ),
      profit_breakpoints: options.autoBreakpoints === true ? fc.constant({ mode: 'auto' as const }) : fc.oneof(fc.constant({ mode: 'auto' as const }), manualBreakpointsArb),
      credit: fc.record(
        {
          tenure_cap: capArb(60),
          spend_cap: fc.oneof(fc.constant('auto' as const), capArb(500)),
          suspension_count_cap: capArb(5),
          suspension_days_cap: capArb(30),
          weights: weightsArb(['tenure', 'spend', 'suspension_count', 'suspension_days'] as const),
        },
        { requiredKeys: [] },
      ),
      loyalty: fc.record(
        {
          tenure_cap: capArb(120),
          services_cap: capArb(6),
          weights: weightsArb(['tenure', 'services', 'plan_stability'] as const),
        },
        { requiredKeys: [] },
      ),
      behaviour: fc.record(
        {
          default: fc.integer({ min: 0, max: 10_000 }).map((v) => v / 100),
          table: fc.dictionary(fc.constantFrom(...CATEGORY_VALUES.segment, UNKNOWN_CATEGORY), fc.integer({ min: 0, max: 100 }), { maxKeys: 4, noNullPrototype: true }),
        },
        { requiredKeys: [] },
      ),
      value_weights: weightsArb(['profit', 'loyalty', 'credit', 'behaviour'] as const),
      value_formula: options.formula === true ? fc.option(fc.constantFrom(...FORMULAS), { nil: null, freq: 2 }) : fc.constant(null),
      tiers: tiersArb,
    })
    .map(({ tiers, ...rest }) => ({ ...rest, ...tiers }));
}

/** Validates a raw scenario through parseScenario, failing the property with the issues if it is refused. */
export function mustParse(raw: ScenarioInput): Scenario {
  const parsed = parseScenario(raw);
  if (!parsed.ok) expect.fail(`parseScenario refused a generated scenario: ${JSON.stringify(parsed.issues)}\n${JSON.stringify(raw)}`);
  return parsed.scenario;
}

/** `base` with the parts in `take` replaced by those of `other` (tiers travel with lowest_tier). */
export function mixScenario(base: ScenarioInput, other: ScenarioInput, take: readonly ScenarioPart[]): ScenarioInput {
  const out: Record<string, unknown> = { ...base };
  for (const part of take) {
    out[part] = (other as Record<string, unknown>)[part];
    if (part === 'tiers') out.lowest_tier = other.lowest_tier;
  }
  return out as ScenarioInput;
}

// ---------------------------------------------------------------------------------------------
// SPEC §3 from the plain records (independent of the engine's columns)
// ---------------------------------------------------------------------------------------------

export interface ReferencePool {
  readonly record: PoolRecord;
  /** Indices into province.facts of the present rows in scope. */
  readonly scopeRows: readonly number[];
  readonly allocated: boolean;
  /** Weights after the move to users, DRIVERS order. */
  readonly weights: readonly number[];
  readonly totals: readonly number[];
  readonly moved: readonly Driver[];
  /** share(c,p) per scope row (same order as scopeRows). */
  readonly shares: readonly number[];
}

export function driverValueOf(row: FactRecord, driver: Driver): number {
  switch (driver) {
    case 'users':
      return 1;
    case 'revenue':
      return Math.max(row.billed_revenue ?? 0, 0);
    default:
      return row[driver] ?? 0;
  }
}

export function categoryOf(row: FactRecord, field: CategoryField): string {
  return row[field] ?? UNKNOWN_CATEGORY;
}

/** SPEC §3 per pool: scope, X(p,d), weights after the move to users and share(c,p), straight from the formulas. */
export function referencePools(province: Province, scenario: Scenario): ReferencePool[] {
  return province.pools.map((record) => {
    const scope = record.scope ?? null;
    const scopeRows: number[] = [];
    province.facts.forEach((row, i) => {
      if (row.month === record.month && (scope === null || categoryOf(row, scope.field) === scope.value)) scopeRows.push(i);
    });
    const given = Object.hasOwn(scenario.drivers.pools, record.pool) ? (scenario.drivers.pools[record.pool] as Record<Driver, number>) : scenario.drivers.default;
    const weights = DRIVERS.map((d) => given[d]);
    const totals = DRIVERS.map((d) => scopeRows.reduce((s, i) => s + driverValueOf(province.facts[i] as FactRecord, d), 0));
    const moved: Driver[] = [];
    if (scopeRows.length > 0) {
      DRIVERS.forEach((d, k) => {
        if (d !== 'users' && (weights[k] as number) > 0 && totals[k] === 0) {
          weights[0] = (weights[0] as number) + (weights[k] as number);
          weights[k] = 0;
          moved.push(d);
        }
      });
    }
    const shares = scopeRows.map((i) => {
      const row = province.facts[i] as FactRecord;
      let share = 0;
      DRIVERS.forEach((d, k) => {
        const w = weights[k] as number;
        if (w > 0) share += (w * driverValueOf(row, d)) / (totals[k] as number);
      });
      return share;
    });
    return { record, scopeRows, allocated: scopeRows.length > 0, weights, totals, moved, shares };
  });
}

/** Σ_p amount·share per fact record (index into province.facts). */
export function referenceAllocated(province: Province, pools: readonly ReferencePool[]): Float64Array {
  const out = new Float64Array(province.facts.length);
  for (const p of pools) {
    const amount = p.record.amountFen / 100;
    p.scopeRows.forEach((i, k) => (out[i] = (out[i] as number) + amount * (p.shares[k] as number)));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Mapping engine rows back to records, and relabelling dictionaries
// ---------------------------------------------------------------------------------------------

export const rowKey = (id: string, month: string): string => `${id}\u0000${month}`;

/** customer_id + month of every engine row. */
export function engineRowKeys(facts: FactTable): string[] {
  const keys: string[] = new Array<string>(facts.customer.length);
  for (let m = 0; m < facts.months.length; m++) {
    const month = monthKey(facts.months[m] as number);
    for (let r = facts.monthStart[m] as number; r < (facts.monthStart[m + 1] as number); r++) keys[r] = rowKey(facts.customerIds.at(facts.customer[r] as number), month);
  }
  return keys;
}

/** A small deterministic PRNG (mulberry32) for shuffles driven by a generated seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/**
 * The same facts with every category dictionary in another order (codes remapped): the
 * order in which values first appear must not matter. buildInput alone cannot show it,
 * because it sorts rows canonically before coding them.
 */
export function relabelCategories(facts: FactTable, random: () => number): FactTable {
  const dictionaries = {} as Record<CategoryField, string[]>;
  const categories = {} as Record<CategoryField, CategoryCodes>;
  for (const field of CATEGORY_FIELDS) {
    const dict = facts.dictionaries[field];
    const order = shuffled(
      dict.map((_, i) => i),
      random,
    ); // order[newCode] = oldCode
    const newCodeOf = new Int32Array(dict.length);
    order.forEach((oldCode, newCode) => (newCodeOf[oldCode] = newCode));
    dictionaries[field] = order.map((oldCode) => dict[oldCode] as string);
    categories[field] = facts.categories[field].map((code) => newCodeOf[code] as number);
  }
  return { ...facts, dictionaries, categories };
}

// ---------------------------------------------------------------------------------------------
// Field-by-field comparison
// ---------------------------------------------------------------------------------------------

function describeNumber(x: unknown): string {
  return typeof x === 'number' && Object.is(x, -0) ? '-0' : String(x);
}

/**
 * The first difference between a and b as "path: a vs b", or null when they are identical:
 * typed arrays byte for byte, numbers by Object.is, arrays, plain objects, Maps and Sets
 * recursively. Functions and the keys in `skip` are ignored.
 */
export function firstDifference(a: unknown, b: unknown, path = '', skip: ReadonlySet<string> = new Set()): string | null {
  if (Object.is(a, b)) return null;
  if (ArrayBuffer.isView(a) && ArrayBuffer.isView(b)) {
    if (a.constructor !== b.constructor) return `${path}: ${a.constructor.name} vs ${b.constructor.name}`;
    const ta = a as unknown as ArrayLike<number>;
    const tb = b as unknown as ArrayLike<number>;
    if (ta.length !== tb.length) return `${path}: length ${ta.length} vs ${tb.length}`;
    const ba = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    const bb = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
    for (let i = 0; i < ba.length; i++) {
      if (ba[i] !== bb[i]) {
        const k = Math.floor(i / (a.byteLength / ta.length));
        return `${path}[${k}]: ${describeNumber(ta[k])} vs ${describeNumber(tb[k])} (bits differ)`;
      }
    }
    return null;
  }
  if (typeof a === 'function' && typeof b === 'function') return null;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return `${path}: ${describeNumber(a)} vs ${describeNumber(b)}`;
  if (a instanceof Map && b instanceof Map) {
    if (a.size !== b.size) return `${path}: Map size ${a.size} vs ${b.size}`;
    for (const [k, v] of a) {
      if (!b.has(k)) return `${path}: key ${JSON.stringify(k)} only on the left`;
      const d = firstDifference(v, b.get(k), `${path}{${String(k).replace('\u0000', '|')}}`, skip);
      if (d !== null) return d;
    }
    return null;
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b)) return `${path}: array vs non-array`;
    if (a.length !== b.length) return `${path}: length ${a.length} vs ${b.length}`;
    for (let i = 0; i < a.length; i++) {
      const d = firstDifference(a[i], b[i], `${path}[${i}]`, skip);
      if (d !== null) return d;
    }
    return null;
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  for (const k of keys) {
    if (skip.has(k)) continue;
    if (!(k in ra) || !(k in rb)) return `${path}.${k}: present on one side only`;
    const d = firstDifference(ra[k], rb[k], `${path}.${k}`, skip);
    if (d !== null) return d;
  }
  return null;
}

/** Relative closeness: |a − b| ≤ tol·max(|b|, floor). */
export function close(a: number, b: number, tol: number, floor = 0): boolean {
  return Math.abs(a - b) <= tol * Math.max(Math.abs(b), floor);
}
