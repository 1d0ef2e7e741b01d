/**
 * The customer explorer over a run's customer table: filter, sort and page with typed arrays,
 * so a million customers cost a few passes over columns and only the rows of the page returned
 * become objects. A sort order is a permutation of the table, built once per run and column by
 * a radix sort of the keys (a comparator sort of a million indices takes ~10× longer), and
 * then serves every page and filter.
 */
import type { IdList } from '../model/id-list.js';
import { INELIGIBLE_TIER } from '../model/scenario.js';
import { NO_VALUE_GROUP } from './aggregates.js';
import { reasonText } from './eligibility.js';
import type { ModelResult } from './run-model.js';
import { TIER_INELIGIBLE, TIER_NO_VALUE } from './value-and-tiers.js';

export const CUSTOMER_SORT_KEYS = ['customerId', 'avgRevenue', 'avgIndividualCost', 'avgAllocated', 'avgProfit', 'value', 'tenureMonths'] as const;
export type CustomerSortKey = (typeof CUSTOMER_SORT_KEYS)[number];

export interface CustomerFilter {
  readonly branch?: string | undefined;
  readonly channel?: string | undefined;
  readonly plan?: string | undefined;
  /** A tier name, (无分值) or 不参与评分. */
  readonly tier?: string | undefined;
  readonly negative?: boolean | undefined;
  readonly eligible?: boolean | undefined;
  /** Customer ids that start with this text. */
  readonly search?: string | undefined;
}

/** One customer's row of the explorer (scores are null where the customer has none). */
export interface CustomerRecord {
  readonly customerId: string;
  readonly branch: string;
  readonly channel: string;
  readonly brand: string;
  readonly plan: string;
  readonly segment: string;
  readonly tenureMonths: number;
  readonly eligible: boolean;
  readonly reason: string;
  readonly avgRevenue: number;
  readonly avgIndividualCost: number;
  readonly avgAllocated: number;
  readonly avgProfit: number;
  readonly profitScore: number | null;
  readonly credit: number | null;
  readonly loyalty: number | null;
  readonly behaviour: number | null;
  readonly value: number | null;
  readonly tier: string;
  readonly negative: boolean;
}

export type FilterChoices = Readonly<Record<'branch' | 'channel' | 'plan' | 'tier', readonly string[]>>;

function orNull(x: number): number | null {
  return Number.isNaN(x) ? null : x;
}

/** The customer's tier as the screens and the report name it. */
export function tierLabel(result: ModelResult, c: number): string {
  const t = result.values.tier[c] as number;
  if (t === TIER_INELIGIBLE) return INELIGIBLE_TIER;
  if (t === TIER_NO_VALUE) return NO_VALUE_GROUP;
  return result.values.tierNames[t] as string;
}

/** The row of customer index `c` (a customer of the run's table). */
export function customerRecord(result: ModelResult, c: number): CustomerRecord {
  const { window: win, eligibility, profit, values } = result;
  const facts = result.input.facts;
  const attribute = (field: 'branch' | 'channel' | 'brand' | 'plan' | 'segment'): string => facts.dictionaries[field][win.attributes[field][c] as number] as string;
  const avgProfit = profit.avgProfit[c] as number;
  return {
    customerId: facts.customerIds.at(c),
    branch: attribute('branch'),
    channel: attribute('channel'),
    brand: attribute('brand'),
    plan: attribute('plan'),
    segment: attribute('segment'),
    tenureMonths: win.tenure[c] as number,
    eligible: eligibility.eligible[c] === 1,
    reason: reasonText(eligibility.reason[c] as number, eligibility.minTenure),
    avgRevenue: win.avgRevenue[c] as number,
    avgIndividualCost: win.avgIndividualCost[c] as number,
    avgAllocated: profit.avgAllocated[c] as number,
    avgProfit,
    profitScore: orNull(result.profitScore[c] as number),
    credit: orNull(result.credit.credit[c] as number),
    loyalty: orNull(result.loyalty.loyalty[c] as number),
    behaviour: orNull(result.behaviour[c] as number),
    value: orNull(values.value[c] as number),
    tier: tierLabel(result, c),
    negative: avgProfit < 0,
  };
}

