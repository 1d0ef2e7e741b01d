/** 趋势: value over time (issue 6). */
import type { Translation } from '../index';

export const zh = {
  title: '价值趋势',
  intro: '以当前方案逐月评估最近 {{count}} 个月（每个月用它自己的窗口），看负值客户、亏损与总利润的走向。',
  load: '计算趋势',
  loading: '正在计算…',
  empty: '点击“计算趋势”按当前方案逐月评估。',
  chartLabel: '逐月负值客户数、亏损额与总利润',
  tierChartLabel: '逐月各价值分层客户数',
  series: { negativeCount: '负值客户数', loss: '亏损额（元）', totalProfit: '总利润（元）' },
  axes: { count: '客户数', yuan: '元' },
  kpiTitle: '逐月指标',
  groupTitle: '分组明细',
  groupBy: '分组',
  month: '月份',
  groupings: { plan: '资费', branch: '分公司', channel: '渠道' },
  columns: { group: '分组', customers: '客户数', negativeCount: '负值客户数', negativeShare: '负值占比', loss: '亏损额', totalProfit: '总利润' },
  absent: '（该月无客户）',
};

export const en: Translation<typeof zh> = {
  title: 'Value over time',
  intro: 'The current scenario evaluated for each of the last {{count}} months (each month with its own window): negative customers, loss and total profit over time.',
  load: 'Compute trend',
  loading: 'Computing…',
  empty: 'Click “Compute trend” to evaluate the current scenario month by month.',
  chartLabel: 'Negative customers, loss and total profit by month',
  tierChartLabel: 'Customers per value tier by month',
  series: { negativeCount: 'Negative customers', loss: 'Loss (yuan)', totalProfit: 'Total profit (yuan)' },
  axes: { count: 'Customers', yuan: 'Yuan' },
  kpiTitle: 'Figures by month',
  groupTitle: 'By group',
  groupBy: 'Group by',
  month: 'Month',
  groupings: { plan: 'Plan', branch: 'Branch', channel: 'Channel' },
  columns: { group: 'Group', customers: 'Customers', negativeCount: 'Negative', negativeShare: 'Negative share', loss: 'Loss', totalProfit: 'Total profit' },
  absent: '(no customers that month)',
};
