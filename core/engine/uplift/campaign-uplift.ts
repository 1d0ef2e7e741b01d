/**
 * Issue 6 part 4: campaign uplift against a control group. For a participant starting in month
 * s, its cell is (branch, tier) as of s−1, read from a run of the same scenario evaluated at s−1.
 * The control of a cell is every customer of that cell who is not a participant of the campaign
 * and is present in all 2·W months s−W … s+W−1. Each evaluated participant is compared with its
 * own cell's control mean of (after − before); the campaign's uplift is the mean of those
 * differences, which weights the cells' control means by where the participants are (direct
 * standardisation) — pooling the controls would compare with non-participants' branch/tier mix.
 */
import { monthKey } from '../../model/month.js';
import type { Scenario } from '../../model/scenario.js';
import type { ParticipantResult } from '../campaigns.js';
import { ModelSession, type ModelResult } from '../run-model.js';
import { TIER_INELIGIBLE, TIER_NO_VALUE } from '../value-and-tiers.js';
import { rowProfit } from '../window-profit.js';

/** Below this many control customers the uplift is not given (issue 6). */
export const MIN_CONTROL_SIZE = 30;

/** Tier label of customers in the table at s−1 who were not scored then. */
export const UNSCORED_TIER = '不参与评分';

export interface UpliftFigure {
  /** Participants compared: evaluated (SPEC §11) and with at least one control customer in their cell. */
  readonly compared: number;
  /** Evaluated participants whose cell had no control customer (or who were not in the table at s−1). */
  readonly withoutControl: number;
  /** Distinct control customers (per start month) in the cells the compared participants fall in. */
  readonly controlSize: number;
  /** Participants' mean (after − before) − their cells' control means; NaN when insufficient or nobody compared. */
  readonly uplift: number;
  /** True when controlSize < MIN_CONTROL_SIZE: the figure is withheld. */
  readonly insufficient: boolean;
}

export interface CampaignUplift extends UpliftFigure {
  readonly campaign: string;
  /** Per tier as of s−1, in the scenario's tier order, then 不参与评分; only tiers with compared participants. */
  readonly tiers: readonly (UpliftFigure & { readonly tier: string })[];
}

/** Per customer: (after − before) for customers present in every month of both windows, else NaN. */
function customerChanges(result: ModelResult, start: number): Float64Array {
  const facts = result.input.facts;
  const W = result.scenario.window;
  const { money } = result;
  const allocated = result.allocation.allocated;
  const n = facts.customerIds.length;
  const before = new Float64Array(n);
  const after = new Float64Array(n);
  const count = new Int32Array(n);
  // One pass over the rows of the 2·W months: far cheaper at a million customers than a
  // binary search per customer and month; months ascend, so each sum adds in month order.
  for (let i = 0; i < facts.months.length; i++) {
    const m = facts.months[i] as number;
    if (m < start - W || m >= start + W) continue;
    const sums = m < start ? before : after;
    for (let r = facts.monthStart[i] as number; r < (facts.monthStart[i + 1] as number); r++) {
      const c = facts.customer[r] as number;
      sums[c] = (sums[c] as number) + rowProfit(money, allocated, r);
      count[c] = (count[c] as number) + 1;
    }
  }
  const change = new Float64Array(n).fill(NaN);
  for (let c = 0; c < n; c++) if (count[c] === 2 * W) change[c] = (after[c] as number) / W - (before[c] as number) / W;
  return change;
}

/** The state at s−1 that control cells need. */
interface StartMonthState {
  readonly before: ModelResult;
  readonly change: Float64Array;
  /** Cell code per customer (−1 when not in the table at s−1). */
  readonly cell: Int32Array;
  readonly tierCount: number;
}

function cellOf(before: ModelResult, c: number, tierCount: number): number {
  if (before.window.inTable[c] !== 1) return -1;
  const t = before.values.tier[c] as number;
  // Unscored customers (ineligible, or no finite value) share one extra tier slot.
  const tierSlot = t === TIER_INELIGIBLE || t === TIER_NO_VALUE ? tierCount - 1 : t;
  return (before.window.attributes.branch[c] as number) * tierCount + tierSlot;
}

function startMonthState(session: ModelSession, scenario: Scenario, result: ModelResult, start: number): StartMonthState {
  const before = session.run({ ...scenario, month: monthKey(start - 1) });
  const tierCount = before.values.tierNames.length + 1;
  const n = result.input.facts.customerIds.length;
  const cell = new Int32Array(n);
  for (let c = 0; c < n; c++) cell[c] = cellOf(before, c, tierCount);
  return { before, change: customerChanges(result, start), cell, tierCount };
}

