/**
 * SPEC §10 in SQL: the reconciliation per pool and month (reconciliation.csv), the
 * largest-remainder rounding of every customer-month's allocation to the fen as
 * round-allocations.ts does it (customer_months.csv's allocated_rounded), and the per-month
 * check (reconciliation_months.csv).
 */
import { DRIVERS } from '../model/scenario.js';
import type { SqlContext } from './sql-context.js';
import { indent, num, type Statement } from './sql-text.js';

/** Float noise below this many fen is not a remainder (round-allocations.ts). */
const FEN_EPSILON = 1e-6;
const OTHER_DRIVERS = DRIVERS.filter((d) => d !== 'users');

export const RECONCILIATION_COLUMNS = [
  'pool', 'month', 'scope', 'amount', 'customers_in_scope', 'status', 'moved_to_users', 'allocated_sum', 'difference',
  ...DRIVERS.map((d) => `w_${d}`), ...DRIVERS.map((d) => `X_${d}`), 'moved_drivers',
] as const;

/** Whole fen as yuan with two decimals (exact: the nearest double to k/100 casts back to k/100). */
function fenToDecimal(fen: string): string {
  return `CAST(CAST(${fen} AS DOUBLE) / 100E0 AS DECIMAL(18, 2))`;
}

export function reconciliationStatements(ctx: SqlContext): Statement[] {
  const { dialect } = ctx;
  const zero = num(0);
  const inner = [
    'SELECT c.*,',
    `  CASE WHEN c.status = 'unallocated' THEN ${zero} WHEN c.scope_field = '' THEN c.folded_sum ELSE COALESCE(ss.total, ${zero}) END AS allocated_sum`,
    'FROM cv_pool_calc c',
    'LEFT JOIN (SELECT pool, m, SUM(share) AS total FROM cv_scoped_shares GROUP BY pool, m) ss ON ss.pool = c.pool AND ss.m = c.m',
  ].join('\n');
  const reconciliation = [
    'SELECT r.pool, r.month, r.scope, r.amount, CAST(r.tot_users AS BIGINT) AS customers_in_scope, r.status,',
    `  CASE WHEN ${OTHER_DRIVERS.map((d) => `r.mv_${d}`).join(' + ')} > 0 THEN 1 ELSE 0 END AS moved_to_users,`,
    '  r.allocated_sum, r.amount - r.allocated_sum AS difference,',
    `  ${DRIVERS.map((d) => `r.w_${d}`).join(', ')},`,
    `  ${DRIVERS.map((d) => `r.tot_${d} AS X_${d}`).join(', ')},`,
    `  CONCAT_WS(';', ${OTHER_DRIVERS.map((d) => `CASE WHEN r.mv_${d} = 1 THEN ${dialect.string(d)} END`).join(', ')}) AS moved_drivers`,
    'FROM (',
    indent(inner),
    ') r',
  ].join('\n');

  const floors = [
    'SELECT x.*, x.allocated * 100E0 - CAST(x.floor_fen AS DOUBLE) AS remainder',
    'FROM (',
    `  SELECT customer_id, m, allocated, CAST(FLOOR(allocated * 100E0 + ${num(FEN_EPSILON)}) AS BIGINT) AS floor_fen FROM cv_rows`,
    ') x',
  ].join('\n');
  // missing = the month's allocated pools (exact fen) − Σ floors: the fen still to hand out (or, from float noise, to take back).
  const months = [
    'SELECT f.m, CAST(COALESCE(pc.allocated_fen, 0) - f.floored AS BIGINT) AS missing',
    'FROM (SELECT m, SUM(floor_fen) AS floored FROM cv_round_floors GROUP BY m) f',
    "LEFT JOIN (SELECT m, SUM(amount_fen) AS allocated_fen FROM cv_pool_calc WHERE status = 'allocated' GROUP BY m) pc ON pc.m = f.m",
  ].join('\n');
  const rounded = [
    'SELECT x.customer_id, x.m,',
    '  x.floor_fen + CASE WHEN x.missing > 0 AND x.remainder_rank <= x.missing THEN 1 WHEN x.missing < 0 AND x.remainder_rank <= -x.missing THEN -1 ELSE 0 END AS allocated_fen',
    'FROM (',
    '  SELECT r.*, mo.missing,',
    // Largest remainders first when handing out (−remainder ascending is remainder descending), the smallest
    // first when taking back; ties to the smaller customer_id (string order). A month needs only one of the
    // two orders, so one sort of the customer-months serves both (missing is the same on a month's rows).
    '    ROW_NUMBER() OVER (PARTITION BY r.m ORDER BY CASE WHEN mo.missing > 0 THEN -r.remainder ELSE r.remainder END, r.customer_id) AS remainder_rank',
    '  FROM cv_round_floors r',
    '  JOIN cv_round_months mo ON mo.m = r.m',
    ') x',
  ].join('\n');
  const customerMonths = [
    'SELECT r.customer_id, r.month, r.revenue, r.settlement_cost, r.individual_cost, r.allocated, r.profit,',
    `  ${fenToDecimal('d.allocated_fen')} AS allocated_rounded, r.in_window`,
    'FROM cv_rows r',
    'JOIN cv_rounded d ON d.customer_id = r.customer_id AND d.m = r.m',
  ].join('\n');
  const reconciliationMonths = [
    'SELECT mo.month,',
    `  ${fenToDecimal('COALESCE(pl.pools_fen, 0)')} AS pools_total,`,
    `  ${fenToDecimal('COALESCE(pl.allocated_fen, 0)')} AS allocated_pools_total,`,
    `  ${fenToDecimal('COALESCE(pl.pools_fen, 0) - COALESCE(pl.allocated_fen, 0)')} AS unallocated_total,`,
    '  mo.customers_present, mo.float_allocated_sum,',
    `  ${fenToDecimal('rd.rounded_fen')} AS rounded_customer_sum`,
    'FROM (SELECT m, MAX(month) AS month, COUNT(*) AS customers_present, SUM(allocated) AS float_allocated_sum FROM cv_rows GROUP BY m) mo',
    "LEFT JOIN (SELECT m, SUM(amount_fen) AS pools_fen, SUM(CASE WHEN status = 'allocated' THEN amount_fen ELSE 0 END) AS allocated_fen FROM cv_pool_calc GROUP BY m) pl ON pl.m = mo.m",
    'LEFT JOIN (SELECT m, SUM(allocated_fen) AS rounded_fen FROM cv_rounded GROUP BY m) rd ON rd.m = mo.m',
  ].join('\n');

  return [
    { kind: 'result', name: 'cv_reconciliation', comment: 'SPEC §10/§13: reconciliation.csv — per pool and month, weights used and driver totals', body: reconciliation },
    { kind: 'view', name: 'cv_round_floors', comment: 'SPEC §10 rounding: each customer-month\'s allocation floored to the fen (1e-6 fen tolerance), and its remainder', body: floors },
    { kind: 'view', name: 'cv_round_months', comment: 'SPEC §10 rounding: per month, the fen the floors miss against the allocated pools', body: months },
    { kind: 'stage', name: 'cv_rounded', comment: 'SPEC §10 rounding: one fen each to the largest remainders, ties to the smaller customer_id', body: rounded },
    { kind: 'result', name: 'cv_customer_months', comment: 'SPEC §13: customer_months.csv — every present customer-month with allocated_rounded', body: customerMonths },
    { kind: 'result', name: 'cv_reconciliation_months', comment: 'SPEC §10: per month, pools, allocated pools, unallocated, the float sum and the rounded sum', body: reconciliationMonths },
  ];
}
