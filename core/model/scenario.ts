/**
 * The scenario (SPEC §13): every editable constant of the model. Missing keys take the
 * defaults; unknown keys are an error. A weight map that is given replaces the default map
 * as a whole (missing drivers weigh 0), because a user who writes {"minutes":0.2,"data_mb":0.8}
 * means exactly those two drivers.
 */
import { z } from 'zod';
import { compileFormula } from './formula.js';
import { isMonthKey } from './month.js';

export const DRIVERS = ['users', 'minutes', 'data_mb', 'sms', 'revenue'] as const;
export type Driver = (typeof DRIVERS)[number];

export const INELIGIBLE_TIER = '不参与评分';
const WEIGHT_SUM_TOLERANCE = 1e-9;

/** A custom issue carries its code and both languages in params. */
interface CustomIssueParams {
  code: string;
  zh: string;
  en: string;
}

function addIssue(ctx: z.RefinementCtx, params: CustomIssueParams, path: (string | number)[] = []): void {
  ctx.addIssue({ code: 'custom', message: params.en, params: { ...params }, path });
}

const weight = z.number().min(0).max(1);

function weightMap<const K extends readonly [string, ...string[]]>(keys: K, label: { zh: string; en: string }) {
  const shape = Object.fromEntries(keys.map((k) => [k, weight.optional()])) as { [P in K[number]]: z.ZodOptional<typeof weight> };
  return z.strictObject(shape).superRefine((value, ctx) => {
    const sum = Object.values(value).reduce<number>((acc, w) => acc + (typeof w === 'number' ? w : 0), 0);
    if (Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE) {
      addIssue(ctx, {
        code: 'scenario.weights_sum',
        zh: `${label.zh}的权重之和须为 100%（现为 ${(sum * 100).toFixed(2)}%）`,
        en: `${label.en} weights must add up to 100% (they add up to ${(sum * 100).toFixed(2)}%)`,
      });
    }
  });
}

const driverWeights = weightMap(DRIVERS, { zh: '成本动因', en: 'Cost driver' });

function fillWeights<K extends string>(keys: readonly K[], given: Partial<Record<K, number | undefined>>): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, given[k] ?? 0])) as Record<K, number>;
}

const score = z.number().min(0).max(100);
const positiveCap = z.number().positive();

const breakpointsSchema = z
  .discriminatedUnion('mode', [
    z.strictObject({ mode: z.literal('auto') }),
    z.strictObject({ mode: z.literal('manual'), table: z.array(z.tuple([z.number(), score])) }),
  ])
  .superRefine((value, ctx) => {
    if (value.mode !== 'manual') return;
    const t = value.table;
    if (t.length < 2) {
      addIssue(ctx, { code: 'scenario.breakpoints_too_few', zh: '手工分段表至少需要 2 行', en: 'The manual breakpoint table needs at least 2 rows' }, ['table']);
    }
    for (let i = 1; i < t.length; i++) {
      const [p0, s0] = t[i - 1] as [number, number];
      const [p1, s1] = t[i] as [number, number];
      if (!(p1 > p0)) {
        addIssue(ctx, { code: 'scenario.breakpoints_p_order', zh: `第 ${i + 1} 行的利润须大于上一行`, en: `Row ${i + 1}: profit must be greater than the row above` }, ['table', i, 0]);
      }
      if (s1 < s0) {
        addIssue(ctx, { code: 'scenario.breakpoints_s_order', zh: `第 ${i + 1} 行的得分不能小于上一行`, en: `Row ${i + 1}: score must not be less than the row above` }, ['table', i, 1]);
      }
    }
  });

const CREDIT_WEIGHTS = ['tenure', 'spend', 'suspension_count', 'suspension_days'] as const;
const LOYALTY_WEIGHTS = ['tenure', 'services', 'plan_stability'] as const;
const VALUE_WEIGHTS = ['profit', 'loyalty', 'credit', 'behaviour'] as const;

