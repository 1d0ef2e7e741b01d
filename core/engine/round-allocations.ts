/**
 * SPEC §10 largest-remainder rounding: per month, floor every customer's allocated figure to
 * the fen, then hand the missing fen (the exact sum of the allocated pools minus the floored
 * sum) one each to the largest remainders, ties to the smaller customer_id. The rounded
 * figures then add up exactly to the month's allocated pool total.
 */
import type { FactTable } from '../model/dataset.js';
import type { ReconciliationRow } from './allocate-common-costs.js';
import { monthKey } from '../model/month.js';
import { orderStatistic } from './quantiles.js';

/** Float noise below this many fen is not a remainder (15.999999999 yuan is 1600 fen). */
const FEN_EPSILON = 1e-6;

export interface RoundedAllocations {
  /**
   * allocated_rounded per row, in fen (integers): 32-bit when every row's figure fits, as it
   * does below 21 million yuan a customer-month (half the memory of doubles: 115 MB less at ten
   * million customers × three months), else doubles.
   */
  readonly fen: Int32Array | Float64Array;
  /** Per loaded month: the exact fen total of its allocated pools. */
  readonly allocatedPoolsFen: Float64Array;
}

/**
 * Adds `step` to the `count` rows of start…end−1 with the largest keys, ties to the smaller
 * customer index (= smaller id). Selection finds the cut-off key, so no month is sorted.
 * keys[k] belongs to row start + k (one month's keys, not the whole table's).
 */
function adjustLargest(fen: Int32Array | Float64Array, keys: Float64Array, start: number, end: number, count: number, step: 1 | -1): void {
  const size = end - start;
  const cut = orderStatistic(keys.slice(0, size), size - count);
  const tied: number[] = [];
  let given = 0;
  for (let r = start; r < end; r++) {
    const key = keys[r - start] as number;
    if (key > cut) {
      fen[r] = (fen[r] as number) + step;
      given++;
    } else if (key === cut) tied.push(r);
  }
  // Rows are in customer order within a month, so the first tied rows have the smaller ids.
  for (let k = 0; given < count; k++, given++) {
    const r = tied[k] as number;
    fen[r] = (fen[r] as number) + step;
  }
}

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/**
 * True when every row's rounded fen is a 32-bit integer: the floor of the extreme figures, one
 * fen either way for the largest-remainder step, within range. A NaN or infinite allocation
 * keeps the doubles, which hold its rounding as before.
 */
function fitsInt32Fen(allocated: Float64Array): boolean {
  let min = 0;
  let max = 0;
  for (let r = 0; r < allocated.length; r++) {
    const x = allocated[r] as number;
    if (x < min) min = x;
    else if (x > max) max = x;
    else if (Number.isNaN(x)) return false;
  }
  return Math.floor(min * 100 + FEN_EPSILON) - 1 >= INT32_MIN && Math.floor(max * 100 + FEN_EPSILON) + 1 <= INT32_MAX;
}

export function roundAllocations(facts: FactTable, allocated: Float64Array, reconciliation: readonly ReconciliationRow[]): RoundedAllocations {
  const fen = fitsInt32Fen(allocated) ? new Int32Array(allocated.length) : new Float64Array(allocated.length);
  // One month's remainders at a time: a table-long array would be 230 MB more at 10M × 3 months.
  let largestMonth = 0;
  for (let m = 0; m < facts.months.length; m++) largestMonth = Math.max(largestMonth, (facts.monthStart[m + 1] as number) - (facts.monthStart[m] as number));
  const remainder = new Float64Array(largestMonth);
  const allocatedPoolsFen = new Float64Array(facts.months.length);
  const monthIndex = new Map<string, number>();
  facts.months.forEach((m, i) => monthIndex.set(monthKey(m), i));
  for (const row of reconciliation) {
    const i = monthIndex.get(row.month);
    if (row.allocated && i !== undefined) allocatedPoolsFen[i] = (allocatedPoolsFen[i] as number) + row.amountFen;
  }
  for (let m = 0; m < facts.months.length; m++) {
    const start = facts.monthStart[m] as number;
    const end = facts.monthStart[m + 1] as number;
    let floored = 0;
    for (let r = start; r < end; r++) {
      const exact = (allocated[r] as number) * 100;
      const f = Math.floor(exact + FEN_EPSILON);
      fen[r] = f;
      remainder[r - start] = exact - f;
      floored += f;
    }
    const missing = Math.round((allocatedPoolsFen[m] as number) - floored);
    if (missing === 0 || end === start) continue;
    if (missing > 0) adjustLargest(fen, remainder, start, end, Math.min(missing, end - start), 1);
    else {
      // Only float noise across very many rows can floor above the total: take those fen back from the smallest remainders.
      const negated = remainder.subarray(0, end - start).map((x) => -x);
      adjustLargest(fen, negated, start, end, Math.min(-missing, end - start), -1);
    }
  }
  return { fen, allocatedPoolsFen };
}
