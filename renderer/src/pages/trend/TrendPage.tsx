/** 趋势: the current draft evaluated month by month — lines, stacked tiers, and a table by plan/branch/channel. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { inLang, useLang } from '../../i18n';
import { Alert } from '../../components/Alert';
import { Card } from '../../components/Card';
import { EChart } from '../../components/charts/EChart';
import { tierLabel } from '../../components/charts/tier-label';
import { useTrendStore } from '../../stores/trend-store';
import { useScenarioStore } from '../../stores/scenario-store';
import '../results/results.css';
import './trend.css';
import { TrendGroupTable } from './TrendGroupTable';
import { TrendKpiTable } from './TrendKpiTable';
import { tierStackOption, trendLinesOption } from './trend-chart-options';

export function TrendPage() {
  const { t } = useTranslation('trend');
  const lang = useLang();
  const trend = useTrendStore((s) => s.trend);
  const loading = useTrendStore((s) => s.trendLoading);
  const issues = useTrendStore((s) => s.issues);
  const error = useTrendStore((s) => s.error);
  const loadTrend = useTrendStore((s) => s.loadTrend);
  const check = useScenarioStore((s) => s.check);
  const [monthIndex, setMonthIndex] = useState<number | null>(null);

  // The service caches the trend, so asking again on every visit costs nothing when nothing changed.
  useEffect(() => {
    void loadTrend();
  }, [loadTrend]);

  const months = trend?.months ?? [];
  const shown = monthIndex !== null && monthIndex < months.length ? monthIndex : months.length - 1;
  return (
    <div className="page trend-page" data-testid="trend-page" aria-busy={loading}>
      <div className="trend-head">
        <div>
          <h2 className="page__title">{t('title')}</h2>
          <p className="page__intro">{t('intro', { count: check.ok ? check.scenario.trend_months : 6 })}</p>
        </div>
        <button type="button" className="btn btn--primary" onClick={() => void loadTrend()} disabled={loading} data-testid="trend-load">
          {loading ? t('loading') : t('load')}
        </button>
      </div>
      {error !== null && <Alert tone="error">{inLang(error, lang)}</Alert>}
      {issues.length > 0 && (
        <Alert tone="error">
          <ul>
            {issues.map((issue) => (
              <li key={`${issue.path}:${issue.code}`}>{inLang(issue, lang)}</li>
            ))}
          </ul>
        </Alert>
      )}
      {trend === null ? (
        <p className="muted">{t('empty')}</p>
      ) : (
        <>
          <div className="trend-charts">
            <Card title={t('chartLabel')}>
              <EChart
                testId="trend-chart"
                label={t('chartLabel')}
                option={trendLinesOption(trend, { negativeCount: t('series.negativeCount'), loss: t('series.loss'), totalProfit: t('series.totalProfit'), count: t('axes.count'), yuan: t('axes.yuan') })}
                height={320}
              />
            </Card>
            <Card title={t('tierChartLabel')}>
              <EChart testId="trend-tier-chart" label={t('tierChartLabel')} option={tierStackOption(trend, t('axes.count'), (tier) => tierLabel(tier, lang))} height={320} />
            </Card>
          </div>
          <Card title={t('kpiTitle')}>
            <TrendKpiTable trend={trend} />
          </Card>
          <Card title={t('groupTitle')}>
            <TrendGroupTable trend={trend} monthIndex={shown} onMonthIndex={setMonthIndex} />
          </Card>
        </>
      )}
    </div>
  );
}
