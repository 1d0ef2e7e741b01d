/** Rule share_rise: a branch's or channel's negative-value share rose by ≥ `points` percentage points. */
import type { Scenario } from '../../model/scenario.js';
import type { TrendMonth } from '../trend/trend.js';
import { atLeast, type Warning } from './warning.js';

const GROUPINGS = ['branch', 'channel'] as const;

/** A group without customers the month before has no share to rise from, so it is not compared. */
export function shareRiseWarnings(previous: TrendMonth, current: TrendMonth, config: Scenario['warnings']['share_rise']): Warning[] {
  const out: Warning[] = [];
  for (const grouping of GROUPINGS) {
    const before = new Map(previous.groups[grouping].map((row) => [row.group, row.negativeShare]));
    for (const row of current.groups[grouping]) {
      const b = before.get(row.group);
      if (b === undefined) continue;
      const risePoints = (row.negativeShare - b) * 100;
      if (atLeast(risePoints, config.points)) {
        out.push({ rule: 'share_rise', subjectKind: grouping, subject: row.group, month: current.month, before: b, after: row.negativeShare, detail: `+${risePoints.toFixed(2)}pp` });
      }
    }
  }
  return out;
}
