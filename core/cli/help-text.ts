export const HELP_TEXT = `cvalue — 客户价值评估 命令行 / Customer Value Studio command line

用法 / Usage:
  npm run cvalue -- run --data <文件或文件夹…> --out-dir <目录> [--scenario x.scenario.json]
                        [--month YYYY-MM] [--compare y.scenario.json]
  npm run cvalue -- sample --customers <数量> --months <月数> --out-dir <目录> [--end-month YYYY-MM] [--seed N]
  npm run cvalue -- --help

run     读取用量、结算、个人成本、信用、成本池和营销活动的 CSV 导出（UTF-8、带 BOM 的 UTF-8 或 GBK/GB18030，
        表头可用中文或英文），按方案计算客户价值，并把 SPEC §13 的全部文件写入 --out-dir：
        customers.csv、customer_months.csv、aggregates_*.csv、reconciliation*.csv、campaigns.csv、
        campaign_participants.csv、breakpoints.json、summary.json、warnings.json；
        给出 --compare 时另写 migration.csv、compare_plan.csv、compare_branch.csv、tier_changes.csv、comparison.json。
        --data 可重复，也可用逗号分隔；文件夹读取其中全部 .csv。
        --month 覆盖方案中的评估月；都未给出时取数据中最新的月份。
        Reads CSV exports (usage, settlement, individual costs, credit, cost pools, campaigns; UTF-8, UTF-8 with
        BOM or GBK/GB18030; Chinese or English headers), evaluates the scenario and writes every file of SPEC §13
        into --out-dir (with --compare, also the comparison files). --data may repeat or take a comma-separated
        list; a folder means every .csv in it. --month overrides the scenario's month; without either, the
        latest month in the data is evaluated.

sample  生成一个确定性的河南省样例数据集（18 个地市分公司、全球通/动感地带/神州行、约 15 个资费套餐、
        渠道、细分群、营销活动和 5 个公共成本池）。
        Writes a deterministic sample province (Henan's 18 prefectures, three brands, about 15 plans,
        channels, segments, campaigns and 5 common cost pools) as CSV files.

退出码 / Exit codes:  0 成功 success · 1 输入有误 bad input (message names file, row and column) · 2 用法有误 bad usage
`;
