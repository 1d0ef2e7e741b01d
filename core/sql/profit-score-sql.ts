/**
 * SPEC §5 in SQL, as profit-score.ts computes it: deciles of avg_profit over eligible customers
 * (or the scenario's manual table), equal consecutive breakpoints collapsed into one with the
 * mean score, and the piecewise linear curve, flat outside the breakpoints.
 */
import type { SqlContext } from './sql-context.js';
import { int, num, type Statement } from './sql-text.js';
import { quantileStatements } from './quantile-sql.js';

const DECILES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

/** Most breakpoints the curve can have: 11 deciles, or the manual table's rows. */
function maxPoints(ctx: SqlContext): number {
  const cfg = ctx.scenario.profit_breakpoints;
  return cfg.mode === 'manual' ? cfg.table.length : DECILES.length;
}

export function profitScoreStatements(ctx: SqlContext): Statement[] {
  const cfg = ctx.scenario.profit_breakpoints;
  const out: Statement[] = [];
  let points: string;
  if (cfg.mode === 'auto') {
    out.push(
      ...quantileStatements({
        name: 'cv_profit_quantiles',
        source: 'cv_customer_base',
        column: 'avg_profit',
        numerators: DECILES,
        denominator: 10,
        comment: 'SPEC §5: deciles of avg_profit over eligible customers',
      }),
    );
    // Quantiles never decrease, so equal values are consecutive: grouping by value collapses them.
    points = [
      'SELECT ROW_NUMBER() OVER (ORDER BY g.profit) - 1 AS point, g.profit, g.score, COUNT(*) OVER () AS points',
      'FROM (SELECT quantile AS profit, AVG(10E0 * i) AS score FROM cv_profit_quantiles GROUP BY quantile) g',
    ].join('\n');
  } else {
    points = cfg.table.map(([p, s], i) => `SELECT ${i} AS point, ${num(p)} AS profit, ${num(s)} AS score, ${cfg.table.length} AS points`).join('\nUNION ALL\n');
  }
  out.push({
    kind: 'view',
    name: 'cv_breakpoint_points',
    comment: cfg.mode === 'auto' ? 'SPEC §5: breakpoints (p_i, 10·i), equal profits collapsed into one with the mean score' : 'SPEC §5: the scenario\'s manual breakpoints',
    body: points,
  });
  const n = maxPoints(ctx);
  const columns = Array.from({ length: n }, (_, i) => `  MAX(CASE WHEN point = ${i} THEN profit END) AS p${i}, MAX(CASE WHEN point = ${i} THEN score END) AS s${i},`);
  out.push({
    kind: 'view',
    name: 'cv_curve',
    comment: 'SPEC §5: the breakpoints as one row (p0, s0, p1, s1, …, the last point)',
    body: [
      'SELECT MAX(points) AS points,',
      ...columns,
      '  MAX(CASE WHEN point = points - 1 THEN profit END) AS p_last, MAX(CASE WHEN point = points - 1 THEN score END) AS s_last',
      'FROM cv_breakpoint_points',
    ].join('\n'),
  });
  return out;
}

/**
 * f(x) through the curve `cv` (a row of cv_curve), in the engine's arithmetic:
 * s_lo + ((x − p_lo)·(s_hi − s_lo)) / (p_hi − p_lo) on the segment where p_lo ≤ x < p_hi.
 */
export function profitScoreExpression(ctx: SqlContext, x: string, cv: string): string {
  const n = maxPoints(ctx);
  const segments = Array.from({ length: n - 1 }, (_, i) => i + 1).map(
    (hi) => `    WHEN ${x} < ${cv}.p${hi} THEN ${cv}.s${hi - 1} + ((${x} - ${cv}.p${hi - 1}) * (${cv}.s${hi} - ${cv}.s${hi - 1})) / (${cv}.p${hi} - ${cv}.p${hi - 1})`,
  );
  return [
    'CASE',
    `    WHEN ${cv}.points IS NULL THEN NULL`,
    `    WHEN ${cv}.points = ${int(1)} OR ${x} <= ${cv}.p0 THEN ${cv}.s0`,
    `    WHEN ${x} >= ${cv}.p_last THEN ${cv}.s_last`,
    ...segments,
    '  END',
  ].join('\n');
}
