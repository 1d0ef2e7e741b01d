/** SPEC §11: campaign before/after evaluation over W months either side of the start month. */
import type { CampaignParticipant, FactTable } from '../model/dataset.js';
import { monthKey } from '../model/month.js';
import type { RowMoney } from './row-money.js';

export interface ParticipantResult {
  readonly participant: CampaignParticipant;
  readonly evaluated: boolean;
  /** NaN unless evaluated. */
  readonly before: number;
  readonly after: number;
  /** (after − before)·W. */
  readonly incremental: number;
  readonly negativeBefore: boolean;
}

export interface CampaignResult {
  readonly campaign: string;
  readonly startMonths: readonly string[];
  readonly participants: number;
  readonly evaluated: number;
  readonly excluded: number;
  readonly costAll: number;
  readonly costEvaluated: number;
  readonly incrementalProfit: number;
  /** NaN when nobody is evaluated or the evaluated cost is 0. */
  readonly roi: number;
  /** ROI against the cost of all participants (NaN when nobody is evaluated or that cost is 0). */
  readonly roiAllCost: number;
  /** NaN when nobody is evaluated. */
  readonly negativeBeforeShare: number;
  readonly negativeBefore: number;
  /** Participants who are negative-value in this run's customer table. */
  readonly negativeNow: number;
}

/** Finds the row of customer c in loaded month index m by binary search (rows are sorted by customer). */
function findRow(facts: FactTable, monthIdx: number, c: number): number {
  let lo = facts.monthStart[monthIdx] as number;
  let hi = (facts.monthStart[monthIdx + 1] as number) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = facts.customer[mid] as number;
    if (v === c) return mid;
    if (v < c) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * What the evaluation needs of the data alone, found once per data set and window rather than
 * per run (a what-if re-run only changes the profits): the participants in a fixed order, each
 * one's customer and the rows of its W months before and W months after the start.
 */
export interface CampaignPlan {
  readonly window: number;
  /** By campaign, customer id, start month: sums must not depend on the order participants arrive in. */
  readonly ordered: readonly CampaignParticipant[];
  /** Customer index per ordered participant, −1 when the customer is not in the data. */
  readonly customer: Int32Array;
  /** 2·W rows per ordered participant (the W before, then the W after), −1 where a month is missing. */
  readonly rows: Int32Array;
  /**
   * revenue − individual cost of each of those rows (NaN where missing): the part of a row's
   * profit that no weight moves, so a run subtracts only the allocation, in the order rowProfit does.
   */
  readonly money: Float64Array;
  /** Campaign names in code-unit order, and the ordered participants' indexes of each. */
  readonly campaigns: readonly { readonly campaign: string; readonly members: readonly number[] }[];
}

export function planCampaigns(facts: FactTable, rowMoney: RowMoney, participants: readonly CampaignParticipant[], window: number): CampaignPlan {
  const monthIndexOf = new Map<number, number>();
  facts.months.forEach((m, i) => monthIndexOf.set(m, i));
  const ordered = [...participants].sort(
    (a, b) => (a.campaign < b.campaign ? -1 : a.campaign > b.campaign ? 1 : a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : a.startMonth - b.startMonth),
  );
  const customer = new Int32Array(ordered.length);
  const rows = new Int32Array(ordered.length * 2 * window).fill(-1);
  const members = new Map<string, number[]>();
  ordered.forEach((p, i) => {
    const c = facts.customerIds.indexOf(p.customerId);
    customer[i] = c;
    if (c >= 0) {
      for (let k = 0; k < 2 * window; k++) {
        const m = monthIndexOf.get(p.startMonth - window + k);
        rows[i * 2 * window + k] = m === undefined ? -1 : findRow(facts, m, c);
      }
    }
    const list = members.get(p.campaign) ?? [];
    list.push(i);
    members.set(p.campaign, list);
  });
  const money = new Float64Array(rows.length);
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k] as number;
    money[k] = r < 0 ? NaN : rowMoney.revenueAt(r) - rowMoney.individualCostAt(r);
  }
  // `ordered` is sorted by campaign first, so the map's insertion order is the code-unit order.
  return { window, ordered, customer, rows, money, campaigns: [...members].map(([campaign, list]) => ({ campaign, members: list })) };
}

/** Mean profit over W planned rows from `at` (profit(c,m) = revenue − individual cost − allocated), or NaN when any of them is missing. */
function meanProfit(plan: CampaignPlan, allocated: Float64Array, at: number): number {
  let sum = 0;
  for (let k = at; k < at + plan.window; k++) {
    const r = plan.rows[k] as number;
    if (r < 0) return NaN;
    sum += (plan.money[k] as number) - (allocated[r] as number);
  }
  return sum / plan.window;
}

/** `allocated` is allocated(c,m) per row (SPEC §3), the only part of the rows' profits a run changes. */
export function evaluateCampaigns(
  plan: CampaignPlan,
  allocated: Float64Array,
  isNegativeNow: (customer: number) => boolean,
): { campaigns: CampaignResult[]; participants: ParticipantResult[] } {
  const { window } = plan;
  const results: ParticipantResult[] = plan.ordered.map((participant, i) => {
    const known = (plan.customer[i] as number) >= 0;
    const before = known ? meanProfit(plan, allocated, i * 2 * window) : NaN;
    const after = known ? meanProfit(plan, allocated, i * 2 * window + window) : NaN;
    const evaluated = !Number.isNaN(before) && !Number.isNaN(after);
    return {
      participant,
      evaluated,
      before: evaluated ? before : NaN,
      after: evaluated ? after : NaN,
      incremental: evaluated ? (after - before) * window : NaN,
      negativeBefore: evaluated && before < 0,
    };
  });

  const campaigns = plan.campaigns.map(({ campaign, members }): CampaignResult => {
    const mine = members.map((i) => results[i] as ParticipantResult);
    const evaluated = mine.filter((r) => r.evaluated);
    const costAll = mine.reduce((s, r) => s + r.participant.cost, 0);
    const costEvaluated = evaluated.reduce((s, r) => s + r.participant.cost, 0);
    const incrementalProfit = evaluated.reduce((s, r) => s + r.incremental, 0);
    const negativeBefore = evaluated.filter((r) => r.negativeBefore).length;
    const roiOver = (cost: number) => (evaluated.length === 0 || cost === 0 ? NaN : (incrementalProfit - cost) / cost);
    const startMonths = [...new Set(mine.map((r) => r.participant.startMonth))].sort((a, b) => a - b).map(monthKey);
    return {
      campaign,
      startMonths,
      participants: mine.length,
      evaluated: evaluated.length,
      excluded: mine.length - evaluated.length,
      costAll,
      costEvaluated,
      incrementalProfit,
      roi: roiOver(costEvaluated),
      roiAllCost: roiOver(costAll),
      negativeBeforeShare: evaluated.length === 0 ? NaN : negativeBefore / evaluated.length,
      negativeBefore,
      negativeNow: members.filter((i) => {
        const c = plan.customer[i] as number;
        return c >= 0 && isNegativeNow(c);
      }).length,
    };
  });
  return { campaigns, participants: results };
}
