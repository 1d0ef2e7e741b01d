/**
 * The texts of a results set's value workbook that differ from a run's (report-texts.ts keeps
 * the rest): what a results set is, where its figures came from, and the notes of columns that
 * hold the source's values where a run's report has formulas.
 */
import type { Grouping } from '../../engine/aggregates.js';
import type { Lang } from '../../model/messages.js';
import type { Column } from './report-texts.js';

const ZH = {
  kind: '外部结果集',
  about: [
    '本报告展示一个结果集：在本软件之外完成的一次客户价值计算（例如省公司数据仓库运行 cvalue sql 生成的脚本、cvalue run --engine duckdb 或另一台电脑上的计算），由本软件从其 customers.csv 读入。',
    '表中的数字由外部计算得出，本软件没有重新计算：金额、得分与分层为 customers.csv 中的原样数值（金额单位为元，显示保留两位小数，单元格内为源文件的完整精度）；各汇总表按 customers.csv 逐客户相加。',
    '结果集不含每月明细（customer_months.csv）与计算过程，因此本报告没有逐月数据、客户计算追溯、趋势与预警，客户明细中的月均利润与价值得分为数值而不是公式。',
    '“参数”表列出生成这批结果的方案；自动模式的利润得分分段点与自动消费封顶由外部计算时的数据决定，不在结果集中。',
  ],
  labels: {
    resultSet: '结果集',
    importedAt: '导入时间',
    importedWith: '导入时的软件版本',
    reportAt: '报告生成时间',
    files: '结果文件（来源）',
  },
  fileColumns: ['文件', '内容', '数据行数', '字节数', 'SHA-256'],
  fileKinds: {
    scenario: '方案',
    customers: '客户结果',
    aggregates: (group: string) => `汇总：${group}`,
    reconciliation: '成本分摊核对',
    other: '其他',
  },
  customerNotes: {
    avg_profit: '月均利润（customers.csv 中的值，不是公式）。',
    value: '价值得分（customers.csv 中的值，不是公式）；不参与评分的客户为空。',
    tier: '价值分层（customers.csv 中的值）；不参与评分的客户为“不参与评分”。',
    reason: '不参与评分的原因（customers.csv 中的文字）。',
  } as Readonly<Partial<Record<string, string>>>,
  reconciliationNotes: {
    difference: '差额：reconciliation.csv 中的值（金额 − 已分摊合计）。',
    check: '公式：已分摊的成本池“金额 − 已分摊合计”四舍五入到分为 0 时显示“平”。',
  },
  noMonthCheck: '结果集不含客户每月的分摊额，因此没有按月取整核对。',
  derivedUnknown: '由外部计算时的数据决定，不在结果集中',
};

export type ResultReportTexts = typeof ZH;

const EN: ResultReportTexts = {
  kind: 'results set from elsewhere',
  about: [
    'This report shows a results set: a customer value run made outside this app (for instance the provincial warehouse running the script of cvalue sql, cvalue run --engine duckdb, or another PC), read in from its customers.csv.',
    "The figures were computed elsewhere and not recomputed here: money, scores and tiers are customers.csv's values as written (money in yuan, shown to two decimals, cells at the source's full precision); the aggregate sheets add up customers.csv customer by customer.",
    'A results set has no monthly details (customer_months.csv) and no trace of the computation, so this report has no per-month figures, customer traces, trend or warnings, and average profit and value on the customer sheets are values, not formulas.',
    '"Parameters" lists the scenario the results were run with; automatic profit-score breakpoints and an automatic spend cap came from the data of the run elsewhere and are not in the results set.',
  ],
  labels: {
    resultSet: 'Results set',
    importedAt: 'Imported at',
    importedWith: 'App version at import',
    reportAt: 'Report made at',
    files: 'Results files (provenance)',
  },
  fileColumns: ['File', 'Content', 'Data rows', 'Bytes', 'SHA-256'],
  fileKinds: {
    scenario: 'scenario',
    customers: 'customer results',
    aggregates: (group: string) => `aggregates: ${group}`,
    reconciliation: 'cost reconciliation',
    other: 'other',
  },
  customerNotes: {
    avg_profit: "Average profit (customers.csv's value, not a formula).",
    value: "Value score (customers.csv's value, not a formula); empty for customers not scored.",
    tier: "Tier (customers.csv's value); 不参与评分 (not scored) for customers not scored.",
    reason: 'Why the customer is not scored (the text of customers.csv).',
  },
  reconciliationNotes: {
    difference: "Difference: reconciliation.csv's value (amount − allocated sum).",
    check: 'Formula: "balanced" when an allocated pool\'s amount − allocated sum rounds to 0.00.',
  },
  noMonthCheck: "A results set has no customer's monthly allocations, so there is no per-month rounding check.",
  derivedUnknown: 'derived from the data of the run elsewhere; not in the results set',
};

export function resultReportTexts(lang: Lang): ResultReportTexts {
  return lang === 'en' ? EN : ZH;
}

/** What a results file holds, from its name (customers.csv, customers/part-00000.csv, aggregates_plan.csv …). */
export function resultFileKind(name: string, texts: ResultReportTexts, groupTitles: Readonly<Record<Grouping, string>>): string {
  const table = (name.split('/')[0] ?? name).replace(/\.csv$/i, '');
  if (/\.json$/i.test(name)) return texts.fileKinds.scenario;
  if (table === 'customers') return texts.fileKinds.customers;
  if (table === 'reconciliation') return texts.fileKinds.reconciliation;
  const grouping = /^aggregates_(\w+)$/.exec(table)?.[1];
  if (grouping !== undefined && Object.hasOwn(groupTitles, grouping)) return texts.fileKinds.aggregates(groupTitles[grouping as Grouping]);
  return texts.fileKinds.other;
}

/** A column of the run report's texts with a results set's note where one differs. */
export function withNote(column: Column, note: string | undefined): Column {
  return note === undefined ? column : { header: column.header, note };
}
