/**
 * Issue 7: what a what-if session holds besides its input, at province scale (10M customers ×
 * 3 months) the difference between fitting in 6 GB and not. The session keeps per customer
 * the window (table, flags, counts, tenure, attributes as of M, six averages), profit,
 * eligibility, the five scores, value and tier and the aggregates' cell; per row only the
 * allocation and the in-window flag, plus the rounding (32-bit fen) once asked for. Row money,
 * driver values and the credit and loyalty parts are computed from the facts when read.
 */
import { describe, expect, it } from 'vitest';
import { ModelSession } from '../../core/engine/run-model.js';
import { clampScore } from '../../core/engine/sub-scores.js';
import { parseScenario, type Scenario } from '../../core/model/scenario.js';
import { buildInput, type FactRecord, type PoolRecord } from '../support/build-input.js';

const MONTHS = ['2026-07', '2026-08', '2026-09'];
const BRANCHES = ['郑州', '开封', '洛阳'];

function scenario(raw: Record<string, unknown> = {}): Scenario {
  const parsed = parseScenario(raw);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.scenario;
}

/** `customers` customers over three months, most present every month, in money with fen and whole counts. */
function province(customers: number): { facts: FactRecord[]; pools: PoolRecord[] } {
  const facts: FactRecord[] = [];
  for (let c = 0; c < customers; c++) {
    MONTHS.forEach((month, m) => {
      if ((c + m) % 11 === 0) return;
      facts.push({
        customer_id: String(13800000000 + c),
        month,
        join_month: c % 7 === 0 ? undefined : `20${10 + (c % 15)}-0${1 + (c % 9)}`,
        billed_revenue: ((c * 37 + m * 11) % 20000) / 100 - 5,
        settlement_income: (c % 300) / 100,
        settlement_cost_inter: (c % 170) / 100,
        settlement_cost_intra: (c % 90) / 100,
        commission: (c % 13) * 1.5,
        marketing_discount: (c % 5) * 2.25,
        minutes: (c * 7 + m) % 900,
        data_mb: (c * 13 + m) % 5000,
        sms: c % 40,
        vas_count: c % 3,
        suspension_count: c % 17 === 0 ? 1 : 0,
        suspension_days: c % 17 === 0 ? 4 : 0,
        branch: BRANCHES[c % 3],
        plan: `套餐${c % 6}`,
        segment: `细分${c % 4}`,
      });
    });
  }
  const pools = MONTHS.flatMap((month) => [
    { pool: '营销机构成本', month, amountFen: customers * 1234 },
    { pool: '网络运维成本', month, amountFen: customers * 987 },
    { pool: '郑州专项', month, amountFen: customers * 55, scope: { field: 'branch' as const, value: '郑州' } },
  ]);
  return { facts, pools };
}

/** Bytes of the typed arrays reachable from `root` through own enumerable properties, Maps and arrays, except those in `exclude`. */
function typedBytes(root: unknown, exclude: Set<ArrayBufferLike>): number {
  const seen = new Set<unknown>();
  let bytes = 0;
  const visit = (x: unknown): void => {
    if (x === null || typeof x !== 'object' || seen.has(x)) return;
    seen.add(x);
    if (ArrayBuffer.isView(x)) {
      if (!exclude.has(x.buffer)) {
        exclude.add(x.buffer);
        bytes += x.buffer.byteLength;
      }
      return;
    }
    if (x instanceof Map) for (const v of x.values()) visit(v);
    else for (const v of Object.values(x)) visit(v);
  };
  visit(root);
  return bytes;
}

