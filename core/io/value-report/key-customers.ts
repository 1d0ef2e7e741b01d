/**
 * The customer lists of the summary report: the negative-value customers with the largest
 * losses, and the customers with the highest and the lowest value. A million customers are
 * narrowed with one typed-array sort of the keys (native, no comparator), so only the chosen
 * few are ever sorted as objects.
 */
import type { ModelResult } from '../../engine/run-model.js';

/** The k customers of `candidates` with the smallest keys, smallest first; ties to the smaller index (id order). */
export function smallestK(candidates: Int32Array, keyOf: (c: number) => number, k: number): Int32Array {
  const n = candidates.length;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = keyOf(candidates[i] as number);
  let chosen: number[];
  if (n <= k) {
    chosen = Array.from(candidates);
  } else {
    const threshold = keys.slice().sort()[k - 1] as number;
    chosen = [];
    for (let i = 0; i < n; i++) if ((keys[i] as number) < threshold) chosen.push(candidates[i] as number);
    // Candidates come in index order, so the first ties at the threshold are the smaller ids.
    for (let i = 0; i < n && chosen.length < k; i++) if (keys[i] === threshold) chosen.push(candidates[i] as number);
  }
  chosen.sort((a, b) => keyOf(a) - keyOf(b) || a - b);
  return Int32Array.from(chosen);
}

export interface KeyCustomerLists {
  /** Negative-value customers, largest loss first, at most the cap. */
  readonly negative: Int32Array;
  readonly negativeCount: number;
  /** Highest value first. */
  readonly top: Int32Array;
  /** Lowest value first. */
  readonly bottom: Int32Array;
}

export function keyCustomerLists(result: ModelResult, listSize: number, negativeCap: number): KeyCustomerLists {
  const { window: win, profit, values } = result;
  const negatives: number[] = [];
  const valued: number[] = [];
  for (const c of win.table) {
    if ((profit.avgProfit[c] as number) < 0) negatives.push(c);
    if (Number.isFinite(values.value[c] as number)) valued.push(c);
  }
  const scored = Int32Array.from(valued);
  return {
    negative: smallestK(Int32Array.from(negatives), (c) => profit.avgProfit[c] as number, negativeCap),
    negativeCount: negatives.length,
    top: smallestK(scored, (c) => -(values.value[c] as number), listSize),
    bottom: smallestK(scored, (c) => values.value[c] as number, listSize),
  };
}
