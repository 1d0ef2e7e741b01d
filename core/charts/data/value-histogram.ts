/** The value-score distribution: counts per equal-width bin over the customers that have a value. */

export interface HistogramBin {
  /** [from, to); the last bin is closed at `to`. */
  readonly from: number;
  readonly to: number;
  readonly count: number;
}

export interface ValueHistogram {
  readonly bins: readonly HistogramBin[];
  /** Customers with a value (eligible, and a finite value in formula mode). */
  readonly customers: number;
}

/** Bins of width 5 over the weighted score's 0–100. */
const SCORE_BINS = 20;

/** 1, 2 or 5 × 10^k, the smallest such step ≥ raw, so that bin edges read as round numbers. */
function niceStep(raw: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  return ([1, 2, 5].find((m) => m * magnitude >= raw) ?? 10) * magnitude;
}

/**
 * A weighted value is clamped to 0–100, but a formula may give any finite number; its bins
 * then widen to round steps that still cover 0–100, so that no customer falls off the chart.
 */
function binLayout(min: number, max: number): { start: number; width: number; count: number } {
  if (min >= 0 && max <= 100) return { start: 0, width: 100 / SCORE_BINS, count: SCORE_BINS };
  const lo = Math.min(0, min);
  const hi = Math.max(100, max);
  const width = niceStep((hi - lo) / SCORE_BINS);
  // The corrections guard against rounding: lo / width of a subnormal lo is −0, not a tiny negative.
  let start = Math.floor(lo / width) * width;
  if (start > lo) start -= width;
  let count = Math.ceil((hi - start) / width);
  if (start + count * width < hi) count++;
  return { start, width, count };
}

/** `value` is indexed by customer; NaN means no value (ineligible, or a non-finite formula result). */
export function valueHistogram(value: Float64Array, table: Int32Array): ValueHistogram {
  let min = Infinity;
  let max = -Infinity;
  let customers = 0;
  for (let i = 0; i < table.length; i++) {
    const v = value[table[i] as number] as number;
    if (v !== v) continue;
    customers++;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const { start, width, count } = customers === 0 ? binLayout(0, 100) : binLayout(min, max);
  const counts = new Float64Array(count);
  for (let i = 0; i < table.length; i++) {
    const v = value[table[i] as number] as number;
    if (v !== v) continue;
    // min() closes the last bin at its upper edge (a value of exactly 100 counts in 95–100).
    const k = Math.min(count - 1, Math.floor((v - start) / width));
    counts[k] = (counts[k] as number) + 1;
  }
  const bins = Array.from(counts, (n, k): HistogramBin => ({ from: start + k * width, to: start + (k + 1) * width, count: n }));
  return { bins, customers };
}
