import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DRIVERS } from '../../../../core/model/scenario';
import { Card } from '../../components/Card';
import { NumberInput } from '../../components/NumberInput';
import { type DraftPath, useScenarioStore } from '../../stores/scenario-store';
import { Issues } from './Issues';
import { percentText, sumsToOne, useDraft, useIssues, weightSum } from './model-issues';

/**
 * Driver weights: the default row and one row per pool that overrides it. The contract lists
 * no pool names, so the analyst adds the pools (named as in the cost report) that need
 * their own weights; the run warns about a named pool that is not in the data.
 */
export function DriverWeightsSection() {
  const { t } = useTranslation('model');
  const setField = useScenarioStore((s) => s.setField);
  const pools = useDraft(['drivers', 'pools']);
  const defaults = useDraft(['drivers', 'default']);
  const poolNames = pools !== null && typeof pools === 'object' ? Object.keys(pools) : [];
  const [newPool, setNewPool] = useState('');
  const trimmed = newPool.trim();
  const duplicate = poolNames.includes(trimmed);

  function addPool(): void {
    if (trimmed === '' || duplicate) return;
    // A new pool starts from the default weights, which the analyst then changes.
    setField(['drivers', 'pools', trimmed], defaults !== null && typeof defaults === 'object' ? { ...defaults } : { users: 1 });
    setNewPool('');
  }

  return (
    <Card title={t('drivers.title')} testId="section-drivers">
      <p className="muted card__lead">{t('drivers.intro')}</p>
      <div className="table-wrap">
        <table className="table table--form">
          <thead>
            <tr>
              <th>{t('drivers.pool')}</th>
              {DRIVERS.map((d) => (
                <th key={d} className="num">
                  {t(`drivers.${d}`)}
                </th>
              ))}
              <th className="num">{t('drivers.sum')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            <WeightRow path={['drivers', 'default']} label={t('drivers.default')} testId="drivers-default" />
            {poolNames.map((pool, i) => (
              <WeightRow key={pool} path={['drivers', 'pools', pool]} label={pool} testId={`drivers-pool-${i}`} onRemove={() => setField(['drivers', 'pools', pool], undefined)} />
            ))}
          </tbody>
        </table>
      </div>
      <div className="toolbar add-row">
        <input
          type="text"
          className="input"
          placeholder={t('drivers.poolName')}
          aria-label={t('drivers.poolName')}
          value={newPool}
          onChange={(e) => setNewPool(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') addPool();
          }}
          data-testid="drivers-new-pool"
        />
        <button type="button" className="btn" disabled={trimmed === '' || duplicate} onClick={addPool} data-testid="drivers-add-pool">
          {t('drivers.add')}
        </button>
        {duplicate ? <span className="issue">{t('drivers.duplicate')}</span> : null}
      </div>
    </Card>
  );
}

function WeightRow({ path, label, testId, onRemove }: { path: DraftPath; label: string; testId: string; onRemove?: () => void }) {
  const { t } = useTranslation('model');
  const setField = useScenarioStore((s) => s.setField);
  const weights = useDraft(path);
  const issues = useIssues(path, true);
  const sum = weightSum(weights);
  const off = !sumsToOne(sum);
  return (
    <>
      <tr data-testid={testId}>
        <th scope="row" className="table__row-head">
          {label}
        </th>
        {DRIVERS.map((d) => (
          <td key={d} className="num">
            <NumberInput
              className="input--cell"
              label={`${label} · ${t(`drivers.${d}`)}`}
              value={weights !== null && typeof weights === 'object' ? ((weights as Record<string, unknown>)[d] ?? 0) : 0}
              invalid={issues.length > 0}
              onChange={(v) => setField([...path, d], v)}
              testId={`${testId}-${d}`}
            />
          </td>
        ))}
        <td className={off ? 'num sum sum--off' : 'num sum'} data-testid={`${testId}-sum`}>
          {percentText(sum)}
        </td>
        <td>
          {onRemove === undefined ? null : (
            <button type="button" className="btn btn--link" onClick={onRemove}>
              {t('drivers.remove')}
            </button>
          )}
        </td>
      </tr>
      {issues.length === 0 ? null : (
        <tr className="issue-row">
          <td colSpan={DRIVERS.length + 3}>
            <Issues issues={issues} />
          </td>
        </tr>
      )}
    </>
  );
}
