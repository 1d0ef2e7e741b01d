export const HELP_TEXT = `cvalue — 客户价值评估 命令行 / Customer Value Studio command line

用法 / Usage:
  npm run cvalue -- run (--data <文件或文件夹…> | --db <知识库文件>) (--out-dir <目录> | --out 报告.xlsx) [--scenario x.scenario.json]
                        [--month YYYY-MM] [--compare y.scenario.json] [--preset summary|full] [--lang zh|en]
                        [--mapping 列映射.json] [--sum-duplicates] [--no-trend] [--engine ts|duckdb] [--memory-limit 4GB]
  npm run cvalue -- validate <文件或文件夹…> [--report 报告.xlsx] [--lang zh|en] [--mapping 列映射.json] [--sum-duplicates]
  npm run cvalue -- import <文件或文件夹…> --db <知识库文件> [--replace] [--mapping 列映射.json] [--sum-duplicates]
  npm run cvalue -- datasets --db <知识库文件> [--delete <导入编号>]
  npm run cvalue -- sample --customers <数量> --months <月数> --out-dir <目录> [--format csv|xlsx] [--end-month YYYY-MM] [--seed N]
  npm run cvalue -- serve [--db <知识库文件>] [--port N] [--open]
  npm run cvalue -- targets (--data <文件或文件夹…> | --db <知识库文件>) --filter "tier=A,B;value=60..100;eligible;exclude_negative;branch=郑州;channel=…;plan=…;segment=…;tenure=12.." (--out 目标.csv|目标.xlsx | --save 名称.targets.json) [--scenario x.scenario.json] [--month YYYY-MM]  营销目标 target list (--filter @名称.targets.json reads a saved one; vs ARPU-only list of the same size)
  npm run cvalue -- trend (--data <文件或文件夹…> | --db <知识库文件>) --out-dir <目录> [--scenario x.scenario.json] [--month YYYY-MM] [--months K]  价值趋势 value over time
  npm run cvalue -- warnings (--data <文件或文件夹…> | --db <知识库文件>) --out-dir <目录> [--scenario x.scenario.json] [--month YYYY-MM] [--months K]  预警 early warnings
  npm run cvalue -- sql --dialect spark|duckdb [--scenario x.scenario.json] [--month YYYY-MM] [--out model.sql] [--input-prefix 库名.]  数仓 SQL: the whole model as one Spark/DuckDB script over the input tables of docs/scale.md
  npm run cvalue -- results import <结果文件夹或文件…> --db <知识库文件> [--name 名称] [--scenario x.scenario.json] [--month YYYY-MM]  结果集 results of a run made elsewhere
  npm run cvalue -- results list --db <知识库文件>
  npm run cvalue -- results delete <结果集编号> --db <知识库文件>
  npm run cvalue -- results report <结果集编号> --db <知识库文件> --out 报告.xlsx [--preset summary|full] [--lang zh|en]
  npm run cvalue -- --help

run     读取用量、结算、个人成本、信用、成本池和营销活动的 Excel 工作簿（.xlsx，每个含表头的工作表为一张表）
        或 CSV 导出（UTF-8、带 BOM 的 UTF-8 或 GBK/GB18030），表头可用中文或英文，按方案计算客户价值，并把 SPEC §13 的全部文件写入 --out-dir：
        customers.csv、customer_months.csv、aggregates_*.csv、reconciliation*.csv、campaigns.csv、
        campaign_participants.csv、campaign_uplift_tiers.csv（各分层的对照组提升）、breakpoints.json、summary.json、warnings.json；
        给出 --compare 时另写 migration.csv、compare_plan.csv、compare_branch.csv、tier_changes.csv、comparison.json。
        --data 可重复，也可用逗号分隔；文件夹读取其中全部 .xlsx 和 .csv。另写 scenario.json（实际使用的方案）。
        --month 覆盖方案中的评估月；都未给出时取数据中最新的月份。
        Reads workbooks (.xlsx; every sheet with a header is a table) or CSV exports (UTF-8, UTF-8 with BOM or
        GBK/GB18030) of usage, settlement, individual costs, credit, cost pools and campaigns, with Chinese or
        English headers, evaluates the scenario and writes every file of SPEC §13 into --out-dir (with
        --compare, also the comparison files; also scenario.json, the scenario as run, and
        campaign_uplift_tiers.csv, each campaign's uplift per tier). --data may repeat or take
        a comma-separated list; a folder means every .xlsx and .csv in it. --month overrides the scenario's month; without either, the
        latest month in the data is evaluated.

        --out 写客户价值评估报告（.xlsx，可与 --out-dir 同时给出）：说明与图表、客户价值明细（月均利润与价值得分为公式，
        可在“参数”表中改权重重算）、资费/分公司/渠道/品牌/细分群/价值分层汇总、成本分摊核对、参数、营销评估、数据问题，
        给出 --compare 时另有方案对比。--preset full（默认）列出每位客户；summary 只列负价值客户（最多 10,000 位）和
        价值最高、最低各 1,000 位，便于邮件发送。--lang en 写英文报告。
        数据中截至评估月至少有两个月时，报告另有“趋势”（方案 trend_months 个评估月的关键指标，及各资费、分公司、渠道
        各月的负价值客户数、占比与亏损额）和“预警”（按方案 warnings 规则在相邻两月间触发的全部预警）；--no-trend 不写这两表，
        省去每个趋势月一次的计算。
        --out writes the value report (.xlsx; may be given with --out-dir): overview and charts, every customer
        (average profit and value are formulas over the weights on the parameters sheet), the aggregates, the cost
        reconciliation, parameters, campaigns, data problems and, with --compare, the comparison. --preset full
        (default) lists every customer; summary lists the negative-value customers (at most 10,000) and the 1,000
        highest and lowest, small enough to email. --lang en writes it in English.
        When the data hold two or more months up to the evaluation month, the report also has Trend (the key
        figures of the scenario's trend_months evaluation months, and each plan's, branch's and channel's
        negative-value count, share and loss by month) and Warnings (every early warning the scenario's warnings
        rules raise between consecutive months); --no-trend leaves both out and saves one model run per month.

        --engine duckdb 在进程内的 DuckDB 中运行方案的数仓 SQL（见 cvalue sql），用于内存放不下的数据：DuckDB 超出
        --memory-limit（默认本机内存的一半）的中间结果写入 --out-dir 下的临时目录，结束后删除。写出的文件与默认的
        --engine ts 格式相同：customers.csv、customer_months.csv、aggregates_*.csv、reconciliation*.csv、breakpoints.json、
        summary.json、warnings.json、scenario.json；不写 campaigns.csv、campaign_participants.csv 与 campaign_uplift_tiers.csv（SQL 不含营销评估）。
        不能与 --out（报告）或 --compare 同用（退出码 2）。
        --engine duckdb runs the scenario's warehouse SQL (see cvalue sql) in an in-process DuckDB, for data too
        large for memory: past --memory-limit (default: half the machine's memory) DuckDB spills to a temporary
        folder inside --out-dir, removed at the end. The files have the --engine ts (default) format: customers.csv,
        customer_months.csv, aggregates_*.csv, reconciliation*.csv, breakpoints.json, summary.json, warnings.json,
        scenario.json; campaigns.csv, campaign_participants.csv and campaign_uplift_tiers.csv are not written
        (campaigns are not in the SQL).
        It cannot be combined with --out (the report) or --compare (exit 2).

        --db 改从知识库（cvalue import 导入的 SQLite 文件）读取全部导入的数据，结果与 --data 读取同样的文件相同。
        --db reads every import of a knowledge base (the SQLite file cvalue import writes) instead; the results
        are the same as --data on the same files.

--mapping 列映射文件：{"headers": [表头行的各列…], "fields": {"表头": "字段名" 或 null（忽略此列）}}，用于别名
        不认识的表头；表头行相同（忽略大小写、空格、全角半角）的工作表都按它映射，import 会把它存为模板，下月自动套用。
        --sum-duplicates：同一张表中同一用户同一月份的多行相加（文本字段须一致），否则重复即为错误。
        --mapping takes a column mapping file {"headers": [the header row…], "fields": {"header": "field" or null
        (ignore the column)}} for headers the aliases do not know; every sheet with the same header row (ignoring
        case, spaces and full-width forms) is mapped by it, and import saves it as a template for next month.
        --sum-duplicates adds up rows with the same customer and month in one table (text fields must agree);
        without it such rows are an error.

validate 像 run 一样读取并校验文件（不计算），列出全部问题；--report 另写一个工作簿：问题清单，以及每个有问题的表的
        原始行（加一列错误说明，出错的单元格标红）。有错误时退出码为 1。
        Reads and checks the files as run does (no computation) and lists every problem; --report also writes a
        workbook: the problems, and each table with problems as its original rows with a column of problems added
        (cells in error filled red). Exits 1 when there are errors.

import  把文件导入知识库（文件不存在时新建）：所有文件一起校验，有任何错误则什么都不写；一次导入在一个事务中
        写入，中途中断时知识库保持原样。已导入过的文件（SHA-256 相同）默认跳过，--replace 则删除原来的导入后重新导入。
        同一用户月、同一成本池月份或同一活动参与者已在之前的导入中时拒绝导入（先用 datasets --delete 删除旧导入）。
        Imports files into a knowledge base (created if missing): they are validated together and any error writes
        nothing; an import is one transaction, so an interruption leaves the knowledge base as it was. A file
        already imported (same SHA-256) is skipped, or with --replace its earlier import is deleted and it is
        imported again. A customer-month, pool-month or campaign participant already held by an earlier import is
        refused (delete that import first with datasets --delete).

datasets 列出知识库中的导入及其数据集（文件）；--delete 删除一次导入及其全部数据（同一次导入的文件一起删除）。
        Lists a knowledge base's imports and their datasets (files); --delete removes an import with all its
        data (the files of one import go together).

results 结果集：在别处完成的一次计算（数据仓库运行 cvalue sql 的脚本、cvalue run --engine duckdb 或另一台电脑）的结果文件。
        import 读入一个结果文件夹（cvalue run --out-dir 写出的 customers.csv 等，或数仓导出的 customers/ 等分片目录）或其中的文件：
        customers.csv 与方案 scenario.json（或用 --scenario 指定）必需，aggregates_*.csv 与 reconciliation.csv 可选，须与
        customers.csv 一致；有任何错误时列出文件、行、列并退出码 1，什么都不存。--name 为结果集命名（默认“方案名 月份”）；
        方案未写评估月时（cvalue sql --month）用 --month 指定结果所属的月份。
        list 列出知识库中的结果集及其文件（SHA-256）；delete 删除一个结果集。
        report 写结果集的客户价值评估报告（.xlsx）：说明（来源文件及 SHA-256、图表，并注明数字在本软件之外计算、
        取自 customers.csv，没有逐月明细与追溯）、客户名单（--preset full 默认，列出每位客户；summary 只列负价值与价值
        最高、最低的客户）、各分组汇总、成本分摊核对（有 reconciliation.csv 时）与参数（方案）。数字为源文件中的值，不是公式。
        Results sets: the results files of a run made elsewhere (the warehouse running the script of cvalue sql,
        cvalue run --engine duckdb, another PC). import reads one results folder (customers.csv and the rest as
        cvalue run --out-dir writes them, or a warehouse export's part directories such as customers/) or files
        from it: customers.csv and the scenario (scenario.json, or --scenario) are required, aggregates_*.csv and
        reconciliation.csv optional and must agree with customers.csv; any error is listed with its file, row and
        column, exits 1 and stores nothing. --name names the set (default: the scenario's name and month);
        --month gives the results' month when the scenario leaves it to the data (cvalue sql --month).
        list lists the knowledge base's results sets with their files (SHA-256); delete removes one.
        report writes the set's value report (.xlsx): About (the source files with SHA-256, the charts, and a
        note that the figures were computed outside the app, read from customers.csv, with no monthly details or
        traces), the customers (--preset full, the default, lists every one; summary the negative-value,
        highest- and lowest-value customers), the aggregates, the cost reconciliation (when the set has
        reconciliation.csv) and the parameters (the scenario). Figures are the source's values, not formulas.

serve   网页版：在 127.0.0.1 上提供界面和服务（仅本机可访问），打印带访问令牌的链接；--open 用浏览器打开它。
        未给 --db 时使用用户数据文件夹中的知识库。Ctrl+C 停止。
        The web version: serves the screens and the service on 127.0.0.1 (this computer only) and prints a link
        holding the access token; --open opens it in the browser. Without --db, the knowledge base in the user's
        application data folder is used. Ctrl+C stops it.

sample  生成一个确定性的河南省样例数据集（18 个地市分公司、全球通/动感地带/神州行、约 15 个资费套餐、
        渠道、细分群、营销活动和 5 个公共成本池）。
        --format xlsx 写成工作簿（表头为中文别名），默认 CSV。
        Writes a deterministic sample province (Henan's 18 prefectures, three brands, about 15 plans,
        channels, segments, campaigns and 5 common cost pools) as CSV files, or workbooks with --format xlsx.

退出码 / Exit codes:  0 成功 success · 1 输入有误 bad input (message names file, row and column) · 2 用法有误 bad usage
`;
