import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Card } from '../../components/Card';
import { dataSummary, useDatasetsStore } from '../../stores/datasets-store';
import { useScenarioStore } from '../../stores/scenario-store';
import { Issues } from './Issues';
import { useDraft, useIssues } from './model-issues';
import { NumberField } from './NumberField';

/** Value of the month select that means null (the latest loaded month). */
const LATEST = '';

export function BasicsSection() {
  const { t } = useTranslation('model');
  const setField = useScenarioStore((s) => s.setField);
  const name = useDraft(['name']);
  const month = useDraft(['month']);
  const nameIssues = useIssues(['name']);
  const monthIssues = useIssues(['month']);
  const imports = useDatasetsStore((s) => s.imports);
  const loaded = useMemo(() => dataSummary(imports).months, [imports]);
  // A scenario from a file may name a month that is not loaded; it stays choosable.
  const months = typeof month === 'string' && month !== '' && !loaded.includes(month) ? [...loaded, month].sort() : loaded;

  return (
    <Card title={t('basics.title')} testId="section-basics">
      <div className="form-grid">
        <label className="field field--wide">
          <span className="field__label">{t('basics.name')}</span>
          <input
            type="text"
            className="input"
            value={typeof name === 'string' ? name : ''}
            aria-invalid={nameIssues.length > 0 ? true : undefined}
            onChange={(e) => setField(['name'], e.target.value)}
            data-testid="field-name"
          />
          <Issues issues={nameIssues} testId="field-name-issues" />
        </label>
        <label className="field">
          <span className="field__label">{t('basics.month')}</span>
          <select
            className="select"
            value={typeof month === 'string' ? month : LATEST}
            aria-invalid={monthIssues.length > 0 ? true : undefined}
            onChange={(e) => setField(['month'], e.target.value === LATEST ? null : e.target.value)}
            data-testid="field-month"
          >
            <option value={LATEST}>{t('basics.monthLatest')}</option>
            {months.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
          <span className="field__hint">{t('basics.monthHint')}</span>
          <Issues issues={monthIssues} />
        </label>
        <NumberField path={['window']} label={t('basics.window')} hint={t('basics.windowHint')} />
        <NumberField path={['min_tenure']} label={t('basics.minTenure')} hint={t('basics.minTenureHint')} />
      </div>
    </Card>
  );
}
