/**
 * Builds a ModelInput straight from plain records, for engine tests that should not depend
 * on the file readers. Small data only: it sorts and indexes with ordinary arrays.
 */
import { CATEGORY_FIELDS, NUMERIC_FACT_FIELDS, UNKNOWN_CATEGORY, type CategoryField, type NumericFactField } from '../../core/model/fields.js';
import { compactCodes, type CampaignParticipant, type CategoryCodes, type CostPool, type FactTable, type ModelInput, type PoolScope } from '../../core/model/dataset.js';
import { PackedIds } from '../../core/model/id-list.js';
import { monthNumber } from '../../core/model/month.js';
import { compactNumbers, type NumberColumn } from '../../core/model/number-column.js';

export interface FactRecord extends Partial<Record<NumericFactField, number>>, Partial<Record<CategoryField, string>> {
  readonly customer_id: string;
  readonly month: string;
  /** YYYY-MM of the join date, if any. */
  readonly join_month?: string;
}

export interface PoolRecord {
  readonly pool: string;
  readonly month: string;
  readonly amountFen: number;
  readonly scope?: PoolScope | null;
}

export interface CampaignRecord {
  readonly customer_id: string;
  readonly campaign: string;
  readonly start_month: string;
  readonly cost: number;
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function buildFactTable(records: readonly FactRecord[]): FactTable {
  const ids = [...new Set(records.map((r) => r.customer_id))].sort(byCodeUnit);
  const index = new Map(ids.map((id, i) => [id, i]));
  const rows = [...records].sort((a, b) => monthNumber(a.month) - monthNumber(b.month) || (index.get(a.customer_id) as number) - (index.get(b.customer_id) as number));
  const months = [...new Set(rows.map((r) => monthNumber(r.month)))];
  // Compacted as the importer does, so engine tests run on the columns the app loads.
  const numbers = Object.fromEntries(NUMERIC_FACT_FIELDS.map((f) => [f, compactNumbers(Float64Array.from(rows, (r) => r[f] ?? 0))])) as Record<NumericFactField, NumberColumn>;
  const dictionaries = {} as Record<CategoryField, string[]>;
  const categories = {} as Record<CategoryField, CategoryCodes>;
  for (const f of CATEGORY_FIELDS) {
    const dict: string[] = [];
    const codes = Int32Array.from(rows, (r) => {
      const value = r[f] ?? UNKNOWN_CATEGORY;
      let code = dict.indexOf(value);
      if (code < 0) code = dict.push(value) - 1;
      return code;
    });
    categories[f] = compactCodes(codes, dict.length);
    dictionaries[f] = dict;
  }
  const monthStart = new Int32Array(months.length + 1);
  months.forEach((m, i) => (monthStart[i + 1] = rows.filter((r) => monthNumber(r.month) <= m).length));
  return {
    months: Int32Array.from(months),
    monthStart,
    customerIds: PackedIds.fromSorted(ids),
    customer: Int32Array.from(rows, (r) => index.get(r.customer_id) as number),
    numbers,
    categories,
    dictionaries,
    joinMonth: Int32Array.from(rows, (r) => (r.join_month === undefined ? -1 : monthNumber(r.join_month))),
  };
}

export function buildInput(facts: readonly FactRecord[], pools: readonly PoolRecord[] = [], campaigns: readonly CampaignRecord[] = []): ModelInput {
  return {
    facts: buildFactTable(facts),
    pools: pools.map((p): CostPool => ({ pool: p.pool, month: monthNumber(p.month), amountFen: p.amountFen, scope: p.scope ?? null })),
    campaigns: campaigns.map((c): CampaignParticipant => ({ customerId: c.customer_id, campaign: c.campaign, startMonth: monthNumber(c.start_month), cost: c.cost })),
    warnings: [],
  };
}
