/** Warnings a run records; `en` is also the text written to warnings.json. */
export interface RunWarning {
  readonly code: string;
  readonly en: string;
  readonly zh: string;
}

/** Numbers in warning texts are written as Python writes floats (7 → "7.0"), as the worked example does. */
export function formatWarningNumber(x: number): string {
  return Number.isInteger(x) ? x.toFixed(1) : String(x);
}
