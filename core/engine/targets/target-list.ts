/**
 * Builds a target list from a filter over a run's customer table, and the ARPU-only list of the
 * same size it is judged against: how many negative-value customers the value model kept out
 * that picking by average billed revenue would have let in.
 */
import type { CategoryCodes } from '../../model/dataset.js';
import type { CategoryField } from '../../model/fields.js';
import type { ModelResult } from '../run-model.js';
import { smallestK } from '../smallest-k.js';
import type { TargetFilter, TargetRange } from './target-filter.js';

export interface ListTotals {
  readonly size: number;
  readonly sumAvgProfit: number;
  /** Customers with avg_profit < 0. */
  readonly negative: number;
}

export interface TargetList extends ListTotals {
  /** Customer indices, ascending (= id order). */
  readonly customers: Int32Array;
}

export interface ArpuComparison {
  /** The top `size` customers of the table by avg billed revenue, highest first; ties to the smaller id. */
  readonly arpu: TargetList;
  /** arpu.negative − target.negative. */
  readonly negativeAvoided: number;
  /** negativeAvoided / size; NaN for an empty list. */
  readonly negativeAvoidedShare: number;
}

function inRange(x: number, r: TargetRange | undefined): boolean {
  if (r === undefined) return true;
  if (Number.isNaN(x)) return false;
  return (r.min === undefined || x >= r.min) && (r.max === undefined || x <= r.max);
}

/** The dictionary codes of the wanted names, or null when the criterion is open. */
function wantedCodes(result: ModelResult, field: CategoryField, names: readonly string[]): Uint8Array | null {
  if (names.length === 0) return null;
  const dictionary = result.input.facts.dictionaries[field];
  const wanted = new Uint8Array(dictionary.length);
  dictionary.forEach((name, code) => {
    if (names.includes(name)) wanted[code] = 1;
  });
  return wanted;
}

function totalsOf(result: ModelResult, customers: Int32Array): TargetList {
  const avgProfit = result.profit.avgProfit;
  let sumAvgProfit = 0;
  let negative = 0;
  for (let i = 0; i < customers.length; i++) {
    const p = avgProfit[customers[i] as number] as number;
    sumAvgProfit += p;
    if (p < 0) negative++;
  }
  return { customers, size: customers.length, sumAvgProfit, negative };
}

export function buildTargetList(result: ModelResult, filter: TargetFilter): TargetList {
  const { window: win, values, eligibility, profit } = result;
  const tierNames = values.tierNames;
  const tierWanted = filter.tiers.length === 0 ? null : new Uint8Array(tierNames.length).map((_, t) => (filter.tiers.includes(tierNames[t] as string) ? 1 : 0));
  const categories: [CategoryCodes, Uint8Array | null][] = [
    [win.attributes.branch, wantedCodes(result, 'branch', filter.branches)],
    [win.attributes.channel, wantedCodes(result, 'channel', filter.channels)],
    [win.attributes.plan, wantedCodes(result, 'plan', filter.plans)],
    [win.attributes.segment, wantedCodes(result, 'segment', filter.segments)],
  ];
  const chosen: number[] = [];
  for (let i = 0; i < win.table.length; i++) {
    const c = win.table[i] as number;
    if (filter.eligibleOnly && eligibility.eligible[c] !== 1) continue;
    if (filter.excludeNegative && (profit.avgProfit[c] as number) < 0) continue;
    if (tierWanted !== null) {
      // Tier codes below 0 (not scored) never match a named tier.
      const t = values.tier[c] as number;
      if (t < 0 || tierWanted[t] !== 1) continue;
    }
    if (!inRange(values.value[c] as number, filter.value)) continue;
    if (!inRange(win.tenure[c] as number, filter.tenure)) continue;
    if (categories.some(([codes, wanted]) => wanted !== null && wanted[codes[c] as number] !== 1)) continue;
    chosen.push(c);
  }
  return totalsOf(result, Int32Array.from(chosen));
}

export function arpuComparison(result: ModelResult, target: ListTotals): ArpuComparison {
  const billed = result.window.avgBilledRevenue;
  const top = smallestK(result.window.table, (c) => -(billed[c] as number), target.size);
  const arpu = totalsOf(result, top);
  const negativeAvoided = arpu.negative - target.negative;
  return { arpu, negativeAvoided, negativeAvoidedShare: target.size === 0 ? NaN : negativeAvoided / target.size };
}
