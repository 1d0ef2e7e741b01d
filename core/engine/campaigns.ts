/** SPEC §11: campaign before/after evaluation over W months either side of the start month. */
import type { CampaignParticipant, FactTable } from '../model/dataset.js';
import { monthKey } from '../model/month.js';

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

/** Mean profit over months first … first+W−1, or NaN when any of them is missing. */
function meanProfit(facts: FactTable, profit: (row: number) => number, c: number, first: number, window: number, monthIndexOf: Map<number, number>): number {
  let sum = 0;
  for (let k = first; k < first + window; k++) {
    const m = monthIndexOf.get(k);
    const r = m === undefined ? -1 : findRow(facts, m, c);
    if (r < 0) return NaN;
    sum += profit(r);
  }
  return sum / window;
}

export function evaluateCampaigns(
  facts: FactTable,
  participants: readonly CampaignParticipant[],
  profit: (row: number) => number,
  window: number,
  isNegativeNow: (customer: number) => boolean,
): { campaigns: CampaignResult[]; participants: ParticipantResult[] } {
  const indexOf = (id: string): number | undefined => {
    const c = facts.customerIds.indexOf(id);
    return c < 0 ? undefined : c;
  };
  const monthIndexOf = new Map<number, number>();
  facts.months.forEach((m, i) => monthIndexOf.set(m, i));

  // Sums must not depend on the order participants arrive in: sort by campaign, customer, start month.
  const ordered = [...participants].sort(
    (a, b) => (a.campaign < b.campaign ? -1 : a.campaign > b.campaign ? 1 : a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : a.startMonth - b.startMonth),
  );
  const results: ParticipantResult[] = ordered.map((participant) => {
    const c = indexOf(participant.customerId);
    const before = c === undefined ? NaN : meanProfit(facts, profit, c, participant.startMonth - window, window, monthIndexOf);
    const after = c === undefined ? NaN : meanProfit(facts, profit, c, participant.startMonth, window, monthIndexOf);
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

  const names = [...new Set(participants.map((p) => p.campaign))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const campaigns = names.map((campaign): CampaignResult => {
    const mine = results.filter((r) => r.participant.campaign === campaign);
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
      negativeNow: mine.filter((r) => {
        const c = indexOf(r.participant.customerId);
        return c !== undefined && isNegativeNow(c);
      }).length,
    };
  });
  return { campaigns, participants: results };
}
