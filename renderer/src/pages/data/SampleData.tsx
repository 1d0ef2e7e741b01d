/**
 * 载入示例数据: a made-up province's workbooks, written and imported by the service as one job
 * (the global progress bar shows it and can cancel it), so a new user has data to try every
 * screen with. Offered prominently while the knowledge base is empty, as a secondary button once
 * it holds data.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Card } from '../../components/Card';
import { formatCount } from '../../components/format';
import { useDatasetsStore } from '../../stores/datasets-store';
import { ImportOutcome } from './ImportOutcome';

const SIZES = [2_000, 20_000, 100_000] as const;
const DEFAULT_SIZE = 20_000;
/**
 * The default six trend months, each with a full 3-month window (two more months before them):
 * the 趋势 and 预警 screens have a full trend, and campaigns their months before and after.
 */
const MONTHS = 8;

export function SampleData() {
  const { t } = useTranslation('data');
  const loaded = useDatasetsStore((s) => s.importsLoaded);
  const empty = useDatasetsStore((s) => s.imports.length === 0);
  const outcome = useDatasetsStore((s) => s.sampleOutcome);
  const clearOutcome = useDatasetsStore((s) => s.clearSampleOutcome);
  // Kept here, above both looks, so the size loaded stays chosen once the list holds it.
  const [customers, setCustomers] = useState<number>(DEFAULT_SIZE);
  // Until the list has loaded it is not known which of the two to offer.
  if (!loaded) return null;
  const shown = outcome === null ? null : <ImportOutcome outcome={outcome} testId="sample-outcome" onDismiss={clearOutcome} />;
  if (empty) {
    return (
      <Card title={t('sample.title')} className="sample-card" testId="sample-data">
        <p className="card__lead">{t('sample.lead', { months: MONTHS })}</p>
        <SampleControls primary customers={customers} onCustomers={setCustomers} />
        {shown}
      </Card>
    );
  }
  return (
    <div className="sample-bar" data-testid="sample-data">
      <div className="sample-bar__controls">
        <span className="muted">{t('sample.again', { months: MONTHS })}</span>
        <SampleControls primary={false} customers={customers} onCustomers={setCustomers} />
      </div>
      {shown}
    </div>
  );
}

function SampleControls({ primary, customers, onCustomers }: { primary: boolean; customers: number; onCustomers: (customers: number) => void }) {
  const { t } = useTranslation('data');
  const busy = useDatasetsStore((s) => s.busy);
  const importSample = useDatasetsStore((s) => s.importSample);
  return (
    <div className="toolbar">
      <label className="sample-size">
        {t('sample.size')}
        <select className="select" value={customers} disabled={busy !== null} onChange={(e) => onCustomers(Number(e.currentTarget.value))} data-testid="sample-size">
          {SIZES.map((n) => (
            <option key={n} value={n}>
              {t('sample.customers', { customers: formatCount(n) })}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className={primary ? 'btn btn--primary' : 'btn'}
        disabled={busy !== null}
        onClick={() => void importSample(customers, MONTHS)}
        data-testid="load-sample"
      >
        {busy === 'sample' ? t('sample.loading') : t('sample.load')}
      </button>
    </div>
  );
}
