/**
 * The profit curve ("whale curve"): customers sorted by avg_profit, most profitable first, and
 * the cumulative profit after each. It rises while profits are positive, peaks, and falls by
 * what the loss-making customers give back; the peak is what an analyst looks for.
 */

/** [share of customers in %, cumulative avg_profit in yuan] after the k-th customer. */
export type CurvePoint = readonly [sharePercent: number, cumulativeProfit: number];

export interface ProfitCurve {
  readonly customers: number;
  /** Σ avg_profit of the customer table (= the last point's y). */
  readonly total: number;
  /** The curve's maximum, kept among the points whatever the downsampling. */
  readonly peak: CurvePoint | null;
  /** At most `maxPoints`, ascending x; the first is the first customer, the last the whole table. */
  readonly points: readonly CurvePoint[];
}

/** Enough for a smooth line at any chart width the report or the screens use. */
export const PROFIT_CURVE_MAX_POINTS = 400;

/**
 * The indices to draw: evenly spaced from the first to the last customer, plus the peak.
 * Uniform spacing is enough because the curve is concave (its slopes are the sorted profits),
 * so nothing between two samples can stick out except the peak, which is added exactly.
 */
function sampleIndices(n: number, peak: number, maxPoints: number): number[] {
  if (n <= maxPoints) return Array.from({ length: n }, (_, k) => k);
  const even = maxPoints - 1;
  const picked: number[] = [];
  for (let i = 0; i < even; i++) {
    // The step (n − 1)/(even − 1) exceeds 1, so the rounded indices strictly increase.
    const k = Math.round((i * (n - 1)) / (even - 1));
    const previous = picked[picked.length - 1] ?? -1;
    if (peak > previous && peak < k) picked.push(peak);
    picked.push(k);
  }
  return picked;
}

/**
 * O(n log n) in a typed-array sort (no per-customer objects), fine for a million customers.
 * `maxPoints` must be at least 3 (first, peak, last).
 */
export function profitCurve(avgProfit: Float64Array, table: Int32Array, maxPoints = PROFIT_CURVE_MAX_POINTS): ProfitCurve {
  const n = table.length;
  const sorted = new Float64Array(n);
  for (let i = 0; i < n; i++) sorted[i] = avgProfit[table[i] as number] as number;
  // Ascending numeric sort; the curve walks it from the end for "most profitable first".
  sorted.sort();
  const cumulative = new Float64Array(n);
  let sum = 0;
  let peak = 0;
  for (let k = 0; k < n; k++) {
    sum += sorted[n - 1 - k] as number;
    cumulative[k] = sum;
    if (sum > (cumulative[peak] as number)) peak = k;
  }
  const point = (k: number): CurvePoint => [(100 * (k + 1)) / n, cumulative[k] as number];
  return {
    customers: n,
    total: sum,
    peak: n === 0 ? null : point(peak),
    points: sampleIndices(n, peak, maxPoints).map(point),
  };
}
