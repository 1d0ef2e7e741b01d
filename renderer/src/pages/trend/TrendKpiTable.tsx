/**
 * The charts' figures month by month, exactly: a canvas cannot be read by a screen reader or
 * copied into a report, and the lines of customers and of yuan share one chart at two scales.
 */
import { useTranslation } from 'react-i18next';
import type { TrendView } from '../../../../core/service/contract';
import { tierLabel } from '../../components/charts/tier-label';
import { useLang } from '../../i18n';
import { formatCount, formatYuan } from '../results/finance-format';

export function TrendKpiTable({ trend }: { trend: TrendView }) {
  const { t } = useTranslation('trend');
  const lang = useLang();
  const tiers = [...new Set(trend.months.flatMap((m) => m.kpis.tiers.map((tier) => tier.tier)))];
  return (
    <div className="table-wrap">
      <table className="table report-table" data-testid="trend-kpi-table">
        <thead>
          <tr>
            <th scope="col">{t('month')}</th>
            <th scope="col" className="num">{t('columns.customers')}</th>
            <th scope="col" className="num">{t('columns.negativeCount')}</th>
            <th scope="col" className="num">{t('columns.loss')}</th>
            <th scope="col" className="num">{t('columns.totalProfit')}</th>
            {tiers.map((tier) => (
              <th key={tier} scope="col" className="num" data-tier={tier}>
                {tierLabel(tier, lang)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {trend.months.map((m) => (
            <tr key={m.month}>
              <th scope="row">{m.month}</th>
              <td className="num">{formatCount(m.kpis.customers)}</td>
              <td className="num">{formatCount(m.kpis.negativeCount)}</td>
              <td className={m.kpis.loss < 0 ? 'num loss' : 'num'}>{formatYuan(m.kpis.loss)}</td>
              <td className={m.kpis.totalProfit < 0 ? 'num loss' : 'num'}>{formatYuan(m.kpis.totalProfit)}</td>
              {tiers.map((tier) => (
                <td key={tier} className="num">
                  {formatCount(m.kpis.tiers.find((x) => x.tier === tier)?.customers ?? 0)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
