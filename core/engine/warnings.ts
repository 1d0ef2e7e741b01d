/** The run's warnings in the order a reader meets them: inputs, allocation, tenure, values. */
import type { ModelInput } from '../model/dataset.js';
import { monthKey } from '../model/month.js';
import type { Allocation } from './allocate-common-costs.js';
import type { CustomerWindow } from './customer-window.js';
import type { RunWarning } from './run-warning.js';
import type { ValueScores } from './value-and-tiers.js';

export function runWarnings(input: ModelInput, allocation: Allocation, win: CustomerWindow, values: ValueScores): RunWarning[] {
  const out: RunWarning[] = [...input.warnings, ...allocation.warnings];
  if (input.pools.length === 0) {
    out.push({ code: 'allocation.no_pools', en: 'no common cost pools were loaded; profits carry no allocated costs', zh: '没有载入公共成本池，利润中不含分摊成本' });
  }
  const missing = win.windowMonths.filter((_, i) => win.windowMonthIndex[i] === -1).map(monthKey);
  if (missing.length > 0) {
    out.push({
      code: 'window.months_missing',
      en: `window months without any usage data: ${missing.join(', ')}; nobody present in every window month can be scored`,
      zh: `评估窗口中以下月份没有用量数据：${missing.join('、')}；无人能在窗口内每月都在网，不能参与评分`,
    });
  }
  let withoutJoinDate = 0;
  for (let i = 0; i < win.table.length; i++) if (win.tenureFromJoinDate[win.table[i] as number] === 0) withoutJoinDate++;
  if (withoutJoinDate > 0) {
    out.push({
      code: 'tenure.no_join_date',
      en: `${withoutJoinDate} customers have no join date; tenure counts their consecutive months present ending at the evaluation month`,
      zh: `${withoutJoinDate} 个用户没有入网日期，在网时长按截至评估月的连续在网月数计算`,
    });
  }
  if (values.nonFiniteCount > 0) {
    out.push({
      code: 'value.non_finite',
      en: `the value formula gave no finite result for ${values.nonFiniteCount} customers; their value is left empty`,
      zh: `价值公式对 ${values.nonFiniteCount} 个用户没有得出有限值，其价值得分留空`,
    });
  }
  return out;
}
