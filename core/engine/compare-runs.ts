/**
 * SPEC §12: two runs over the same data. Customers are those of either run's customer table;
 * one missing from a table (the runs may use different months) counts as 不参与评分 there.
 */
import { INELIGIBLE_TIER } from '../model/scenario.js';
import { NO_VALUE_GROUP, type AggregateRow } from './aggregates.js';
import type { ModelResult } from './run-model.js';
import { TIER_INELIGIBLE, TIER_NO_VALUE } from './value-and-tiers.js';

export interface GroupChange {
  readonly group: string;
  readonly allocatedA: number;
  readonly allocatedB: number;
  readonly profitA: number;
  readonly profitB: number;
}

export interface TierChange {
  readonly customer: number;
  readonly tierA: string;
  readonly tierB: string;
  readonly valueA: number;
  readonly valueB: number;
}

export interface RunComparison {
  readonly tiersA: readonly string[];
  readonly tiersB: readonly string[];
  /** counts[i][j]: customers in A's tier i and B's tier j. */
  readonly migration: readonly (readonly number[])[];
  readonly negativeCountA: number;
  readonly negativeCountB: number;
  readonly lossA: number;
  readonly lossB: number;
  readonly plans: readonly GroupChange[];
  readonly branches: readonly GroupChange[];
  readonly tierChanges: readonly TierChange[];
}

function tierLabel(result: ModelResult, c: number): string {
  if (result.window.inTable[c] !== 1) return INELIGIBLE_TIER;
  const t = result.values.tier[c] as number;
  if (t === TIER_INELIGIBLE) return INELIGIBLE_TIER;
  if (t === TIER_NO_VALUE) return NO_VALUE_GROUP;
  return result.values.tierNames[t] as string;
}

function tierAxis(result: ModelResult): string[] {
  const axis = [...result.values.tierNames];
  if (result.values.nonFiniteCount > 0) axis.push(NO_VALUE_GROUP);
  axis.push(INELIGIBLE_TIER);
  return axis;
}

function negatives(result: ModelResult): { count: number; loss: number } {
  let count = 0;
  let loss = 0;
  for (const c of result.window.table) {
    const p = result.profit.avgProfit[c] as number;
    if (p < 0) {
      count++;
      loss += p;
    }
  }
  return { count, loss };
}

function groupChanges(a: readonly AggregateRow[], b: readonly AggregateRow[]): GroupChange[] {
  const groups = [...new Set([...a.map((r) => r.group), ...b.map((r) => r.group)])].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  const byGroup = (rows: readonly AggregateRow[]) => new Map(rows.map((r) => [r.group, r]));
  const ma = byGroup(a);
  const mb = byGroup(b);
  return groups.map((group) => ({
    group,
    allocatedA: ma.get(group)?.sumAvgAllocated ?? 0,
    allocatedB: mb.get(group)?.sumAvgAllocated ?? 0,
    profitA: ma.get(group)?.sumAvgProfit ?? 0,
    profitB: mb.get(group)?.sumAvgProfit ?? 0,
  }));
}

export function compareRuns(a: ModelResult, b: ModelResult): RunComparison {
  if (a.input !== b.input) throw new Error('compareRuns needs two runs over the same data');
  const tiersA = tierAxis(a);
  const tiersB = tierAxis(b);
  const migration = tiersA.map(() => tiersB.map(() => 0));
  const tierChanges: TierChange[] = [];
  const n = a.window.inTable.length;
  for (let c = 0; c < n; c++) {
    if (a.window.inTable[c] !== 1 && b.window.inTable[c] !== 1) continue;
    const ta = tierLabel(a, c);
    const tb = tierLabel(b, c);
    const row = migration[tiersA.indexOf(ta)] as number[];
    const j = tiersB.indexOf(tb);
    row[j] = (row[j] as number) + 1;
    if (ta !== tb) tierChanges.push({ customer: c, tierA: ta, tierB: tb, valueA: a.values.value[c] as number, valueB: b.values.value[c] as number });
  }
  const na = negatives(a);
  const nb = negatives(b);
  return {
    tiersA,
    tiersB,
    migration,
    negativeCountA: na.count,
    negativeCountB: nb.count,
    lossA: na.loss,
    lossB: nb.loss,
    plans: groupChanges(a.aggregates.plan, b.aggregates.plan),
    branches: groupChanges(a.aggregates.branch, b.aggregates.branch),
    tierChanges,
  };
}
