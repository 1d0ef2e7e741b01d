/** SPEC §9: the value score (weights or formula), tiers and the negative-value flag. */
import { compileFormula, FORMULA_VARIABLES } from '../model/formula.js';
import type { Scenario } from '../model/scenario.js';
import type { Eligibility } from './eligibility.js';
import { clampScore } from './sub-scores.js';

/** Tier codes besides the scenario's tier indices. */
export const TIER_INELIGIBLE = -1;
export const TIER_NO_VALUE = -2;
/** A value this close to a tier threshold is flagged borderline: float noise could move its tier. */
export const BORDERLINE_DISTANCE = 1e-9;

export interface ValueInputs {
  readonly profitScore: Float64Array;
  readonly loyalty: Float64Array;
  readonly credit: Float64Array;
  readonly behaviour: Float64Array;
  readonly avgProfit: Float64Array;
  readonly avgRevenue: Float64Array;
  readonly avgIndividualCost: Float64Array;
  readonly avgAllocated: Float64Array;
  readonly tenure: Int32Array;
}

export interface ValueScores {
  readonly value: Float64Array;
  /** Index into tierNames, or TIER_INELIGIBLE / TIER_NO_VALUE. */
  readonly tier: Int16Array;
  readonly tierNames: readonly string[];
  readonly borderline: Uint8Array;
  /** Eligible customers whose formula gave no finite value. */
  readonly nonFiniteCount: number;
}

export function tierNamesOf(scenario: Scenario): string[] {
  return [...scenario.tiers.map(([name]) => name), scenario.lowest_tier];
}

function weightedValues(scenario: Scenario, x: ValueInputs, list: Int32Array, value: Float64Array): void {
  const { profit: wp, loyalty: wl, credit: wc, behaviour: wb } = scenario.value_weights;
  const { profitScore, loyalty, credit, behaviour } = x;
  for (let i = 0; i < list.length; i++) {
    const c = list[i] as number;
    value[c] = clampScore(wp * (profitScore[c] as number) + wl * (loyalty[c] as number) + wc * (credit[c] as number) + wb * (behaviour[c] as number));
  }
}

function formulaValues(formula: string, x: ValueInputs, list: Int32Array, value: Float64Array): void {
  const compiled = compileFormula(formula);
  // The scenario schema has already refused a formula that does not compile.
  if (!compiled.ok) throw new Error(compiled.problem.en);
  const inputs = new Float64Array(FORMULA_VARIABLES.length);
  for (let i = 0; i < list.length; i++) {
    const c = list[i] as number;
    inputs[0] = x.profitScore[c] as number;
    inputs[1] = x.loyalty[c] as number;
    inputs[2] = x.credit[c] as number;
    inputs[3] = x.behaviour[c] as number;
    inputs[4] = x.avgProfit[c] as number;
    inputs[5] = x.avgRevenue[c] as number;
    inputs[6] = (x.avgIndividualCost[c] as number) + (x.avgAllocated[c] as number);
    inputs[7] = x.tenure[c] as number;
    const v = compiled.evaluate(inputs);
    value[c] = Number.isFinite(v) ? v : NaN;
  }
}

export function computeValueScores(scenario: Scenario, x: ValueInputs, eligibility: Eligibility, reuse?: ValueScores): ValueScores {
  const n = eligibility.eligible.length;
  const fits = reuse?.value.length === n;
  const value = (fits ? reuse.value : new Float64Array(n)).fill(NaN);
  const list = eligibility.eligibleList;
  if (scenario.value_formula === null) weightedValues(scenario, x, list, value);
  else formulaValues(scenario.value_formula, x, list, value);

  const thresholds = Float64Array.from(scenario.tiers, ([, t]) => t);
  const tiersCount = thresholds.length;
  const tier = (fits ? reuse.tier : new Int16Array(n)).fill(TIER_INELIGIBLE);
  const borderline = (fits ? reuse.borderline : new Uint8Array(n)).fill(0);
  let nonFiniteCount = 0;
  for (let i = 0; i < list.length; i++) {
    const c = list[i] as number;
    const v = value[c] as number;
    if (Number.isNaN(v)) {
      tier[c] = TIER_NO_VALUE;
      nonFiniteCount++;
      continue;
    }
    // Thresholds descend, so the tier index is the number of thresholds above v (counted without branches).
    let t = 0;
    for (let k = 0; k < tiersCount; k++) t += v < (thresholds[k] as number) ? 1 : 0;
    tier[c] = t;
    // Only the thresholds either side of v can be within the borderline distance.
    if ((t < tiersCount && v - (thresholds[t] as number) < BORDERLINE_DISTANCE) || (t > 0 && (thresholds[t - 1] as number) - v < BORDERLINE_DISTANCE)) {
      borderline[c] = 1;
    }
  }
  return { value, tier, tierNames: tierNamesOf(scenario), borderline, nonFiniteCount };
}
