/** What reading a results folder can find wrong, in Chinese and English. */
import { problem, type Problem } from '../../model/messages.js';

export const resultIssues = {
  fileIgnored: problem(
    'results.file_ignored',
    '不是结果文件（customers.csv、aggregates_<分组>.csv、reconciliation.csv 或方案 .json），未读取',
    'not a results file (customers.csv, aggregates_<group>.csv, reconciliation.csv or a scenario .json); not read',
  ),
  notAFolder: problem('results.not_a_folder', '请选择一个结果文件夹，或选择其中的文件（不能同时选文件夹和文件）', 'pick one results folder, or files from one (not folders and files together)'),
  noCustomers: problem(
    'results.no_customers',
    '文件夹中没有 customers.csv（或数仓导出的 customers/ 目录）',
    'the folder has no customers.csv (nor a warehouse export directory customers/)',
  ),
  noScenario: problem(
    'results.no_scenario',
    '文件夹中没有 scenario.json；请放入生成这批结果的方案文件，或用 --scenario 指定',
    'the folder has no scenario.json; put the scenario the results were run with there, or give it with --scenario',
  ),
  scenarioUnreadable: (detail: string): Problem =>
    problem('results.scenario_unreadable', `方案文件无法读取：${detail}`, `the scenario file cannot be read: ${detail}`),
  scenarioInvalid: (detail: string): Problem => problem('results.scenario_invalid', `方案文件有误：${detail}`, `the scenario file is not valid: ${detail}`),
  scenarioNoMonth: problem(
    'results.scenario_no_month',
    '方案文件未写评估月（month）；请在方案中写明，或用 --month 指定结果所属的月份',
    'the scenario file has no evaluation month (month); write it there, or give the results\' month with --month',
  ),
  columnMissing: (name: string): Problem => problem('results.column_missing', `缺少列 ${name}`, `column ${name} is missing`),
  columnTwice: (name: string): Problem => problem('results.column_twice', `列 ${name} 出现两次`, `column ${name} appears twice`),
  headerDiffers: problem('results.header_differs', '各分片文件的表头不一致', 'the part files do not have the same header'),
  required: problem('results.required_empty', '必填单元格为空', 'required cell is empty'),
  notANumber: problem('results.not_a_number', '不是数字', 'not a number'),
  notAFlag: problem('results.not_a_flag', '须为 1 或 0（或 true/false）', 'must be 1 or 0 (or true/false)'),
  notACount: problem('results.not_a_count', '须为非负整数', 'must be a whole number ≥ 0'),
  duplicateCustomer: problem('results.duplicate_customer', '同一 customer_id 出现两次', 'the same customer_id appears twice'),
  unknownTier: (names: string): Problem =>
    problem('results.unknown_tier', `分层不在方案中（方案的分层：${names}）`, `tier is not one of the scenario's (its tiers: ${names})`),
  tierWhenIneligible: problem('results.tier_when_ineligible', '不参与评分的用户不应有分层', 'an ineligible customer must not have a tier'),
  tierWithoutValue: problem('results.tier_without_value', '有分层却没有价值得分（value 为空）', 'a tier without a value score (value is empty)'),
  valueWithoutTier: problem('results.value_without_tier', '有价值得分却没有分层', 'a value score without a tier'),
  negativeDisagrees: problem(
    'results.negative_disagrees',
    'negative 与 avg_profit 不符（avg_profit < 0 时 negative 为 1）',
    'negative disagrees with avg_profit (negative is 1 exactly when avg_profit < 0)',
  ),
  noRows: problem('results.no_rows', 'customers.csv 没有数据行', 'customers.csv has no data rows'),
  aggregateDiffers: (fromFile: string, fromCustomers: string): Problem =>
    problem(
      'results.aggregate_differs',
      `与 customers.csv 汇总不符：文件为 ${fromFile}，按 customers.csv 计算为 ${fromCustomers}；两者应来自同一次计算`,
      `disagrees with customers.csv: the file says ${fromFile}, customers.csv sums to ${fromCustomers}; both must come from the same run`,
    ),
  aggregateGroupMissing: (group: string): Problem =>
    problem('results.aggregate_group_missing', `汇总文件缺少 customers.csv 中的分组：${group}`, `the aggregate file lacks a group that customers.csv has: ${group}`),
  aggregateGroupExtra: problem('results.aggregate_group_extra', '此分组在 customers.csv 中没有用户', 'customers.csv has no customer in this group'),
  badStatus: problem('results.bad_status', 'status 须为 allocated 或 unallocated', 'status must be allocated or unallocated'),
  badMonth: problem('results.bad_month', '月份须为 YYYY-MM', 'month must be YYYY-MM'),
};
