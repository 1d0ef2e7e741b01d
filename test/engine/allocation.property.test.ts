/**
 * SPEC §3 conservation and SPEC §10 largest-remainder rounding, as properties over random
 * small provinces and scenarios. The expected figures are computed here from the plain
 * records and the formulas of the SPEC, not read back from the engine's reconciliation.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { runModel, type ModelResult } from '../../core/engine/run-model.js';
import type { ModelInput } from '../../core/model/dataset.js';
import { monthKey } from '../../core/model/month.js';
import { DRIVERS, type Scenario } from '../../core/model/scenario.js';
import { buildInput } from '../support/build-input.js';
import {
  check,
  close,
  engineRowKeys,
  mustParse,
  propertyOptions,
  provinceArb,
  referenceAllocated,
  referencePools,
  rowKey,
  scenarioInputArb,
  type Province,
  type ReferencePool,
} from './arbitraries.js';

const caseArb = provinceArb().chain((province) => fc.tuple(fc.constant(province), scenarioInputArb(province.months)));

interface Case {
  province: Province;
  scenario: Scenario;
  input: ModelInput;
  result: ModelResult;
  ref: ReferencePool[];
  /** Engine row of each fact record. */
  rowOfRecord: number[];
}

function runCase(province: Province, raw: Parameters<typeof mustParse>[0]): Case {
  const scenario = mustParse(raw);
  const input = buildInput(province.facts, province.pools, province.campaigns);
  const result = runModel(input, scenario);
  const keys = engineRowKeys(input.facts);
  const rowOf = new Map(keys.map((k, r) => [k, r]));
  check(keys.length === province.facts.length, () => `engine has ${keys.length} rows for ${province.facts.length} records`);
  const rowOfRecord = province.facts.map((f) => rowOf.get(rowKey(f.customer_id, f.month)) as number);
  return { province, scenario, input, result, ref: referencePools(province, scenario), rowOfRecord };
}

const poolLabel = (p: ReferencePool): string => `pool ${p.record.pool} ${p.record.month} (scope ${p.record.scope ? `${p.record.scope.field}=${p.record.scope.value}` : 'all'}, ${p.record.amountFen} fen)`;

/** Σ amountFen of the pools of `month` that the SPEC says are allocated (scope matches someone present). */
function allocatedFenOfMonth(ref: readonly ReferencePool[], month: string): number {
  return ref.filter((p) => p.allocated && p.record.month === month).reduce((s, p) => s + p.record.amountFen, 0);
}

