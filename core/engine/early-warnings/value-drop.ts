/** Rule value_drop: value fell by ≥ `points`, or the tier fell by ≥ `tiers` tiers, between two months. */
import type { IdList } from '../../model/id-list.js';
import type { Scenario } from '../../model/scenario.js';
import type { TrendMonth } from '../trend/trend.js';
import { atLeast, type Warning } from './warning.js';

export function valueDropWarnings(
  previous: TrendMonth,
  current: TrendMonth,
  ids: IdList,
  tierNames: readonly string[],
  config: Scenario['warnings']['value_drop'],
): Warning[] {
  const out: Warning[] = [];
  const { value: before, tier: tierBefore } = previous;
  const { value: after, tier: tierAfter } = current;
  for (let c = 0; c < after.length; c++) {
    const b = before[c] as number;
    const a = after[c] as number;
    // Only customers scored in both months: losing eligibility is not a fall in value.
    if (Number.isNaN(a) || Number.isNaN(b)) continue;
    const tb = tierBefore[c] as number;
    const ta = tierAfter[c] as number;
    // Tier indices grow downwards (0 is the top tier), so a fall is a positive difference.
    const tierFall = ta - tb;
    if (atLeast(b - a, config.points) || tierFall >= config.tiers) {
      out.push({
        rule: 'value_drop',
        subjectKind: 'customer',
        subject: ids.at(c),
        month: current.month,
        before: b,
        after: a,
        detail: `${tierNames[tb] ?? ''}→${tierNames[ta] ?? ''}`,
      });
    }
  }
  return out;
}