const creditSchema = z.strictObject({
  tenure_cap: positiveCap.default(36),
  spend_cap: z.union([z.literal('auto'), positiveCap]).default('auto'),
  suspension_count_cap: positiveCap.default(2),
  suspension_days_cap: positiveCap.default(10),
  weights: weightMap(CREDIT_WEIGHTS, { zh: '信用度', en: 'Credit' })
    .transform((w) => fillWeights(CREDIT_WEIGHTS, w))
    .default({ tenure: 0.3, spend: 0.3, suspension_count: 0.2, suspension_days: 0.2 }),
});

const loyaltySchema = z.strictObject({
  tenure_cap: positiveCap.default(60),
  services_cap: positiveCap.default(4),
  weights: weightMap(LOYALTY_WEIGHTS, { zh: '忠诚度', en: 'Loyalty' })
    .transform((w) => fillWeights(LOYALTY_WEIGHTS, w))
    .default({ tenure: 0.4, services: 0.3, plan_stability: 0.3 }),
});

const tiersSchema = z
  .array(z.tuple([z.string().trim().min(1).max(20), score]))
  .min(1)
  .superRefine((tiers, ctx) => {
    const names = new Set<string>();
    tiers.forEach(([name, threshold], i) => {
      if (names.has(name)) addIssue(ctx, { code: 'scenario.tier_duplicate', zh: `价值分层名称重复：${name}`, en: `Tier name appears twice: ${name}` }, [i, 0]);
      if (name === INELIGIBLE_TIER) addIssue(ctx, { code: 'scenario.tier_reserved', zh: `“${INELIGIBLE_TIER}”是保留名称`, en: `"${INELIGIBLE_TIER}" is a reserved name` }, [i, 0]);
      names.add(name);
      const prev = i > 0 ? (tiers[i - 1] as [string, number])[1] : Infinity;
      if (!(threshold < prev)) addIssue(ctx, { code: 'scenario.tier_order', zh: `分层门槛须从高到低：${name}`, en: `Tier thresholds must descend: ${name}` }, [i, 1]);
    });
  });

const enabled = z.boolean().default(true);

/** Early-warning rules (issue 6): each switchable, thresholds as the issue states them. */
const warningsSchema = z.strictObject({
  negative_turn: z.strictObject({ enabled }).prefault({}),
  value_drop: z
    .strictObject({ enabled, points: z.number().positive().max(100).default(20), tiers: z.number().int().min(1).max(20).default(2) })
    .prefault({}),
  credit_arrears: z.strictObject({ enabled, credit_below: score.default(40) }).prefault({}),
  share_rise: z.strictObject({ enabled, points: z.number().positive().max(100).default(3) }).prefault({}),
  plan_flags: z.strictObject({ enabled }).prefault({}),
});

export const scenarioSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(100).default('默认方案'),
    /** Evaluation month M; null takes the latest loaded month. */
    month: z
      .string()
      .superRefine((m, ctx) => {
        if (!isMonthKey(m)) addIssue(ctx, { code: 'scenario.month_format', zh: `评估月须为 YYYY-MM 格式：${m}`, en: `month must be YYYY-MM: ${m}` });
      })
      .nullable()
      .default(null),
    window: z.number().int().min(1).max(24).default(3),
    min_tenure: z.number().int().min(0).max(600).default(3),
    drivers: z
      .strictObject({
        default: driverWeights.transform((w) => fillWeights(DRIVERS, w)).default({ users: 0.5, minutes: 0.5, data_mb: 0, sms: 0, revenue: 0 }),
        pools: z.record(z.string().min(1), driverWeights.transform((w) => fillWeights(DRIVERS, w))).default({}),
      })
      .prefault({}),
    profit_breakpoints: breakpointsSchema.default({ mode: 'auto' }),
    credit: creditSchema.prefault({}),
    loyalty: loyaltySchema.prefault({}),
    behaviour: z
      .strictObject({
        default: score.default(50),
        table: z.record(z.string(), score).default({}),
      })
      .prefault({}),
    value_weights: weightMap(VALUE_WEIGHTS, { zh: '价值得分', en: 'Value score' })
      .transform((w) => fillWeights(VALUE_WEIGHTS, w))
      .default({ profit: 0.7, loyalty: 0.1, credit: 0.1, behaviour: 0.1 }),
    value_formula: z.string().nullable().default(null),
    tiers: tiersSchema.default([
      ['A', 80],
      ['B', 60],
      ['C', 40],
    ]),
    lowest_tier: z.string().trim().min(1).max(20).default('D'),
    /** How many evaluation months the trend covers, ending at month (issue 6). */
    trend_months: z.number().int().min(2).max(24).default(6),
    warnings: warningsSchema.prefault({}),
  })
  .superRefine((s, ctx) => {
    if (s.value_formula !== null) {
      const compiled = compileFormula(s.value_formula);
      if (!compiled.ok) addIssue(ctx, { code: compiled.problem.code, zh: compiled.problem.zh, en: compiled.problem.en }, ['value_formula']);
    }
    if (s.tiers.some(([name]) => name === s.lowest_tier) || s.lowest_tier === INELIGIBLE_TIER) {
      addIssue(ctx, { code: 'scenario.lowest_tier_name', zh: `最低分层名称不能与其他分层或“${INELIGIBLE_TIER}”相同`, en: `The lowest tier's name must differ from the other tiers and "${INELIGIBLE_TIER}"` }, ['lowest_tier']);
    }
  });

