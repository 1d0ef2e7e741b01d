import type { CategoryField, NumericFactField, ScopeField } from './fields.js';
import type { IdList } from './id-list.js';
import type { NumberColumn } from './number-column.js';

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
  /** Each column as compact as its values allow (number-column.ts). */
  readonly numbers: Readonly<Record<NumericFactField, NumberColumn>>;
  /** Category codes per row; codes index into dictionaries[field]. */
  readonly categories: Readonly<Record<CategoryField, CategoryCodes>>;
  readonly dictionaries: Readonly<Record<CategoryField, readonly string[]>>;
  /** join_date as a month number, −1 where the row has none. */
  readonly joinMonth: Int32Array;
}

/** Codes in the narrowest array their dictionary allows: a byte per row for up to 256 values. */
export type CategoryCodes = Uint8Array | Uint16Array | Int32Array;

/** A zeroed codes array of `length` rows, as narrow as a dictionary of `dictionarySize` values allows. */
export function codesArray(length: number, dictionarySize: number): CategoryCodes {
  if (dictionarySize <= 0x100) return new Uint8Array(length);
  if (dictionarySize <= 0x10000) return new Uint16Array(length);
  return new Int32Array(length);
}

export function compactCodes(codes: Int32Array, dictionarySize: number): CategoryCodes {
  if (dictionarySize > 0x10000) return codes;
  const out = codesArray(codes.length, dictionarySize);
  out.set(codes);
  return out;
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
