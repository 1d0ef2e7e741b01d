import { describe, expect, it } from 'vitest';
import { matchHeaderRow } from '../../../core/io/mapping/detect-header.js';
import { detectKind, type KindResult } from '../../../core/io/mapping/detect-kind.js';

function kindOf(headers: string[]): KindResult {
  const match = matchHeaderRow(headers);
  if (match === null) throw new Error('not a header');
  return detectKind(match.columns);
}

function summary(result: KindResult): string | string[] {
  return result.ok ? result.kind : result.problems.map((p) => p.code);
}

describe('detectKind', () => {
  it.each<[string[], string | string[]]>([
    [['customer_id', 'month', 'billed_revenue', 'plan'], 'usage'],
    [['用户编号', '账期', '应收费用', '网间结算收入'], 'usage'],
    [['customer_id', 'month', 'settlement_income'], 'settlement'],
    [['customer_id', 'month', '网内结算支出', '佣金'], 'settlement'],
    [['customer_id', 'month', 'commission', 'points_cost'], 'individual_costs'],
    [['customer_id', 'month', 'suspension_days', '欠费'], 'credit'],
    [['customer_id', 'month', 'minutes'], 'other_facts'],
    [['pool', 'month', 'amount', 'scope'], 'pools'],
    [['成本池', '月份', '金额'], 'pools'],
    [['customer_id', 'campaign', 'start_month', 'cost'], 'campaigns'],
    [['用户号码', '活动名称', '开始月份', '营销成本'], 'campaigns'],
    [['customer_id', 'month'], ['kind.unknown']],
    [['pool', 'month', 'billed_revenue'], ['kind.ambiguous']],
    [['month', 'billed_revenue'], ['header.column_missing']],
    [['pool', 'scope'], ['header.column_missing', 'header.column_missing']],
    [['customer_id', 'campaign', 'cost'], ['header.column_missing']],
  ])('%j → %j', (headers, expected) => {
    expect(summary(kindOf(headers))).toEqual(expected);
  });

  it('names the missing column with its aliases', () => {
    const result = kindOf(['month', 'billed_revenue']);
    expect(result.ok ? [] : result.problems.map((p) => p.en)).toEqual(['column customer_id missing (用户编号, 客户编号, 用户号码)']);
  });

  it('lists the recognised headers when the kind is unknown', () => {
    const result = kindOf(['用户编号', '账期']);
    expect(result.ok ? '' : result.problems[0]?.zh).toContain('用户编号、账期');
  });

  it('types the columns of the kind and sets aside recognised columns of other kinds', () => {
    const result = kindOf(['customer_id', 'campaign', 'start_month', 'cost', 'month']);
    expect(result.ok && result.columns.map((c) => `${c.field}:${c.type}`)).toEqual(['customer_id:id', 'campaign:text', 'start_month:month', 'cost:money']);
    expect(result.ok && result.unused.map((c) => c.field)).toEqual(['month']);
  });
});
