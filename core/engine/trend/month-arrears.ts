/** The arrears fact of one month per customer, for the credit-and-arrears warning. */
import type { FactTable } from '../../model/dataset.js';
import { numberAt } from '../../model/number-column.js';

/** NaN where the customer has no row in that month (absent, so no arrears are known). */
export function monthArrears(facts: FactTable, month: number): Float64Array {
  const out = new Float64Array(facts.customerIds.length).fill(NaN);
  const index = facts.months.indexOf(month);
  if (index < 0) return out;
  const arrears = facts.numbers.arrears;
  const end = facts.monthStart[index + 1] as number;
  for (let r = facts.monthStart[index] as number; r < end; r++) out[facts.customer[r] as number] = numberAt(arrears, r);
  return out;
}
