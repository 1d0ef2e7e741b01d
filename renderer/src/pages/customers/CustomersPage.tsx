/** 客户: every customer of the current run, filtered and sorted by the service, and one customer's trace. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import { tierLabel } from '../../components/charts/tier-label';
import { inLang, useLang } from '../../i18n';
import { useCustomersStore, type CustomerFilter } from '../../stores/customers-store';
import { useRunStore } from '../../stores/run-store';
import { EmptyState } from '../results/EmptyState';
import { formatCount } from '../results/finance-format';
import '../results/results.css';
import { CustomerTable } from './CustomerTable';
import './customers.css';
import { TracePanel } from './TracePanel';

const CHOICE_FILTERS = ['branch', 'channel', 'plan', 'tier'] as const;
const FLAG_FILTERS = ['negative', 'eligible'] as const;

function flagValue(flag: boolean | undefined): string {
  return flag === undefined ? '' : flag ? 'yes' : 'no';
}

function Filters() {
  const { t } = useTranslation('customers');
  const lang = useLang();
  const filter = useCustomersStore((s) => s.filter);
  const choices = useCustomersStore((s) => s.choices);
  const setFilter = (patch: Partial<CustomerFilter>) => void useCustomersStore.getState().setFilter(patch);
  const anySet = Object.keys(filter).length > 0;
  return (
    <form className="filters" aria-label={t('filters.label')} onSubmit={(e) => e.preventDefault()}>
      <label className="field filter">
        <span className="field__label">{t('filters.search')}</span>
        <input type="search" className="input" data-testid="customers-search" value={filter.search ?? ''} placeholder={t('filters.searchPlaceholder')} onChange={(e) => setFilter({ search: e.currentTarget.value })} />
      </label>
      {CHOICE_FILTERS.map((name) => (
        <label className="field filter" key={name}>
          <span className="field__label">{t(`filters.${name}`)}</span>
          <select className="select" data-testid={`filter-${name}`} value={filter[name] ?? ''} onChange={(e) => setFilter({ [name]: e.currentTarget.value })}>
            <option value="">{t('filters.all')}</option>
            {(choices?.[name] ?? []).map((choice) => (
              <option key={choice} value={choice}>
                {name === 'tier' ? tierLabel(choice, lang) : choice}
              </option>
            ))}
          </select>
        </label>
      ))}
      {FLAG_FILTERS.map((name) => (
        <label className="field filter" key={name}>
          <span className="field__label">{t(`filters.${name}`)}</span>
          <select className="select" data-testid={`filter-${name}`} value={flagValue(filter[name])} onChange={(e) => setFilter({ [name]: e.currentTarget.value === '' ? undefined : e.currentTarget.value === 'yes' })}>
            <option value="">{t('filters.all')}</option>
            <option value="yes">{t('filters.yes')}</option>
            <option value="no">{t('filters.no')}</option>
          </select>
        </label>
      ))}
      <button type="button" className="btn" disabled={!anySet} onClick={() => void useCustomersStore.getState().setFilter(Object.fromEntries(Object.keys(filter).map((k) => [k, undefined])))}>
        {t('filters.clear')}
      </button>
    </form>
  );
}

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
      <Filters />
      <p className="customers-total" data-testid="customers-total">
        {total === null ? t('loadingRows') : t('total', { n: formatCount(total) })}
      </p>
      {error !== null && (
        <Alert tone="error" onDismiss={() => useCustomersStore.setState({ error: null })}>
          <strong>{t('loadFailed')}</strong> {inLang(error, lang)}
        </Alert>
      )}
      <div className={selected === null ? 'customers-layout' : 'customers-layout customers-layout-tracing'}>
        <CustomerTable />
        <TracePanel />
      </div>
    </div>
  );
}
