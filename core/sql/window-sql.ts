/**
 * SPEC §4 in SQL: the customer table (present in at least one window month), window averages,
 * attributes as of M, tenure, services, plan changes and eligibility, as customer-window.ts,
 * window-profit.ts and eligibility.ts compute them.
 *
 * Window sums are taken month by month (one pivoted column per window month, added oldest
 * first, an absent month adding 0) instead of SUM(), so every average is the engine's double
 * exactly: SUM's order is the engine's own business, and an ulp in avg_profit could move a
 * decile breakpoint.
 */
import { reasonText, REASON_MISSING_MONTH, REASON_TENURE } from '../engine/eligibility.js';
import type { SqlContext } from './sql-context.js';
import { indent, int, num, sumInOrder, type Statement } from './sql-text.js';

/** Row columns averaged over the window months present, and the name of each average. */
const AVERAGED = [
  ['revenue', 'avg_revenue'],
  ['settlement_cost', 'avg_settlement_cost'],
  ['individual_cost', 'avg_individual_cost'],
  ['allocated', 'avg_allocated'],
  ['billed_revenue', 'avg_billed_revenue'],
  ['suspension_count', 'avg_suspension_count'],
  ['suspension_days', 'avg_suspension_days'],
] as const;
/** Row columns whose window sums count a service when positive (SPEC §7). */
const SERVICES = ['minutes', 'sms', 'data_mb', 'vas_count'] as const;
const CATEGORIES = ['branch', 'channel', 'brand', 'plan', 'segment'] as const;

export function windowStatements(ctx: SqlContext): Statement[] {
  const W = ctx.window;
  const { dialect } = ctx;
  const zero = num(0);
  const offsets = Array.from({ length: W }, (_, k) => k);
  const summed = [...AVERAGED.map(([column]) => column), ...SERVICES];
  const pivot = [
    'SELECT t.customer_id, COUNT(*) AS months_present,',
    [...summed, 'plan'].flatMap((column) => offsets.map((k) => `  MAX(CASE WHEN t.w = ${k} THEN t.${column} END) AS ${column}_${k}`)).join(',\n'),
    'FROM (',
    `  SELECT r.*, r.m - (p.eval_m - ${int(W - 1)}) AS w FROM cv_rows r CROSS JOIN cv_params p WHERE r.in_window = 1`,
    ') t',
    'GROUP BY t.customer_id',
  ].join('\n');

  // Latest present row ≤ M (attributes), latest row with a join date, and the run of months present ending at M.
  const history = [
    'SELECT r.customer_id, r.m, r.join_m, p.eval_m,',
    `  ${CATEGORIES.map((f) => `r.${f}`).join(', ')},`,
    // One ordering for both (one sort of the customer-months): rn counts rows, join_rank the rows with a join date.
    '  ROW_NUMBER() OVER (PARTITION BY r.customer_id ORDER BY r.m DESC) AS rn,',
    '  COUNT(r.join_m) OVER (PARTITION BY r.customer_id ORDER BY r.m DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS join_rank',
    'FROM cv_rows r CROSS JOIN cv_params p',
    'WHERE r.m <= p.eval_m',
  ].join('\n');
  const lastState = [
    'SELECT customer_id,',
    ...CATEGORIES.map((f) => `  MAX(CASE WHEN rn = 1 THEN ${f} END) AS ${f},`),
    // The newest row with a join date is the one whose join date is the first counted.
    '  MAX(CASE WHEN join_m IS NOT NULL AND join_rank = 1 THEN join_m END) AS last_join_m,',
    // Rows in descending month order: the k-th is in the run ending at M iff its month is M − k + 1.
    '  SUM(CASE WHEN m = eval_m + 1 - rn THEN 1 ELSE 0 END) AS consecutive',
    'FROM cv_history',
    'GROUP BY customer_id',
  ].join('\n');

  const windowSum = (column: string): string => `(${sumInOrder(offsets.map((k) => `COALESCE(w.${column}_${k}, ${zero})`))})`;
  const present = 'CAST(w.months_present AS DOUBLE)';
  const planChanges =
    W === 1
      ? '0'
      : sumInOrder(offsets.slice(1).map((k) => `CASE WHEN w.plan_${k - 1} IS NOT NULL AND w.plan_${k} IS NOT NULL AND w.plan_${k - 1} <> w.plan_${k} THEN 1 ELSE 0 END`));
  const inner = [
    'SELECT w.customer_id, w.months_present,',
    ...CATEGORIES.map((f) => `  s.${f},`),
    '  CASE WHEN s.last_join_m IS NOT NULL THEN GREATEST(0, p.eval_m - s.last_join_m) ELSE s.consecutive END AS tenure_months,',
    "  CASE WHEN s.last_join_m IS NOT NULL THEN 'join_date' ELSE 'consecutive_months' END AS tenure_source,",
    ...AVERAGED.map(([column, avg]) => `  ${windowSum(column)} / ${present} AS ${avg},`),
    `  ${SERVICES.map((column) => `CASE WHEN ${windowSum(column)} > ${zero} THEN 1 ELSE 0 END`).join(' +\n    ')} AS services,`,
    `  ${planChanges} AS plan_changes`,
    'FROM cv_window w',
    'JOIN cv_last_state s ON s.customer_id = w.customer_id',
    'CROSS JOIN cv_params p',
  ].join('\n');
  const minTenure = ctx.scenario.min_tenure;
  const tenureFails = `x.tenure_months < ${int(minTenure)}`;
  const monthMissing = `x.months_present < ${int(W)}`;
  const base = [
    'SELECT x.*,',
    // avg_profit from the averages, so the exported columns add up exactly (docs/model.md §4).
    '  x.avg_revenue - x.avg_individual_cost - x.avg_allocated AS avg_profit,',
    `  CASE WHEN ${tenureFails} OR ${monthMissing} THEN 0 ELSE 1 END AS eligible,`,
    `  CASE WHEN ${tenureFails} THEN ${dialect.string(reasonText(REASON_TENURE, minTenure))} WHEN ${monthMissing} THEN ${dialect.string(reasonText(REASON_MISSING_MONTH, minTenure))} END AS reason,`,
    `  CASE WHEN ${tenureFails} AND ${monthMissing} THEN 1 ELSE 0 END AS both_reasons`,
    'FROM (',
    indent(inner),
    ') x',
  ].join('\n');

  return [
    { kind: 'stage', name: 'cv_window', comment: `SPEC §4: the customer table — customers present in a window month (W = ${W}), each window month's figures side by side`, body: pivot },
    { kind: 'view', name: 'cv_history', comment: 'SPEC §4/§10: every present month up to M, newest first (attributes as of M, latest join date)', body: history },
    { kind: 'view', name: 'cv_last_state', comment: 'SPEC §4: attributes as of M, the latest join date, consecutive months present ending at M', body: lastState },
    {
      kind: 'stage',
      name: 'cv_customer_base',
      comment: `SPEC §4: window averages, tenure, services, plan changes, eligibility (min_tenure = ${minTenure})`,
      body: base,
    },
  ];
}
