/**
 * Input fields of SPEC §1 and the header aliases that recognise them.
 * Header matching is deliberately forgiving (case, spaces, underscores, full-width forms)
 * because billing exports are edited by hand before they reach finance.
 */

export const NUMERIC_FACT_FIELDS = [
  'billed_revenue',
  'minutes',
  'data_mb',
  'sms',
  'vas_count',
  'settlement_income',
  'settlement_cost_inter',
  'settlement_cost_intra',
  'commission',
  'marketing_discount',
  'handset_subsidy',
  'points_cost',
  'suspension_count',
  'suspension_days',
  'arrears',
] as const;
export type NumericFactField = (typeof NUMERIC_FACT_FIELDS)[number];

export const CATEGORY_FIELDS = ['branch', 'channel', 'brand', 'plan', 'segment'] as const;
export type CategoryField = (typeof CATEGORY_FIELDS)[number];

/** Fields that a cost pool's scope may name (SPEC §1). */
export const SCOPE_FIELDS = ['branch', 'brand', 'plan', 'channel'] as const;
export type ScopeField = (typeof SCOPE_FIELDS)[number];

export const UNKNOWN_CATEGORY = '(未知)';

export type FieldType = 'id' | 'month' | 'date' | 'number' | 'money' | 'text';

export interface FieldDef {
  readonly name: string;
  readonly type: FieldType;
  readonly aliases: readonly string[];
}

function def(name: string, type: FieldType, aliases: readonly string[]): FieldDef {
  return { name, type, aliases };
}

/** Fact fields keyed by customer_id + month (usage, settlement, individual costs, credit). */
export const FACT_FIELDS: readonly FieldDef[] = [
  def('customer_id', 'id', ['用户编号', '客户编号', '用户号码']),
  def('month', 'month', ['账期', '月份']),
  def('billed_revenue', 'money', ['应收费用', '账单收入']),
  def('branch', 'text', ['分公司']),
  def('channel', 'text', ['渠道']),
  def('brand', 'text', ['品牌']),
  def('plan', 'text', ['资费套餐', '套餐']),
  def('segment', 'text', ['客户细分群', '细分群']),
  def('join_date', 'date', ['入网日期', '入网时间']),
  def('minutes', 'number', ['通话分钟', '通话时长']),
  def('data_mb', 'number', ['流量MB', 'GPRS流量']),
  def('sms', 'number', ['短信条数']),
  def('vas_count', 'number', ['增值业务数']),
  def('settlement_income', 'money', ['网间结算收入']),
  def('settlement_cost_inter', 'money', ['网间结算支出']),
  def('settlement_cost_intra', 'money', ['网内结算支出']),
  def('commission', 'money', ['佣金']),
  def('marketing_discount', 'money', ['营销优惠']),
  def('handset_subsidy', 'money', ['赠机成本', '促销成本']),
  def('points_cost', 'money', ['店员积分']),
  def('suspension_count', 'number', ['停机次数']),
  def('suspension_days', 'number', ['停机天数']),
  def('arrears', 'money', ['欠费']),
];

/** Cost pool sheet (财务成本报表). Aliases beyond SPEC are documented in docs/model.md. */
export const POOL_FIELDS: readonly FieldDef[] = [
  def('pool', 'text', ['成本池', '成本项目', '成本中心']),
  def('month', 'month', ['账期', '月份']),
  def('amount', 'money', ['金额', '成本金额']),
  def('scope', 'text', ['分摊范围', '范围']),
];

/** Campaign sheet (营销活动). */
export const CAMPAIGN_FIELDS: readonly FieldDef[] = [
  def('customer_id', 'id', ['用户编号', '客户编号', '用户号码']),
  def('campaign', 'text', ['营销活动', '活动名称']),
  def('start_month', 'month', ['开始月份', '活动开始月份']),
  def('cost', 'money', ['活动成本', '营销成本']),
];

/**
 * Normalises a header cell for matching: NFKC folds full-width letters and digits,
 * then case, white space (including NBSP and BOM), underscores and hyphens are ignored.
 */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u00a0\ufeff\u200b_-]+/g, '')
    .toLowerCase();
}

/** Scope fields may also be written with their Chinese alias (分公司=郑州). */
export function scopeFieldFromText(text: string): ScopeField | undefined {
  const key = normalizeHeader(text);
  for (const field of SCOPE_FIELDS) {
    const fieldDef = FACT_FIELDS.find((f) => f.name === field);
    if (normalizeHeader(field) === key) return field;
    if (fieldDef?.aliases.some((a) => normalizeHeader(a) === key)) return field;
  }
  return undefined;
}
