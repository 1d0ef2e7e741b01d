/** 导出: the value report workbook. */
import type { Translation } from '../index';

export const zh = {
  title: '导出报告',
  noRun: {
    title: '还没有可导出的结果',
    body: '在“结果”页运行评估后，可以把结果导出为 Excel 报告。',
    link: '去结果页',
  },
  what: '导出方案“{{name}}”（评估月 {{month}}）的结果。',
  preset: {
    label: '内容',
    summary: '汇总报告',
    summaryHint: '说明、各类汇总、成本分摊核对；客户只列负价值客户和价值最高、最低各 1,000 位。',
    full: '完整明细',
    fullHint: '在汇总报告之外列出每一位客户（客户多时文件较大、耗时较长）。',
  },
  lang: {
    label: '报告语言',
    zh: '中文',
    en: 'English',
  },
  target: {
    label: '保存位置',
    none: '尚未选择',
    choose: '选择位置…',
    change: '更改…',
  },
  comparison: {
    label: '包含方案对比（{{a}} 对 {{b}}）',
    none: '没有方案对比结果；如需加入对比工作表，请先在“对比”页运行对比。',
  },
  largeFull: '完整明细约 {{size}}，客户分在 {{sheets}} 个“客户价值明细”工作表中，预计需约 {{minutes}} 分钟；这样大的文件不便邮件发送，在 Excel、WPS 中打开也较慢。需要发送时请选“汇总报告”。',
  run: '导出',
  running: '正在导出…',
  cancel: '取消',
  cancelled: '导出已取消，未写出新文件。',
  failed: '导出失败',
  failedNext: '请检查保存位置是否可写、文件是否已在 Excel 中打开，然后重试。',
  done: '报告已保存：{{path}}（{{sheets}} 个工作表，{{size}}）',
  reveal: '打开所在文件夹',
  download: '下载报告',
} as const;

export const en: Translation<typeof zh> = {
  title: 'Export report',
  noRun: {
    title: 'Nothing to export yet',
    body: 'Run the evaluation on the Results page, then export the results as an Excel report.',
    link: 'Go to Results',
  },
  what: 'Exports the results of scenario “{{name}}” (month {{month}}).',
  preset: {
    label: 'Content',
    summary: 'Summary report',
    summaryHint: 'Notes, every summary table and the cost allocation check; customers: the negative-value ones and the 1,000 highest and lowest values.',
    full: 'Full detail',
    fullHint: 'The summary plus every customer (large and slower with many customers).',
  },
  lang: {
    label: 'Report language',
    zh: '中文',
    en: 'English',
  },
  target: {
    label: 'Save to',
    none: 'Not chosen yet',
    choose: 'Choose…',
    change: 'Change…',
  },
  comparison: {
    label: 'Include the comparison ({{a}} vs {{b}})',
    none: 'No comparison yet; to add the comparison sheet, run one on the Compare page first.',
  },
  largeFull:
    'Full detail comes to about {{size}}, with the customers on {{sheets}} customer sheets, and takes about {{minutes}} min; a file this large is awkward to email and slow to open in Excel or WPS. To send it on, choose the summary report.',
  run: 'Export',
  running: 'Exporting…',
  cancel: 'Cancel',
  cancelled: 'The export was cancelled; no new file was written.',
  failed: 'The export failed',
  failedNext: 'Check that the folder can be written to and that the file is not open in Excel, then try again.',
  done: 'Report saved: {{path}} ({{sheets}} sheets, {{size}})',
  reveal: 'Show in folder',
  download: 'Download report',
};
