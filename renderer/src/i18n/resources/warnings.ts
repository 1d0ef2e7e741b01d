/** 预警: early warnings (issue 6), with the five rules' names. */
import type { Translation } from '../index';

export const zh = {
  title: '经营预警',
  intro: '相邻两个趋势月之间触发的预警（规则与门槛在方案中设置）。',
  all: '全部',
  branch: '分公司',
  allBranches: '全部分公司',
  exportCsv: '导出 CSV',
  empty: '没有符合条件的预警。',
  total: '共 {{count}} 条',
  previous: '上一页',
  next: '下一页',
  rules: {
    negative_turn: '转为负值',
    value_drop: '价值下滑',
    credit_arrears: '低信用欠费',
    share_rise: '负值占比上升',
    plan_flags: '资费异常',
  },
  subjectKinds: { customer: '客户', branch: '分公司', channel: '渠道', plan: '资费' },
  columns: { month: '月份', rule: '规则', subjectKind: '对象类型', subject: '对象', branch: '分公司', before: '上月', after: '本月', detail: '说明' },
  details: { arrears: '欠费 {{amount}}', sharePoints: '上升 {{points}} 个百分点', lossMakingPlan: '亏损资费', settlementInverted: '结算倒挂' },
};

export const en: Translation<typeof zh> = {
  title: 'Early warnings',
  intro: 'Warnings raised between consecutive trend months (rules and thresholds are set in the scenario).',
  all: 'All',
  branch: 'Branch',
  allBranches: 'All branches',
  exportCsv: 'Export CSV',
  empty: 'No warnings match.',
  total: '{{count}} in all',
  previous: 'Previous',
  next: 'Next',
  rules: {
    negative_turn: 'Turned negative',
    value_drop: 'Value drop',
    credit_arrears: 'Low credit with arrears',
    share_rise: 'Negative share rise',
    plan_flags: 'Plan flagged',
  },
  subjectKinds: { customer: 'Customer', branch: 'Branch', channel: 'Channel', plan: 'Plan' },
  columns: { month: 'Month', rule: 'Rule', subjectKind: 'Subject kind', subject: 'Subject', branch: 'Branch', before: 'Before', after: 'After', detail: 'Detail' },
  details: { arrears: 'Arrears {{amount}}', sharePoints: 'Up {{points}} percentage points', lossMakingPlan: 'Loss-making plan', settlementInverted: 'Settlement inverted' },
};
