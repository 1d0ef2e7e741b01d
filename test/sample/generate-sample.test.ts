import { describe, expect, it } from 'vitest';
import { generateSample, type SampleBatch, type SampleOptions } from '../../core/sample/generate-sample.js';
import { BRANCHES, CAMPAIGNS, CHANNELS, COST_POOLS, GPRS_PLAN_NAME, PLANS, SEGMENTS } from '../../core/sample/province.js';

type Rows = { [K in keyof SampleBatch]: SampleBatch[K] };

function collect(options: SampleOptions, customersPerBatch?: number): Rows {
  const all: Rows = { usage: [], settlement: [], individualCosts: [], credit: [], campaigns: [] };
  for (const batch of generateSample(options).batches(customersPerBatch)) {
    all.usage.push(...batch.usage);
    all.settlement.push(...batch.settlement);
    all.individualCosts.push(...batch.individualCosts);
    all.credit.push(...batch.credit);
    all.campaigns.push(...batch.campaigns);
  }
  return all;
}

/** Month indexes in which each customer is present, in the order customers were generated. */
function presence(rows: Rows, months: readonly string[]): Map<string, number[]> {
  const present = new Map<string, number[]>();
  for (const row of rows.usage) {
    const list = present.get(row.customer_id) ?? [];
    list.push(months.indexOf(row.month));
    present.set(row.customer_id, list);
  }
  return present;
}

const key = (row: { customer_id: string; month: string }): string => `${row.customer_id}|${row.month}`;

function add(map: Map<string, number>, k: string, delta: number): void {
  map.set(k, (map.get(k) ?? 0) + delta);
}