describe('cost allocation (SPEC §3) — properties', () => {
  it('conserves every pool and month; unallocated pools are exactly those whose scope matches nobody present', () => {
    fc.assert(
      fc.property(caseArb, ([province, raw]) => {
        const { input, result, ref, rowOfRecord } = runCase(province, raw);
        const facts = input.facts;
        const allocation = result.allocation;

        // 1. Per pool: Σ_{c∈S} amount·share(c,p) = amount, with share from the SPEC's formula.
        for (const p of ref) {
          const amount = p.record.amountFen / 100;
          if (!p.allocated) continue;
          p.shares.forEach((s, k) =>
            check(s >= 0 && Number.isFinite(s), () => `${poolLabel(p)}: share of ${province.facts[p.scopeRows[k] as number]?.customer_id} is ${s}`),
          );
          const sum = p.shares.reduce((acc, s) => acc + amount * s, 0);
          check(close(sum, amount, 1e-6), () => `${poolLabel(p)}: Σ amount·share = ${sum}, amount ${amount} (weights ${p.weights.join(',')}, totals ${p.totals.join(',')})`);
        }

        // 2. The reconciliation agrees with the SPEC pool by pool (status, scope size, weights after the move, totals, sum).
        check(allocation.reconciliation.length === ref.length, () => `${allocation.reconciliation.length} reconciliation rows for ${ref.length} pools`);
        for (const p of ref) {
          const rows = allocation.reconciliation.filter((r) => r.pool === p.record.pool && r.month === p.record.month);
          check(rows.length === 1, () => `${poolLabel(p)}: ${rows.length} reconciliation rows`);
          const row = rows[0] as (typeof rows)[number];
          check(row.allocated === p.allocated, () => `${poolLabel(p)}: engine allocated=${row.allocated}, but ${p.scopeRows.length} present customers match its scope`);
          check(row.customersInScope === p.scopeRows.length, () => `${poolLabel(p)}: customersInScope ${row.customersInScope}, expected ${p.scopeRows.length}`);
          check(row.amountFen === p.record.amountFen, () => `${poolLabel(p)}: amountFen ${row.amountFen}`);
          if (!p.allocated) continue;
          DRIVERS.forEach((d, k) => {
            check(Math.abs((row.weights[k] as number) - (p.weights[k] as number)) <= 1e-12, () => `${poolLabel(p)}: weight ${d} used ${row.weights[k]}, expected ${p.weights[k]}`);
            check(close(row.totals[k] as number, p.totals[k] as number, 1e-12), () => `${poolLabel(p)}: X(${d}) ${row.totals[k]}, expected ${p.totals[k]}`);
          });
          check([...row.movedDrivers].sort().join(',') === [...p.moved].sort().join(','), () => `${poolLabel(p)}: moved ${row.movedDrivers.join(',')}, expected ${p.moved.join(',')}`);
          check(close(row.allocatedSum, p.record.amountFen / 100, 1e-6), () => `${poolLabel(p)}: allocatedSum ${row.allocatedSum}`);
        }

        // 3. Per row: the engine's allocated(c,m) is Σ_p amount·share from the formulas.
        const expected = referenceAllocated(province, ref);
        const monthTotal = new Map(facts.months.length === 0 ? [] : Array.from(facts.months, (m) => [monthKey(m), allocatedFenOfMonth(ref, monthKey(m)) / 100]));
        province.facts.forEach((f, i) => {
          const r = rowOfRecord[i] as number;
          const got = allocation.allocated[r] as number;
          const want = expected[i] as number;
          const scale = Math.max(1, monthTotal.get(f.month) ?? 0);
          check(Math.abs(got - want) <= 1e-9 * scale, () => `customer ${f.customer_id} ${f.month}: allocated ${got}, expected ${want}`);
        });

        // 4. Per month: Σ_c allocated(c,m) = Σ amount of the month's allocated pools.
        for (let m = 0; m < facts.months.length; m++) {
          const month = monthKey(facts.months[m] as number);
          let sum = 0;
          for (let r = facts.monthStart[m] as number; r < (facts.monthStart[m + 1] as number); r++) sum += allocation.allocated[r] as number;
          const total = monthTotal.get(month) as number;
          check(close(sum, total, 1e-6), () => `month ${month}: Σ allocated ${sum}, allocated pools total ${total}`);
        }
      }),
      propertyOptions(),
    );
  });

  it('rounds allocations to whole fen that add up exactly per month, by largest remainder (SPEC §10)', () => {
    fc.assert(
      fc.property(caseArb, ([province, raw]) => {
        const { input, result, ref } = runCase(province, raw);
        const facts = input.facts;
        const allocated = result.allocation.allocated;
        const { fen, allocatedPoolsFen } = result.rounded();
        check(fen.length === allocated.length, () => `fen has ${fen.length} rows, allocated ${allocated.length}`);
        const keys = engineRowKeys(facts);
        for (let m = 0; m < facts.months.length; m++) {
          const month = monthKey(facts.months[m] as number);
          const start = facts.monthStart[m] as number;
          const end = facts.monthStart[m + 1] as number;
          const totalFen = allocatedFenOfMonth(ref, month);
          check(allocatedPoolsFen[m] === totalFen, () => `month ${month}: allocatedPoolsFen ${allocatedPoolsFen[m]}, expected ${totalFen}`);
          let sum = 0;
          for (let r = start; r < end; r++) {
            const f = fen[r] as number;
            const exact = (allocated[r] as number) * 100;
            check(Number.isInteger(f), () => `${keys[r]}: rounded ${f} is not whole fen`);
            check(Math.abs(f - exact) <= 1, () => `${keys[r]}: rounded ${f} fen, allocated ${exact} fen`);
            sum += f;
          }
          check(sum === totalFen, () => `month ${month}: rounded fen add up to ${sum}, allocated pools ${totalFen}`);

          // The rule itself: floor each figure (float noise below 1e-6 fen is not a remainder, as
          // the engine documents), then one fen each to the largest remainders, ties to the smaller
          // customer_id (rows of a month are in id order, so the smaller row).
          const rows = Array.from({ length: end - start }, (_, k) => start + k);
          const floors = rows.map((r) => Math.floor((allocated[r] as number) * 100 + 1e-6));
          const rems = rows.map((r, k) => (allocated[r] as number) * 100 - (floors[k] as number));
          const missing = Math.round(totalFen - floors.reduce((a, b) => a + b, 0));
          const order = rows.map((_, k) => k).sort((a, b) => (missing >= 0 ? (rems[b] as number) - (rems[a] as number) : (rems[a] as number) - (rems[b] as number)) || a - b);
          const want = [...floors];
          order.slice(0, Math.abs(missing)).forEach((k) => (want[k] = (want[k] as number) + Math.sign(missing)));
          rows.forEach((r, k) =>
            check(fen[r] === want[k], () => `${keys[r]} (month ${month}): rounded ${fen[r]} fen, largest remainder gives ${want[k]} (exact ${(allocated[r] as number) * 100}, ${missing} fen to hand out)`),
          );
        }
      }),
      propertyOptions(),
    );
  });
});
