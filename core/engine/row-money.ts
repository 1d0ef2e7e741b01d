/** SPEC §2: revenue and individual cost of every present customer-month. */
import type { FactTable } from '../model/dataset.js';
import type { NumberColumn } from '../model/number-column.js';

export interface RowMoney {
  readonly revenue: Float64Array;
  readonly settlementCost: Float64Array;
  readonly individualCost: Float64Array;
}

export function computeRowMoney(facts: FactTable): RowMoney {
  const n = facts.customer.length;
  const f = facts.numbers;
  const revenue = new Float64Array(n);
  const settlementCost = new Float64Array(n);
  const individualCost = new Float64Array(n);
  // Column by column, each decoded once: the same sums in the same order as row by row.
  addColumn(revenue, f.billed_revenue);
  addColumn(revenue, f.settlement_income);
  addColumn(settlementCost, f.settlement_cost_inter);
  addColumn(settlementCost, f.settlement_cost_intra);
  individualCost.set(settlementCost);
  addColumn(individualCost, f.commission);
  addColumn(individualCost, f.marketing_discount);
  addColumn(individualCost, f.handset_subsidy);
  addColumn(individualCost, f.points_cost);
  return { revenue, settlementCost, individualCost };
}

/** sum[r] += column's value at r; the first add onto 0 gives the value itself, as before. */
function addColumn(sum: Float64Array, column: NumberColumn): void {
  const { values, scale } = column;
  for (let r = 0; r < sum.length; r++) sum[r] = (sum[r] as number) + (values[r] as number) / scale;
}
