/**
 * SPEC §6–§8: credit, loyalty and behaviour scores of eligible customers (NaN for the rest).
 * Only the scores are kept as columns. Their parts g1–g4 and l1–l3 are computed again for one
 * customer when a trace or an exported row asks (seven columns more would be 530 MB at ten
 * million customers); parts(c) uses the very functions the scores were computed with, so a
 * part is the same double the score was built from.
 */
import type { FactTable } from '../model/dataset.js';
import type { Scenario } from '../model/scenario.js';
import type { CustomerWindow } from './customer-window.js';
import type { Eligibility } from './eligibility.js';
import { percentileInc } from './quantiles.js';

type CreditConfig = Scenario['credit'];
type LoyaltyConfig = Scenario['loyalty'];

export interface CreditParts {
  readonly g1: number;
  readonly g2: number;
  readonly g3: number;
  readonly g4: number;
}

export interface LoyaltyParts {
  readonly l1: number;
  readonly l2: number;
  readonly l3: number;
}

const NO_CREDIT_PARTS: CreditParts = Object.freeze({ g1: NaN, g2: NaN, g3: NaN, g4: NaN });
const NO_LOYALTY_PARTS: LoyaltyParts = Object.freeze({ l1: NaN, l2: NaN, l3: NaN });

/** Weights sum to 1 only within the schema's tolerance, and float sums can overshoot by an ulp: keep scores in range. */
export function clampScore(x: number): number {
  return x < 0 ? 0 : x > 100 ? 100 : x;
}

function nanArray(n: number): Float64Array {
  return new Float64Array(n).fill(NaN);
}

// SPEC §6's parts of customer c.
function g1Of(cfg: CreditConfig, win: CustomerWindow, c: number): number {
  return Math.min((win.tenure[c] as number) / cfg.tenure_cap, 1) * 100;
}
function g2Of(spendCap: number, win: CustomerWindow, c: number): number {
  const billed = win.avgBilledRevenue[c] as number;
  return spendCap > 0 && billed > 0 ? Math.min(billed / spendCap, 1) * 100 : 0;
}
function g3Of(cfg: CreditConfig, win: CustomerWindow, c: number): number {
  return Math.max(0, 1 - (win.avgSuspensionCount[c] as number) / cfg.suspension_count_cap) * 100;
}
function g4Of(cfg: CreditConfig, win: CustomerWindow, c: number): number {
  return Math.max(0, 1 - (win.avgSuspensionDays[c] as number) / cfg.suspension_days_cap) * 100;
}

// SPEC §7's parts of customer c.
function l1Of(cfg: LoyaltyConfig, win: CustomerWindow, c: number): number {
  return Math.min((win.tenure[c] as number) / cfg.tenure_cap, 1) * 100;
}
function l2Of(cfg: LoyaltyConfig, win: CustomerWindow, c: number): number {
  return Math.min((win.services[c] as number) / cfg.services_cap, 1) * 100;
}
function l3Of(win: CustomerWindow, c: number): number {
  return win.window === 1 ? 100 : 100 * (1 - (win.planChanges[c] as number) / (win.window - 1));
}

/** Every customer's parts as columns (NaN where not scored), from `partsOf`. */
function partColumns<K extends string>(keys: readonly K[], n: number, partsOf: (c: number) => Readonly<Record<K, number>>): Record<K, Float64Array> {
  const out = Object.fromEntries(keys.map((k) => [k, new Float64Array(n)])) as Record<K, Float64Array>;
  for (let c = 0; c < n; c++) {
    const parts = partsOf(c);
    for (const k of keys) out[k][c] = parts[k];
  }
  return out;
}

export class CreditScores {
  readonly #cfg: CreditConfig;
  readonly #win: CustomerWindow;
  readonly #eligible: Uint8Array;
  #columns: Record<keyof CreditParts, Float64Array> | undefined;

  constructor(
    readonly spendCap: number,
    readonly spendCapMode: 'auto' | 'fixed',
    /** credit per customer (NaN unless eligible). */
    readonly credit: Float64Array,
    cfg: CreditConfig,
    win: CustomerWindow,
    eligibility: Eligibility,
  ) {
    this.#cfg = cfg;
    this.#win = win;
    this.#eligible = eligibility.eligible;
  }

