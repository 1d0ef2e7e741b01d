/**
 * The engine's entry point: SPEC §2–§11 as a pipeline of pure stages over columnar facts.
 * A `ModelSession` keeps each stage's last result, so a what-if re-run after a change of
 * weights recomputes only the stages that depend on what changed.
 */
import type { ModelInput } from '../model/dataset.js';
import { monthNumber } from '../model/month.js';
import type { Scenario } from '../model/scenario.js';
import { allocateCommonCosts, type Allocation } from './allocate-common-costs.js';
import { computeAggregates, computeCellBaseSums, computeCellProfitSums, type AggregateRow, type Grouping } from './aggregates.js';
import { computeCustomerCells } from './customer-cells.js';
import { evaluateCampaigns, planCampaigns, type CampaignResult, type ParticipantResult } from './campaigns.js';
import { computeCustomerWindow, type CustomerWindow } from './customer-window.js';
import { computeEligibility, type Eligibility } from './eligibility.js';
import { driverColumns, scopePools } from './pool-scopes.js';
import { computeProfitScores, profitBreakpoints, type ProfitBreakpoints } from './profit-score.js';
import { roundAllocations, type RoundedAllocations } from './round-allocations.js';
import { computeRowMoney, type RowMoney } from './row-money.js';
import type { RunWarning } from './run-warning.js';
import { StageCache, sliceKey } from './stage-cache.js';
import { computeBehaviour, computeCredit, computeLoyalty, type CreditScores, type LoyaltyScores } from './sub-scores.js';
import { computeValueScores, type ValueScores } from './value-and-tiers.js';
import { computeWindowProfit, rowProfits, type WindowProfit } from './window-profit.js';
import { runWarnings } from './warnings.js';

export interface ModelResult {
  readonly input: ModelInput;
  readonly scenario: Scenario;
  readonly money: RowMoney;
  readonly allocation: Allocation;
  readonly window: CustomerWindow;
  readonly profit: WindowProfit;
  readonly eligibility: Eligibility;
  readonly breakpoints: ProfitBreakpoints;
  readonly profitScore: Float64Array;
  readonly credit: CreditScores;
  readonly loyalty: LoyaltyScores;
  readonly behaviour: Float64Array;
  readonly values: ValueScores;
  readonly aggregates: Readonly<Record<Grouping, AggregateRow[]>>;
  readonly campaigns: readonly CampaignResult[];
  readonly participants: readonly ParticipantResult[];
  readonly warnings: readonly RunWarning[];
  /** Largest-remainder rounding of the allocations, computed when first asked for. */
  rounded(): RoundedAllocations;
  /** profit(c,m) of every row as a column, computed when first asked for (the engine's own readers use rowProfit per row). */
  rowProfits(): Float64Array;
}

export class EngineInputError extends Error {
  constructor(
    readonly code: string,
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}

/** M is the scenario's month, or the latest loaded month when the scenario leaves it open. */
export function evaluationMonthOf(input: ModelInput, scenario: Scenario): number {
  if (scenario.month !== null) return monthNumber(scenario.month);
  const months = input.facts.months;
  if (months.length === 0) throw new EngineInputError('engine.no_data', '没有可评估的用量数据', 'There is no usage data to evaluate');
  return months[months.length - 1] as number;
}

export class ModelSession {
  private readonly cache: StageCache;

  /**
   * `clock` (e.g. performance.now) turns on per-stage timings, read back with stageTimings().
   * `reuseBuffers` makes each run overwrite the arrays of the previous one — for a what-if
   * session that only shows its latest result; a result then stays valid only until the next run.
   */
  constructor(
    readonly input: ModelInput,
    options: { clock?: () => number; reuseBuffers?: boolean } = {},
  ) {
    this.cache = new StageCache(options);
  }

  stageTimings(): ReadonlyMap<string, number> {
    return this.cache.timings;
  }

