/**
 * The customer explorer over a results set: the same filters, sort keys, pages and rows as over
 * a run (customer-query.ts), read from the set's columns. Sort orders are radix sorts built once
 * per set and key, so paging through ten million customers stays a pass over a column.
 */
import { NO_VALUE_GROUP } from '../aggregates.js';
import { pageOf, prefixRange, sortByColumn, type CustomerFilter, type CustomerQueryPage, type CustomerRecord, type CustomerSortKey, type FilterChoices } from '../customer-query.js';
import { RESULT_TIER_INELIGIBLE, RESULT_TIER_NO_VALUE, resultTierNames, type ResultCustomers, type ResultSet } from '../../model/result-set.js';
import { INELIGIBLE_TIER } from '../../model/scenario.js';

function orNull(x: number): number | null {
  return Number.isNaN(x) ? null : x;
}

/** Every customer of the set, in id order. */
export function resultTable(customers: ResultCustomers): Int32Array {
  const table = new Int32Array(customers.ids.length);
  for (let i = 0; i < table.length; i++) table[i] = i;
  return table;
}

export function resultTierLabel(set: ResultSet, c: number): string {
  const t = set.customers.tier[c] as number;
  if (t === RESULT_TIER_INELIGIBLE) return INELIGIBLE_TIER;
  if (t === RESULT_TIER_NO_VALUE) return NO_VALUE_GROUP;
  return resultTierNames(set.scenario)[t] as string;
}

export function resultCustomerRecord(set: ResultSet, c: number): CustomerRecord {
  const { customers } = set;
  const category = (f: 'branch' | 'channel' | 'brand' | 'plan' | 'segment'): string => {
    const { codes, names } = customers.categories[f];
    return names[codes[c] as number] as string;
  };
  const { money, scores } = customers;
  const avgProfit = money.avg_profit[c] as number;
  return {
    customerId: customers.ids.at(c),
    branch: category('branch'),
    channel: category('channel'),
    brand: category('brand'),
    plan: category('plan'),
    segment: category('segment'),
    tenureMonths: customers.tenure[c] as number,
    eligible: customers.eligible[c] === 1,
    reason: customers.reasons[customers.reason[c] as number] as string,
    avgRevenue: money.avg_revenue[c] as number,
    avgIndividualCost: money.avg_individual_cost[c] as number,
    avgAllocated: money.avg_allocated[c] as number,
    avgProfit,
    profitScore: orNull(scores.profit_score[c] as number),
    credit: orNull(scores.credit[c] as number),
    loyalty: orNull(scores.loyalty[c] as number),
    behaviour: orNull(scores.behaviour[c] as number),
    value: orNull(scores.value[c] as number),
    tier: resultTierLabel(set, c),
    negative: avgProfit < 0,
  };
}

function keyColumn(customers: ResultCustomers, key: Exclude<CustomerSortKey, 'customerId'>): Float64Array {
  switch (key) {
    case 'avgRevenue':
      return customers.money.avg_revenue;
    case 'avgIndividualCost':
      return customers.money.avg_individual_cost;
    case 'avgAllocated':
      return customers.money.avg_allocated;
    case 'avgProfit':
      return customers.money.avg_profit;
    case 'value':
      return customers.scores.value;
    case 'tenureMonths':
      return customers.tenure;
  }
}

export function sortResultCustomers(customers: ResultCustomers, key: CustomerSortKey, descending: boolean): Int32Array {
  const table = resultTable(customers);
  if (key === 'customerId') return descending ? table.reverse() : table;
  return sortByColumn(table, keyColumn(customers, key), descending);
}

function tierCode(set: ResultSet, label: string): number | null {
  const t = resultTierNames(set.scenario).indexOf(label);
  if (t >= 0) return t;
  if (label === NO_VALUE_GROUP) return RESULT_TIER_NO_VALUE;
  if (label === INELIGIBLE_TIER) return RESULT_TIER_INELIGIBLE;
  return null;
}

function filterTest(set: ResultSet, filter: CustomerFilter): ((c: number) => boolean) | null {
  const { customers } = set;
  const tests: ((c: number) => boolean)[] = [];
  for (const field of ['branch', 'channel', 'plan'] as const) {
    const wanted = filter[field];
    if (wanted === undefined) continue;
    const { codes, names } = customers.categories[field];
    const code = names.indexOf(wanted);
    if (code < 0) return null;
    tests.push((c) => codes[c] === code);
  }
  if (filter.tier !== undefined) {
    const code = tierCode(set, filter.tier);
    if (code === null) return null;
    const { tier } = customers;
    tests.push((c) => tier[c] === code);
  }
  if (filter.negative !== undefined) {
    const profit = customers.money.avg_profit;
    const wanted = filter.negative;
    tests.push((c) => (profit[c] as number) < 0 === wanted);
  }
  if (filter.eligible !== undefined) {
    const { eligible } = customers;
    const wanted = filter.eligible ? 1 : 0;
    tests.push((c) => eligible[c] === wanted);
  }
  if (filter.search !== undefined && filter.search !== '') {
    const [from, to] = prefixRange(customers.ids, filter.search);
    if (from >= to) return null;
    tests.push((c) => c >= from && c < to);
  }
  return (c) => {
    for (const test of tests) if (!test(c)) return false;
    return true;
  };
}

/** The page [offset, offset + limit) of the customers in `order` that pass the filter. */
export function queryResultCustomers(set: ResultSet, order: Int32Array, filter: CustomerFilter, offset: number, limit: number): CustomerQueryPage {
  return pageOf(order, filterTest(set, filter), offset, limit);
}

/** The values each filter can take: those present in the set. */
export function resultFilterChoices(set: ResultSet): FilterChoices {
  const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  const present = (field: 'branch' | 'channel' | 'plan'): string[] => {
    const { codes, names } = set.customers.categories[field];
    const seen = new Uint8Array(names.length);
    for (let i = 0; i < codes.length; i++) seen[codes[i] as number] = 1;
    return names.filter((_, code) => seen[code] === 1).sort(byCodeUnit);
  };
  const tierNames = resultTierNames(set.scenario);
  const slots = new Uint8Array(tierNames.length + 2);
  const { tier } = set.customers;
  for (let i = 0; i < tier.length; i++) {
    const t = tier[i] as number;
    slots[t === RESULT_TIER_NO_VALUE ? tierNames.length : t === RESULT_TIER_INELIGIBLE ? tierNames.length + 1 : t] = 1;
  }
  const tiers = [...tierNames, NO_VALUE_GROUP, INELIGIBLE_TIER].filter((_, slot) => slots[slot] === 1);
  return { branch: present('branch'), channel: present('channel'), plan: present('plan'), tier: tiers };
}
