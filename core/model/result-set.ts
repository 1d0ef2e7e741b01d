/**
 * A results set (issue 7, "how the results come back into the app"): the customers.csv of a run
 * made elsewhere — the provincial warehouse running `cvalue sql`, `cvalue run --engine duckdb`,
 * or another PC — held as columns, with the scenario it was run with. It has no inputs behind
 * it, so the screens show its figures and aggregates but cannot trace or re-run a customer.
 */
import type { CategoryField } from './fields.js';
import type { IdList } from './id-list.js';
import type { Scenario } from './scenario.js';

/** customers.csv's money columns (SPEC §13), in its order. */
export const RESULT_MONEY_COLUMNS = ['avg_revenue', 'avg_settlement_cost', 'avg_individual_cost', 'avg_allocated', 'avg_profit'] as const;
export type ResultMoneyColumn = (typeof RESULT_MONEY_COLUMNS)[number];

/** customers.csv's score columns, empty for a customer without the score. */
export const RESULT_SCORE_COLUMNS = ['profit_score', 'credit', 'loyalty', 'behaviour', 'value'] as const;
export type ResultScoreColumn = (typeof RESULT_SCORE_COLUMNS)[number];

/** Tier codes beside the scenario's tiers (0…n−1): the SPEC's two groups without a tier. */
export const RESULT_TIER_NO_VALUE = -1;
export const RESULT_TIER_INELIGIBLE = -2;

/** A category column: a code per customer into `names`. */
export interface ResultCategory {
  readonly codes: Int32Array;
  readonly names: readonly string[];
}

/** One value per customer, customers in code-unit order of their ids. */
export interface ResultCustomers {
  readonly ids: IdList;
  readonly eligible: Uint8Array;
  /** Codes into `reasons`; '' (no reason) is a reason like any other. */
  readonly reason: Int32Array;
  readonly reasons: readonly string[];
  /** NaN when the file left it empty. */
  readonly tenure: Float64Array;
  readonly money: Readonly<Record<ResultMoneyColumn, Float64Array>>;
  /** NaN where the customer has no score. */
  readonly scores: Readonly<Record<ResultScoreColumn, Float64Array>>;
  /** Index into the scenario's tier names, or RESULT_TIER_NO_VALUE / RESULT_TIER_INELIGIBLE. */
  readonly tier: Int16Array;
  readonly categories: Readonly<Record<CategoryField, ResultCategory>>;
}

/** reconciliation.csv's contract columns (SPEC §13), one row per pool and month. */
export interface ResultReconciliationRow {
  readonly pool: string;
  readonly month: string;
  readonly scope: string;
  readonly amount: number;
  readonly customersInScope: number;
  readonly status: 'allocated' | 'unallocated';
  readonly movedToUsers: boolean;
  readonly allocatedSum: number;
  readonly difference: number;
}

/** A file the set was read from, for provenance. */
export interface ResultSourceFile {
  /** The file's path relative to the folder (customers/part-00000.csv for a warehouse directory export). */
  readonly name: string;
  readonly sha256: string;
  readonly bytes: number;
  /** Data rows, header excluded; 0 for JSON. */
  readonly rows: number;
}

export interface ResultSet {
  readonly scenario: Scenario;
  /** The evaluation month, YYYY-MM. */
  readonly month: string;
  readonly customers: ResultCustomers;
  /** Empty when the folder had no reconciliation.csv. */
  readonly reconciliation: readonly ResultReconciliationRow[];
  readonly files: readonly ResultSourceFile[];
}

/** A stored set as lists show it: provenance, without the customer columns. */
export interface ResultSetRecord {
  readonly id: number;
  readonly name: string;
  readonly importedAt: string;
  readonly appVersion: string;
  readonly month: string;
  readonly scenarioName: string;
  readonly customers: number;
  /** The files read: name, SHA-256, bytes and data rows (JSON files: 0 rows). */
  readonly files: readonly ResultSourceFile[];
}

/** The tier names of the scenario, lowest tier last: the order of the tier codes. */
export function resultTierNames(scenario: Scenario): string[] {
  return [...scenario.tiers.map(([name]) => name), scenario.lowest_tier];
}
