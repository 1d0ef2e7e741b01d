/**
 * The workbook layout of each input kind: file name, sheet name and columns, with the first
 * Chinese alias of each field as the header. The import templates and the sample workbooks
 * share it, so a sample workbook looks exactly like a filled-in template.
 */
import { CAMPAIGN_FIELDS, FACT_FIELDS, POOL_FIELDS, type FieldDef } from '../model/fields.js';
import type { CampaignRow, CostPoolRow, CreditRow, IndividualCostRow, SettlementRow, UsageRow } from './generate-sample.js';

export const INPUT_KINDS = ['usage', 'settlement', 'individual_costs', 'credit', 'cost_pools', 'campaigns'] as const;
export type InputKind = (typeof INPUT_KINDS)[number];

/** A sample row: every column is text or a number. */
export type FlatRow<R> = { readonly [K in keyof R]: string | number };

export interface ColumnLayout<R> {
  readonly key: keyof R & string;
  readonly field: FieldDef;
  /** The header cell: the field's first Chinese alias, the one staff know from the exports. */
  readonly header: string;
  /** Excel column width in characters (a Chinese character counts two). */
  readonly width: number;
}

export interface SheetLayout<R extends FlatRow<R>> {
  /** `<kind>.xlsx`: stable, ASCII, so scripts and docs can name the file. */
  readonly fileName: string;
  readonly sheetName: string;
  readonly columns: readonly ColumnLayout<R>[];
}

/** Widest typical value per field type, in characters; the header may be wider. */
const VALUE_WIDTH = {
  id: 12,
  month: 8,
  date: 10,
  money: 10,
  number: 8,
  // Plan and channel names run to about nine Chinese characters (全球通集团V网套餐).
  text: 18,
} as const satisfies Record<FieldDef['type'], number>;
const PADDING = 2;

/** Hangul, CJK (with its punctuation) and full-width forms: two columns wide. */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/** Display width of text in Excel's character units. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += WIDE.test(ch) ? 2 : 1;
  return width;
}

function sheet<R extends FlatRow<R>>(
  kind: InputKind,
  sheetName: string,
  fields: readonly FieldDef[],
  keys: readonly (keyof R & string)[],
): SheetLayout<R> {
  const columns = keys.map((key): ColumnLayout<R> => {
    const field = fields.find((f) => f.name === key);
    const header = field?.aliases[0];
    if (field === undefined || header === undefined) throw new Error(`no field with an alias for column ${key}`);
    return { key, field, header, width: Math.max(displayWidth(header), VALUE_WIDTH[field.type]) + PADDING };
  });
  return { fileName: `${kind}.xlsx`, sheetName, columns };
}

export const SHEET_LAYOUTS = {
  usage: sheet<UsageRow>('usage', '用量账单', FACT_FIELDS, [
    'customer_id',
    'month',
    'billed_revenue',
    'branch',
    'channel',
    'brand',
    'plan',
    'segment',
    'join_date',
    'minutes',
    'data_mb',
    'sms',
    'vas_count',
  ]),
  settlement: sheet<SettlementRow>('settlement', '结算明细', FACT_FIELDS, [
    'customer_id',
    'month',
    'settlement_income',
    'settlement_cost_inter',
    'settlement_cost_intra',
  ]),
  individual_costs: sheet<IndividualCostRow>('individual_costs', '个人成本', FACT_FIELDS, [
    'customer_id',
    'month',
    'commission',
    'marketing_discount',
    'handset_subsidy',
    'points_cost',
  ]),
  credit: sheet<CreditRow>('credit', '信用记录', FACT_FIELDS, ['customer_id', 'month', 'suspension_count', 'suspension_days', 'arrears']),
  cost_pools: sheet<CostPoolRow>('cost_pools', '成本池', POOL_FIELDS, ['pool', 'month', 'amount', 'scope']),
  campaigns: sheet<CampaignRow>('campaigns', '营销活动', CAMPAIGN_FIELDS, ['customer_id', 'campaign', 'start_month', 'cost']),
} as const;
