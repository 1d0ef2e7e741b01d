/** SPEC §5: the profit score, piecewise linear through auto (decile) or manual breakpoints. */
import type { Scenario } from '../model/scenario.js';
import type { Eligibility } from './eligibility.js';
import { percentileInc } from './quantiles.js';

export type Breakpoint = readonly [profit: number, score: number];

export interface ProfitBreakpoints {
  readonly mode: 'auto' | 'manual';
  readonly eligibleCount: number;
  /** Auto mode: [level, quantile, score] for the levels 0, 0.1 … 1 before collapsing. */
  readonly quantiles: readonly (readonly [number, number, number])[];
  readonly breakpoints: readonly Breakpoint[];
  readonly collapsed: boolean;
}

const DECILES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

/** Equal consecutive profits collapse into one breakpoint whose score is the mean of theirs. */
export function collapseBreakpoints(points: readonly Breakpoint[]): Breakpoint[] {
  const out: Breakpoint[] = [];
  for (let i = 0; i < points.length; ) {
    let j = i;
    let sum = 0;
    while (j < points.length && (points[j] as Breakpoint)[0] === (points[i] as Breakpoint)[0]) sum += (points[j++] as Breakpoint)[1];
    out.push([(points[i] as Breakpoint)[0], sum / (j - i)]);
    i = j;
  }
  return out;
}

export function profitBreakpoints(scenario: Scenario, avgProfit: Float64Array, eligibility: Eligibility): ProfitBreakpoints {
  const list = eligibility.eligibleList;
  const cfg = scenario.profit_breakpoints;
  if (cfg.mode === 'manual') {
    return { mode: 'manual', eligibleCount: list.length, quantiles: [], breakpoints: cfg.table.map(([p, s]) => [p, s] as const), collapsed: false };
  }
  if (list.length === 0) return { mode: 'auto', eligibleCount: 0, quantiles: [], breakpoints: [], collapsed: false };
  const values = new Float64Array(list.length);
  for (let i = 0; i < list.length; i++) values[i] = avgProfit[list[i] as number] as number;
  const q = percentileInc(values, DECILES, 10);
  const quantiles = DECILES.map((i) => [i / 10, q[i] as number, 10 * i] as const);
  const breakpoints = collapseBreakpoints(quantiles.map(([, p, s]) => [p, s] as const));
  return { mode: 'auto', eligibleCount: list.length, quantiles, breakpoints, collapsed: breakpoints.length < quantiles.length };
}

/** f(x) through the breakpoints: flat outside them, linear between neighbours. */
export function scoreOnCurve(points: readonly Breakpoint[], x: number): number {
  const k = points.length - 1;
  const first = points[0] as Breakpoint;
  const last = points[k] as Breakpoint;
  if (k === 0 || x <= first[0]) return first[1];
  if (x >= last[0]) return last[1];
  let lo = 0;
  let hi = k;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if ((points[mid] as Breakpoint)[0] <= x) lo = mid;
    else hi = mid;
  }
  const [p0, s0] = points[lo] as Breakpoint;
  const [p1, s1] = points[hi] as Breakpoint;
  return s0 + ((x - p0) * (s1 - s0)) / (p1 - p0);
}

export function computeProfitScores(breakpoints: ProfitBreakpoints, avgProfit: Float64Array, eligibility: Eligibility, reuse?: Float64Array): Float64Array {
  const scores = (reuse?.length === avgProfit.length ? reuse : new Float64Array(avgProfit.length)).fill(NaN);
  const points = breakpoints.breakpoints;
  if (points.length === 0) return scores;
  const list = eligibility.eligibleList;
  // Flat copies of the curve keep the million-customer loop free of nested array reads.
  const k = points.length - 1;
  const ps = Float64Array.from(points, ([p]) => p);
  const ss = Float64Array.from(points, ([, s]) => s);
  const p0 = ps[0] as number;
  const pk = ps[k] as number;
  for (let i = 0; i < list.length; i++) {
    const c = list[i] as number;
    const x = avgProfit[c] as number;
    if (k === 0 || x <= p0) scores[c] = ss[0] as number;
    else if (x >= pk) scores[c] = ss[k] as number;
    else {
      // Counting the breakpoints at or below x: independent comparisons, no mispredicted branches.
      let lo = 0;
      for (let j = 1; j < k; j++) lo += x >= (ps[j] as number) ? 1 : 0;
      const s0 = ss[lo] as number;
      scores[c] = s0 + ((x - (ps[lo] as number)) * ((ss[lo + 1] as number) - s0)) / ((ps[lo + 1] as number) - (ps[lo] as number));
    }
  }
  return scores;
}
