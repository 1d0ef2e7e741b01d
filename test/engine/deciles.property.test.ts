/**
 * SPEC §5 auto breakpoints spread scores evenly: on tie-free data each decile of profit
 * scores, [10k, 10k+10) and the last one [90, 100], holds 10% ± 1% of the eligible customers.
 *
 * Run count: this property builds provinces of 200–2000 eligible customers (up to ~8000 rows
 * with the ineligible ones), about 20 ms a run, so it runs 3% of PROPERTY_RUNS (300 at the
 * default 10000) to keep the suite within its time budget; PROPERTY_RUNS scales it.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { runModel } from '../../core/engine/run-model.js';
import { monthKey, monthNumber } from '../../core/model/month.js';
import { buildInput, type FactRecord, type PoolRecord } from '../support/build-input.js';
import { check, mustParse, prng, propertyOptions } from './arbitraries.js';

type Shape = 'uniform' | 'heavy-tail' | 'dense' | 'mostly-negative' | 'two-clusters';

/** n distinct whole-fen profits of the given shape, from a seeded PRNG (distinct by construction). */
function distinctProfitsFen(n: number, shape: Shape, seed: number): number[] {
  const random = prng(seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));
  const seen = new Set<number>();
  const out: number[] = [];
  const start = int(-1_000_000, 1_000_000);
  while (out.length < n) {
    let v: number;
    switch (shape) {
      case 'uniform':
        v = int(-5_000_000, 5_000_000);
        break;
      case 'heavy-tail':
        // Mostly small figures with a few huge ones (1e10 fen = 1e8 yuan).
        v = random() < 0.03 ? int(1, 10) * 1e10 + int(0, 1e6) : int(-20_000, 20_000);
        break;
      case 'dense':
        // Consecutive fen: neighbours one fen apart.
        v = start + out.length;
        break;
      case 'mostly-negative':
        v = random() < 0.9 ? -int(1, 2_000_000) : int(0, 50_000);
        break;
      case 'two-clusters':
        v = random() < 0.5 ? int(-1_000, 1_000) : 100_000_000 + int(-1_000, 1_000);
        break;
    }
    if (!seen.has(v)) {
      seen.add(v);
      out.push(v);
    }
  }
  return out;
}

const caseArb = fc.record({
  n: fc.integer({ min: 200, max: 2000 }),
  ineligible: fc.integer({ min: 0, max: 60 }),
  shape: fc.constantFrom<Shape>('uniform', 'heavy-tail', 'dense', 'mostly-negative', 'two-clusters'),
  seed: fc.integer(),
  window: fc.integer({ min: 1, max: 3 }),
  minTenure: fc.integer({ min: 1, max: 6 }),
  /** An unscoped users-only pool shifts every profit by the same amount, keeping them distinct. */
  poolFen: fc.option(fc.integer({ min: 0, max: 100_000_000 }), { nil: null }),
});

describe('profit score deciles (SPEC §5) — property', () => {
  it('puts 10% ± 1% of eligible customers in each decile of the profit score on tie-free data', () => {
    fc.assert(
      fc.property(caseArb, ({ n, ineligible, shape, seed, window, minTenure, poolFen }) => {
        const M = monthNumber('2026-03');
        const months = Array.from({ length: window }, (_, k) => monthKey(M - window + 1 + k));
        const profits = distinctProfitsFen(n + ineligible, shape, seed);
        const facts: FactRecord[] = [];
        profits.forEach((fen, c) => {
          const id = `U${String(c).padStart(5, '0')}`;
          const isEligible = c < n;
          months.forEach((month, k) => {
            // Ineligible customers: joined in M (tenure 0 < min_tenure), some also miss a month.
            if (!isEligible && c % 2 === 0 && k === 0 && window > 1) return;
            facts.push({ customer_id: id, month, billed_revenue: fen / 100, plan: c % 3 === 0 ? 'P18' : 'P38', join_month: isEligible ? '2020-01' : monthKey(M) });
          });
        });
        const pools: PoolRecord[] = poolFen === null ? [] : months.map((month) => ({ pool: '网络运维', month, amountFen: poolFen }));
        const scenario = mustParse({ window, min_tenure: minTenure, drivers: { default: { users: 1 } }, profit_breakpoints: { mode: 'auto' } });
        const input = buildInput(facts, pools);
        const result = runModel(input, scenario);
        const list = result.eligibility.eligibleList;
        check(list.length === n, () => `test setup: ${list.length} eligible customers, expected ${n}`);
        const avg = Array.from(list, (c) => result.profit.avgProfit[c] as number);
        check(new Set(avg).size === n, () => `test setup: avg_profit values are not distinct (${n - new Set(avg).size} ties)`);

        const counts = new Array<number>(10).fill(0);
        for (const c of list) {
          const s = result.profitScore[c] as number;
          check(s >= 0 && s <= 100, () => `customer ${input.facts.customerIds.at(c)}: profit score ${s}`);
          const k = Math.min(9, Math.floor(s / 10));
          counts[k] = (counts[k] as number) + 1;
        }
        const bp = JSON.stringify(result.breakpoints.breakpoints);
        counts.forEach((count, k) => {
          const share = count / n;
          check(Math.abs(share - 0.1) <= 0.01 + 1e-12, () => `decile ${k} (scores ${10 * k}–${10 * k + 10}) holds ${count} of ${n} eligible customers (${(share * 100).toFixed(2)}%); counts ${counts.join(',')}; shape ${shape}; breakpoints ${bp}`);
        });
      }),
      propertyOptions(0.03),
    );
  });
});
