/**
 * SPEC §5–§8 per customer, as sub-scores.ts computes them: the profit score on the curve,
 * credit (with the spend cap from the 0.9 quantile or the scenario), loyalty and behaviour —
 * for eligible customers only; the others keep NULL.
 */
import type { SqlContext } from './sql-context.js';
import { num, sumInOrder, type Statement } from './sql-text.js';
import { profitScoreExpression } from './profit-score-sql.js';
import { quantileStatements } from './quantile-sql.js';

/** min(a / cap, 1)·100, as the engine writes it; `cap` is a literal or a column. */
function capped(value: string, cap: number | string): string {
  return `LEAST(${value} / ${typeof cap === 'number' ? num(cap) : cap}, ${num(1)}) * ${num(100)}`;
}

/** max(0, 1 − a / cap)·100. */
function penalty(value: string, cap: number): string {
  return `GREATEST(${num(0)}, ${num(1)} - ${value} / ${num(cap)}) * ${num(100)}`;
}

/** Weights sum to 1 only within 1e-9: keep a sum of weighted scores inside [0, 100] (clampScore). */
export function clampScore(expr: string): string {
  return `LEAST(GREATEST(${expr}, ${num(0)}), ${num(100)})`;
}

export function subScoreStatements(ctx: SqlContext): Statement[] {
  const { scenario, dialect } = ctx;
  const { credit, loyalty, behaviour } = scenario;
  const W = ctx.window;
  const out: Statement[] = [];
  if (credit.spend_cap === 'auto') {
    out.push(
      ...quantileStatements({
        name: 'cv_spend_quantile',
        source: 'cv_customer_base',
        column: 'avg_billed_revenue',
        numerators: [9],
        denominator: 10,
        comment: 'SPEC §6: the 0.9 quantile of avg_billed_revenue over eligible customers',
      }),
    );
  }
  out.push({
    kind: 'view',
    name: 'cv_spend_cap',
    comment: credit.spend_cap === 'auto' ? 'SPEC §6: spend_cap (auto: the 0.9 quantile; NULL when nobody is eligible)' : 'SPEC §6: spend_cap from the scenario',
    body: credit.spend_cap === 'auto' ? 'SELECT MAX(quantile) AS spend_cap FROM cv_spend_quantile' : `SELECT ${num(credit.spend_cap)} AS spend_cap`,
  });

  const tenure = 'CAST(c.tenure_months AS DOUBLE)';
  const segments = Object.keys(behaviour.table).sort();
  const behaviourExpr =
    segments.length === 0
      ? num(behaviour.default)
      : `CASE c.segment ${segments.map((s) => `WHEN ${dialect.string(s)} THEN ${num(behaviour.table[s] as number)}`).join(' ')} ELSE ${num(behaviour.default)} END`;
  const eligibleOnly = (expr: string): string => `CASE WHEN c.eligible = 1 THEN ${expr} END`;
  const subscores = [
    'SELECT c.*,',
    `  CASE WHEN c.eligible = 1 THEN ${profitScoreExpression(ctx, 'c.avg_profit', 'cv')} END AS profit_score,`,
    `  ${eligibleOnly(capped(tenure, credit.tenure_cap))} AS g1,`,
    `  ${eligibleOnly(`CASE WHEN sc.spend_cap > ${num(0)} AND c.avg_billed_revenue > ${num(0)} THEN ${capped('c.avg_billed_revenue', 'sc.spend_cap')} ELSE ${num(0)} END`)} AS g2,`,
    `  ${eligibleOnly(penalty('c.avg_suspension_count', credit.suspension_count_cap))} AS g3,`,
    `  ${eligibleOnly(penalty('c.avg_suspension_days', credit.suspension_days_cap))} AS g4,`,
    `  ${eligibleOnly(capped(tenure, loyalty.tenure_cap))} AS l1,`,
    `  ${eligibleOnly(capped('CAST(c.services AS DOUBLE)', loyalty.services_cap))} AS l2,`,
    `  ${eligibleOnly(W === 1 ? num(100) : `${num(100)} * (${num(1)} - CAST(c.plan_changes AS DOUBLE) / ${num(W - 1)})`)} AS l3,`,
    `  ${eligibleOnly(behaviourExpr)} AS behaviour`,
    'FROM cv_customer_base c',
    'CROSS JOIN cv_curve cv',
    'CROSS JOIN cv_spend_cap sc',
  ].join('\n');
  const cw = credit.weights;
  const lw = loyalty.weights;
  const scores = [
    'SELECT s.*,',
    `  CASE WHEN s.eligible = 1 THEN ${clampScore(sumInOrder([`${num(cw.tenure)} * s.g1`, `${num(cw.spend)} * s.g2`, `${num(cw.suspension_count)} * s.g3`, `${num(cw.suspension_days)} * s.g4`]))} END AS credit,`,
    `  CASE WHEN s.eligible = 1 THEN ${clampScore(sumInOrder([`${num(lw.tenure)} * s.l1`, `${num(lw.services)} * s.l2`, `${num(lw.plan_stability)} * s.l3`]))} END AS loyalty`,
    'FROM cv_subscores s',
  ].join('\n');
  out.push(
    { kind: 'view', name: 'cv_subscores', comment: 'SPEC §5–§8: profit score on the curve, credit components g1–g4, loyalty components l1–l3, behaviour', body: subscores },
    { kind: 'stage', name: 'cv_scores', comment: 'SPEC §6–§7: credit and loyalty (scenario weights as literals)', body: scores },
  );
  return out;
}
