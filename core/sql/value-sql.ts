/**
 * SPEC §9 in SQL, as value-and-tiers.ts computes it: the value score (weights, clamped to
 * [0, 100], or the formula), tiers by the scenario's descending thresholds, the borderline flag
 * and the negative-value flag; then the customer table with the columns of customers.csv.
 */
import { BORDERLINE_DISTANCE } from '../engine/value-and-tiers.js';
import type { SqlContext } from './sql-context.js';
import { formulaToSql, MAX_DOUBLE } from './formula-to-sql.js';
import { num, sumInOrder, type Statement } from './sql-text.js';
import { clampScore } from './sub-scores-sql.js';

/** customers.csv's columns (SPEC §13, then the engine's extra columns), in order. */
export const CUSTOMER_COLUMNS = [
  'customer_id', 'eligible', 'reason', 'tenure_months', 'avg_revenue', 'avg_settlement_cost', 'avg_individual_cost',
  'avg_allocated', 'avg_profit', 'profit_score', 'credit', 'loyalty', 'behaviour', 'value', 'tier', 'negative',
  'branch', 'channel', 'brand', 'plan', 'segment',
  'avg_billed_revenue', 'months_present', 'tenure_source', 'both_reasons', 'services', 'plan_changes',
  'avg_suspension_count', 'avg_suspension_days', 'g1', 'g2', 'g3', 'g4', 'l1', 'l2', 'l3', 'borderline',
] as const;

function tierExpression(ctx: SqlContext, v: string): string {
  const { tiers, lowest_tier: lowest } = ctx.scenario;
  const s = ctx.dialect.string;
  return `CASE WHEN ${v} IS NULL THEN NULL ${tiers.map(([name, t]) => `WHEN ${v} >= ${num(t)} THEN ${s(name)}`).join(' ')} ELSE ${s(lowest)} END`;
}

/** 1 when the value is within BORDERLINE_DISTANCE of a threshold either side of it (the engine's rule). */
function borderlineExpression(ctx: SqlContext, v: string): string {
  const thresholds = ctx.scenario.tiers.map(([, t]) => t);
  const near = (conditions: string[]): string => `CASE WHEN ${conditions.join(' OR ')} THEN 1 ELSE 0 END`;
  const d = num(BORDERLINE_DISTANCE);
  const whens = thresholds.map((t, k) => {
    const conditions = [`${v} - ${num(t)} < ${d}`];
    if (k > 0) conditions.push(`${num(thresholds[k - 1] as number)} - ${v} < ${d}`);
    return `WHEN ${v} >= ${num(t)} THEN ${near(conditions)}`;
  });
  const last = thresholds[thresholds.length - 1] as number;
  return `CASE WHEN ${v} IS NULL THEN 0 ${whens.join(' ')} ELSE ${near([`${num(last)} - ${v} < ${d}`])} END`;
}

export function valueStatements(ctx: SqlContext): Statement[] {
  const { scenario } = ctx;
  const out: Statement[] = [];
  let values: string;
  if (scenario.value_formula === null) {
    const w = scenario.value_weights;
    const weighted = sumInOrder([`${num(w.profit)} * s.profit_score`, `${num(w.loyalty)} * s.loyalty`, `${num(w.credit)} * s.credit`, `${num(w.behaviour)} * s.behaviour`]);
    values = `SELECT s.*, CASE WHEN s.eligible = 1 THEN ${clampScore(weighted)} END AS value\nFROM cv_scores s`;
  } else {
    const formula = formulaToSql(scenario.value_formula, 'cv_scores');
    out.push(...formula.statements);
    // A result that is NULL, infinite or NaN is no value (the engine's non-finite rule).
    values = `SELECT f.*, CASE WHEN f.eligible = 1 AND ABS(${formula.result}) <= ${MAX_DOUBLE} THEN ${formula.result} END AS value\nFROM ${formula.view} f`;
  }
  out.push({
    kind: 'view',
    name: 'cv_values',
    comment: scenario.value_formula === null ? 'SPEC §9: value = weighted sub-scores (scenario weights as literals), clamped to [0, 100]' : 'SPEC §9: value = the formula, empty when not finite',
    body: values,
  });
  const computed: Record<string, string> = {
    tier: `${tierExpression(ctx, 'v.value')} AS tier`,
    negative: `CASE WHEN v.avg_profit < ${num(0)} THEN 1 ELSE 0 END AS negative`,
    borderline: `${borderlineExpression(ctx, 'v.value')} AS borderline`,
  };
  out.push({
    kind: 'result',
    name: 'cv_customers',
    comment: 'SPEC §9/§13: the customer table with the columns of customers.csv (tiers from the scenario\'s thresholds)',
    body: ['SELECT', CUSTOMER_COLUMNS.map((c) => `  ${computed[c] ?? `v.${c}`}`).join(',\n'), 'FROM cv_values v'].join('\n'),
  });
  return out;
}
