/**
 * The four value-score weights as sliders on the scenario draft. Moving one rebalances nothing:
 * the analyst decides where the weight goes, and until the four add up to 100% the scenario's
 * own check explains why nothing is recalculated.
 */
import { useTranslation } from 'react-i18next';
import { Card } from '../../components/Card';
import { getIn, useScenarioStore } from '../../stores/scenario-store';
import { formatShare } from './finance-format';

export const VALUE_WEIGHT_KEYS = ['profit', 'loyalty', 'credit', 'behaviour'] as const;
type WeightKey = (typeof VALUE_WEIGHT_KEYS)[number];

function weightOf(weights: unknown, key: WeightKey): number {
  const w = getIn(weights, [key]);
  return typeof w === 'number' ? w : 0;
}

export function WeightSliders() {
  const { t } = useTranslation('results');
  const weights = useScenarioStore((s) => getIn(s.draft, ['value_weights']));
  const formula = useScenarioStore((s) => getIn(s.draft, ['value_formula']));
  const setField = useScenarioStore((s) => s.setField);
  const sum = VALUE_WEIGHT_KEYS.reduce((acc, key) => acc + weightOf(weights, key), 0);
  const balanced = Math.abs(sum - 1) < 1e-9;
  const formulaMode = typeof formula === 'string' && formula.trim() !== '';

  return (
    <Card title={t('weights.title')} className="weights">
      {formulaMode && <p className="muted">{t('weights.formulaMode')}</p>}
      <div className="weight-rows">
        {VALUE_WEIGHT_KEYS.map((key) => {
          const value = weightOf(weights, key);
          const id = `weight-${key}`;
          return (
            <div className="weight-row" key={key}>
              <label htmlFor={id}>{t(`weights.${key}`)}</label>
              <input
                id={id}
                data-testid={id}
                type="range"
                min={0}
                max={1}
                step={0.01}
                value={value}
                disabled={formulaMode}
                onChange={(e) => setField(['value_weights', key], Number(e.currentTarget.value))}
              />
              <output htmlFor={id} className="num">
                {formatShare(value, 0)}
              </output>
            </div>
          );
        })}
      </div>
      <p className={balanced ? 'weight-sum' : 'weight-sum weight-sum-off'} data-testid="weight-sum">
        {t('weights.sum', { sum: formatShare(sum, 0) })}
        {!balanced && <span> — {t('weights.sumHint')}</span>}
      </p>
    </Card>
  );
}
