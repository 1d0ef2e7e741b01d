/**
 * The rows of every file of SPEC §13 (and the worked example's extra files), as generators
 * so that a million-customer run streams to disk without building the text in memory.
 * Columns after the contract's are the intermediate figures that help trace a number.
 */
import { CATEGORY_FIELDS } from '../../model/fields.js';
import type { IdList } from '../../model/id-list.js';
import { monthKey } from '../../model/month.js';
import { DRIVERS } from '../../model/scenario.js';
import { GROUPINGS, type AggregateRow, type Grouping } from '../../engine/aggregates.js';
import type { RunComparison } from '../../engine/compare-runs.js';
import { reasonText } from '../../engine/eligibility.js';
import type { ModelResult } from '../../engine/run-model.js';
import { rowProfit } from '../../engine/window-profit.js';
import { TIER_INELIGIBLE, TIER_NO_VALUE } from '../../engine/value-and-tiers.js';
import { summarizeRun } from '../../engine/run-summary.js';
import { reconcileMonths } from '../../engine/month-reconciliation.js';
import type { CampaignUplift } from '../../engine/uplift/campaign-uplift.js';
import { fenText, type CsvCell } from './csv-text.js';

export type Rows = Iterable<readonly CsvCell[]>;

export function tierText(result: ModelResult, c: number): string {
  const t = result.values.tier[c] as number;
  if (t === TIER_INELIGIBLE) return '';
  if (t === TIER_NO_VALUE) return '';
  return result.values.tierNames[t] as string;
}

export function* customerRows(result: ModelResult): Rows {
  const { window: win, profit, eligibility: el, credit, loyalty, values, input } = result;
  const facts = input.facts;
  yield [
    'customer_id', 'eligible', 'reason', 'tenure_months', 'avg_revenue', 'avg_settlement_cost', 'avg_individual_cost',
    'avg_allocated', 'avg_profit', 'profit_score', 'credit', 'loyalty', 'behaviour', 'value', 'tier', 'negative',
    ...CATEGORY_FIELDS,
    'avg_billed_revenue', 'months_present', 'tenure_source', 'both_reasons', 'services', 'plan_changes',
    'avg_suspension_count', 'avg_suspension_days', 'g1', 'g2', 'g3', 'g4', 'l1', 'l2', 'l3', 'borderline',
  ];
  for (const c of win.table) {
    const g = credit.parts(c);
    const l = loyalty.parts(c);
    yield [
      facts.customerIds.at(c),
      el.eligible[c] === 1,
      reasonText(el.reason[c] as number, el.minTenure),
      win.tenure[c] as number,
      win.avgRevenue[c] as number,
      win.avgSettlementCost[c] as number,
      win.avgIndividualCost[c] as number,
      profit.avgAllocated[c] as number,
      profit.avgProfit[c] as number,
      result.profitScore[c] as number,
      credit.credit[c] as number,
      loyalty.loyalty[c] as number,
      result.behaviour[c] as number,
      values.value[c] as number,
      tierText(result, c),
      (profit.avgProfit[c] as number) < 0,
      ...CATEGORY_FIELDS.map((f) => facts.dictionaries[f][win.attributes[f][c] as number] as string),
      win.avgBilledRevenue[c] as number,
      win.monthsPresent[c] as number,
      win.tenureFromJoinDate[c] === 1 ? 'join_date' : 'consecutive_months',
      el.bothReasons[c] === 1,
      win.services[c] as number,
      win.planChanges[c] as number,
      win.avgSuspensionCount[c] as number,
      win.avgSuspensionDays[c] as number,
      g.g1,
      g.g2,
      g.g3,
      g.g4,
      l.l1,
      l.l2,
      l.l3,
      values.borderline[c] === 1,
    ];
  }
}

