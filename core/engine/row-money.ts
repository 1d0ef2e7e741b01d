/** SPEC §2: revenue and individual cost of every present customer-month. */
import type { FactTable } from '../model/dataset.js';

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
  for (let r = 0; r < n; r++) {
    revenue[r] = (f.billed_revenue[r] as number) + (f.settlement_income[r] as number);
    const settlement = (f.settlement_cost_inter[r] as number) + (f.settlement_cost_intra[r] as number);
    settlementCost[r] = settlement;
    individualCost[r] =
      settlement +
      (f.commission[r] as number) +
      (f.marketing_discount[r] as number) +
      (f.handset_subsidy[r] as number) +
      (f.points_cost[r] as number);
  }
  return { revenue, settlementCost, individualCost };
}
