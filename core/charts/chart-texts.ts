/** Every text the charts show, in both languages; a chart picks one with its `lang`. */
import type { Bilingual } from '../model/messages.js';

export const chartTexts = {
  valueHistogram: {
    title: { zh: '客户价值分值分布', en: 'Distribution of value scores' },
    xAxis: { zh: '价值分值', en: 'Value score' },
  },
  tierCounts: {
    title: { zh: '各价值分层客户数', en: 'Customers by value tier' },
    xAxis: { zh: '分层', en: 'Tier' },
  },
  profitByPlan: {
    title: { zh: '各资费月均利润合计', en: 'Monthly average profit by plan' },
    lossMaking: { zh: '亏损资费', en: 'Loss-making plan' },
    profitable: { zh: '盈利资费', en: 'Profitable plan' },
  },
  negativeShareByBranch: {
    title: { zh: '各分公司负价值客户占比', en: 'Share of negative-value customers by branch' },
    xAxis: { zh: '负价值客户占比（%）', en: 'Negative-value customers (%)' },
  },
  profitCurve: {
    title: { zh: '客户累计利润曲线', en: 'Cumulative profit curve' },
    xAxis: { zh: '客户占比（按利润从高到低，%）', en: 'Share of customers, most profitable first (%)' },
    peak: { zh: '峰值', en: 'Peak' },
  },
  customers: { zh: '客户数', en: 'Customers' },
  profit: { zh: '月均利润', en: 'Monthly avg profit' },
  cumulativeProfit: { zh: '累计月均利润', en: 'Cumulative monthly avg profit' },
  total: { zh: '合计', en: 'Total' },
  noValueGroup: { zh: '无分值', en: 'No value' },
  ineligibleGroup: { zh: '不参与评分', en: 'Not scored' },
  others: (count: number): Bilingual => ({ zh: `其他 ${count} 个`, en: `${count} others` }),
} as const;