export function* customerMonthRows(result: ModelResult): Rows {
  const facts = result.input.facts;
  const { money, allocation, window: win } = result;
  const rounded = result.rounded().fen;
  yield ['customer_id', 'month', 'revenue', 'settlement_cost', 'individual_cost', 'allocated', 'profit', 'allocated_rounded', 'in_window'];
  for (let m = 0; m < facts.months.length; m++) {
    const month = monthKey(facts.months[m] as number);
    const end = facts.monthStart[m + 1] as number;
    for (let r = facts.monthStart[m] as number; r < end; r++) {
      yield [
        facts.customerIds.at(facts.customer[r] as number),
        month,
        money.revenueAt(r),
        money.settlementCostAt(r),
        money.individualCostAt(r),
        allocation.allocated[r] as number,
        rowProfit(money, allocation.allocated, r),
        fenText(rounded[r] as number),
        win.rowInWindow[r] === 1,
      ];
    }
  }
}

export function* aggregateRows(rows: readonly AggregateRow[], grouping: Grouping): Rows {
  const plan = grouping === 'plan';
  yield [
    'group', 'customers', 'eligible', 'sum_avg_revenue', 'sum_avg_settlement_cost', 'sum_avg_individual_cost', 'sum_avg_allocated',
    'sum_avg_profit', 'margin', 'negative_count', 'negative_share', 'loss', 'mean_value',
    ...(plan ? ['loss_making_plan', 'settlement_inverted'] : []),
  ];
  for (const r of rows) {
    yield [
      r.group, r.customers, r.eligible, r.sumAvgRevenue, r.sumAvgSettlementCost, r.sumAvgIndividualCost, r.sumAvgAllocated,
      r.sumAvgProfit, r.margin, r.negativeCount, r.negativeShare, r.loss, r.meanValue,
      ...(plan ? [r.lossMakingPlan, r.settlementInverted] : []),
    ];
  }
}

export function* reconciliationRows(result: ModelResult): Rows {
  yield [
    'pool', 'month', 'scope', 'amount', 'customers_in_scope', 'status', 'moved_to_users', 'allocated_sum', 'difference',
    ...DRIVERS.map((d) => `w_${d}`), ...DRIVERS.map((d) => `X_${d}`), 'moved_drivers',
  ];
  for (const r of result.allocation.reconciliation) {
    const amount = r.amountFen / 100;
    yield [
      r.pool, r.month, r.scope, amount, r.customersInScope, r.allocated ? 'allocated' : 'unallocated', r.movedDrivers.length > 0,
      r.allocatedSum, amount - r.allocatedSum, ...r.weights, ...r.totals, r.movedDrivers.join(';'),
    ];
  }
}

export function* reconciliationMonthRows(result: ModelResult): Rows {
  yield ['month', 'pools_total', 'allocated_pools_total', 'unallocated_total', 'customers_present', 'float_allocated_sum', 'rounded_customer_sum'];
  for (const m of reconcileMonths(result)) {
    yield [m.month, fenText(m.poolsFen), fenText(m.allocatedPoolsFen), fenText(m.poolsFen - m.allocatedPoolsFen), m.customersPresent, m.floatAllocated, fenText(m.roundedFen)];
  }
}

/** `uplifts` is campaignUplift(result), one per campaign in the same order. */
export function* campaignRows(result: ModelResult, uplifts: readonly CampaignUplift[]): Rows {
  yield [
    'campaign', 'participants', 'evaluated', 'excluded', 'cost_all', 'cost_evaluated', 'incremental_profit', 'roi',
    'negative_before_share', 'start_month', 'roi_all_cost', 'negative_before', 'negative_now',
    'uplift', 'control_size', 'uplift_note',
  ];
  for (const [i, c] of result.campaigns.entries()) {
    const u = uplifts[i];
    yield [
      c.campaign, c.participants, c.evaluated, c.excluded, c.costAll, c.costEvaluated, c.incrementalProfit, c.roi,
      c.negativeBeforeShare, c.startMonths.join(';'), c.roiAllCost, c.negativeBefore, c.negativeNow,
      u?.uplift ?? NaN, u?.controlSize ?? null, u?.insufficient === true ? 'control<30' : '',
    ];
  }
}

