/**
 * SPEC §3 in SQL, as allocate-common-costs.ts computes it: driver totals per pool and month,
 * weights whose driver total is 0 moved to users, one coefficient per driver
 * (amount·w / X), unscoped pools folded into one coefficient per month, scoped pools added to
 * their rows, and profit(c,m).
 */
import { DRIVERS, type Driver } from '../model/scenario.js';
import { SCOPE_FIELDS } from '../model/fields.js';
import type { SqlContext } from './sql-context.js';
import { indent, int, monthNumberOf, num, sumInOrder, type Statement } from './sql-text.js';

/** The driver value x(c,d) of a row of cv_facts (users is 1, revenue is max(billed_revenue, 0)). */
const DRIVER_COLUMN: Readonly<Record<Exclude<Driver, 'users'>, string>> = { minutes: 'minutes', data_mb: 'data_mb', sms: 'sms', revenue: 'drv_revenue' };
const OTHER_DRIVERS = DRIVERS.filter((d): d is Exclude<Driver, 'users'> => d !== 'users');

/** c_users + c_minutes·minutes + … for a row `r` and coefficients `c`, in the engine's order. */
export function shareExpression(c: string, r: string): string {
  return sumInOrder([`${c}.c_users`, ...OTHER_DRIVERS.map((d) => `${c}.c_${d} * ${r}.${DRIVER_COLUMN[d]}`)]);
}

/** The scenario's weight of `driver` for the pool in column `pool`: a per-pool override, else the default. */
function givenWeight(ctx: SqlContext, driver: Driver, pool: string): string {
  const { drivers } = ctx.scenario;
  const overrides = Object.keys(drivers.pools).sort();
  const fallback = num(drivers.default[driver]);
  if (overrides.length === 0) return fallback;
  const whens = overrides.map((name) => `WHEN ${ctx.dialect.string(name)} THEN ${num((drivers.pools[name] as Record<Driver, number>)[driver])}`);
  return `CASE ${pool} ${whens.join(' ')} ELSE ${fallback} END`;
}

