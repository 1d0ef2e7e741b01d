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
    '没有方案文件：请把生成这批结果的方案存为 scenario.json 放入文件夹（或一并选择该 .json 文件；命令行可用 --scenario）',
    'no scenario file: save the scenario the results were run with as scenario.json in the folder (or pick that .json file with the others; on the command line, --scenario)',
  ),
  scenarioUnreadable: (detail: string): Problem =>
    problem('results.scenario_unreadable', `方案文件无法读取：${detail}`, `the scenario file cannot be read: ${detail}`),
  scenarioInvalid: (zh: string, en: string): Problem => problem('results.scenario_invalid', `方案文件有误：${zh}`, `the scenario file is not valid: ${en}`),
  monthConflict: (inScenario: string, given: string): Problem =>
    problem(
      'results.month_conflict',
      `方案文件的评估月是 ${inScenario}，与指定的 ${given} 不同；请只给一个`,
      `the scenario file's month is ${inScenario}, not the ${given} given; give only one`,
    ),
  scenarioNoMonth: problem(
    'results.scenario_no_month',
    '方案文件未写评估月（month）：请在方案中写明，或导入时给出结果所属的评估月（结果集页面的“评估月”；命令行 --month）',
    'the scenario file has no evaluation month (month): write it there, or give the results\' month when importing (Evaluation month on Results sets; --month on the command line)',
  ),
  columnMissing: (name: string): Problem => problem('results.column_missing', `缺少列 ${name}`, `column ${name} is missing`),
  columnTwice: (name: string): Problem => problem('results.column_twice', `列 ${name} 出现两次`, `column ${name} appears twice`),
  cellCount: (expected: number, found: number): Problem =>
    problem('results.cell_count', `此行有 ${found} 个单元格，表头有 ${expected} 列（可能有未加引号的逗号或被截断）`, `this row has ${found} cells where the header has ${expected} (an unquoted comma, or a cut-off line?)`),
  compressedPart: problem('results.compressed_part', '压缩的分片文件无法读取；请不压缩导出（不设 compression）', 'compressed part files cannot be read; export without compression'),
  noSuccessMarker: problem(
    'results.no_success_marker',
    '目录中没有 _SUCCESS 标记：导出可能未完成，请核对行数',
    'the directory has no _SUCCESS marker: the export may be incomplete; check the row count',
  ),
  headerDiffers: problem('results.header_differs', '各分片文件的表头不一致', 'the part files do not have the same header'),
  required: problem('results.required_empty', '必填单元格为空', 'required cell is empty'),
  notANumber: problem('results.not_a_number', '不是数字', 'not a number'),
  notAFlag: problem('results.not_a_flag', '须为 1 或 0（或 true/false）', 'must be 1 or 0 (or true/false)'),
  notACount: problem('results.not_a_count', '须为非负整数', 'must be a whole number ≥ 0'),
  duplicateCustomer: problem('results.duplicate_customer', '同一 customer_id 出现两次', 'the same customer_id appears twice'),
  unknownTier: (names: string): Problem =>
    problem('results.unknown_tier', `分层不在方案中（方案的分层：${names}）`, `tier is not one of the scenario's (its tiers: ${names})`),
  tierWhenIneligible: problem('results.tier_when_ineligible', '不参与评分的用户不应有分层', 'an ineligible customer must not have a tier'),
  tierDisagrees: (names: string): Problem =>
    problem('results.tier_disagrees', `分层与价值得分及方案门槛不符（方案的分层：${names}）`, `the tier does not fit the value score and the scenario's thresholds (its tiers: ${names})`),
  reasonWhenEligible: problem('results.reason_when_eligible', '参与评分的用户不应有不参与原因', 'a scored customer must not have a reason for not being scored'),
  scoreWhenIneligible: problem('results.score_when_ineligible', '不参与评分的用户不应有得分', 'an unscored customer must not have a score'),
  profitDisagrees: problem(
    'results.profit_disagrees',
    'avg_profit 不等于 avg_revenue − avg_individual_cost − avg_allocated',
    'avg_profit is not avg_revenue − avg_individual_cost − avg_allocated',
  ),
  tierWithoutValue: problem('results.tier_without_value', '有分层却没有价值得分（value 为空）', 'a tier without a value score (value is empty)'),
  valueWithoutTier: problem('results.value_without_tier', '有价值得分却没有分层', 'a value score without a tier'),
  negativeDisagrees: problem(
    'results.negative_disagrees',
    'negative 与 avg_profit 不符（avg_profit < 0 时 negative 为 1）',
    'negative disagrees with avg_profit (negative is 1 exactly when avg_profit < 0)',
  ),
  noRows: problem('results.no_rows', 'customers.csv 没有数据行', 'customers.csv has no data rows'),
  aggregateDiffers: (fromFile: number, fromCustomers: number): Problem => {
    const shown = (x: number, empty: string): string => (Number.isNaN(x) ? empty : String(x));
    return problem(
      'results.aggregate_differs',
      `与 customers.csv 汇总不符：文件为 ${shown(fromFile, '空')}，按 customers.csv 计算为 ${shown(fromCustomers, '空')}；两者应来自同一次计算`,
      `disagrees with customers.csv: the file says ${shown(fromFile, 'empty')}, customers.csv sums to ${shown(fromCustomers, 'empty')}; both must come from the same run`,
    );
  },
  groupTwice: problem('results.group_twice', '此分组出现两次', 'this group appears twice'),
  aggregateGroupMissing: (group: string): Problem =>
    problem('results.aggregate_group_missing', `汇总文件缺少 customers.csv 中的分组：${group}`, `the aggregate file lacks a group that customers.csv has: ${group}`),
  aggregateGroupExtra: problem('results.aggregate_group_extra', '此分组在 customers.csv 中没有用户', 'customers.csv has no customer in this group'),
  badStatus: problem('results.bad_status', 'status 须为 allocated 或 unallocated', 'status must be allocated or unallocated'),
  badMonth: problem('results.bad_month', '月份须为 YYYY-MM', 'month must be YYYY-MM'),
  monthAfterSet: (month: string): Problem =>
    problem('results.month_after_set', `晚于结果集的评估月 ${month}`, `later than the set's evaluation month ${month}`),
  poolMonthTwice: problem('results.pool_month_twice', '同一成本池同一月份出现两次', 'the same pool and month appear twice'),
};
