/**
 * Quantiles exactly as quantiles.ts (SPEC §5, Excel's PERCENTILE.INC): on the n sorted values,
 * j = floor((n−1)·i / d) and t = ((n−1)·i mod d) / d in integers, q = x[j] + t·(x[j+1] − x[j]).
 * Ranks come from ROW_NUMBER, which both dialects compute exactly; their own quantile
 * functions are approximate (Spark's percentile_approx) or differ in form, so neither is used.
 */
import type { Statement } from './sql-text.js';

export interface QuantileSpec {
  /** Names the two statements: `${name}_sorted` and `${name}`. */
  readonly name: string;
  /** A SELECT's FROM target and the column whose quantiles are wanted, over eligible customers. */
  readonly source: string;
  readonly column: string;
  readonly numerators: readonly number[];
  readonly denominator: number;
  readonly comment: string;
}

/** `${name}` has one row per numerator i (none when there are no values): i, t and quantile. */
export function quantileStatements(spec: QuantileSpec): Statement[] {
  const { name, denominator: d } = spec;
  const sorted = [
    'SELECT s.x, ROW_NUMBER() OVER (ORDER BY s.x) - 1 AS k',
    `FROM (SELECT ${spec.column} AS x FROM ${spec.source} WHERE eligible = 1) s`,
  ].join('\n');
  const levels = spec.numerators.map((i) => `SELECT ${i} AS i`).join(' UNION ALL ');
  const scaled = '(c.n - 1) * l.i';
  const quantiles = [
    'SELECT q.i, q.t,',
    // t = 0 returns x[j] itself, the form the SPEC asks for (equal neighbours stay equal).
    '  CASE WHEN q.t = 0E0 THEN a.x ELSE a.x + q.t * (b.x - a.x) END AS quantile',
    'FROM (',
    `  SELECT l.i, CAST((${scaled} - (${scaled}) % ${d}) / ${d}E0 AS BIGINT) AS j, ((${scaled}) % ${d}) / ${d}E0 AS t`,
    `  FROM (${levels}) l`,
    `  CROSS JOIN (SELECT COUNT(*) AS n FROM ${name}_sorted) c`,
    '  WHERE c.n > 0',
    ') q',
    `LEFT JOIN ${name}_sorted a ON a.k = q.j`,
    `LEFT JOIN ${name}_sorted b ON b.k = q.j + 1`,
  ].join('\n');
  return [
    { kind: 'stage', name: `${name}_sorted`, comment: `${spec.comment}: the values in order, ranked from 0`, body: sorted },
    { kind: 'view', name, comment: `${spec.comment}: PERCENTILE.INC at i/${d}`, body: quantiles },
  ];
}
