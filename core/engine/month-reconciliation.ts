/** SPEC §10's rounding check per month: pools, allocated pools and the customers' rounded allocations. */
import { monthKey } from '../model/month.js';
import type { ModelResult } from './run-model.js';

export interface MonthReconciliation {
  readonly month: string;
  readonly poolsFen: number;
  readonly allocatedPoolsFen: number;
  readonly customersPresent: number;
  /** Σ allocated(c,m) at full precision. */
  readonly floatAllocated: number;
  /** Σ allocated(c,m) after largest-remainder rounding; equals allocatedPoolsFen. */
  readonly roundedFen: number;
}

export function reconcileMonths(result: ModelResult): MonthReconciliation[] {
  const facts = result.input.facts;
  const { fen, allocatedPoolsFen } = result.rounded();
  const poolsFen = new Map<string, number>();
  for (const r of result.allocation.reconciliation) poolsFen.set(r.month, (poolsFen.get(r.month) ?? 0) + r.amountFen);
  const out: MonthReconciliation[] = [];
  for (let m = 0; m < facts.months.length; m++) {
    const month = monthKey(facts.months[m] as number);
    const start = facts.monthStart[m] as number;
    const end = facts.monthStart[m + 1] as number;
    let floatAllocated = 0;
    let roundedFen = 0;
    for (let r = start; r < end; r++) {
      floatAllocated += result.allocation.allocated[r] as number;
      roundedFen += fen[r] as number;
    }
    out.push({ month, poolsFen: poolsFen.get(month) ?? 0, allocatedPoolsFen: allocatedPoolsFen[m] as number, customersPresent: end - start, floatAllocated, roundedFen });
  }
  return out;
}