export type Scenario = z.output<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type DriverWeights = Record<Driver, number>;

export interface ScenarioIssue {
  readonly path: string;
  readonly code: string;
  readonly zh: string;
  readonly en: string;
}

export type ScenarioParse = { ok: true; scenario: Scenario } | { ok: false; issues: ScenarioIssue[] };

const zhLocale = z.locales.zhCN();
const enLocale = z.locales.en();

function localise(locale: { localeError: z.core.$ZodErrorMap }, issue: z.core.$ZodIssue): string {
  const out = locale.localeError(issue as unknown as z.core.$ZodRawIssue);
  if (typeof out === 'string') return out;
  return out?.message ?? issue.message;
}

function toIssue(issue: z.core.$ZodIssue): ScenarioIssue {
  const path = issue.path.map(String).join('.');
  const params = issue.code === 'custom' ? (issue.params as Partial<CustomIssueParams> | undefined) : undefined;
  if (params?.code !== undefined && params.zh !== undefined && params.en !== undefined) {
    return { path, code: params.code, zh: params.zh, en: params.en };
  }
  const where = path === '' ? '' : `${path}: `;
  return {
    path,
    code: `scenario.${issue.code}`,
    zh: `${where}${localise(zhLocale, issue)}`,
    en: `${where}${localise(enLocale, issue)}`,
  };
}

/** JSON.parse makes "__proto__" an own key, but copying it into an object sets the prototype instead. */
const PROTOTYPE_KEY = '__proto__';

function prototypeKeyPaths(data: unknown, path: string[] = []): string[] {
  if (data === null || typeof data !== 'object') return [];
  return Object.keys(data).flatMap((key) => {
    const here = [...path, key];
    const nested = prototypeKeyPaths((data as Record<string, unknown>)[key], here);
    return key === PROTOTYPE_KEY ? [here.join('.'), ...nested] : nested;
  });
}

/** Validates unknown data (a scenario file, a form, an IPC argument) into a complete scenario. */
export function parseScenario(data: unknown): ScenarioParse {
  // zod would silently drop a "__proto__" pool or segment; refuse such names outright.
  const reserved = prototypeKeyPaths(data);
  if (reserved.length > 0) {
    return {
      ok: false,
      issues: reserved.map((path) => ({
        path,
        code: 'scenario.reserved_key',
        zh: `名称“${path.split('.').pop() ?? ''}”不可用（${path}）`,
        en: `The name "${path.split('.').pop() ?? ''}" cannot be used (${path})`,
      })),
    };
  }
  // reportInput keeps the received value on each issue, so the messages can say what was received.
  const result = scenarioSchema.safeParse(data, { reportInput: true });
  if (result.success) return { ok: true, scenario: result.data };
  return { ok: false, issues: result.error.issues.map(toIssue) };
}

export function defaultScenario(): Scenario {
  const parsed = parseScenario({});
  if (!parsed.ok) throw new Error('the default scenario must be valid');
  return parsed.scenario;
}

export function driverWeightsFor(scenario: Scenario, pool: string): DriverWeights {
  return Object.hasOwn(scenario.drivers.pools, pool) ? (scenario.drivers.pools[pool] as DriverWeights) : scenario.drivers.default;
}
