/** The report's and warnings.csv's rule names (core/model) are the 预警 screen's, word for word. */
import { describe, expect, it } from 'vitest';
import { bilingualRuleName, WARNING_RULE_NAMES, WARNING_SUBJECT_NAMES } from '../../../core/model/warning-rule-names.js';
import { parseScenario } from '../../../core/model/scenario.js';
import { en, zh } from '../../../renderer/src/i18n/resources/warnings.js';

describe('warning rule names', () => {
  it('cover exactly the scenario rules, in their order', () => {
    const parsed = parseScenario({});
    if (!parsed.ok) throw new Error('default scenario');
    expect(Object.keys(WARNING_RULE_NAMES)).toEqual(Object.keys(parsed.scenario.warnings));
  });

  it('match the screen texts in both languages', () => {
    for (const [lang, texts] of [['zh', zh], ['en', en]] as const) {
      expect(Object.fromEntries(Object.entries(WARNING_RULE_NAMES).map(([rule, name]) => [rule, name[lang]]))).toEqual(texts.rules);
      expect(Object.fromEntries(Object.entries(WARNING_SUBJECT_NAMES).map(([kind, name]) => [kind, name[lang]]))).toEqual(texts.subjectKinds);
    }
  });

  it('joins both languages for files', () => {
    expect(bilingualRuleName('credit_arrears')).toBe('低信用欠费 / Low credit with arrears');
  });
});
