/**
 * The five early-warning rules (预警, issue 6) and their subjects as people read them, in Chinese
 * and English. One list for the value report, the CLI's warnings.csv and anything else written
 * outside the screens; the wording is the 预警 screen's (renderer/src/i18n/resources/warnings.ts).
 */
import type { Bilingual } from './messages.js';
import type { Scenario } from './scenario.js';

export type WarningRuleKey = keyof Scenario['warnings'];
export type WarningSubjectKey = 'customer' | 'branch' | 'channel' | 'plan';

/** In the order the rules run and warnings.csv lists them. */
export const WARNING_RULE_NAMES: Readonly<Record<WarningRuleKey, Bilingual>> = {
  negative_turn: { zh: '转为负值', en: 'Turned negative' },
  value_drop: { zh: '价值下滑', en: 'Value drop' },
  credit_arrears: { zh: '低信用欠费', en: 'Low credit with arrears' },
  share_rise: { zh: '负值占比上升', en: 'Negative share rise' },
  plan_flags: { zh: '资费异常', en: 'Plan flagged' },
};

export const WARNING_SUBJECT_NAMES: Readonly<Record<WarningSubjectKey, Bilingual>> = {
  customer: { zh: '客户', en: 'Customer' },
  branch: { zh: '分公司', en: 'Branch' },
  channel: { zh: '渠道', en: 'Channel' },
  plan: { zh: '资费', en: 'Plan' },
};

/** "中文名 / English name", for files read by people of either language. */
export function bilingualRuleName(rule: WarningRuleKey): string {
  const name = WARNING_RULE_NAMES[rule];
  return `${name.zh} / ${name.en}`;
}