describe('generateSample', () => {
  const options = { customers: 5000, months: 3, seed: 7 } as const;
  const sample = generateSample(options);
  const rows = collect(options);

  it('is the same whatever the batch size, and differs by seed', () => {
    expect(collect(options, 7)).toEqual(rows);
    expect(collect({ ...options, seed: 8 }).usage).not.toEqual(rows.usage);
  });

  it('generates the months ending at endMonth', () => {
    expect(sample.months).toEqual(['2026-07', '2026-08', '2026-09']);
    expect(generateSample({ customers: 1, months: 4, endMonth: '2026-02' }).months).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
  });

  it('has one usage row per present customer-month, every customer present at least once', () => {
    const present = presence(rows, sample.months);
    expect(present.size).toBe(options.customers);
    let missing = 0;
    const patterns = { full: 0, joined: 0, left: 0, gap: 0 };
    for (const months of present.values()) {
      missing += options.months - months.length;
      const text = [0, 1, 2].map((k) => (months.includes(k) ? 'x' : '.')).join('');
      if (text === 'xxx') patterns.full++;
      else if (text === '.xx' || text === '..x') patterns.joined++;
      else if (text === 'xx.' || text === 'x..') patterns.left++;
      else if (text === 'x.x') patterns.gap++;
      else throw new Error(`unexpected presence ${text}`);
    }
    expect(rows.usage).toHaveLength(options.customers * options.months - missing);
    expect(patterns.joined).toBeGreaterThan(0);
    expect(patterns.left).toBeGreaterThan(0);
    expect(patterns.gap).toBeGreaterThan(0);
    expect(patterns.full / options.customers).toBeGreaterThan(0.9);
  });

  it('has exactly one row per customer with a single month', () => {
    expect(collect({ customers: 3000, months: 1 }).usage).toHaveLength(3000);
  });

  it('uses unique mobile numbers and a few leading-zero account ids', () => {
    const ids = [...presence(rows, sample.months).keys()];
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^(1[3-8]\d{9}|0\d{11})$/);
    const accounts = ids.filter((id) => id.startsWith('0')).length;
    expect(accounts).toBeGreaterThan(0);
    expect(accounts / ids.length).toBeLessThan(0.02);
  });

  it('keys every settlement, individual cost and credit row to a usage row', () => {
    const usageKeys = new Set(rows.usage.map(key));
    for (const row of [...rows.settlement, ...rows.individualCosts, ...rows.credit]) expect(usageKeys.has(key(row))).toBe(true);
    expect(rows.credit.length).toBeGreaterThan(0);
    for (const row of rows.credit) expect(row.suspension_count + row.suspension_days + row.arrears).toBeGreaterThan(0);
  });

  it('starts campaigns inside the data, with participants present in the start month', () => {
    const usageKeys = new Set(rows.usage.map(key));
    expect(new Set(rows.campaigns.map((r) => r.campaign))).toEqual(new Set(CAMPAIGNS.map((c) => c.name)));
    for (const row of rows.campaigns) {
      expect(sample.months).toContain(row.start_month);
      expect(usageKeys.has(`${row.customer_id}|${row.start_month}`)).toBe(true);
    }
  });

  it('has five pools per month, one scoped to 郑州', () => {
    expect(sample.costPools).toHaveLength(5 * options.months);
    for (const month of sample.months) {
      const pools = sample.costPools.filter((p) => p.month === month);
      expect(pools.map((p) => p.pool)).toEqual(COST_POOLS.map((p) => p.name));
      expect(pools.filter((p) => p.scope !== '').map((p) => p.scope)).toEqual(['branch=郑州']);
      for (const pool of pools) expect(Math.round(pool.amount * 100)).toBeCloseTo(pool.amount * 100, 6);
    }
  });

  it('has join dates over ten years, some within the last months, and a few plan changes', () => {
    const joins = rows.usage.map((r) => r.join_date).sort();
    expect(joins[0]?.slice(0, 7)).toMatch(/^2016-(0[789]|1[012])$/);
    expect(joins.at(-1)?.slice(0, 7)).toBe('2026-09');
    expect(rows.usage.some((r) => r.join_date >= '2026-08')).toBe(true);
    const plans = new Map<string, Set<string>>();
    for (const r of rows.usage) plans.set(r.customer_id, (plans.get(r.customer_id) ?? new Set()).add(r.plan));
    const changed = [...plans.values()].filter((s) => s.size > 1).length;
    expect(changed).toBeGreaterThan(0);
    expect(changed / options.customers).toBeLessThan(0.05);
  });

  it('uses no text that would need quoting in CSV', () => {
    const names = [...BRANCHES, ...PLANS, ...CHANNELS, ...SEGMENTS, ...CAMPAIGNS, ...COST_POOLS].map((x) => x.name);
    for (const name of names) expect(name).not.toMatch(/[",\r\n]/);
  });

  it('rejects sizes it cannot generate', () => {
    expect(() => generateSample({ customers: 0, months: 3 })).toThrow(RangeError);
    expect(() => generateSample({ customers: 10, months: 37 })).toThrow(RangeError);
    expect(() => generateSample({ customers: 10, months: 3, endMonth: '2026-13' })).toThrow(RangeError);
    expect(() => generateSample({ customers: 10, months: 3, seed: 2 ** 32 })).toThrow(RangeError);
  });
});

describe('generateSample economics (20k customers)', () => {
  const sample = generateSample({ customers: 20_000, months: 3 });
  const rows = collect({ customers: 20_000, months: 3 });

  it('has a few refund months', () => {
    const refunds = rows.usage.filter((r) => r.billed_revenue < 0).length;
    expect(refunds).toBeGreaterThan(10);
    expect(refunds / rows.usage.length).toBeLessThan(0.01);
  });

  it('inverts settlement on the GPRS plan (结算倒挂)', () => {
    const gprs = new Set(rows.usage.filter((r) => r.plan === GPRS_PLAN_NAME).map(key));
    let revenue = rows.usage.filter((r) => r.plan === GPRS_PLAN_NAME).reduce((s, r) => s + r.billed_revenue, 0);
    let cost = 0;
    for (const r of rows.settlement) {
      if (!gprs.has(key(r))) continue;
      revenue += r.settlement_income;
      cost += r.settlement_cost_inter + r.settlement_cost_intra;
    }
    expect(gprs.size).toBeGreaterThan(500);
    expect(cost).toBeGreaterThan(revenue);
  });

  it('makes 10–20% of customers negative-value under the default allocation', () => {
    // SPEC §2–§4 with the default drivers (users 0.5, minutes 0.5), averaged over present months.
    const profit = new Map<string, number>(rows.usage.map((r) => [key(r), r.billed_revenue]));
    for (const r of rows.settlement) add(profit, key(r), r.settlement_income - r.settlement_cost_inter - r.settlement_cost_intra);
    for (const r of rows.individualCosts) add(profit, key(r), -r.commission - r.marketing_discount - r.handset_subsidy - r.points_cost);
    for (const pool of sample.costPools) {
      const branch = pool.scope.startsWith('branch=') ? pool.scope.slice('branch='.length) : null;
      const scope = rows.usage.filter((r) => r.month === pool.month && (branch === null || r.branch === branch));
      const minutes = scope.reduce((s, r) => s + r.minutes, 0);
      for (const r of scope) {
        const share = 0.5 / scope.length + (0.5 * r.minutes) / minutes;
        add(profit, key(r), -pool.amount * share);
      }
    }
    const byCustomer = new Map<string, { sum: number; n: number }>();
    for (const r of rows.usage) {
      const acc = byCustomer.get(r.customer_id) ?? { sum: 0, n: 0 };
      acc.sum += profit.get(key(r)) ?? 0;
      acc.n++;
      byCustomer.set(r.customer_id, acc);
    }
    const negative = [...byCustomer.values()].filter((a) => a.sum / a.n < 0).length / byCustomer.size;
    expect(negative).toBeGreaterThan(0.1);
    expect(negative).toBeLessThan(0.2);
  });
});
