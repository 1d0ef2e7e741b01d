/**
 * The selected results set: what it is and that it has no inputs behind it, the 结果 screen's
 * KPI cards, charts and aggregate tables, the reconciliation, the files it came from, its export
 * and its customers.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupingName, ResultSetView } from '../../../../core/service/contract';
import { Alert } from '../../components/Alert';
import { Card } from '../../components/Card';
import { formatBytes, formatCount, formatDateTime, shortSha } from '../../components/format';
import { inLang, useLang } from '../../i18n';
import { useResultSetCustomersStore } from '../../stores/result-set-customers-store';
import { useResultSetsStore } from '../../stores/result-sets-store';
import { CustomerFilters } from '../customers/CustomerFilters';
import { CustomerTable } from '../customers/CustomerTable';
import { AggregateTable } from '../results/AggregateTable';
import { formatYuan } from '../results/finance-format';
import { KpiCards } from '../results/KpiCards';
import { RESULT_CHART_HEIGHT, ResultChart } from '../results/ResultChart';
import { resultChartOptions } from '../results/result-chart-options';
import { ResultSetExport } from './ResultSetExport';

const GROUPINGS: readonly GroupingName[] = ['plan', 'brand', 'branch', 'channel', 'segment', 'tier'];

export function ResultSetDetail() {
  const { t } = useTranslation('result-sets');
  const lang = useLang();
  const view = useResultSetsStore((s) => s.view);
  const error = useResultSetsStore((s) => s.viewError);

  if (error !== null) {
    return (
      <Alert tone="error" testId="rs-view-error">
        <strong>{t('set.loadFailed')}</strong> {inLang(error, lang)}
      </Alert>
    );
  }
  if (view === null) {
    return (
      <p className="muted" data-testid="rs-view-loading">
        {t('set.loading')}
      </p>
    );
  }
  return (
    <section className="rs-detail" data-testid="rs-detail" aria-labelledby="rs-detail-name">
      <div className="rs-detail__head">
        <h3 id="rs-detail-name" className="rs-detail__name" data-testid="rs-detail-name">
          {view.set.name}
        </h3>
        <p className="muted rs-detail__facts">
          {t('set.facts', { scenario: view.set.scenarioName, month: view.set.month, customers: formatCount(view.set.customers), at: formatDateTime(view.set.importedAt), version: view.set.appVersion })}
        </p>
      </div>
      <Alert tone="info" testId="rs-no-inputs">
        {t('set.noInputs')}
      </Alert>
      <KpiCards kpis={view.kpis} />
      <Charts view={view} />
      <Aggregates view={view} />
      {view.reconciliation.length === 0 ? null : <Reconciliation view={view} />}
      <div className="rs-columns">
        <Provenance view={view} />
        <ResultSetExport view={view} />
      </div>
      <Customers />
    </section>
  );
}

function Charts({ view }: { readonly view: ResultSetView }) {
  const { t } = useTranslation('results');
  const lang = useLang();
  const charts = useMemo(() => resultChartOptions(view, lang, RESULT_CHART_HEIGHT, t('channelChartTitle')), [view, lang, t]);
  return (
    <>
      <div className="chart-grid">
        <Card>
          <ResultChart charts={charts} name="valueHistogram" lang={lang} />
        </Card>
        <Card>
          <ResultChart charts={charts} name="tierCounts" lang={lang} />
        </Card>
      </div>
      <Card>
        <ResultChart charts={charts} name="profitByPlan" lang={lang} />
      </Card>
      <div className="chart-grid">
        <Card>
          <ResultChart charts={charts} name="negativeShareByBranch" lang={lang} />
        </Card>
        <Card>
          <ResultChart charts={charts} name="profitCurve" lang={lang} />
        </Card>
      </div>
    </>
  );
}

function Aggregates({ view }: { readonly view: ResultSetView }) {
  const { t } = useTranslation('result-sets');
  const { t: tr } = useTranslation('results');
  const [grouping, setGrouping] = useState<GroupingName>('plan');
  return (
    <Card
      title={t('aggregates.title')}
      testId="rs-aggregates"
      actions={
        <div className="segmented" role="group" aria-label={t('aggregates.tabs')}>
          {GROUPINGS.map((g) => (
            <button key={g} type="button" className="segmented__item" aria-pressed={g === grouping} onClick={() => setGrouping(g)} data-testid={`rs-grouping-${g}`}>
              {tr(`groupings.${g}`)}
            </button>
          ))}
        </div>
      }
    >
      <div className="rs-scroll">
        <AggregateTable key={grouping} rows={view.aggregates[grouping]} grouping={grouping} testId="rs-aggregate-table" />
      </div>
    </Card>
  );
}

function Reconciliation({ view }: { readonly view: ResultSetView }) {
  const { t } = useTranslation('result-sets');
  const { t: ta } = useTranslation('app');
  return (
    <Card title={t('reconciliation.title')} testId="rs-reconciliation">
      <div className="table-wrap rs-scroll">
        <table className="table report-table">
          <thead>
            <tr>
              <th>{t('reconciliation.pool')}</th>
              <th>{t('reconciliation.month')}</th>
              <th>{t('reconciliation.scope')}</th>
              <th className="num">{t('reconciliation.amount')}</th>
              <th className="num">{t('reconciliation.customersInScope')}</th>
              <th>{t('reconciliation.status')}</th>
              <th>{t('reconciliation.movedToUsers')}</th>
              <th className="num">{t('reconciliation.allocatedSum')}</th>
              <th className="num">{t('reconciliation.difference')}</th>
            </tr>
          </thead>
          <tbody>
            {view.reconciliation.map((r) => (
              <tr key={`${r.pool}\u0000${r.month}`}>
                <th scope="row">{r.pool}</th>
                <td>{r.month}</td>
                <td className={r.scope === '' ? 'muted' : undefined}>{r.scope === '' ? t('reconciliation.allCustomers') : r.scope}</td>
                <td className="num">{formatYuan(r.amount)}</td>
                <td className="num">{formatCount(r.customersInScope)}</td>
                <td>{r.status === 'allocated' ? t('reconciliation.allocated') : <span className="badge badge--warning">{t('reconciliation.unallocated')}</span>}</td>
                <td>{r.movedToUsers ? ta('common.yes') : ta('common.no')}</td>
                <td className="num">{formatYuan(r.allocatedSum)}</td>
                <td className={Math.abs(r.difference) >= 0.005 ? 'num loss' : 'num'}>{formatYuan(r.difference)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}

function Provenance({ view }: { readonly view: ResultSetView }) {
  const { t } = useTranslation('result-sets');
  return (
    <Card title={t('provenance.title')} testId="rs-provenance">
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th>{t('provenance.file')}</th>
              <th className="num">{t('provenance.rows')}</th>
              <th className="num">{t('provenance.bytes')}</th>
              <th>{t('provenance.sha')}</th>
            </tr>
          </thead>
          <tbody>
            {view.set.files.map((f) => (
              <tr key={f.name}>
                <td title={f.name}>{f.name}</td>
                <td className="num">{f.name.toLowerCase().endsWith('.json') ? '—' : formatCount(f.rows)}</td>
                <td className="num">{formatBytes(f.bytes)}</td>
                <td className="mono" title={f.sha256}>
                  {shortSha(f.sha256)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}

/** The set's customers with 客户's filters and table, at 客户's width (outside a card); no row opens a trace. */
function Customers() {
  const { t } = useTranslation('result-sets');
  const { t: tc } = useTranslation('customers');
  const lang = useLang();
  const total = useResultSetCustomersStore((s) => s.total);
  const error = useResultSetCustomersStore((s) => s.error);
  return (
    <section className="rs-customers" data-testid="rs-customers" aria-labelledby="rs-customers-title">
      <div>
        <h3 id="rs-customers-title" className="rs-section-title">
          {t('customers.title')}
        </h3>
        <p className="muted rs-customers__note" data-testid="rs-no-trace">
          {t('customers.noTrace')}
        </p>
      </div>
      <CustomerFilters store={useResultSetCustomersStore} />
      <p className="customers-total" data-testid="customers-total">
        {total === null ? tc('loadingRows') : tc('total', { n: formatCount(total) })}
      </p>
      {error !== null && (
        <Alert tone="error" onDismiss={() => useResultSetCustomersStore.setState({ error: null })}>
          <strong>{tc('loadFailed')}</strong> {inLang(error, lang)}
        </Alert>
      )}
      <CustomerTable store={useResultSetCustomersStore} />
    </section>
  );
}
