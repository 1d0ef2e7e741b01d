/** Rule negative_turn: avg profit < 0 this month after ≥ 0 the month before (the SPEC §9 negative flag, exactly). */
import type { IdList } from '../../model/id-list.js';
import type { TrendMonth } from '../trend/trend.js';
import type { Warning } from './warning.js';

export function negativeTurnWarnings(previous: TrendMonth, current: TrendMonth, ids: IdList): Warning[] {
  const out: Warning[] = [];
  const { inTable: wasIn, avgProfit: before } = previous;
  const { inTable: isIn, avgProfit: after } = current;
  for (let c = 0; c < isIn.length; c++) {
    if (isIn[c] !== 1 || wasIn[c] !== 1) continue;
    const b = before[c] as number;
    const a = after[c] as number;
    // No tolerance: the negative-value flag itself is the exact test avg_profit < 0.
    if (b >= 0 && a < 0) out.push({ rule: 'negative_turn', subjectKind: 'customer', subject: ids.at(c), month: current.month, before: b, after: a });
  }
  return out;
}
