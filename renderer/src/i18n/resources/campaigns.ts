/** 营销: campaign evaluation (SPEC §11). */
import type { Translation } from '../index';

export const zh = {
  title: '营销评估',
  intro: '每项营销活动参与客户在活动前后各 {{window}} 个月的月均利润对比。ROI =（增量利润 − 已评估客户成本）÷ 已评估客户成本。',
  noRun: {
    title: '还没有运行结果',
    body: '在“结果”页运行评估后，这里显示各营销活动的投入产出。',
    link: '去结果页',
  },
  none: {
    title: '本次数据没有营销活动',
    body: '在“数据”页导入营销活动清单（用户编号、活动、开始月份、成本）后重新运行。',
    link: '去导入数据',
  },
  columns: {
    campaign: '营销活动',
    startMonths: '开始月份',
    participants: '参与客户',
    evaluated: '已评估',
    excluded: '未评估',
    costAll: '总成本',
    costEvaluated: '已评估客户成本',
    incrementalProfit: '增量利润',
    roi: 'ROI',
    negativeBeforeShare: '资源浪费占比',
    uplift: '对照组提升（月均）',
  },
  uplift: {
    computing: '计算中…',
    insufficient: '对照组不足 30',
    noneCompared: '无可比客户',
    control: '对照 {{count}} 人',
  },
  upliftHint: '对照组提升：参与客户活动前后月均利润的变化，减去同分公司、同等级（活动前一月）未参与客户的变化；对照组不足 30 人时不给出。',
  upliftTiers: {
    title: '按分层的对照组提升',
    tier: '活动前一月分层',
    compared: '参与比较客户数',
  },
  wasteHint: '资源浪费占比：已评估客户中活动前月均利润为负的比例。',
  excludedHint: '未评估：活动前后窗口内缺月或数据中找不到的客户。',
} as const;

export const en: Translation<typeof zh> = {
  title: 'Campaign evaluation',
  intro: 'Each campaign’s participants: monthly average profit over the {{window}} months before and after the start. ROI = (incremental profit − cost of the evaluated) ÷ cost of the evaluated.',
  noRun: {
    title: 'No results yet',
    body: 'Run the evaluation on the Results page to see each campaign’s return.',
    link: 'Go to Results',
  },
  none: {
    title: 'No campaigns in this data',
    body: 'Import a campaign list (customer ID, campaign, start month, cost) on the Data page and run again.',
    link: 'Go to Data',
  },
  columns: {
    campaign: 'Campaign',
    startMonths: 'Start',
    participants: 'Participants',
    evaluated: 'Evaluated',
    excluded: 'Excluded',
    costAll: 'Total cost',
    costEvaluated: 'Cost of evaluated',
    incrementalProfit: 'Incremental profit',
    roi: 'ROI',
    negativeBeforeShare: 'Wasted share',
    uplift: 'Uplift vs control (monthly)',
  },
  uplift: {
    computing: 'computing…',
    insufficient: 'control < 30',
    noneCompared: 'none comparable',
    control: 'control {{count}}',
  },
  upliftHint: 'Uplift vs control: participants’ change in monthly average profit minus that of non-participants of the same branch and tier (month before the start); withheld when the control has fewer than 30 customers.',
  upliftTiers: {
    title: 'Uplift by tier',
    tier: 'Tier the month before start',
    compared: 'Participants compared',
  },
  wasteHint: 'Wasted share: evaluated participants whose monthly average profit before the campaign was negative.',
  excludedHint: 'Excluded: participants missing a month of either window, or not in the data.',
};