export function allocationStatements(ctx: SqlContext): Statement[] {
  const { dialect } = ctx;
  const zero = num(0);
  const isBlank = "scope IS NULL OR TRIM(scope) = ''";
  const pools = [
    'SELECT p.*, CAST(p.amount_fen AS DOUBLE) / 100E0 AS amount,',
    "  CASE WHEN p.scope_field = '' THEN '' ELSE CONCAT(p.scope_field, '=', p.scope_value) END AS scope",
    'FROM (',
    '  SELECT pool, month,',
    `    ${monthNumberOf('month')} AS m,`,
    // Amounts are whole fen (SPEC §1); rounding the product only removes the float noise of ×100.
    '    CAST(ROUND(CAST(amount AS DOUBLE) * 100E0) AS BIGINT) AS amount_fen,',
    `    CASE WHEN ${isBlank} THEN '' ELSE LOWER(TRIM(SUBSTR(scope, 1, INSTR(scope, '=') - 1))) END AS scope_field,`,
    `    CASE WHEN ${isBlank} THEN '' ELSE TRIM(SUBSTR(scope, INSTR(scope, '=') + 1)) END AS scope_value`,
    `  FROM ${ctx.input('cost_pools')}`,
    ') p',
  ].join('\n');

  const totals = (from: string, groupBy: string): string =>
    [
      `SELECT ${groupBy}, CAST(COUNT(*) AS DOUBLE) AS tot_users, ${OTHER_DRIVERS.map((d) => `SUM(${DRIVER_COLUMN[d]}) AS tot_${d}`).join(', ')}`,
      `FROM ${from}`,
      `GROUP BY ${groupBy}`,
    ].join('\n');

  const scopedRows = SCOPE_FIELDS.map((field) =>
    [
      `SELECT p.pool, p.m, f.customer_id, ${OTHER_DRIVERS.map((d) => `f.${DRIVER_COLUMN[d]}`).join(', ')}`,
      `FROM cv_pools p JOIN cv_facts f ON f.m = p.m AND f.${field} = p.scope_value`,
      `WHERE p.scope_field = ${dialect.string(field)}`,
    ].join('\n'),
  ).join('\nUNION ALL\n');

  // Given weights and driver totals, then which drivers move to users (a total of 0 under a weight > 0).
  const given = [
    'SELECT p.*,',
    ...DRIVERS.map((d) => `  COALESCE(mt.tot_${d}, st.tot_${d}, ${zero}) AS tot_${d},`),
    DRIVERS.map((d) => `  ${givenWeight(ctx, d, 'p.pool')} AS gw_${d}`).join(',\n'),
    'FROM cv_pools p',
    "LEFT JOIN cv_month_totals mt ON p.scope_field = '' AND mt.m = p.m",
    "LEFT JOIN cv_scoped_totals st ON p.scope_field <> '' AND st.pool = p.pool AND st.m = p.m",
  ].join('\n');
  const moves = [
    'SELECT g.*,',
    OTHER_DRIVERS.map((d) => `  CASE WHEN g.tot_users > 0 AND g.gw_${d} > ${zero} AND g.tot_${d} = ${zero} THEN 1 ELSE 0 END AS mv_${d}`).join(',\n'),
    'FROM (',
    indent(given),
    ') g',
  ].join('\n');
  const weights = [
    'SELECT v.*,',
    `  ${sumInOrder(['v.gw_users', ...OTHER_DRIVERS.map((d) => `CASE WHEN v.mv_${d} = 1 THEN v.gw_${d} ELSE ${zero} END`)])} AS w_users,`,
    OTHER_DRIVERS.map((d) => `  CASE WHEN v.mv_${d} = 1 THEN ${zero} ELSE v.gw_${d} END AS w_${d}`).join(',\n'),
    'FROM (',
    indent(moves),
    ') v',
  ].join('\n');
  const coefficients = [
    'SELECT w.*,',
    "  CASE WHEN w.tot_users > 0 THEN 'allocated' ELSE 'unallocated' END AS status,",
    DRIVERS.map((d) => `  CASE WHEN w.tot_users > 0 AND w.w_${d} > ${zero} THEN (w.amount * w.w_${d}) / w.tot_${d} ELSE ${zero} END AS c_${d}`).join(',\n'),
    'FROM (',
    indent(weights),
    ') w',
  ].join('\n');
  // An unscoped pool's allocated sum is Σ_d c_d·X_d over the month's rows (docs/model.md, Allocation).
  const poolCalc = [
    'SELECT c.*,',
    `  ${sumInOrder(DRIVERS.map((d) => `c.c_${d} * c.tot_${d}`))} AS folded_sum`,
    'FROM (',
    indent(coefficients),
    ') c',
  ].join('\n');

  const monthCoef = [
    `SELECT m, ${DRIVERS.map((d) => `SUM(c_${d}) AS c_${d}`).join(', ')}`,
    'FROM cv_pool_calc',
    "WHERE scope_field = '' AND status = 'allocated'",
    'GROUP BY m',
  ].join('\n');
  const scopedShares = [
    `SELECT r.pool, r.m, r.customer_id, ${shareExpression('c', 'r')} AS share`,
    'FROM cv_scoped_rows r',
    "JOIN cv_pool_calc c ON c.pool = r.pool AND c.m = r.m AND c.status = 'allocated'",
  ].join('\n');
  const W = ctx.window;
  const rows = [
    'SELECT a.*, a.revenue - a.individual_cost - a.allocated AS profit,',
    `  CASE WHEN a.m BETWEEN p.eval_m - ${int(W - 1)} AND p.eval_m THEN 1 ELSE 0 END AS in_window`,
    'FROM (',
    // The month's folded unscoped pools first, then the scoped pools, as the engine adds them.
    `  SELECT f.*, (${sumInOrder([`COALESCE(mc.c_users, ${zero})`, ...OTHER_DRIVERS.map((d) => `COALESCE(mc.c_${d}, ${zero}) * f.${DRIVER_COLUMN[d]}`)])}) + COALESCE(rs.share, ${zero}) AS allocated`,
    '  FROM cv_facts f',
    '  LEFT JOIN cv_month_coef mc ON mc.m = f.m',
    '  LEFT JOIN (SELECT customer_id, m, SUM(share) AS share FROM cv_scoped_shares GROUP BY customer_id, m) rs ON rs.customer_id = f.customer_id AND rs.m = f.m',
    ') a',
    'CROSS JOIN cv_params p',
  ].join('\n');

  return [
    { kind: 'view', name: 'cv_pools', comment: 'SPEC §1/§3: cost pools with amounts in fen and the scope split into field and value', body: pools },
    { kind: 'view', name: 'cv_month_totals', comment: 'SPEC §3: driver totals X(p,d) of an unscoped pool (every customer present in the month)', body: totals('cv_facts', 'm') },
    { kind: 'view', name: 'cv_scoped_rows', comment: 'SPEC §3: the rows each scoped pool covers (field=value on branch, brand, plan or channel)', body: scopedRows },
    { kind: 'view', name: 'cv_scoped_totals', comment: 'SPEC §3: driver totals X(p,d) of scoped pools', body: totals('cv_scoped_rows', 'pool, m') },
    {
      kind: 'stage',
      name: 'cv_pool_calc',
      comment: 'SPEC §3: weights per pool (scenario literals), moves to users where X(p,d) = 0, coefficients amount·w/X, status',
      body: poolCalc,
    },
    { kind: 'view', name: 'cv_month_coef', comment: 'SPEC §3: the unscoped pools of a month folded into one coefficient per driver', body: monthCoef },
    { kind: 'view', name: 'cv_scoped_shares', comment: 'SPEC §3: each scoped pool\'s share of each of its rows', body: scopedShares },
    { kind: 'stage', name: 'cv_rows', comment: 'SPEC §3–§4: allocated(c,m) and profit(c,m) of every present customer-month', body: rows },
  ];
}
