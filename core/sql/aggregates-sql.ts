/**
 * SPEC §10 aggregates in SQL, as aggregates.ts computes them: one table for the six groupings
 * (column `dimension`), and a view per grouping with the columns of aggregates_<group>.csv.
 * Category attributes are those as of M; ineligible customers form 不参与评分 and eligible ones
 * without a finite formula value (无分值).
 */
import { GROUPINGS, NO_VALUE_GROUP, type Grouping } from '../engine/aggregates.js';
import { INELIGIBLE_TIER } from '../model/scenario.js';
import type { SqlContext } from './sql-context.js';
import { num, type Statement } from './sql-text.js';

export const AGGREGATE_COLUMNS = [
  'group', 'customers', 'eligible', 'sum_avg_revenue', 'sum_avg_settlement_cost', 'sum_avg_individual_cost', 'sum_avg_allocated',
  'sum_avg_profit', 'margin', 'negative_count', 'negative_share', 'loss', 'mean_value',
] as const;
export const PLAN_FLAG_COLUMNS = ['loss_making_plan', 'settlement_inverted'] as const;

function groupKey(ctx: SqlContext, grouping: Grouping): string {
  if (grouping !== 'tier') return grouping;
  const s = ctx.dialect.string;
  return `COALESCE(tier, CASE WHEN eligible = 1 THEN ${s(NO_VALUE_GROUP)} ELSE ${s(INELIGIBLE_TIER)} END)`;
}

export function aggregateStatements(ctx: SqlContext): Statement[] {
  const { dialect } = ctx;
  const group = dialect.quote('group');
  const zero = num(0);
  const selects = GROUPINGS.map((grouping) => {
    const plan = grouping === 'plan';
    return [
      `SELECT ${dialect.string(grouping)} AS dimension, ${groupKey(ctx, grouping)} AS ${group},`,
      '  COUNT(*) AS customers, CAST(SUM(eligible) AS BIGINT) AS eligible,',
      '  SUM(avg_revenue) AS sum_avg_revenue, SUM(avg_settlement_cost) AS sum_avg_settlement_cost,',
      '  SUM(avg_individual_cost) AS sum_avg_individual_cost, SUM(avg_allocated) AS sum_avg_allocated, SUM(avg_profit) AS sum_avg_profit,',
      `  CASE WHEN SUM(avg_revenue) = ${zero} THEN NULL ELSE SUM(avg_profit) / SUM(avg_revenue) END AS margin,`,
      '  CAST(SUM(negative) AS BIGINT) AS negative_count, CAST(SUM(negative) AS DOUBLE) / CAST(COUNT(*) AS DOUBLE) AS negative_share,',
      `  SUM(CASE WHEN negative = 1 THEN avg_profit ELSE ${zero} END) AS loss,`,
      '  AVG(value) AS mean_value,',
      plan
        ? `  CASE WHEN SUM(avg_profit) < ${zero} THEN 1 ELSE 0 END AS loss_making_plan, CASE WHEN SUM(avg_settlement_cost) > SUM(avg_revenue) THEN 1 ELSE 0 END AS settlement_inverted`
        : '  CAST(NULL AS INT) AS loss_making_plan, CAST(NULL AS INT) AS settlement_inverted',
      'FROM cv_customers',
      `GROUP BY ${groupKey(ctx, grouping)}`,
    ].join('\n');
  });
  const perGrouping: Statement[] = GROUPINGS.map((grouping) => {
    const columns = [...AGGREGATE_COLUMNS, ...(grouping === 'plan' ? PLAN_FLAG_COLUMNS : [])].map((c) => (c === 'group' ? group : c));
    return {
      kind: 'view',
      name: `cv_aggregates_${grouping}`,
      comment: `SPEC §13: aggregates_${grouping}.csv's columns`,
      body: `SELECT ${columns.join(', ')}\nFROM cv_aggregates\nWHERE dimension = ${dialect.string(grouping)}`,
    };
  });
  return [
    {
      kind: 'result',
      name: 'cv_aggregates',
      comment: `SPEC §10: aggregates by ${GROUPINGS.join(', ')} (dimension), plan flags 亏损资费/结算倒挂`,
      body: selects.join('\nUNION ALL\n'),
    },
    ...perGrouping,
  ];
}
