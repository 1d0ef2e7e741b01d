/**
 * What a sheet holds, from the fields its header maps to. Each family of sheets has fields no
 * other family has (pool, campaign, billed_revenue, …); a sheet is of the one family whose
 * own fields it has. Facts sheets are labelled by their fields for the report only, except
 * 'usage', whose billed_revenue makes a customer present (SPEC §1).
 */
import { CAMPAIGN_FIELDS, FACT_FIELDS, POOL_FIELDS, type FieldDef, type FieldType } from '../../model/fields.js';
import type { Problem } from '../../model/messages.js';
import { tableIssues } from '../input-messages.js';
import type { MappedColumn } from './detect-header.js';

export type SheetFamily = 'facts' | 'pools' | 'campaigns';
export type FactsLabel = 'usage' | 'settlement' | 'individual_costs' | 'credit' | 'other_facts';
export type TableKind = FactsLabel | 'pools' | 'campaigns';

export interface TypedColumn extends MappedColumn {
  readonly type: FieldType;
}

export type KindResult =
  | {
      readonly ok: true;
      readonly family: SheetFamily;
      readonly kind: TableKind;
      readonly columns: readonly TypedColumn[];
      /** Recognised columns that belong to another family (a month column on a campaign sheet). */
      readonly unused: readonly MappedColumn[];
    }
  | { readonly ok: false; readonly problems: readonly Problem[] };

interface FamilyDef {
  readonly family: SheetFamily;
  readonly fields: readonly FieldDef[];
  readonly required: readonly string[];
}

const FAMILIES: readonly FamilyDef[] = [
  { family: 'facts', fields: FACT_FIELDS, required: ['customer_id', 'month'] },
  { family: 'pools', fields: POOL_FIELDS, required: ['pool', 'month', 'amount'] },
  { family: 'campaigns', fields: CAMPAIGN_FIELDS, required: ['customer_id', 'campaign', 'start_month', 'cost'] },
];

/** Fields of exactly one family, which therefore identify it. */
const OWN_FIELDS: ReadonlyMap<SheetFamily, ReadonlySet<string>> = new Map(
  FAMILIES.map((f) => {
    const others = FAMILIES.filter((o) => o !== f).flatMap((o) => o.fields.map((d) => d.name));
    return [f.family, new Set(f.fields.map((d) => d.name).filter((n) => !others.includes(n)))] as const;
  }),
);

const SETTLEMENT = ['settlement_income', 'settlement_cost_inter', 'settlement_cost_intra'];
const INDIVIDUAL_COSTS = ['commission', 'marketing_discount', 'handset_subsidy', 'points_cost'];
const CREDIT = ['suspension_count', 'suspension_days', 'arrears'];

function factsLabel(fields: ReadonlySet<string>): FactsLabel {
  const any = (names: readonly string[]): boolean => names.some((n) => fields.has(n));
  if (fields.has('billed_revenue')) return 'usage';
  if (any(SETTLEMENT)) return 'settlement';
  if (any(INDIVIDUAL_COSTS)) return 'individual_costs';
  if (any(CREDIT)) return 'credit';
  return 'other_facts';
}

export function detectKind(columns: readonly MappedColumn[]): KindResult {
  const fields = new Set(columns.map((c) => c.field));
  const families = FAMILIES.filter((f) => [...(OWN_FIELDS.get(f.family) ?? [])].some((n) => fields.has(n)));
  const [def, ...others] = families;
  if (def === undefined) return { ok: false, problems: [tableIssues.kindUnknown(columns.map((c) => c.header))] };
  if (others.length > 0) return { ok: false, problems: [tableIssues.kindAmbiguous(families.map((f) => f.family))] };

  const missing = def.required.filter((name) => !fields.has(name));
  if (missing.length > 0) {
    return {
      ok: false,
      problems: missing.map((name) => tableIssues.columnMissing(name, def.fields.find((d) => d.name === name)?.aliases ?? [])),
    };
  }
  const typeOf = new Map(def.fields.map((d) => [d.name, d.type]));
  const typed: TypedColumn[] = [];
  const unused: MappedColumn[] = [];
  for (const column of columns) {
    const type = typeOf.get(column.field);
    if (type === undefined) unused.push(column);
    else typed.push({ ...column, type });
  }
  const kind = def.family === 'facts' ? factsLabel(fields) : def.family;
  return { ok: true, family: def.family, kind, columns: typed, unused };
}