/** campaign_uplift_tiers.csv: each campaign's uplift per tier as of the month before start (issue 6 §4). */
export function* campaignUpliftTierRows(uplifts: readonly CampaignUplift[]): Rows {
  yield ['campaign', 'tier', 'compared', 'without_control', 'control_size', 'uplift', 'uplift_note'];
  for (const u of uplifts) {
    for (const t of u.tiers) yield [u.campaign, t.tier, t.compared, t.withoutControl, t.controlSize, t.uplift, t.insufficient ? 'control<30' : ''];
  }
}

export function* campaignParticipantRows(result: ModelResult): Rows {
  yield ['campaign', 'customer_id', 'start_month', 'cost', 'evaluated', 'before', 'after', 'incremental', 'negative_before'];
  for (const p of result.participants) {
    const { participant: x } = p;
    yield [x.campaign, x.customerId, monthKey(x.startMonth), x.cost, p.evaluated, p.before, p.after, p.incremental, p.evaluated ? p.negativeBefore : null];
  }
}

export function breakpointsJson(result: ModelResult): unknown {
  const b = result.breakpoints;
  return {
    mode: b.mode,
    n_eligible: b.eligibleCount,
    quantiles: b.quantiles,
    breakpoints: b.breakpoints,
    collapsed: b.collapsed,
    spend_cap: result.credit.spendCap,
    spend_cap_mode: result.credit.spendCapMode,
  };
}

export function summaryJson(result: ModelResult): unknown {
  const s = summarizeRun(result);
  const win = result.window;
  return {
    scenario: result.scenario.name,
    month: monthKey(win.evaluationMonth),
    window: win.windowMonths.map(monthKey),
    customers: s.customers,
    eligible: s.eligible,
    reasons: Object.fromEntries(s.reasons),
    negative_count: s.negativeCount,
    loss: s.loss,
    tiers: Object.fromEntries([...s.tiers].filter(([, n]) => n > 0)),
    borderline_customers: s.borderline.map((c) => result.input.facts.customerIds.at(c)),
  };
}

export function warningsJson(result: ModelResult): string[] {
  return result.warnings.map((w) => w.en);
}

export function* migrationRows(cmp: RunComparison): Rows {
  yield ['tier', ...cmp.tiersB];
  for (let i = 0; i < cmp.tiersA.length; i++) yield [cmp.tiersA[i] as string, ...(cmp.migration[i] as number[])];
}

export function* groupChangeRows(changes: RunComparison['plans']): Rows {
  yield ['group', 'sum_avg_allocated_a', 'sum_avg_allocated_b', 'allocated_change', 'sum_avg_profit_a', 'sum_avg_profit_b', 'profit_change'];
  for (const g of changes) yield [g.group, g.allocatedA, g.allocatedB, g.allocatedB - g.allocatedA, g.profitA, g.profitB, g.profitB - g.profitA];
}

export function* tierChangeRows(cmp: RunComparison, customerIds: IdList): Rows {
  yield ['customer_id', 'tier_a', 'tier_b', 'value_a', 'value_b'];
  for (const t of cmp.tierChanges) yield [customerIds.at(t.customer), t.tierA, t.tierB, t.valueA, t.valueB];
}

export function comparisonJson(cmp: RunComparison, nameA: string, nameB: string): unknown {
  return {
    scenario_a: nameA,
    scenario_b: nameB,
    negative_count_a: cmp.negativeCountA,
    negative_count_b: cmp.negativeCountB,
    negative_count_change: cmp.negativeCountB - cmp.negativeCountA,
    loss_a: cmp.lossA,
    loss_b: cmp.lossB,
    loss_change: cmp.lossB - cmp.lossA,
    tier_changes: cmp.tierChanges.length,
  };
}

export { GROUPINGS };
