/** The run's headline figures, and the customers in each value tier. */
import { useTranslation } from 'react-i18next';
import { NO_VALUE_GROUP } from '../../../../core/engine/aggregates';
import type { KpiView } from '../../../../core/service/contract';
import { tierLabel } from '../../components/charts/tier-label';
import { useLang } from '../../i18n';
import { formatCount, formatShare, formatYuan } from './finance-format';

interface KpiProps {
  readonly label: string;
  readonly value: string;
  readonly note?: string;
  readonly tone?: 'loss';
  readonly testId: string;
}

function Kpi({ label, value, note, tone, testId }: KpiProps) {
  return (
    <div className={tone === 'loss' ? 'kpi kpi-loss' : 'kpi'} data-testid={testId}>
      <div className="kpi-label">{label}</div>
      <div className="kpi-value num">{value}</div>
      {note !== undefined && <div className="kpi-note">{note}</div>}
    </div>
  );
}

/** The no-value group exists only in formula mode; an empty one would only raise a question. */
function shown(tier: KpiView['tiers'][number]): boolean {
  return tier.tier !== NO_VALUE_GROUP || tier.customers > 0;
}

export function KpiCards({ kpis }: { readonly kpis: KpiView }) {
  const { t } = useTranslation('results');
  const lang = useLang();
  const share = kpis.customers === 0 ? null : kpis.negativeCount / kpis.customers;
  return (
    <div className="results-kpis">
      <div className="kpis">
        <Kpi testId="kpi-customers" label={t('kpi.customers')} value={formatCount(kpis.customers)} />
        <Kpi testId="kpi-eligible" label={t('kpi.eligible')} value={formatCount(kpis.eligible)} />
        <Kpi testId="kpi-negative" label={t('kpi.negative')} value={formatCount(kpis.negativeCount)} note={t('kpi.negativeShare', { share: formatShare(share) })} tone="loss" />
        <Kpi testId="kpi-loss" label={t('kpi.loss')} value={formatYuan(kpis.loss)} tone="loss" />
        <Kpi testId="kpi-total-profit" label={t('kpi.totalProfit')} value={formatYuan(kpis.totalProfit)} tone={kpis.totalProfit < 0 ? 'loss' : undefined} />
      </div>
      <dl className="tier-counts" data-testid="tier-counts" aria-label={t('tiers')}>
        {kpis.tiers.filter(shown).map((tier) => (
          <div key={tier.tier} className="tier-count">
            <dt>{tierLabel(tier.tier, lang)}</dt>
            <dd className="num">{formatCount(tier.customers)}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
