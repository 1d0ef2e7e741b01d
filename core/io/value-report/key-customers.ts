/**
 * The customer lists of the summary report: the negative-value customers with the largest
 * losses, and the customers with the highest and the lowest value. A million customers are
 * narrowed with one typed-array sort of the keys (native, no comparator), so only the chosen
 * few are ever sorted as objects.
 */
import type { ModelResult } from '../../engine/run-model.js';
import { smallestK } from '../../engine/smallest-k.js';

// Re-exported for the value report's other sheets and the service, which import it from here.
export { smallestK };

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
  return keyListsOf(result.window.table, result.profit.avgProfit, result.values.value, listSize, negativeCap);
}

/** The same lists over any customer table with its profit and value columns (a results set's too). */
export function keyListsOf(table: Int32Array, avgProfit: Float64Array, value: Float64Array, listSize: number, negativeCap: number): KeyCustomerLists {
  const negatives: number[] = [];
  const valued: number[] = [];
  for (const c of table) {
    if ((avgProfit[c] as number) < 0) negatives.push(c);
    if (Number.isFinite(value[c] as number)) valued.push(c);
  }
  const scored = Int32Array.from(valued);
  return {
    negative: smallestK(Int32Array.from(negatives), (c) => avgProfit[c] as number, negativeCap),
    negativeCount: negatives.length,
    top: smallestK(scored, (c) => -(value[c] as number), listSize),
    bottom: smallestK(scored, (c) => value[c] as number, listSize),
  };
}