  run(scenario: Scenario): ModelResult {
    const { input, cache } = this;
    const facts = input.facts;
    const M = evaluationMonthOf(input, scenario);
    const W = scenario.window;

    const money = cache.get('money', [facts], () => computeRowMoney(facts));
    const columns = cache.get('driverColumns', [facts], () => driverColumns(facts));
    const pools = cache.get('pools', [facts, input.pools], () => scopePools(facts, input.pools, columns));
    const allocation = cache.get('allocation', [pools, sliceKey(scenario.drivers)], (old: Allocation | undefined) => allocateCommonCosts(facts, columns, pools, scenario, old?.allocated));
    // Computed only when asked for (files, reports): once the allocation moves, a stale rounding
    // and row profits would be 115 and 230 MB held through every what-if at ten million × three.
    cache.forgetUnless('rounded', [allocation]);
    cache.forgetUnless('rowProfits', [allocation]);
    const win = cache.get('window', [money, M, W], () => computeCustomerWindow(facts, money, M, W));
    const profit = cache.get('profit', [allocation, win], (old: WindowProfit | undefined) => computeWindowProfit(facts, allocation.allocated, win, old));
    const eligibility = cache.get('eligibility', [win, scenario.min_tenure], () => computeEligibility(win, scenario.min_tenure));
    const breakpoints = cache.get('breakpoints', [profit, eligibility, sliceKey(scenario.profit_breakpoints)], () =>
      profitBreakpoints(scenario, profit.avgProfit, eligibility),
    );
    // Wrapped so that a recycled array still comes back as a new stage value (dependants compare by identity).
    const profitScores = cache.get('profitScore', [breakpoints], (old: { scores: Float64Array } | undefined) => ({
      scores: computeProfitScores(breakpoints, profit.avgProfit, eligibility, old?.scores),
    }));
    const profitScore = profitScores.scores;
    const credit = cache.get('credit', [eligibility, sliceKey(scenario.credit)], () => computeCredit(scenario, win, eligibility));
    const loyalty = cache.get('loyalty', [eligibility, sliceKey(scenario.loyalty)], () => computeLoyalty(scenario, win, eligibility));
    const behaviour = cache.get('behaviour', [eligibility, sliceKey(scenario.behaviour)], () => computeBehaviour(scenario, facts, win, eligibility));
    const valueKey = sliceKey([scenario.value_weights, scenario.value_formula, scenario.tiers, scenario.lowest_tier]);
    const values = cache.get('values', [profitScores, credit, loyalty, behaviour, valueKey], (old: ValueScores | undefined) =>
      computeValueScores(
        scenario,
        {
          profitScore,
          loyalty: loyalty.loyalty,
          credit: credit.credit,
          behaviour,
          avgProfit: profit.avgProfit,
          avgRevenue: win.avgRevenue,
          avgIndividualCost: win.avgIndividualCost,
          avgAllocated: profit.avgAllocated,
          tenure: win.tenure,
        },
        eligibility,
        old,
      ),
    );
    const cells = cache.get('cells', [win], () => computeCustomerCells(facts, win));
    const baseSums = cache.get('cellBaseSums', [cells, eligibility], () => computeCellBaseSums(cells, win, eligibility));
    const profitSums = cache.get('cellProfitSums', [cells, profit], () => computeCellProfitSums(cells, win, profit));
    const aggregates = cache.get('aggregates', [baseSums, profitSums, values], () =>
      computeAggregates(facts, win, eligibility, profit, cells, baseSums, profitSums, values),
    );
    const campaignPlan = cache.get('campaignPlan', [money, input.campaigns, W], () => planCampaigns(facts, money, input.campaigns, W));
    const campaignResult = cache.get('campaigns', [profit, campaignPlan], () =>
      evaluateCampaigns(campaignPlan, allocation.allocated, (c) => win.inTable[c] === 1 && (profit.avgProfit[c] as number) < 0),
    );
    const warnings = runWarnings(input, allocation, win, values);
    let rounded: RoundedAllocations | undefined;
    let profits: Float64Array | undefined;
    return {
      input,
      scenario,
      money,
      allocation,
      window: win,
      profit,
      eligibility,
      breakpoints,
      profitScore,
      credit,
      loyalty,
      behaviour,
      values,
      aggregates,
      campaigns: campaignResult.campaigns,
      participants: campaignResult.participants,
      warnings,
      rounded: () => (rounded ??= cache.get('rounded', [allocation], () => roundAllocations(facts, allocation.allocated, allocation.reconciliation))),
      rowProfits: () => (profits ??= cache.get('rowProfits', [allocation], () => rowProfits(money, allocation.allocated))),
    };
  }
}

/** One-off run without keeping a session. */
export function runModel(input: ModelInput, scenario: Scenario): ModelResult {
  return new ModelSession(input).run(scenario);
}
