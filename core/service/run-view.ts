/**
 * A run as the results screens receive it: headline figures, chart data, aggregates and
 * campaigns — a few kilobytes whatever the number of customers, so a what-if re-run crosses
 * the worker boundary in well under a millisecond. Customers are fetched page by page.
 */
import { reportChartData } from '../charts/chart-data.js';
import { GROUPINGS, type AggregateRow } from '../engine/aggregates.js';
import type { CampaignResult } from '../engine/campaigns.js';
import type { ModelResult } from '../engine/run-model.js';
import { campaignUplift, type CampaignUplift, type UpliftFigure } from '../engine/uplift/campaign-uplift.js';
import { summarizeRun } from '../engine/run-summary.js';
import { monthKey } from '../model/month.js';
import type { AggregateView, CampaignView, GroupingName, KpiView, RunView, UpliftNote } from './contract.js';
import type { LiveRun } from './model-state.js';

function orNull(x: number): number | null {
  return Number.isNaN(x) ? null : x;
}

export function aggregateView(row: AggregateRow): AggregateView {
  return {
    group: row.group,
    customers: row.customers,
    eligible: row.eligible,
    sumAvgRevenue: row.sumAvgRevenue,
    sumAvgSettlementCost: row.sumAvgSettlementCost,
    sumAvgIndividualCost: row.sumAvgIndividualCost,
    sumAvgAllocated: row.sumAvgAllocated,
    sumAvgProfit: row.sumAvgProfit,
    margin: orNull(row.margin),
    negativeCount: row.negativeCount,
    negativeShare: row.negativeShare,
    loss: row.loss,
    meanValue: orNull(row.meanValue),
    lossMakingPlan: row.lossMakingPlan,
    settlementInverted: row.settlementInverted,
  };
}

function upliftNote(u: UpliftFigure | null): UpliftNote {
  if (u === null) return 'not_computed';
  if (u.compared === 0) return 'none_compared';
  return u.insufficient ? 'insufficient_control' : '';
}

function upliftOf(u: UpliftFigure): number | null {
  return u.insufficient ? null : orNull(u.uplift);
}

function campaignView(c: CampaignResult, u: CampaignUplift | null): CampaignView {
  return {
    campaign: c.campaign,
    participants: c.participants,
    evaluated: c.evaluated,
    excluded: c.excluded,
    costAll: c.costAll,
    costEvaluated: c.costEvaluated,
    incrementalProfit: c.incrementalProfit,
    roi: orNull(c.roi),
    negativeBeforeShare: orNull(c.negativeBeforeShare),
    startMonths: [...c.startMonths],
    uplift: u === null ? null : upliftOf(u),
    controlSize: u?.controlSize ?? 0,
    upliftNote: upliftNote(u),
    upliftTiers: (u?.tiers ?? []).map((t) => ({ tier: t.tier, compared: t.compared, controlSize: t.controlSize, uplift: upliftOf(t), upliftNote: upliftNote(t) })),
  };
}

/**
 * The campaigns with their uplift. Uplift costs one extra model run per campaign start month (the
 * state at s−1), so runs:start leaves it out and 营销 asks for it; campaignUplift answers in
 * result.campaigns' order.
 */
export function campaignsWithUplift(result: ModelResult): CampaignView[] {
  const uplifts = result.campaigns.length === 0 ? [] : campaignUplift(result);
  return result.campaigns.map((c, i) => campaignView(c, uplifts[i] ?? null));
}

export function runView(run: LiveRun): RunView {
  const { result } = run;
  const summary = summarizeRun(result);
  const kpis: KpiView = {
    customers: summary.customers,
    eligible: summary.eligible,
    negativeCount: summary.negativeCount,
    loss: summary.loss,
    totalProfit: summary.totalProfit,
    tiers: [...summary.tiers].map(([tier, customers]) => ({ tier, customers })),
  };
  const aggregates = Object.fromEntries(GROUPINGS.map((g) => [g, result.aggregates[g].map(aggregateView)])) as Record<GroupingName, AggregateView[]>;
  return {
    runId: run.runId,
    scenario: result.scenario,
    month: monthKey(result.window.evaluationMonth),
    window: result.window.windowMonths.map(monthKey),
    kpis,
    // The screens label the special tier groups by their kind; the texts are the workbook's Chinese ones.
    charts: reportChartData(result, 'zh'),
    aggregates,
    campaigns: result.campaigns.map((c) => campaignView(c, null)),
    warnings: result.warnings.map((w) => ({ code: w.code, zh: w.zh, en: w.en })),
    engineMs: run.engineMs,
  };
}
