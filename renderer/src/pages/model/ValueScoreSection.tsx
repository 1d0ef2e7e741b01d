import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { compileFormula, FORMULA_VARIABLES } from '../../../../core/model/formula';
import { Card } from '../../components/Card';
import { NumberInput } from '../../components/NumberInput';
import { inLang, useLang } from '../../i18n';
import { useScenarioStore } from '../../stores/scenario-store';
import { Issues } from './Issues';
import { numberOr, percentText, sumsToOne, useDraft, useIssues, weightSum } from './model-issues';

const VALUE_WEIGHTS = ['profit', 'loyalty', 'credit', 'behaviour'] as const;

/** SPEC §9's default weights as a formula: a starting point that means the same thing. */
const STARTER_FORMULA = '0.7 * profit_score + 0.1 * loyalty + 0.1 * credit + 0.1 * behaviour';

export function ValueScoreSection() {
  const { t } = useTranslation('model');
  const setField = useScenarioStore((s) => s.setField);
  const formula = useDraft(['value_formula']);
  const formulaMode = typeof formula === 'string';
  // The text survives a switch to weights and back, as the analyst expects of a toggle.
  const [lastFormula, setLastFormula] = useState(STARTER_FORMULA);
  const weightIssues = useIssues(['value_weights'], true);

  return (
    <Card
      title={t('value.title')}
      testId="section-value"
      actions={
        <div className="segmented" role="group" aria-label={t('value.mode')}>
          <button
            type="button"
            className="segmented__item"
            aria-pressed={!formulaMode}
            onClick={() => {
              if (typeof formula === 'string') setLastFormula(formula);
              setField(['value_formula'], null);
            }}
            data-testid="value-mode-weights"
          >
            {t('value.weights')}
          </button>
          <button type="button" className="segmented__item" aria-pressed={formulaMode} onClick={() => setField(['value_formula'], lastFormula)} data-testid="value-mode-formula">
            {t('value.formula')}
          </button>
        </div>
      }
    >
      {formulaMode ? <FormulaEditor text={formula} /> : <ValueWeights />}
      {/* The weights are kept (and checked) in formula mode too, for switching back. */}
      {formulaMode ? <Issues issues={weightIssues} /> : null}
    </Card>
  );
}

function ValueWeights() {
  const { t } = useTranslation('model');
  const setField = useScenarioStore((s) => s.setField);
  const weights = useDraft(['value_weights']);
  const issues = useIssues(['value_weights'], true);
  const sum = weightSum(weights);
  return (
    <div className="sliders">
      {VALUE_WEIGHTS.map((key) => {
        const value = (weights !== null && typeof weights === 'object' ? (weights as Record<string, unknown>)[key] : undefined) ?? 0;
        const label = t(`value.${key}`);
        return (
          <div className="slider-row" key={key}>
            <span className="slider-row__label">{label}</span>
            <input
              type="range"
              min={0}
              max={1}
              step={0.01}
              value={numberOr(value, 0)}
              aria-label={label}
              onChange={(e) => setField(['value_weights', key], Number(e.target.value))}
              data-testid={`model-weight-${key}`}
            />
            <NumberInput className="input--cell" label={label} value={value} invalid={issues.length > 0} onChange={(v) => setField(['value_weights', key], v)} testId={`model-weight-${key}-input`} />
            <span className="slider-row__pct num">{percentText(numberOr(value, 0))}</span>
          </div>
        );
      })}
      <p className={sumsToOne(sum) ? 'sum-line' : 'sum-line sum--off'} data-testid="model-weight-sum">
        {t('value.sum', { sum: percentText(sum) })}
      </p>
      <Issues issues={issues} testId="value-weights-issues" />
    </div>
  );
}

function FormulaEditor({ text }: { text: string }) {
  const { t } = useTranslation('model');
  const lang = useLang();
  const setField = useScenarioStore((s) => s.setField);
  // compileFormula is the check parseScenario runs; calling it here gives the message at once.
  const compiled = useMemo(() => compileFormula(text), [text]);
  return (
    <label className="field">
      <span className="field__label">{t('value.formulaLabel')}</span>
      <textarea
        className="textarea"
        rows={3}
        spellCheck={false}
        value={text}
        aria-invalid={compiled.ok ? undefined : true}
        onChange={(e) => setField(['value_formula'], e.target.value)}
        data-testid="value-formula"
      />
      <span className="field__hint">{t('value.formulaHint', { vars: FORMULA_VARIABLES.join(', ') })}</span>
      {compiled.ok ? (
        <span className="ok-line" data-testid="value-formula-ok">
          {t('value.formulaOk')}
        </span>
      ) : (
        <p className="issue" role="alert" data-testid="value-formula-issue">
          {inLang(compiled.problem, lang)}
        </p>
      )}
    </label>
  );
}
