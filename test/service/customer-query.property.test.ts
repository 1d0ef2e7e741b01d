/**
 * customers:query's filtering, sorting and paging (core/engine/customer-query.ts) against a
 * brute-force computation over plain row objects, on random provinces and scenarios; and the
 * radix sort alone on arbitrary doubles (negatives, zeros of both signs, infinities, NaN).
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { CUSTOMER_SORT_KEYS, customerRecord, filterChoices, queryCustomers, sortCustomers, type CustomerFilter, type CustomerRecord, type CustomerSortKey } from '../../core/engine/customer-query.js';
import { NO_VALUE_GROUP } from '../../core/engine/aggregates.js';
import { runModel, type ModelResult } from '../../core/engine/run-model.js';
import { INELIGIBLE_TIER } from '../../core/model/scenario.js';
import { buildInput } from '../support/build-input.js';
import { CATEGORY_VALUES, check, mustParse, propertyOptions, provinceArb, scenarioInputArb } from '../engine/arbitraries.js';

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The explorer's order as a plain comparator: the key, then the id; rows without the key last. */
function bruteOrder(rows: CustomerRecord[], key: CustomerSortKey, descending: boolean): CustomerRecord[] {
  if (key === 'customerId') {
    const sorted = [...rows].sort((a, b) => byCodeUnit(a.customerId, b.customerId));
    return descending ? sorted.reverse() : sorted;
  }
  return [...rows].sort((a, b) => {
    const x = a[key];
    const y = b[key];
    if (x === null || y === null) return x === y ? byCodeUnit(a.customerId, b.customerId) : x === null ? 1 : -1;
    const d = descending ? y - x : x - y;
    return d !== 0 ? d : byCodeUnit(a.customerId, b.customerId);
  });
}

function bruteFilter(rows: CustomerRecord[], f: CustomerFilter): CustomerRecord[] {
  return rows.filter(
    (r) =>
      (f.branch === undefined || r.branch === f.branch) &&
      (f.channel === undefined || r.channel === f.channel) &&
      (f.plan === undefined || r.plan === f.plan) &&
      (f.tier === undefined || r.tier === f.tier) &&
      (f.negative === undefined || r.negative === f.negative) &&
      (f.eligible === undefined || r.eligible === f.eligible) &&
      (f.search === undefined || r.customerId.startsWith(f.search)),
  );
}

const queryArb = fc.record({
  filter: fc.record(
    {
      branch: fc.constantFrom(...CATEGORY_VALUES.branch, '(未知)', '不存在'),
      channel: fc.constantFrom(...CATEGORY_VALUES.channel, '(未知)'),
      plan: fc.constantFrom(...CATEGORY_VALUES.plan, '(未知)'),
      tier: fc.constantFrom('A', 'B', 'C', 'D', '高价值', '低价值', NO_VALUE_GROUP, INELIGIBLE_TIER, '无此层'),
      negative: fc.boolean(),
      eligible: fc.boolean(),
      search: fc.string({ unit: fc.constantFrom('0', '1', '7', '9', 'A', 'a', 'Z', '中'), minLength: 0, maxLength: 3 }),
    },
    { requiredKeys: [] },
  ),
  key: fc.constantFrom(...CUSTOMER_SORT_KEYS),
  descending: fc.boolean(),
  offset: fc.integer({ min: 0, max: 30 }),
  limit: fc.integer({ min: 1, max: 30 }),
});

const caseArb = provinceArb().chain((province) => fc.tuple(fc.constant(province), scenarioInputArb(province.months, { formula: true }), fc.array(queryArb, { minLength: 1, maxLength: 5 })));

describe('customer query', () => {
  it('filters, sorts and pages as a brute-force computation does', () => {
    fc.assert(
      fc.property(caseArb, ([province, raw, queries]) => {
        const result = runModel(buildInput(province.facts, province.pools, province.campaigns), mustParse(raw));
        const rows = Array.from(result.window.table, (c) => customerRecord(result, c));
        for (const q of queries) {
          const filter = q.filter.search === '' ? { ...q.filter, search: undefined } : q.filter;
          const order = sortCustomers(result, q.key, q.descending);
          const got = queryCustomers(result, order, filter, q.offset, q.limit);
          const expected = bruteOrder(bruteFilter(rows, filter), q.key, q.descending);
          check(got.total === expected.length, () => `total ${got.total}, expected ${expected.length} for ${JSON.stringify(q)}`);
          const ids = Array.from(got.page, (c) => result.input.facts.customerIds.at(c));
          const want = expected.slice(q.offset, q.offset + q.limit).map((r) => r.customerId);
          check(JSON.stringify(ids) === JSON.stringify(want), () => `page ${JSON.stringify(ids)}, expected ${JSON.stringify(want)} for ${JSON.stringify(q)}`);
        }
        const choices = filterChoices(result);
        for (const field of ['branch', 'channel', 'plan', 'tier'] as const) {
          const present = new Set(rows.map((r) => r[field]));
          check(choices[field].length === present.size && choices[field].every((v) => present.has(v)), () => `${field} choices ${JSON.stringify(choices[field])}`);
        }
      }),
      propertyOptions(0.05),
    );
  });

  it('sorts any doubles by value, ties and zeros in id order, NaN last', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.double(), fc.constantFrom(0, -0, 1, -1, 1e-300, NaN, Infinity, -Infinity)), { minLength: 0, maxLength: 300 }), fc.boolean(), (keys, descending) => {
        const column = Float64Array.from(keys);
        const table = Int32Array.from(keys.keys());
        // Only the fields sortCustomers reads.
        const result = { window: { table, avgRevenue: column } } as unknown as ModelResult;
        const got = Array.from(sortCustomers(result, 'avgRevenue', descending));
        const want = [...table].sort((a, b) => {
          const x = column[a] as number;
          const y = column[b] as number;
          if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) === Number.isNaN(y) ? a - b : Number.isNaN(x) ? 1 : -1;
          if (x === y) return a - b;
          return descending ? (y > x ? 1 : -1) : x > y ? 1 : -1;
        });
        check(JSON.stringify(got) === JSON.stringify(want), () => `sorted ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
      }),
      propertyOptions(0.1),
    );
  });
});
