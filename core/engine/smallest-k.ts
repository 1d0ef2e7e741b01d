/** Selection of the k smallest keys among a million customers with one native typed-array sort. */

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
