/** Every switched-on early-warning rule over each pair of consecutive trend months. */
import type { Scenario } from '../../model/scenario.js';
import type { Trend } from '../trend/trend.js';
import { creditArrearsWarnings } from './credit-arrears.js';
import { negativeTurnWarnings } from './negative-turn.js';
import { planFlagWarnings } from './plan-flags.js';
import { shareRiseWarnings } from './share-rise.js';
import { valueDropWarnings } from './value-drop.js';
import type { Warning } from './warning.js';

/** The first trend month is only the baseline of the second: no warnings are dated in it. */
export function earlyWarnings(trend: Trend, config: Scenario['warnings']): Warning[] {
  const out: Warning[] = [];
  const { customerIds: ids, tierNames } = trend;
  for (let i = 1; i < trend.months.length; i++) {
    const previous = trend.months[i - 1];
    const current = trend.months[i];
    if (previous === undefined || current === undefined) continue;
    if (config.negative_turn.enabled) out.push(...negativeTurnWarnings(previous, current, ids));
    if (config.value_drop.enabled) out.push(...valueDropWarnings(previous, current, ids, tierNames, config.value_drop));
    if (config.credit_arrears.enabled) out.push(...creditArrearsWarnings(previous, current, ids, config.credit_arrears));
    if (config.share_rise.enabled) out.push(...shareRiseWarnings(previous, current, config.share_rise));
    if (config.plan_flags.enabled) out.push(...planFlagWarnings(previous, current));
  }
  return out;
}
