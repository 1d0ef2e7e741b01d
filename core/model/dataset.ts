import type { CategoryField, NumericFactField, ScopeField } from './fields.js';
import type { IdList } from './id-list.js';

/**
 * The engine's input: facts in columns, one row per present customer-month (a customer is
 * present in a month when the usage sheet has its billed revenue). Rows are sorted by month,
 * then by customer index, and customers are indexed in string (code unit) order of their ids,
 * so the same data always gives the same layout whatever the order of the input rows.
 */
export interface FactTable {
  /** Loaded month numbers (year·12 + month − 1), ascending. */
  readonly months: Int32Array;
  /** Rows of months[i] are monthStart[i] … monthStart[i+1]−1. */
  readonly monthStart: Int32Array;
  /** Customer ids in code-unit order; a row's customer is an index into this list. */
  readonly customerIds: IdList;
  readonly customer: Int32Array;
  readonly numbers: Readonly<Record<NumericFactField, Float64Array>>;
  /** Category codes per row; codes index into dictionaries[field]. */
  readonly categories: Readonly<Record<CategoryField, Int32Array>>;
  readonly dictionaries: Readonly<Record<CategoryField, readonly string[]>>;
  /** join_date as a month number, −1 where the row has none. */
  readonly joinMonth: Int32Array;
}

export interface PoolScope {
  readonly field: ScopeField;
  readonly value: string;
}

export interface CostPool {
  readonly pool: string;
  readonly month: number;
  /** Amount in fen (1/100 yuan), an exact integer. */
  readonly amountFen: number;
  readonly scope: PoolScope | null;
}

export interface CampaignParticipant {
  readonly customerId: string;
  readonly campaign: string;
  readonly startMonth: number;
  readonly cost: number;
}

/** A warning found while reading inputs, carried into the run's warnings. */
export interface InputWarning {
  readonly code: string;
  readonly en: string;
  readonly zh: string;
}

export interface ModelInput {
  readonly facts: FactTable;
  readonly pools: readonly CostPool[];
  readonly campaigns: readonly CampaignParticipant[];
  readonly warnings: readonly InputWarning[];
}

export function rowCount(facts: FactTable): number {
  return facts.customer.length;
}