function sortKeyColumn(result: ModelResult, key: Exclude<CustomerSortKey, 'customerId'>): ArrayLike<number> {
  switch (key) {
    case 'avgRevenue':
      return result.window.avgRevenue;
    case 'avgIndividualCost':
      return result.window.avgIndividualCost;
    case 'avgAllocated':
      return result.profit.avgAllocated;
    case 'avgProfit':
      return result.profit.avgProfit;
    case 'value':
      return result.values.value;
    case 'tenureMonths':
      return result.window.tenure;
  }
}

const DIGIT_BITS = 16;
const DIGITS = 1 << DIGIT_BITS;

/**
 * LSD radix sort of `items` by 32-bit unsigned keys (hi, lo), four 16-bit digits; stable, so
 * items that tie keep their order. Passes whose digit is the same for every item are skipped.
 */
function radixSort(items: Int32Array, hi: Uint32Array, lo: Uint32Array): Int32Array {
  const n = items.length;
  let idx: Int32Array = items;
  let kh: Uint32Array = hi;
  let kl: Uint32Array = lo;
  let idx2: Int32Array = new Int32Array(n);
  let kh2: Uint32Array = new Uint32Array(n);
  let kl2: Uint32Array = new Uint32Array(n);
  const count = new Int32Array(DIGITS);
  for (let pass = 0; pass < 4; pass++) {
    const source = pass < 2 ? kl : kh;
    const shift = (pass % 2) * DIGIT_BITS;
    count.fill(0);
    for (let i = 0; i < n; i++) {
      const d = ((source[i] as number) >>> shift) & 0xffff;
      count[d] = (count[d] as number) + 1;
    }
    if (count[((source[0] as number) >>> shift) & 0xffff] === n) continue;
    let sum = 0;
    for (let d = 0; d < DIGITS; d++) {
      const c = count[d] as number;
      count[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const d = ((source[i] as number) >>> shift) & 0xffff;
      const to = count[d] as number;
      count[d] = to + 1;
      idx2[to] = idx[i] as number;
      kh2[to] = kh[i] as number;
      kl2[to] = kl[i] as number;
    }
    [idx, idx2] = [idx2, idx];
    [kh, kh2] = [kh2, kh];
    [kl, kl2] = [kl2, kl];
  }
  return idx;
}

/**
 * The run's customer table (customer indices) sorted by `key`: ties and equal keys in id order
 * whichever the direction; customers without the key (no value) come last in both directions.
 */
export function sortCustomers(result: ModelResult, key: CustomerSortKey, descending: boolean): Int32Array {
  const table = result.window.table;
  if (key === 'customerId') return descending ? table.slice().reverse() : table.slice();
  return sortByColumn(table, sortKeyColumn(result, key), descending);
}

/**
 * `table` (customer indices in id order) sorted by `column`, stable, NaN last in both
 * directions. Shared by the explorer over a run and over a results set.
 */
export function sortByColumn(table: Int32Array, column: ArrayLike<number>, descending: boolean): Int32Array {
  let present = 0;
  for (let i = 0; i < table.length; i++) if (!Number.isNaN(column[table[i] as number] as number)) present++;
  const items = new Int32Array(present);
  const missing = new Int32Array(table.length - present);
  const hi = new Uint32Array(present);
  const lo = new Uint32Array(present);
  // The float's bits as an unsigned integer that sorts as the number does: positives with the
  // sign bit set, negatives with every bit flipped; descending flips every bit once more.
  const bits = new Float64Array(1);
  const words = new Uint32Array(bits.buffer);
  const flip = descending ? 0xffffffff : 0;
  for (let i = 0, k = 0, m = 0; i < table.length; i++) {
    const c = table[i] as number;
    const x = column[c] as number;
    if (Number.isNaN(x)) {
      missing[m++] = c;
      continue;
    }
    bits[0] = x + 0; // −0 → +0: zeros tie and keep id order
    const negative = (words[1] as number) >>> 31 === 1;
    const h = negative ? ~(words[1] as number) : (words[1] as number) | 0x80000000;
    const l = negative ? ~(words[0] as number) : (words[0] as number);
    items[k] = c;
    hi[k] = (h ^ flip) >>> 0;
    lo[k] = (l ^ flip) >>> 0;
    k++;
  }
  const sorted = radixSort(items, hi, lo);
  const out = new Int32Array(table.length);
  out.set(sorted);
  out.set(missing, present);
  return out;
}

/** The index range [from, to) of the customers whose id starts with `prefix` (ids are sorted by code unit). */
export function prefixRange(ids: IdList, prefix: string): [number, number] {
  const lowerBound = (below: (id: string) => boolean): number => {
    let a = 0;
    let b = ids.length;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if (below(ids.at(mid))) a = mid + 1;
      else b = mid;
    }
    return a;
  };
  const from = lowerBound((id) => id < prefix);
  const to = lowerBound((id) => id < prefix || id.startsWith(prefix));
  return [from, to];
}

