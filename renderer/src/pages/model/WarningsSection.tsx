import { useTranslation } from 'react-i18next';
import type { WarningRuleKey } from '../../../../core/model/warning-rule-names';
import { Card } from '../../components/Card';
import { useScenarioStore } from '../../stores/scenario-store';
import { Issues } from './Issues';
import { NumberField } from './NumberField';
import { useDraft, useIssues } from './model-issues';
import './warnings-section.css';

/** Each rule's thresholds (its schema fields besides `enabled`) and their labels' keys. */
const THRESHOLDS: Readonly<Record<WarningRuleKey, readonly { readonly field: string; readonly label: string }[]>> = {
  negative_turn: [],
  value_drop: [
    { field: 'points', label: 'warnings.valueDropPoints' },
    { field: 'tiers', label: 'warnings.valueDropTiers' },
  ],
  credit_arrears: [{ field: 'credit_below', label: 'warnings.creditBelow' }],
  share_rise: [{ field: 'points', label: 'warnings.sharePoints' }],
  plan_flags: [],
};

/** In the order the rules run and the 预警 screen lists them. */
const RULES = Object.keys(THRESHOLDS) as WarningRuleKey[];

/**
 * 趋势与预警 (issue 6): how many months the trend covers and the five early-warning rules, each
 * switchable with its thresholds. The 趋势 and 预警 screens run on the draft, so an edit here
 * shows there on their next load.
 */
export function WarningsSection() {
  const { t } = useTranslation('model');
  const sectionIssues = useIssues(['warnings']);
  return (
    <Card title={t('warnings.title')} testId="section-warnings">
      <p className="muted card__lead">{t('warnings.intro')}</p>
      <div className="warnings-trend">
        <NumberField path={['trend_months']} label={t('warnings.trendMonths')} hint={t('warnings.trendMonthsHint')} />
      </div>
      <Issues issues={sectionIssues} />
      <ul className="warning-rules">
        {RULES.map((rule) => (
          <WarningRule key={rule} rule={rule} />
        ))}
      </ul>
    </Card>
  );
}

function WarningRule({ rule }: { rule: WarningRuleKey }) {
  const { t } = useTranslation('model');
  // The rule's name is the 预警 screen's own word for it.
  const { t: tWarnings } = useTranslation('warnings');
  const setField = useScenarioStore((s) => s.setField);
  const path = ['warnings', rule] as const;
  // A missing `enabled` takes the schema's default: on.
  const on = useDraft([...path, 'enabled']) !== false;
  // The rule's own problems (say, an unknown key from a file) and its switch's.
  const ruleIssues = useIssues(path);
  const enabledIssues = useIssues([...path, 'enabled']);
  const thresholds = THRESHOLDS[rule];
  return (
    <li className={on ? 'warning-rule' : 'warning-rule warning-rule--off'} data-testid={`warning-rule-${rule}`}>
      <div className="warning-rule__about">
        <label className="check">
          <input type="checkbox" role="switch" checked={on} onChange={(e) => setField([...path, 'enabled'], e.currentTarget.checked)} data-testid={`warning-${rule}-enabled`} />
          <span className="warning-rule__name">{tWarnings(`rules.${rule}`)}</span>
        </label>
        <span className="field__hint warning-rule__hint">{t(`warnings.hints.${rule}`)}</span>
        <Issues issues={[...ruleIssues, ...enabledIssues]} />
      </div>
      <div className="warning-rule__fields">
        {thresholds.map(({ field, label }) => (
          <NumberField key={field} path={[...path, field]} label={t(label)} testId={`warning-${rule}-${field}`} />
        ))}
      </div>
    </li>
  );
}
