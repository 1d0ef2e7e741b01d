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
  return money.revenueAt(r) - money.individualCostAt(r) - (allocated[r] as number);
}

/** profit(c,m) of every row as a column (ModelResult.rowProfits; the writers and the uplift use rowProfit row by row). */
export function rowProfits(money: RowMoney, allocated: Float64Array): Float64Array {
  const out = new Float64Array(allocated.length);
  for (let r = 0; r < out.length; r++) out[r] = rowProfit(money, allocated, r);
  return out;
}

/**
 * avg_allocated is the mean over the window months present; avg_profit is then
 * avg_revenue − avg_individual_cost − avg_allocated, which equals the mean of profit(c,m)
 * (profit is linear) and makes the exported columns add up exactly, as an auditor checks them.
 */
export function computeWindowProfit(facts: FactTable, allocated: Float64Array, win: CustomerWindow, reuse?: WindowProfit): WindowProfit {
  const n = facts.customerIds.length;
  const fits = reuse?.avgProfit.length === n;
  const avgAllocated = fits ? reuse.avgAllocated.fill(0) : new Float64Array(n);
  const avgProfit = fits ? reuse.avgProfit : new Float64Array(n);
  const customer = facts.customer;
  for (const index of win.windowMonthIndex) {
    if (index < 0) continue;
    const end = facts.monthStart[index + 1] as number;
    for (let r = facts.monthStart[index] as number; r < end; r++) {
      const c = customer[r] as number;
      avgAllocated[c] = (avgAllocated[c] as number) + (allocated[r] as number);
    }
  }
  const { monthsPresent, avgRevenue, avgIndividualCost } = win;
  for (let c = 0; c < n; c++) {
    const present = monthsPresent[c] as number;
    if (present > 0) {
      const a = (avgAllocated[c] as number) / present;
      avgAllocated[c] = a;
      avgProfit[c] = (avgRevenue[c] as number) - (avgIndividualCost[c] as number) - a;
    } else {
      avgAllocated[c] = NaN;
      avgProfit[c] = NaN;
    }
  }
  return { avgAllocated, avgProfit };
}
