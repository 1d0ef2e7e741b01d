/** SPEC §2: revenue and individual cost of every present customer-month. */
import type { FactTable } from '../model/dataset.js';
import { numberAt, type NumberColumn } from '../model/number-column.js';

export interface RowMoney {
  readonly revenue: Float64Array;
  readonly individualCost: Float64Array;
}

/**
 * Revenue and individual cost per row. The settlement cost, a part of the individual cost, is
 * not kept per row (240 MB at ten million customers × three months): settlementCostAt gives it
 * with the same additions in the same order.
 */
export function computeRowMoney(facts: FactTable): RowMoney {
  const n = facts.customer.length;
  const f = facts.numbers;
  const revenue = new Float64Array(n);
  const individualCost = new Float64Array(n);
  // Column by column, each decoded once: the same sums in the same order as row by row.
  addColumn(revenue, f.billed_revenue);
  addColumn(revenue, f.settlement_income);
  addColumn(individualCost, f.settlement_cost_inter);
  addColumn(individualCost, f.settlement_cost_intra);
  addColumn(individualCost, f.commission);
  addColumn(individualCost, f.marketing_discount);
  addColumn(individualCost, f.handset_subsidy);
  addColumn(individualCost, f.points_cost);
  return { revenue, individualCost };
}

/** SPEC §2's settlement cost of row r: inter-network plus intra-network, added onto 0 as computeRowMoney does. */
export function settlementCostAt(facts: FactTable, r: number): number {
  return 0 + numberAt(facts.numbers.settlement_cost_inter, r) + numberAt(facts.numbers.settlement_cost_intra, r);
}

/** sum[r] += column's value at r; the first add onto 0 gives the value itself, as before. */
function addColumn(sum: Float64Array, column: NumberColumn): void {
  const { values, scale } = column;
  for (let r = 0; r < sum.length; r++) sum[r] = (sum[r] as number) + (values[r] as number) / scale;
}
