/**
 * SPEC §1–§2 in SQL: one row per present customer-month (a usage row with billed revenue), the
 * other sheets joined on the key, defaults for empty cells, revenue and individual cost; and
 * the evaluation month M.
 */
import { UNKNOWN_CATEGORY } from '../model/fields.js';
import { monthNumber } from '../model/month.js';
import type { SqlContext } from './sql-context.js';
import { indent, int, monthNumberOf, num, type Statement } from './sql-text.js';

const CATEGORIES = ['branch', 'channel', 'brand', 'plan', 'segment'] as const;
const SIDE_TABLES = [
  { alias: 's', table: 'settlement', fields: ['settlement_income', 'settlement_cost_inter', 'settlement_cost_intra'] },
  { alias: 'i', table: 'individual_costs', fields: ['commission', 'marketing_discount', 'handset_subsidy', 'points_cost'] },
  { alias: 'k', table: 'credit', fields: ['suspension_count', 'suspension_days', 'arrears'] },
] as const;

export function factsStatements(ctx: SqlContext): Statement[] {
  const { dialect } = ctx;
  const zero = num(0);
  const cleaned = [
    'u.customer_id',
    'u.month',
    `${monthNumberOf('u.month')} AS m`,
    'CAST(u.billed_revenue AS DOUBLE) AS billed_revenue',
    ...CATEGORIES.map((f) => `COALESCE(NULLIF(u.${f}, ''), ${dialect.string(UNKNOWN_CATEGORY)}) AS ${f}`),
    'CASE WHEN u.join_date IS NULL THEN NULL ELSE EXTRACT(YEAR FROM u.join_date) * 12 + EXTRACT(MONTH FROM u.join_date) - 1 END AS join_m',
    ...['minutes', 'data_mb', 'sms', 'vas_count'].map((f) => `COALESCE(CAST(u.${f} AS DOUBLE), ${zero}) AS ${f}`),
    ...SIDE_TABLES.flatMap(({ alias, fields }) => fields.map((f) => `COALESCE(CAST(${alias}.${f} AS DOUBLE), ${zero}) AS ${f}`)),
  ];
  const joins = SIDE_TABLES.map(({ alias, table }) => `LEFT JOIN ${ctx.input(table)} ${alias} ON ${alias}.customer_id = u.customer_id AND ${alias}.month = u.month`);
  // Sums in the engine's order (row-money.ts), so each row's money is the engine's double.
  const body = [
    'SELECT',
    '  t.*,',
    '  t.billed_revenue + t.settlement_income AS revenue,',
    '  t.settlement_cost_inter + t.settlement_cost_intra AS settlement_cost,',
    '  t.settlement_cost_inter + t.settlement_cost_intra + t.commission + t.marketing_discount + t.handset_subsidy + t.points_cost AS individual_cost,',
    `  GREATEST(t.billed_revenue, ${zero}) AS drv_revenue`,
    'FROM (',
    indent(['SELECT', indent(cleaned.join(',\n')), `FROM ${ctx.input('usage')} u`, ...joins, 'WHERE u.billed_revenue IS NOT NULL'].join('\n')),
    ') t',
  ].join('\n');
  const month = ctx.scenario.month;
  const params =
    month === null
      ? 'SELECT MAX(m) AS eval_m FROM cv_facts'
      : `SELECT ${int(monthNumber(month))} AS eval_m`;
  return [
    { kind: 'stage', name: 'cv_facts', comment: 'SPEC §1–§2: present customer-months (usage rows) with the other sheets, defaults, revenue and individual cost', body },
    {
      kind: 'view',
      name: 'cv_params',
      comment: month === null ? 'Evaluation month M: the latest month with usage data (the scenario leaves it open); month number = year·12 + month − 1' : `Evaluation month M = ${month} as a month number (year·12 + month − 1)`,
      body: params,
    },
  ];
}
