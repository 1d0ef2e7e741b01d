import { useTranslation } from 'react-i18next';
import { Card } from '../../components/Card';
import { NumberInput } from '../../components/NumberInput';
import { useScenarioStore } from '../../stores/scenario-store';
import { Issues } from './Issues';
import { NumberField } from './NumberField';
import { percentText, sumsToOne, useDraft, useIssues, weightSum } from './model-issues';

const CREDIT_WEIGHTS = ['tenure', 'spend', 'suspension_count', 'suspension_days'] as const;
const LOYALTY_WEIGHTS = ['tenure', 'services', 'plan_stability'] as const;

/** Credit (SPEC §6) and loyalty (§7): caps and weights side by side. */
export function SubScoresSection() {
  const { t } = useTranslation('model');
  return (
    <div className="two-col">
      <Card title={t('credit.title')} testId="section-credit">
        <div className="form-grid">
          <NumberField path={['credit', 'tenure_cap']} label={t('credit.tenureCap')} />
          <SpendCap />
          <NumberField path={['credit', 'suspension_count_cap']} label={t('credit.countCap')} />
          <NumberField path={['credit', 'suspension_days_cap']} label={t('credit.daysCap')} />
        </div>
        <Weights section="credit" keys={CREDIT_WEIGHTS} />
      </Card>
      <Card title={t('loyalty.title')} testId="section-loyalty">
        <div className="form-grid">
          <NumberField path={['loyalty', 'tenure_cap']} label={t('loyalty.tenureCap')} />
          <NumberField path={['loyalty', 'services_cap']} label={t('loyalty.servicesCap')} />
        </div>
        <Weights section="loyalty" keys={LOYALTY_WEIGHTS} />
      </Card>
    </div>
  );
}

function SpendCap() {
  const { t } = useTranslation('model');
  const setField = useScenarioStore((s) => s.setField);
  const path = ['credit', 'spend_cap'] as const;
  const value = useDraft(path);
  const issues = useIssues(path);
  const auto = value === 'auto';
  return (
    <div className="field">
      <span className="field__label">{t('credit.spendCap')}</span>
      <div className="inline-controls">
        <select className="select" value={auto ? 'auto' : 'manual'} onChange={(e) => setField(path, e.target.value === 'auto' ? 'auto' : 200)} aria-label={t('credit.spendCap')} data-testid="credit-spend-mode">
          <option value="auto">{t('credit.spendAuto')}</option>
          <option value="manual">{t('credit.spendManual')}</option>
        </select>
        {auto ? null : <NumberInput className="input--cell" label={t('credit.spendManual')} value={value} invalid={issues.length > 0} onChange={(v) => setField(path, v)} testId="credit-spend-cap" />}
      </div>
      <Issues issues={issues} />
    </div>
  );
}

function Weights({ section, keys }: { section: 'credit' | 'loyalty'; keys: readonly string[] }) {
  const { t } = useTranslation('model');
  const setField = useScenarioStore((s) => s.setField);
  const path = [section, 'weights'] as const;
  const weights = useDraft(path);
  const issues = useIssues(path, true);
  const sum = weightSum(weights);
  return (
    <div className="weights-block">
      <div className="field__label">{t(`${section}.weights`)}</div>
      <div className="weights-grid">
        {keys.map((key) => {
          const label = t(`${section}.${key}`);
          return (
            <label key={key} className="field">
              <span className="field__hint">{label}</span>
              <NumberInput
                className="input--cell"
                label={label}
                value={(weights !== null && typeof weights === 'object' ? (weights as Record<string, unknown>)[key] : undefined) ?? 0}
                invalid={issues.length > 0}
                onChange={(v) => setField([...path, key], v)}
                testId={`${section}-weight-${key}`}
              />
            </label>
          );
        })}
      </div>
      <p className={sumsToOne(sum) ? 'sum-line' : 'sum-line sum--off'} data-testid={`${section}-weight-sum`}>
        {t('weightSum', { sum: percentText(sum) })}
      </p>
      <Issues issues={issues} />
    </div>
  );
}
