/**
 * Quantiles in the exact form of SPEC §5 (Excel's PERCENTILE.INC): on the sorted values x,
 * j = floor((n−1)·i / d), t = ((n−1)·i mod d) / d, q = x[j] + t·(x[j+1] − x[j]).
 * Only the order statistics x[j] and x[j+1] are needed, so they are found by selection
 * (O(n) per rank) instead of a full sort, which matters on a what-if re-run at a million rows.
 */

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i] as number;
  a[i] = a[j] as number;
  a[j] = t;
}

function insertionSort(a: Float64Array, lo: number, hi: number): void {
  for (let i = lo + 1; i <= hi; i++) {
    const v = a[i] as number;
    let j = i - 1;
    while (j >= lo && (a[j] as number) > v) {
      a[j + 1] = a[j] as number;
      j--;
    }
    a[j + 1] = v;
  }
}

/** Rearranges a[lo..hi] so that a[k] holds the k-th smallest, smaller ones before it, larger after. */
function selectKth(a: Float64Array, lo: number, hi: number, k: number): void {
  while (hi - lo > 16) {
    const mid = (lo + hi) >>> 1;
    // Median of three as pivot; Hoare's scheme stops on equal keys, so ties do not degrade it.
    const x = a[lo] as number;
    const y = a[mid] as number;
    const z = a[hi] as number;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((a[i] as number) < pivot) i++;
      while ((a[j] as number) > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
  insertionSort(a, lo, hi);
}

/** Places the order statistics at every rank in `ranks` (sorted, unique) into position. */
function selectRanks(a: Float64Array, lo: number, hi: number, ranks: readonly number[], rlo: number, rhi: number): void {
  if (rlo > rhi || lo > hi) return;
  const mid = (rlo + rhi) >>> 1;
  const k = ranks[mid] as number;
  selectKth(a, lo, hi, k);
  selectRanks(a, lo, k - 1, ranks, rlo, mid - 1);
  selectRanks(a, k + 1, hi, ranks, mid + 1, rhi);
}

/** Below this many values a native sort beats the histogram passes. */
const SORT_BELOW = 4096;
const BINS = 4096;

/**
 * The values at the given ranks (sorted, unique, 0-based) of `values`, which it does not
 * modify. A histogram over [min, max] finds the bin of each rank; only those bins are
 * collected and refined, so a million values take three linear passes instead of a sort.
 */
export function valuesAtRanks(values: Float64Array, ranks: readonly number[]): number[] {
  const n = values.length;
  if (n <= SORT_BELOW) {
    const sorted = Float64Array.from(values).sort();
    return ranks.map((k) => sorted[k] as number);
  }
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min === max) return ranks.map(() => min);
  const scale = BINS / (max - min);
  if (!Number.isFinite(scale) || scale === 0) {
    const scratch = Float64Array.from(values);
    selectRanks(scratch, 0, n - 1, ranks, 0, ranks.length - 1);
    return ranks.map((k) => scratch[k] as number);
  }
  const last = BINS - 1;
  const counts = new Int32Array(BINS);
  for (let i = 0; i < n; i++) {
    const b = Math.min(last, Math.floor(((values[i] as number) - min) * scale));
    counts[b] = (counts[b] as number) + 1;
  }
  // For each rank: its bin and the number of values in the bins before it.
  const starts = new Int32Array(BINS + 1);
  for (let b = 0; b < BINS; b++) starts[b + 1] = (starts[b] as number) + (counts[b] as number);
  const rankBins = ranks.map((k) => {
    let lo = 0;
    let hi = BINS - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((starts[mid + 1] as number) <= k) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  });
  const slot = new Int32Array(BINS).fill(-1);
  const collected: Float64Array[] = [];
  for (const b of rankBins) {
    if (slot[b] === -1) {
      slot[b] = collected.length;
      collected.push(new Float64Array(counts[b] as number));
    }
  }
  const fill = new Int32Array(collected.length);
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    const s = slot[Math.min(last, Math.floor((v - min) * scale))] as number;
    if (s >= 0) {
      (collected[s] as Float64Array)[fill[s] as number] = v;
      fill[s] = (fill[s] as number) + 1;
    }
  }
  // Refine each needed bin once, with all of its ranks; min and max fall in different bins, so every bin is smaller than n.
  const out = new Array<number>(ranks.length);
  collected.forEach((bin, s) => {
    const mine = ranks.map((_, i) => i).filter((i) => slot[rankBins[i] as number] === s);
    const offset = starts[rankBins[mine[0] as number] as number] as number;
    const found = valuesAtRanks(bin, mine.map((i) => (ranks[i] as number) - offset));
    mine.forEach((i, j) => (out[i] = found[j] as number));
  });
  return out;
}

/**
 * The quantiles i/d for each numerator i in `numerators`, over `values` (not modified).
 * Returns NaN for each when values is empty.
 */
export function percentileInc(values: Float64Array, numerators: readonly number[], denominator: number): number[] {
  const n = values.length;
  if (n === 0) return numerators.map(() => NaN);
  const plan = numerators.map((i) => {
    const scaled = (n - 1) * i;
    const j = Math.floor(scaled / denominator);
    return { j, t: (scaled % denominator) / denominator };
  });
  const rankSet = new Set<number>();
  for (const { j, t } of plan) {
    rankSet.add(j);
    if (t > 0) rankSet.add(j + 1);
  }
  const ranks = [...rankSet].sort((p, q) => p - q);
  const found = valuesAtRanks(values, ranks);
  const at = new Map(ranks.map((k, i) => [k, found[i] as number]));
  return plan.map(({ j, t }) => {
    const xj = at.get(j) as number;
    return t === 0 ? xj : xj + t * ((at.get(j + 1) as number) - xj);
  });
}

/** The k-th smallest (0-based) of `scratch`, which it reorders. */
export function orderStatistic(scratch: Float64Array, k: number): number {
  selectKth(scratch, 0, scratch.length - 1, k);
  return scratch[k] as number;
}
