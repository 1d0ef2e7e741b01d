/**
 * What the 趋势, 预警 and 目标名单 screens (and the CLI's trend, warnings and targets files) must
 * show for a knowledge base, computed here straight from the engine on the same data: the trend
 * months' figures summed from the per-customer arrays (not from the aggregates the service sums),
 * the warnings of earlyWarnings with each customer's branch looked up in the facts, and the
 * target list of buildTargetList with its ARPU-only comparison.
 */
import { NO_VALUE_GROUP } from '../../../core/engine/aggregates.js';
import { earlyWarnings } from '../../../core/engine/early-warnings/early-warnings.js';
import type { Warning } from '../../../core/engine/early-warnings/warning.js';
import { ModelSession, type ModelResult } from '../../../core/engine/run-model.js';
import { arpuComparison, buildTargetList } from '../../../core/engine/targets/target-list.js';
import type { TargetFilter } from '../../../core/engine/targets/target-filter.js';
import { computeTrend, type Trend } from '../../../core/engine/trend/trend.js';
import { trendMonths } from '../../../core/engine/trend/trend-months.js';
import { TIER_INELIGIBLE, TIER_NO_VALUE } from '../../../core/engine/value-and-tiers.js';
import type { FactTable, ModelInput } from '../../../core/model/dataset.js';
import { monthKey } from '../../../core/model/month.js';
import { defaultScenario, INELIGIBLE_TIER, type Scenario } from '../../../core/model/scenario.js';
import { loadModelInput } from '../../../core/store/load-model-input.js';
import { openStore } from '../../../core/store/open-store.js';

export interface ExpectedTrendMonth {
  readonly month: string;
  readonly customers: number;
  readonly negativeCount: number;
  readonly loss: number;
  readonly totalProfit: number;
  /** Customers per tier name (the scenario's tiers, then 不参与评分 / (无分值) where present). */
  readonly tiers: ReadonlyMap<string, number>;
  /** The month's branch rows, by branch name. */
  readonly branches: ReadonlyMap<string, { readonly customers: number; readonly negativeCount: number; readonly negativeShare: number; readonly loss: number }>;
}

export interface ExpectedWarning {
  readonly month: string;
  readonly rule: Warning['rule'];
  readonly subjectKind: Warning['subjectKind'];
  readonly subject: string;
  readonly before: number;
  readonly after: number;
  readonly detail: string | null;
  /** The customer's branch in the warning's month (or the last month before it with a row); a branch warning's own branch. */
  readonly branch: string | null;
}

export interface ExpectedTargetRow {
  readonly customerId: string;
  readonly branch: string;
  readonly tier: string;
  readonly value: number;
  readonly avgProfit: number;
  readonly avgBilledRevenue: number;
}

export interface ExpectedTargets {
  readonly filter: TargetFilter;
  /** The filter in the command line's clause syntax. */
  readonly filterText: string;
  readonly size: number;
  readonly sumAvgProfit: number;
  readonly negative: number;
  readonly arpuNegative: number;
  readonly arpuSumAvgProfit: number;
  readonly negativeAvoided: number;
  readonly negativeAvoidedShare: number;
  /** In id order, as the list is exported. */
  readonly rows: readonly ExpectedTargetRow[];
}

export interface MonitoringExpectations {
  readonly scenario: Scenario;
  readonly trend: readonly ExpectedTrendMonth[];
  readonly warnings: readonly ExpectedWarning[];
  readonly targets: ExpectedTargets;
}

/** The app's draft on a first start is the default scenario, and so is the CLI's without --scenario. */
export function expectationsFor(db: string): MonitoringExpectations {
  const store = openStore(db, { mustExist: true });
  let input: ModelInput;
  try {
    input = loadModelInput(store);
  } finally {
    store.close();
  }
  const scenario = defaultScenario();
  const trend = computeTrend(input, scenario, trendMonths(input, scenario));
  const branchOf = customerBranches(input.facts);
  const warnings = earlyWarnings(trend, scenario.warnings).map((w): ExpectedWarning => ({
    month: monthKey(w.month),
    rule: w.rule,
    subjectKind: w.subjectKind,
    subject: w.subject,
    before: w.before,
    after: w.after,
    detail: w.detail ?? null,
    branch: w.subjectKind === 'customer' ? branchOf(w.subject, w.month) : w.subjectKind === 'branch' ? w.subject : null,
  }));
  const result = new ModelSession(input).run(scenario);
  return { scenario, trend: trendFigures(trend), warnings, targets: targetsFor(result, chooseTargetFilter(result)) };
}