interface Accumulator {
  compared: number;
  withoutControl: number;
  sumUplift: number;
  /** "start:cell" keys of the cells used, for the control size. */
  readonly cells: Set<string>;
}

function newAccumulator(): Accumulator {
  return { compared: 0, withoutControl: 0, sumUplift: 0, cells: new Set() };
}

function figureOf(acc: Accumulator, controlCount: ReadonlyMap<string, number>): UpliftFigure {
  let controlSize = 0;
  for (const key of acc.cells) controlSize += controlCount.get(key) ?? 0;
  const insufficient = controlSize < MIN_CONTROL_SIZE;
  return {
    compared: acc.compared,
    withoutControl: acc.withoutControl,
    controlSize,
    uplift: insufficient || acc.compared === 0 ? NaN : acc.sumUplift / acc.compared,
    insufficient,
  };
}

/** Control sums per cell for one campaign and start month: every fully present customer of the cell, minus the campaign's participants. */
function controlCells(state: StartMonthState, participants: ReadonlySet<number>): Map<number, { sum: number; count: number }> {
  const cells = new Map<number, { sum: number; count: number }>();
  const { change, cell } = state;
  for (let c = 0; c < change.length; c++) {
    const d = change[c] as number;
    const k = cell[c] as number;
    if (Number.isNaN(d) || k < 0 || participants.has(c)) continue;
    const entry = cells.get(k);
    if (entry === undefined) cells.set(k, { sum: d, count: 1 });
    else {
      entry.sum += d;
      entry.count += 1;
    }
  }
  return cells;
}

export function campaignUplift(result: ModelResult): CampaignUplift[] {
  const facts = result.input.facts;
  const indexOf = (id: string): number | undefined => {
    const c = facts.customerIds.indexOf(id);
    return c < 0 ? undefined : c;
  };
  const session = new ModelSession(result.input);
  const states = new Map<number, StartMonthState>();
  const stateAt = (start: number): StartMonthState => {
    let state = states.get(start);
    if (state === undefined) {
      state = startMonthState(session, result.scenario, result, start);
      states.set(start, state);
    }
    return state;
  };

  const byCampaign = new Map<string, ParticipantResult[]>();
  for (const p of result.participants) {
    const list = byCampaign.get(p.participant.campaign);
    if (list === undefined) byCampaign.set(p.participant.campaign, [p]);
    else list.push(p);
  }

  return result.campaigns.map(({ campaign }): CampaignUplift => {
    const mine = byCampaign.get(campaign) ?? [];
    // Anyone in the campaign, whatever their start month, is no control for it.
    const members = new Set<number>();
    for (const p of mine) {
      const c = indexOf(p.participant.customerId);
      if (c !== undefined) members.add(c);
    }
    const total = newAccumulator();
    const perTier = new Map<number, Accumulator>();
    const controlCount = new Map<string, number>();
    const controlsByStart = new Map<number, Map<number, { sum: number; count: number }>>();
    let tierNames: readonly string[] = [];
    for (const p of mine) {
      if (!p.evaluated) continue;
      const c = indexOf(p.participant.customerId);
      // An evaluated participant is a known customer; the check only narrows the type.
      if (c === undefined) continue;
      const start = p.participant.startMonth;
      const state = stateAt(start);
      tierNames = state.before.values.tierNames;
      let controls = controlsByStart.get(start);
      if (controls === undefined) {
        controls = controlCells(state, members);
        controlsByStart.set(start, controls);
      }
      const cell = state.cell[c] as number;
      const control = cell < 0 ? undefined : controls.get(cell);
      const tierSlot = cell < 0 ? -1 : cell % state.tierCount;
      let tierAcc = perTier.get(tierSlot);
      if (tierAcc === undefined) perTier.set(tierSlot, (tierAcc = newAccumulator()));
      if (control === undefined) {
        total.withoutControl += 1;
        tierAcc.withoutControl += 1;
        continue;
      }
      const key = `${start}:${cell}`;
      controlCount.set(key, control.count);
      const uplift = p.after - p.before - control.sum / control.count;
      for (const acc of [total, tierAcc]) {
        acc.compared += 1;
        acc.sumUplift += uplift;
        acc.cells.add(key);
      }
    }
    const tiers = [...perTier.entries()]
      .filter(([slot, acc]) => slot >= 0 && acc.compared > 0)
      .sort(([a], [b]) => a - b)
      .map(([slot, acc]) => ({ tier: tierNames[slot] ?? UNSCORED_TIER, ...figureOf(acc, controlCount) }));
    return { campaign, ...figureOf(total, controlCount), tiers };
  });
}
