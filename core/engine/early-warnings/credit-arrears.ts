/** Rule credit_arrears: credit below the threshold and arrears > 0 in the evaluation month itself. */
import type { IdList } from '../../model/id-list.js';
import type { Scenario } from '../../model/scenario.js';
import type { TrendMonth } from '../trend/trend.js';
import { below, type Warning } from './warning.js';

/** A state, not a change: it fires every month it holds; before is last month's credit for context. */
export function creditArrearsWarnings(previous: TrendMonth, current: TrendMonth, ids: IdList, config: Scenario['warnings']['credit_arrears']): Warning[] {
  const out: Warning[] = [];
  const { credit, arrears } = current;
  for (let c = 0; c < credit.length; c++) {
    const score = credit[c] as number;
    const owed = arrears[c] as number;
    // NaN (no score, or absent that month) fails both comparisons.
    if (below(score, config.credit_below) && owed > 0) {
      out.push({ rule: 'credit_arrears', subjectKind: 'customer', subject: ids.at(c), month: current.month, before: previous.credit[c] as number, after: score, detail: `arrears=${owed}` });
    }
  }
  return out;
}
