/** Rule plan_flags: a plan that became 亏损资费 or 结算倒挂 (SPEC §10) this month. */
import type { AggregateRow } from '../aggregates.js';
import type { TrendMonth } from '../trend/trend.js';
import type { Warning } from './warning.js';

interface Flag {
  readonly name: string;
  readonly on: (row: AggregateRow) => boolean;
  /** The figure whose sign makes the flag: Σ avg_profit, or Σ avg_settlement_cost − Σ avg_revenue. */
  readonly figure: (row: AggregateRow) => number;
}

const FLAGS: readonly Flag[] = [
  { name: '亏损资费', on: (r) => r.lossMakingPlan, figure: (r) => r.sumAvgProfit },
  { name: '结算倒挂', on: (r) => r.settlementInverted, figure: (r) => r.sumAvgSettlementCost - r.sumAvgRevenue },
];

/** A plan new this month counts as unflagged before, so a new plan that starts flagged is reported. */
export function planFlagWarnings(previous: TrendMonth, current: TrendMonth): Warning[] {
  const before = new Map(previous.groups.plan.map((row) => [row.group, row]));
  const out: Warning[] = [];
  for (const row of current.groups.plan) {
    const old = before.get(row.group);
    for (const flag of FLAGS) {
      if (!flag.on(row) || (old !== undefined && flag.on(old))) continue;
      out.push({ rule: 'plan_flags', subjectKind: 'plan', subject: row.group, month: current.month, before: old === undefined ? NaN : flag.figure(old), after: flag.figure(row), detail: flag.name });
    }
  }
  return out;
}
