/** A results set as the screens receive it: the same KPI, chart and aggregate shapes as a run's. */
import { chartDataOf } from '../charts/chart-data.js';
import { profitCurve } from '../charts/data/profit-curve.js';
import { GROUPINGS, NO_VALUE_GROUP, type AggregateRow } from '../engine/aggregates.js';
import { INELIGIBLE_TIER } from '../model/scenario.js';
import { resultTable } from '../engine/results/result-query.js';
import type { TrendKpis } from '../engine/trend/trend-summary.js';
import { resultTierNames, type ResultSetRecord } from '../model/result-set.js';
import type { AggregateView, GroupingName, ResultSetSummaryView, ResultSetView } from './contract.js';
import type { LoadedResultSet } from './result-set-state.js';
import { aggregateView } from './run-view.js';

/** A plain copy: the record crosses the worker boundary as JSON. */
export function resultSetSummaryView(record: ResultSetRecord): ResultSetSummaryView {
  return { ...record, files: record.files.map((f) => ({ ...f })) };
}

/** The tier rows partition the customers, so their sums are the set's totals. */
function kpisOf(tierRows: readonly AggregateRow[], tierNames: readonly string[]): TrendKpis {
  const sum = (pick: (r: AggregateRow) => number): number => tierRows.reduce((total, r) => total + pick(r), 0);
  const customersOf = (tier: string): number => tierRows.find((r) => r.group === tier)?.customers ?? 0;
  return {
    customers: sum((r) => r.customers),
    eligible: sum((r) => r.eligible),
    negativeCount: sum((r) => r.negativeCount),
    loss: sum((r) => r.loss),
    totalProfit: sum((r) => r.sumAvgProfit),
    // As a run's summary: every tier, (无分值) and 不参与评分, each with its count (0 included).
    tiers: [...tierNames, NO_VALUE_GROUP, INELIGIBLE_TIER].map((tier) => ({ tier, customers: customersOf(tier) })),
  };
}

export function resultSetView(loaded: LoadedResultSet): ResultSetView {
  const { set, aggregates } = loaded;
  const table = resultTable(set.customers);
  const tierNames = resultTierNames(set.scenario);
  return {
    set: resultSetSummaryView(loaded.record),
    scenario: set.scenario,
    kpis: kpisOf(aggregates.tier, tierNames),
    charts: chartDataOf(
      { value: set.customers.scores.value, table, aggregates, tierNames, profitCurve: profitCurve(set.customers.money.avg_profit, table) },
      'zh',
    ),
    aggregates: Object.fromEntries(GROUPINGS.map((g) => [g, aggregates[g].map(aggregateView)])) as Record<GroupingName, AggregateView[]>,
    reconciliation: set.reconciliation.map((r) => ({ ...r })),
  };
}
