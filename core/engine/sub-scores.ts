/** SPEC §6–§8: credit, loyalty and behaviour scores of eligible customers (NaN for the rest). */
import type { FactTable } from '../model/dataset.js';
import type { Scenario } from '../model/scenario.js';
import type { CustomerWindow } from './customer-window.js';
import type { Eligibility } from './eligibility.js';
import { percentileInc } from './quantiles.js';

export interface CreditScores {
  readonly spendCap: number;
  readonly spendCapMode: 'auto' | 'fixed';
  readonly g1: Float64Array;
  readonly g2: Float64Array;
  readonly g3: Float64Array;
  readonly g4: Float64Array;
  readonly credit: Float64Array;
}

export interface LoyaltyScores {
  readonly l1: Float64Array;
  readonly l2: Float64Array;
  readonly l3: Float64Array;
  readonly loyalty: Float64Array;
}

/** Weights sum to 1 only within the schema's tolerance, and float sums can overshoot by an ulp: keep scores in range. */
export function clampScore(x: number): number {
  return x < 0 ? 0 : x > 100 ? 100 : x;
}

function nanArray(n: number): Float64Array {
  return new Float64Array(n).fill(NaN);
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
  const n = win.inTable.length;
  const [g1, g2, g3, g4, credit] = [nanArray(n), nanArray(n), nanArray(n), nanArray(n), nanArray(n)];
  const w = cfg.weights;
  for (let i = 0; i < list.length; i++) {
    const c = list[i] as number;
    const billed = win.avgBilledRevenue[c] as number;
    const a = Math.min((win.tenure[c] as number) / cfg.tenure_cap, 1) * 100;
    const b = spendCap > 0 && billed > 0 ? Math.min(billed / spendCap, 1) * 100 : 0;
    const s = Math.max(0, 1 - (win.avgSuspensionCount[c] as number) / cfg.suspension_count_cap) * 100;
    const d = Math.max(0, 1 - (win.avgSuspensionDays[c] as number) / cfg.suspension_days_cap) * 100;
    g1[c] = a;
    g2[c] = b;
    g3[c] = s;
    g4[c] = d;
    credit[c] = clampScore(w.tenure * a + w.spend * b + w.suspension_count * s + w.suspension_days * d);
  }
  return { spendCap, spendCapMode: cfg.spend_cap === 'auto' ? 'auto' : 'fixed', g1, g2, g3, g4, credit };
}

export function computeLoyalty(scenario: Scenario, win: CustomerWindow, eligibility: Eligibility): LoyaltyScores {
  const cfg = scenario.loyalty;
  const n = win.inTable.length;
  const [l1, l2, l3, loyalty] = [nanArray(n), nanArray(n), nanArray(n), nanArray(n)];
  const list = eligibility.eligibleList;
  const w = cfg.weights;
  for (let i = 0; i < list.length; i++) {
    const c = list[i] as number;
    const a = Math.min((win.tenure[c] as number) / cfg.tenure_cap, 1) * 100;
    const b = Math.min((win.services[c] as number) / cfg.services_cap, 1) * 100;
    const s = win.window === 1 ? 100 : 100 * (1 - (win.planChanges[c] as number) / (win.window - 1));
    l1[c] = a;
    l2[c] = b;
    l3[c] = s;
    loyalty[c] = clampScore(w.tenure * a + w.services * b + w.plan_stability * s);
  }
  return { l1, l2, l3, loyalty };
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
