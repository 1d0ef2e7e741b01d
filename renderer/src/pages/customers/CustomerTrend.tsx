/**
 * One customer's value, tier and average profit month by month (issue 6), from the draft
 * scenario's trend. Asked for on a click: the first trend of a data set is one model run per
 * month, which the trace itself should not wait for; after that the service answers from cache.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bilingual } from '../../../../core/model/messages';
import type { CustomerTrendView } from '../../../../core/service/contract';
import { serviceClient } from '../../app/service-client';
import { Alert } from '../../components/Alert';
import { tierLabel } from '../../components/charts/tier-label';
import { errorMessage } from '../../components/error-message';
import { inLang, useLang } from '../../i18n';
import { useJobsStore } from '../../stores/jobs-store';
import { useScenarioStore } from '../../stores/scenario-store';
import { formatDecimal, formatYuan } from '../results/finance-format';

type State =
  | { readonly status: 'idle' }
  | { readonly status: 'loading' }
  | { readonly status: 'done'; readonly trend: CustomerTrendView | null }
  | { readonly status: 'invalid' }
  | { readonly status: 'failed'; readonly error: Bilingual };

export function CustomerTrend({ customerId }: { readonly customerId: string }) {
  const { t } = useTranslation('customers');
  const lang = useLang();
  const [state, setState] = useState<State>({ status: 'idle' });

  const load = async (): Promise<void> => {
    const check = useScenarioStore.getState().check;
    if (!check.ok) {
      setState({ status: 'invalid' });
      return;
    }
    setState({ status: 'loading' });
    try {
      const answer = await useJobsStore.getState().track('trend:get', (jobId) => serviceClient().invoke('trend:get', { jobId, scenario: check.scenario, customerId }));
      if (answer.ok) setState({ status: 'done', trend: answer.customer });
      else setState({ status: 'invalid' });
    } catch (e) {
      setState({ status: 'failed', error: errorMessage(e) });
    }
  };

  return (
    <section className="customer-trend" data-testid="customer-trend">
      <h3>{t('trend.title')}</h3>
      {state.status === 'idle' || state.status === 'loading' ? (
        <button type="button" className="btn" data-testid="customer-trend-show" disabled={state.status === 'loading'} onClick={() => void load()}>
          {state.status === 'loading' ? t('trend.loading') : t('trend.show')}
        </button>
      ) : state.status === 'invalid' ? (
        <Alert tone="error">{t('trend.invalidScenario')}</Alert>
      ) : state.status === 'failed' ? (
        <Alert tone="error">{inLang(state.error, lang)}</Alert>
      ) : state.trend === null ? (
        <p className="muted">{t('trend.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table report-table" data-testid="customer-trend-table">
            <thead>
              <tr>
                <th scope="col">{t('trend.month')}</th>
                <th scope="col" className="num">
                  {t('trend.value')}
                </th>
                <th scope="col">{t('trend.tier')}</th>
                <th scope="col" className="num">
                  {t('trend.avgProfit')}
                </th>
              </tr>
            </thead>
            <tbody>
              {state.trend.months.map((m) => (
                <tr key={m.month}>
                  <th scope="row">{m.month}</th>
                  <td className="num">{m.value === null ? '—' : formatDecimal(m.value)}</td>
                  <td>{m.tier === null ? t('trend.absent') : tierLabel(m.tier, lang)}</td>
                  <td className={m.avgProfit !== null && m.avgProfit < 0 ? 'num loss' : 'num'}>{m.avgProfit === null ? '—' : formatYuan(m.avgProfit)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
