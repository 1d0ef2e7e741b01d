import { useTranslation } from 'react-i18next';
import { Card } from '../../components/Card';
import { NumberInput } from '../../components/NumberInput';
import { useScenarioStore } from '../../stores/scenario-store';
import { Issues } from './Issues';
import { numberOr, useDraft, useIssues } from './model-issues';

const TIERS = ['tiers'] as const;

function rowsOf(tiers: unknown): unknown[][] {
  return Array.isArray(tiers) ? tiers.map((r: unknown) => (Array.isArray(r) ? (r as unknown[]) : [])) : [];
}

/** The letter after a single-letter name (C → D), or null. */
function nextLetter(name: unknown): string | null {
  return typeof name === 'string' && /^[A-Y]$/.test(name) ? String.fromCharCode(name.charCodeAt(0) + 1) : null;
}

export function TiersSection() {
  const { t } = useTranslation('model');
  const setField = useScenarioStore((s) => s.setField);
  const rows = rowsOf(useDraft(TIERS));
  const lowest = useDraft(['lowest_tier']);
  const listIssues = useIssues(TIERS);
  const lowestIssues = useIssues(['lowest_tier']);
  const lastThreshold = numberOr(rows.at(-1)?.[1], 100);

  /** A, B, C + D(lowest) → A, B, C, D + E(lowest): the new tier takes the next letter and the lowest moves down. */
  function addTier(): void {
    const name = nextLetter(rows.at(-1)?.[0]) ?? `T${rows.length + 1}`;
    setField([...TIERS, rows.length], [name, Math.max(0, lastThreshold - 20)]);
    if (name === lowest) setField(['lowest_tier'], nextLetter(lowest) ?? `${name}-`);
  }

  return (
    <Card title={t('tiers.title')} testId="section-tiers">
      <p className="muted card__lead">{t('tiers.intro')}</p>
      <table className="table table--form table--narrow" data-testid="tier-table">
        <thead>
          <tr>
            <th>{t('tiers.name')}</th>
            <th className="num">{t('tiers.threshold')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <TierRow key={i} index={i} row={row} onRemove={rows.length > 1 ? () => setField([...TIERS, i], undefined) : undefined} />
          ))}
          <tr>
            <td>
              <input
                type="text"
                className="input"
                value={typeof lowest === 'string' ? lowest : ''}
                aria-label={t('tiers.lowest')}
                aria-invalid={lowestIssues.length > 0 ? true : undefined}
                onChange={(e) => setField(['lowest_tier'], e.target.value)}
                data-testid="tier-lowest"
              />
            </td>
            <td className="num muted">{t('tiers.lowest')}</td>
            <td />
          </tr>
        </tbody>
      </table>
      <Issues issues={[...listIssues, ...lowestIssues]} />
      <div className="toolbar add-row">
        <button type="button" className="btn btn--small" onClick={addTier} data-testid="tier-add">
          {t('tiers.add')}
        </button>
      </div>
    </Card>
  );
}

function TierRow({ index, row, onRemove }: { index: number; row: unknown[]; onRemove: (() => void) | undefined }) {
  const { t } = useTranslation('model');
  const setField = useScenarioStore((s) => s.setField);
  const issues = useIssues([...TIERS, index], true);
  const nameIssues = useIssues([...TIERS, index, 0]);
  const thresholdIssues = useIssues([...TIERS, index, 1]);
  return (
    <>
      <tr>
        <td>
          <input
            type="text"
            className="input"
            value={typeof row[0] === 'string' ? row[0] : ''}
            aria-label={`${t('tiers.name')} ${index + 1}`}
            aria-invalid={nameIssues.length > 0 ? true : undefined}
            onChange={(e) => setField([...TIERS, index, 0], e.target.value)}
            data-testid={`tier-${index}-name`}
          />
        </td>
        <td className="num">
          <NumberInput className="input--cell" label={`${t('tiers.threshold')} ${index + 1}`} value={row[1]} invalid={thresholdIssues.length > 0} onChange={(v) => setField([...TIERS, index, 1], v)} testId={`tier-${index}-threshold`} />
        </td>
        <td>
          {onRemove === undefined ? null : (
            <button type="button" className="btn btn--link" onClick={onRemove}>
              {t('tiers.remove')}
            </button>
          )}
        </td>
      </tr>
      {issues.length === 0 ? null : (
        <tr className="issue-row">
          <td colSpan={3}>
            <Issues issues={issues} />
          </td>
        </tr>
      )}
    </>
  );
}
