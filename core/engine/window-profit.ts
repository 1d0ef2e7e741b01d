/** SPEC §4: profit per customer-month and its window averages, the part that moves with driver weights. */
import type { FactTable } from '../model/dataset.js';
import type { CustomerWindow } from './customer-window.js';
import type { RowMoney } from './row-money.js';

export interface WindowProfit {
  readonly avgAllocated: Float64Array;
  readonly avgProfit: Float64Array;
}

/** profit(c,m) of one row. */
export function rowProfit(money: RowMoney, allocated: Float64Array, r: number): number {
  return (money.revenue[r] as number) - (money.individualCost[r] as number) - (allocated[r] as number);
}

/** profit(c,m) of every row, for the files that list customer-months; what-if re-runs never build it. */
export function rowProfits(money: RowMoney, allocated: Float64Array): Float64Array {
  const out = new Float64Array(allocated.length);
  for (let r = 0; r < out.length; r++) out[r] = rowProfit(money, allocated, r);
  return out;
}

export function computeWindowProfit(facts: FactTable, money: RowMoney, allocated: Float64Array, win: CustomerWindow): WindowProfit {
  const n = facts.customerIds.length;
  const sumAllocated = new Float64Array(n);
  const sumProfit = new Float64Array(n);
  const { revenue, individualCost } = money;
  const customer = facts.customer;
  for (const index of win.windowMonthIndex) {
    if (index < 0) continue;
    const end = facts.monthStart[index + 1] as number;
    for (let r = facts.monthStart[index] as number; r < end; r++) {
      const c = customer[r] as number;
      const a = allocated[r] as number;
      sumAllocated[c] = (sumAllocated[c] as number) + a;
      sumProfit[c] = (sumProfit[c] as number) + ((revenue[r] as number) - (individualCost[r] as number) - a);
    }
  }
  // Sums become means in place: customers outside the table keep NaN.
  for (let c = 0; c < n; c++) {
    const present = win.monthsPresent[c] as number;
    sumAllocated[c] = present > 0 ? (sumAllocated[c] as number) / present : NaN;
    sumProfit[c] = present > 0 ? (sumProfit[c] as number) / present : NaN;
  }
  return { avgAllocated: sumAllocated, avgProfit: sumProfit };
}
