/**
 * Issue 6 part 3: the definition of a target list (营销目标), as saved to a *.targets.json file.
 * Every criterion is optional; an empty list or absent range means "no restriction".
 */
import { z } from 'zod';

const range = z.strictObject({ min: z.number().optional(), max: z.number().optional() });

export const targetFilterSchema = z.strictObject({
  /** Tier names of the scenario (e.g. A, B); customers not scored have no tier and never match. */
  tiers: z.array(z.string()).default([]),
  /** Value score range, inclusive; customers without a value never match. */
  value: range.optional(),
  eligibleOnly: z.boolean().default(false),
  /** Leave out negative-value customers (avg_profit < 0, SPEC §9). */
  excludeNegative: z.boolean().default(false),
  branches: z.array(z.string()).default([]),
  channels: z.array(z.string()).default([]),
  plans: z.array(z.string()).default([]),
  segments: z.array(z.string()).default([]),
  /** Tenure in months, inclusive. */
  tenure: range.optional(),
});

export type TargetFilter = z.infer<typeof targetFilterSchema>;
export type TargetRange = z.infer<typeof range>;