function tierCode(result: ModelResult, label: string): number | null {
  const t = result.values.tierNames.indexOf(label);
  if (t >= 0) return t;
  if (label === NO_VALUE_GROUP) return TIER_NO_VALUE;
  if (label === INELIGIBLE_TIER) return TIER_INELIGIBLE;
  return null;
}

/** One test per customer index, or null when the filter can match nobody. */
function filterTest(result: ModelResult, filter: CustomerFilter): ((c: number) => boolean) | null {
  const tests: ((c: number) => boolean)[] = [];
  const { attributes } = result.window;
  for (const field of ['branch', 'channel', 'plan'] as const) {
    const wanted = filter[field];
    if (wanted === undefined) continue;
    const code = result.input.facts.dictionaries[field].indexOf(wanted);
    if (code < 0) return null;
    const column = attributes[field];
    tests.push((c) => column[c] === code);
  }
  if (filter.tier !== undefined) {
    const code = tierCode(result, filter.tier);
    if (code === null) return null;
    const tier = result.values.tier;
    tests.push((c) => tier[c] === code);
  }
  if (filter.negative !== undefined) {
    const { avgProfit } = result.profit;
    const wanted = filter.negative;
    tests.push((c) => (avgProfit[c] as number) < 0 === wanted);
  }
  if (filter.eligible !== undefined) {
    const { eligible } = result.eligibility;
    const wanted = filter.eligible ? 1 : 0;
    tests.push((c) => eligible[c] === wanted);
  }
  if (filter.search !== undefined && filter.search !== '') {
    const [from, to] = prefixRange(result.input.facts.customerIds, filter.search);
    if (from >= to) return null;
    tests.push((c) => c >= from && c < to);
  }
  return (c) => {
    for (const test of tests) if (!test(c)) return false;
    return true;
  };
}

export interface CustomerQueryPage {
  /** Customers matching the filter. */
  readonly total: number;
  /** Customer indices of the page, in order. */
  readonly page: Int32Array;
}

/** The page [offset, offset + limit) of the customers in `order` that pass the filter. */
export function queryCustomers(result: ModelResult, order: Int32Array, filter: CustomerFilter, offset: number, limit: number): CustomerQueryPage {
  return pageOf(order, filterTest(result, filter), offset, limit);
}

/** The page [offset, offset + limit) of `order` passing `test` (null: nobody passes). */
export function pageOf(order: Int32Array, test: ((c: number) => boolean) | null, offset: number, limit: number): CustomerQueryPage {
  if (test === null) return { total: 0, page: new Int32Array(0) };
  const page: number[] = [];
  let total = 0;
  for (let i = 0; i < order.length; i++) {
    const c = order[i] as number;
    if (!test(c)) continue;
    if (total >= offset && page.length < limit) page.push(c);
    total++;
  }
  return { total, page: Int32Array.from(page) };
}

/** The values each filter can take: those present in the run's customer table. */
export function filterChoices(result: ModelResult): FilterChoices {
  const { table, attributes } = result.window;
  const dictionaries = result.input.facts.dictionaries;
  const present = (field: 'branch' | 'channel' | 'plan'): string[] => {
    const seen = new Uint8Array(dictionaries[field].length);
    const column = attributes[field];
    for (let i = 0; i < table.length; i++) seen[column[table[i] as number] as number] = 1;
    return dictionaries[field].filter((_, code) => seen[code] === 1).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  };
  const { tier, tierNames } = result.values;
  const tierSeen = new Uint8Array(tierNames.length + 2);
  // Slots: the scenario's tiers, then (无分值), then 不参与评分.
  for (let i = 0; i < table.length; i++) {
    const t = tier[table[i] as number] as number;
    tierSeen[t === TIER_NO_VALUE ? tierNames.length : t === TIER_INELIGIBLE ? tierNames.length + 1 : t] = 1;
  }
  const tiers = [...tierNames, NO_VALUE_GROUP, INELIGIBLE_TIER].filter((_, slot) => tierSeen[slot] === 1);
  return { branch: present('branch'), channel: present('channel'), plan: present('plan'), tier: tiers };
}
