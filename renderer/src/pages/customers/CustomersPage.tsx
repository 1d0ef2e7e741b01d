/** 客户: every customer of the current run, filtered and sorted by the service, and one customer's trace. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import { inLang, useLang } from '../../i18n';
import { useCustomersStore } from '../../stores/customers-store';
import { useRunStore } from '../../stores/run-store';
import { EmptyState } from '../results/EmptyState';
import { formatCount } from '../results/finance-format';
import '../results/results.css';
import { CustomerFilters } from './CustomerFilters';
import { CustomerTable } from './CustomerTable';
import './customers.css';
import { TracePanel } from './TracePanel';

export function CustomersPage() {
  const { t } = useTranslation('customers');
  const lang = useLang();
  const runId = useRunStore((s) => s.run?.runId ?? null);
  const total = useCustomersStore((s) => s.total);
  const error = useCustomersStore((s) => s.error);
  const selected = useCustomersStore((s) => s.selected);

  useEffect(() => {
    if (runId !== null) void useCustomersStore.getState().open(runId);
  }, [runId]);

  if (runId === null) {
    return (
      <div className="page customers-page" data-testid="customers-page">
        <h2 className="page__title">{t('title')}</h2>
        <EmptyState testId="customers-empty" title={t('noRun.title')} body={t('noRun.body')} link={t('noRun.link')} href="#/results" />
      </div>
    );
  }

  return (
    <div className="page customers-page" data-testid="customers-page">
      <h2 className="page__title">{t('title')}</h2>
      <CustomerFilters store={useCustomersStore} />
      <p className="customers-total" data-testid="customers-total">
        {total === null ? t('loadingRows') : t('total', { n: formatCount(total) })}
      </p>
      {error !== null && (
        <Alert tone="error" onDismiss={() => useCustomersStore.setState({ error: null })}>
          <strong>{t('loadFailed')}</strong> {inLang(error, lang)}
        </Alert>
      )}
      <div className={selected === null ? 'customers-layout' : 'customers-layout customers-layout-tracing'}>
        <CustomerTable store={useCustomersStore} selected={selected} onSelect={(id) => void useCustomersStore.getState().select(id)} />
        <TracePanel />
      </div>
    </div>
  );
}
