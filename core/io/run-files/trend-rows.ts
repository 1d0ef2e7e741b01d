/** Rows of the trend and early-warning files (issue 6), in the csv-text cell conventions. */
import type { Warning } from '../../engine/early-warnings/warning.js';
import { TIER_INELIGIBLE, TIER_NO_VALUE } from '../../engine/value-and-tiers.js';
import { NO_VALUE_GROUP } from '../../engine/aggregates.js';
import { TREND_GROUPINGS, type Trend } from '../../engine/trend/trend.js';
import { monthKey } from '../../model/month.js';
import { INELIGIBLE_TIER } from '../../model/scenario.js';
import { bilingualRuleName } from '../../model/warning-rule-names.js';
import type { Rows } from './run-file-rows.js';

function tierText(code: number, names: readonly string[]): string {
  if (code === TIER_INELIGIBLE) return INELIGIBLE_TIER;
  if (code === TIER_NO_VALUE) return NO_VALUE_GROUP;
  return names[code] ?? '';
}

/** Long format, one row per customer-month of the customer table, months ascending within a customer. */
export function* trendCustomerRows(trend: Trend): Rows {
  yield ['customer_id', 'month', 'in_table', 'value', 'tier', 'avg_profit'];
  const keys = trend.months.map((m) => monthKey(m.month));
  for (let c = 0; c < trend.customerIds.length; c++) {
    let id: string | undefined;
    for (let i = 0; i < trend.months.length; i++) {
      const m = trend.months[i];
      if (m === undefined || m.inTable[c] !== 1) continue;
      id ??= trend.customerIds.at(c);
      yield [id, keys[i] ?? '', 1, m.value[c] as number, tierText(m.tier[c] as number, trend.tierNames), m.avgProfit[c] as number];
    }
  }
}

export function* trendGroupRows(trend: Trend): Rows {
  yield ['grouping', 'group', 'month', 'customers', 'negative_count', 'negative_share', 'loss', 'loss_making_plan', 'settlement_inverted'];
  for (const grouping of TREND_GROUPINGS) {
    for (const m of trend.months) {
      const isPlan = grouping === 'plan';
      for (const row of m.groups[grouping]) {
        yield [grouping, row.group, monthKey(m.month), row.customers, row.negativeCount, row.negativeShare, row.loss, isPlan ? row.lossMakingPlan : null, isPlan ? row.settlementInverted : null];
      }
    }
  }
}

/** rule_name comes last, so readers that pick the older columns by position keep working. */
export function* warningRows(warnings: readonly Warning[]): Rows {
  yield ['month', 'rule', 'subject_kind', 'subject', 'before', 'after', 'detail', 'rule_name'];
  for (const w of warnings) yield [monthKey(w.month), w.rule, w.subjectKind, w.subject, w.before, w.after, w.detail ?? null, bilingualRuleName(w.rule)];
}