describe('what a model session holds (issue 7)', () => {
  it('keeps about 140 bytes per customer and 13 per customer-month besides its input', () => {
    const { facts, pools } = province(3000);
    const input = buildInput(facts, pools);
    const session = new ModelSession(input, { reuseBuffers: true });
    const first = session.run(scenario());
    expect(first.rounded().fen).toBeInstanceOf(Int32Array);
    session.run(scenario({ drivers: { default: { users: 0.3, minutes: 0.3, data_mb: 0.2, revenue: 0.2 } } }));
    const result = session.run(scenario({ drivers: { default: { users: 0.3, minutes: 0.3, data_mb: 0.2, revenue: 0.2 } }, value_weights: { profit: 0.5, loyalty: 0.2, credit: 0.2, behaviour: 0.1 } }));
    result.rounded();

    const inputBuffers = new Set<ArrayBufferLike>();
    typedBytes(input, inputBuffers);
    const held = typedBytes(session, inputBuffers);
    const customers = input.facts.customerIds.length;
    const rows = input.facts.customer.length;
    // 140 B per customer: window 70 (table and lastRow 4 each, tenure 4, six averages 48, five
    // one-byte attributes, months present, services, plan changes, two flags), profit 16,
    // eligibility 7, profit score, credit, loyalty and behaviour 8 each, value, tier and
    // borderline 11, cell 4. Per row: allocated 8, in-window 1, rounded fen 4, and the scoped
    // pool's row list (4 B for each row in its scope). The rest (cell and group sums) is small.
    const budget = 140 * customers + 13 * rows + 4 * rows / 3 + 64 * 1024;
    expect(held).toBeLessThanOrEqual(budget);
    expect(held).toBeGreaterThan(budget - 96 * 1024);
  });

  it('gives credit and loyalty parts that rebuild each score to the bit, NaN for customers not scored', () => {
    const { facts, pools } = province(500);
    const s = scenario({ credit: { weights: { tenure: 0.25, spend: 0.35, suspension_count: 0.2, suspension_days: 0.2 } } });
    const result = new ModelSession(buildInput(facts, pools)).run(s);
    const { credit, loyalty, eligibility } = result;
    const cw = s.credit.weights;
    const lw = s.loyalty.weights;
    let scored = 0;
    for (const c of result.window.table) {
      const g = credit.parts(c);
      const l = loyalty.parts(c);
      if (eligibility.eligible[c] !== 1) {
        expect([g.g1, g.g2, g.g3, g.g4, l.l1, l.l2, l.l3].every(Number.isNaN)).toBe(true);
        continue;
      }
      scored++;
      expect(clampScore(cw.tenure * g.g1 + cw.spend * g.g2 + cw.suspension_count * g.g3 + cw.suspension_days * g.g4)).toBe(credit.credit[c]);
      expect(clampScore(lw.tenure * l.l1 + lw.services * l.l2 + lw.plan_stability * l.l3)).toBe(loyalty.loyalty[c]);
      // The columns built on request hold the same parts.
      expect([credit.g1[c], credit.g2[c], credit.g3[c], credit.g4[c]]).toEqual([g.g1, g.g2, g.g3, g.g4]);
      expect([loyalty.l1[c], loyalty.l2[c], loyalty.l3[c]]).toEqual([l.l1, l.l2, l.l3]);
    }
    expect(scored).toBeGreaterThan(100);
  });

  it('holds the rounding in doubles when a customer-month is past 32-bit fen', () => {
    const facts: FactRecord[] = [
      { customer_id: 'a', month: '2026-09', billed_revenue: 10, minutes: 1 },
      { customer_id: 'b', month: '2026-09', billed_revenue: 10, minutes: 3 },
    ];
    // 40 million yuan split by minutes: 10 and 30 million yuan, b's past 2^31 fen (21.5 million yuan).
    const input = buildInput(facts, [{ pool: '大额', month: '2026-09', amountFen: 4_000_000_000 }]);
    const { fen, allocatedPoolsFen } = new ModelSession(input).run(scenario({ window: 1, drivers: { default: { users: 0, minutes: 1 } } })).rounded();
    expect(fen).toBeInstanceOf(Float64Array);
    expect(Array.from(fen)).toEqual([1_000_000_000, 3_000_000_000]);
    expect(allocatedPoolsFen[0]).toBe(4_000_000_000);
  });
});