  /** g1–g4 of customer c, the parts its credit was computed from (NaN unless eligible). */
  parts(c: number): CreditParts {
    if (this.#eligible[c] !== 1) return NO_CREDIT_PARTS;
    const cfg = this.#cfg;
    const win = this.#win;
    return { g1: g1Of(cfg, win, c), g2: g2Of(this.spendCap, win, c), g3: g3Of(cfg, win, c), g4: g4Of(cfg, win, c) };
  }

  // Whole columns of the parts, built on first read and then kept: for tests and small data.
  // The engine, the trace and the writers read parts(c), so a run never holds these.
  get g1(): Float64Array {
    return this.#partColumns().g1;
  }
  get g2(): Float64Array {
    return this.#partColumns().g2;
  }
  get g3(): Float64Array {
    return this.#partColumns().g3;
  }
  get g4(): Float64Array {
    return this.#partColumns().g4;
  }
  #partColumns(): Record<keyof CreditParts, Float64Array> {
    return (this.#columns ??= partColumns(['g1', 'g2', 'g3', 'g4'], this.credit.length, (c) => this.parts(c)));
  }
}

export class LoyaltyScores {
  readonly #cfg: LoyaltyConfig;
  readonly #win: CustomerWindow;
  readonly #eligible: Uint8Array;
  #columns: Record<keyof LoyaltyParts, Float64Array> | undefined;

  constructor(
    /** loyalty per customer (NaN unless eligible). */
    readonly loyalty: Float64Array,
    cfg: LoyaltyConfig,
    win: CustomerWindow,
    eligibility: Eligibility,
  ) {
    this.#cfg = cfg;
    this.#win = win;
    this.#eligible = eligibility.eligible;
  }

  /** l1–l3 of customer c, the parts its loyalty was computed from (NaN unless eligible). */
  parts(c: number): LoyaltyParts {
    if (this.#eligible[c] !== 1) return NO_LOYALTY_PARTS;
    return { l1: l1Of(this.#cfg, this.#win, c), l2: l2Of(this.#cfg, this.#win, c), l3: l3Of(this.#win, c) };
  }

  // As CreditScores' g1–g4: built on first read, never by the engine or the writers.
  get l1(): Float64Array {
    return this.#partColumns().l1;
  }
  get l2(): Float64Array {
    return this.#partColumns().l2;
  }
  get l3(): Float64Array {
    return this.#partColumns().l3;
  }
  #partColumns(): Record<keyof LoyaltyParts, Float64Array> {
    return (this.#columns ??= partColumns(['l1', 'l2', 'l3'], this.loyalty.length, (c) => this.parts(c)));
  }
}

export function computeCredit(scenario: Scenario, win: CustomerWindow, eligibility: Eligibility): CreditScores {
  const cfg = scenario.credit;
  const list = eligibility.eligibleList;
  let spendCap: number;
  if (cfg.spend_cap === 'auto') {
    const values = new Float64Array(list.length);
    for (let i = 0; i < list.length; i++) values[i] = win.avgBilledRevenue[list[i] as number] as number;
    spendCap = percentileInc(values, [9], 10)[0] as number;
  } else {
    spendCap = cfg.spend_cap;
  }
  const credit = nanArray(win.inTable.length);
  const w = cfg.weights;
  for (let i = 0; i < list.length; i++) {
    const c = list[i] as number;
    const a = g1Of(cfg, win, c);
    const b = g2Of(spendCap, win, c);
    const s = g3Of(cfg, win, c);
    const d = g4Of(cfg, win, c);
    credit[c] = clampScore(w.tenure * a + w.spend * b + w.suspension_count * s + w.suspension_days * d);
  }
  return new CreditScores(spendCap, cfg.spend_cap === 'auto' ? 'auto' : 'fixed', credit, cfg, win, eligibility);
}

export function computeLoyalty(scenario: Scenario, win: CustomerWindow, eligibility: Eligibility): LoyaltyScores {
  const cfg = scenario.loyalty;
  const loyalty = nanArray(win.inTable.length);
  const list = eligibility.eligibleList;
  const w = cfg.weights;
  for (let i = 0; i < list.length; i++) {
    const c = list[i] as number;
    const a = l1Of(cfg, win, c);
    const b = l2Of(cfg, win, c);
    const s = l3Of(win, c);
    loyalty[c] = clampScore(w.tenure * a + w.services * b + w.plan_stability * s);
  }
  return new LoyaltyScores(loyalty, cfg, win, eligibility);
}

export function computeBehaviour(scenario: Scenario, facts: FactTable, win: CustomerWindow, eligibility: Eligibility): Float64Array {
  const cfg = scenario.behaviour;
  const segments = facts.dictionaries.segment;
  const byCode = segments.map((name) => (Object.hasOwn(cfg.table, name) ? (cfg.table[name] as number) : cfg.default));
  const out = nanArray(win.inTable.length);
  const list = eligibility.eligibleList;
  for (let i = 0; i < list.length; i++) {
    const c = list[i] as number;
    out[c] = byCode[win.attributes.segment[c] as number] as number;
  }
  return out;
}
