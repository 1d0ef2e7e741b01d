/** The shape of test/fixtures/bad-inputs/manifest.json, shared by the generator and the test. */

/** A problem as the manifest names it: the code and, where the report gives them, where it is. */
export interface ExpectedProblem {
  readonly code: string;
  readonly sheet?: string;
  readonly row?: number;
  readonly columnNumber?: number;
}

/** One fact row of the resulting input, in the FactTable's order (month, then customer id). */
export interface ExpectedFact {
  readonly id: string;
  /** YYYY-MM. */
  readonly month: string;
  readonly billed_revenue?: number;
  readonly branch?: string;
  /** join_date's month (YYYY-MM), or null for none. */
  readonly join?: string | null;
}

export interface Expected {
  readonly ok: boolean;
  /** Every error the report holds, as a set (exact). */
  readonly errors: readonly ExpectedProblem[];
  /** Every warning the report holds, as a set (exact). */
  readonly warnings: readonly ExpectedProblem[];
  /** report.errorCount, when the report keeps fewer problems than were found. */
  readonly errorCount?: number;
  /** The input's fact rows (for accepted files whose values matter to the case). */
  readonly facts?: readonly ExpectedFact[];
  /** The input's cost pools, in the input's order. */
  readonly pools?: readonly { readonly pool: string; readonly month: string; readonly amountFen: number }[];
  /** Another fixture whose import must give an identical ModelInput. */
  readonly sameInputAs?: string;
}

export interface ManifestEntry {
  /** File name in the fixture folder. */
  readonly file: string;
  /** Row of /work/shared/BAD-INPUTS.md ("#"). */
  readonly case: number;
  readonly description: string;
  /** Further fixtures read in the same import, after `file`. */
  readonly alsoRead?: readonly string[];
  /** readInputFiles options beyond the defaults. */
  readonly options?: { readonly maxProblems?: number };
  readonly expected: Expected;
  /**
   * Where the outcome is weaker than BAD-INPUTS.md asks (a missing warning, a whole-input
   * error that names no sheet): what differs. The test asserts the outcome as it is.
   */
  readonly gap?: string;
  /**
   * The importer does not give `expected` yet (a bug reported, not worked around): what it does
   * instead. The test runs such a case as an expected failure, so a fix makes it fail loudly
   * until this note is removed.
   */
  readonly bug?: string;
}

export interface Manifest {
  readonly about: string;
  readonly fixtures: readonly ManifestEntry[];
}
