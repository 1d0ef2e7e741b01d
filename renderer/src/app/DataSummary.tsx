import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../components/format';
import { dataSummary, useDatasetsStore } from '../stores/datasets-store';

/** The header's line on what the knowledge base holds. */
export function DataSummary() {
  const { t } = useTranslation('app');
  const imports = useDatasetsStore((s) => s.imports);
  const loaded = useDatasetsStore((s) => s.importsLoaded);
  const { months, customers } = useMemo(() => dataSummary(imports), [imports]);
  if (!loaded) return null;
  const first = months[0];
  const last = months.at(-1);
  return (
    <div className="data-summary" aria-label={t('summary.label')} data-testid="data-summary">
      {first === undefined || last === undefined ? (
        <span className="data-summary__none">{t('summary.none')}</span>
      ) : (
        <>
          <span>{months.length === 1 ? t('summary.monthsOne', { month: first }) : t('summary.months', { count: months.length, from: first, to: last })}</span>
          <span className="data-summary__sep" aria-hidden="true">·</span>
          <span title={t('summary.customersHint')}>{t('summary.customers', { count: formatCount(customers) })}</span>
        </>
      )}
    </div>
  );
}