function tierName(trend: Trend, t: number): string {
  if (t === TIER_INELIGIBLE) return INELIGIBLE_TIER;
  if (t === TIER_NO_VALUE) return NO_VALUE_GROUP;
  return trend.tierNames[t] ?? String(t);
}

function trendFigures(trend: Trend): ExpectedTrendMonth[] {
  return trend.months.map((m) => {
    let customers = 0;
    let negativeCount = 0;
    let loss = 0;
    let totalProfit = 0;
    const tiers = new Map<string, number>(trend.tierNames.map((name) => [name, 0]));
    for (let c = 0; c < m.inTable.length; c++) {
      if (m.inTable[c] !== 1) continue;
      const p = m.avgProfit[c] as number;
      customers++;
      totalProfit += p;
      if (p < 0) {
        negativeCount++;
        loss += p;
      }
      const name = tierName(trend, m.tier[c] as number);
      tiers.set(name, (tiers.get(name) ?? 0) + 1);
    }
    const branches = new Map(m.groups.branch.map((row) => [row.group, { customers: row.customers, negativeCount: row.negativeCount, negativeShare: row.negativeShare, loss: row.loss }]));
    return { month: monthKey(m.month), customers, negativeCount, loss, totalProfit, tiers, branches };
  });
}

/** A customer's branch in a month, else in the latest earlier month with a row (null: none). */
function customerBranches(facts: FactTable): (customerId: string, month: number) => string | null {
  const byMonth = new Map<number, Map<number, number>>();
  facts.months.forEach((month, i) => {
    const rows = new Map<number, number>();
    for (let r = facts.monthStart[i] as number; r < (facts.monthStart[i + 1] as number); r++) rows.set(facts.customer[r] as number, facts.categories.branch[r] as number);
    byMonth.set(month, rows);
  });
  return (customerId, month) => {
    const c = facts.customerIds.indexOf(customerId);
    for (const m of [...facts.months].reverse()) {
      if (m > month) continue;
      const code = byMonth.get(m)?.get(c);
      if (code !== undefined) return facts.dictionaries.branch[code] ?? null;
    }
    return null;
  };
}

/**
 * Every tier but the top one, no negative-value customers, the eight largest branches: a list
 * big enough that an ARPU-only list of its size takes in negative-value customers, so the
 * comparison has something to show (the test checks that it does).
 */
function chooseTargetFilter(result: ModelResult): TargetFilter {
  const { window: win, input } = result;
  const counts = new Map<string, number>();
  for (const c of win.table) {
    const name = input.facts.dictionaries.branch[win.attributes.branch[c] as number] as string;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const branches = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 8).map(([name]) => name).sort();
  return { tiers: result.values.tierNames.slice(1), eligibleOnly: false, excludeNegative: true, branches, channels: [], plans: [], segments: [] };
}

function targetsFor(result: ModelResult, filter: TargetFilter): ExpectedTargets {
  const list = buildTargetList(result, filter);
  const cmp = arpuComparison(result, list);
  const { window: win, values, profit, input } = result;
  const rows = Array.from(list.customers, (c): ExpectedTargetRow => {
    const t = values.tier[c] as number;
    return {
      customerId: input.facts.customerIds.at(c),
      branch: input.facts.dictionaries.branch[win.attributes.branch[c] as number] as string,
      tier: t >= 0 ? (values.tierNames[t] as string) : '',
      value: values.value[c] as number,
      avgProfit: profit.avgProfit[c] as number,
      avgBilledRevenue: win.avgBilledRevenue[c] as number,
    };
  });
  return {
    filter,
    filterText: `tier=${filter.tiers.join(',')};exclude_negative;branch=${filter.branches.join(',')}`,
    size: list.size,
    sumAvgProfit: list.sumAvgProfit,
    negative: list.negative,
    arpuNegative: cmp.arpu.negative,
    arpuSumAvgProfit: cmp.arpu.sumAvgProfit,
    negativeAvoided: cmp.negativeAvoided,
    negativeAvoidedShare: cmp.negativeAvoidedShare,
    rows,
  };
}
