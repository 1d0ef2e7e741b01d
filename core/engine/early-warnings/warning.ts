/** An early warning (预警, issue 6): which rule fired, on whom, with the figures either side. */
import type { Scenario } from '../../model/scenario.js';

export type WarningRule = keyof Scenario['warnings'];
export type WarningSubjectKind = 'customer' | 'branch' | 'channel' | 'plan';

export interface Warning {
  readonly rule: WarningRule;
  readonly subjectKind: WarningSubjectKind;
  /** A customer id, or the branch, channel or plan name. */
  readonly subject: string;
  /** The month the warning is about (the later month of the pair), as a month number. */
  readonly month: number;
  /** The rule's figure in the previous trend month (NaN when there is none) and in this month. */
  readonly before: number;
  readonly after: number;
  readonly detail?: string;
}

/**
 * Values, shares and sums come from floating sums, so a drop meant as exactly 20 points may
 * land an ulp short; thresholds are met within this tolerance ("≥ 20" counts 19.999999999999996).
 */
export const THRESHOLD_TOLERANCE = 1e-9;

/** x ≥ threshold, allowing for float noise. */
export function atLeast(x: number, threshold: number): boolean {
  return x >= threshold - THRESHOLD_TOLERANCE;
}

/** x < threshold, allowing for float noise (a score an ulp under 40 is 40). */
export function below(x: number, threshold: number): boolean {
  return x < threshold - THRESHOLD_TOLERANCE;
}
