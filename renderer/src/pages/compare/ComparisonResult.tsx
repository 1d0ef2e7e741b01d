/** What changes from scenario A to B: negative value, the tier migration, plans, branches and customers. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComparisonView } from '../../../../core/service/contract';
import { Card } from '../../components/Card';
import { EChart } from '../../components/charts/EChart';
import { migrationHeatmapOption } from '../../components/charts/migration-heatmap-option';
import { tierLabel } from '../../components/charts/tier-label';
import { useLang } from '../../i18n';
import { formatCount, formatCountChange, formatDecimal, formatYuan, formatYuanChange } from '../results/finance-format';
import { GroupChangeTable } from './GroupChangeTable';

function Change({ label, a, b, change, testId }: { label: string; a: string; b: string; change: string; testId: string }) {
  const { t } = useTranslation('compare');
  return (
    <div className="kpi" data-testid={testId}>
      <div className="kpi-label">{label}</div>
      <div className="kpi-value num">{change}</div>
      <div className="kpi-note">
        {t('summary.from', { a })} → {t('summary.to', { b })}
      </div>
    </div>
  );
}

function MigrationTable({ view }: { readonly view: ComparisonView }) {
  const { t } = useTranslation('compare');
  const lang = useLang();
  return (
    <table className="table report-table migration-table" data-testid="migration-table">
      <thead>
        <tr>
          <th scope="col">{t('matrix.corner')}</th>
          {view.tiersB.map((tier) => (
            <th key={tier} scope="col" className="num">
              {tierLabel(tier, lang)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {view.tiersA.map((tier, i) => (
          <tr key={tier}>
            <th scope="row">{tierLabel(tier, lang)}</th>
            {view.tiersB.map((to, j) => (
              <td key={to} className={view.tiersB[j] === tier ? 'num same-tier' : 'num'}>
                {formatCount(view.migration[i]?.[j] ?? 0)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function TierChanges({ view }: { readonly view: ComparisonView }) {
  const { t } = useTranslation('compare');
  const lang = useLang();
  if (view.tierChangeCount === 0) return <p className="muted">{t('changes.none')}</p>;
  return (
    <>
      <p className="muted">
        {view.tierChanges.length < view.tierChangeCount
          ? t('changes.shown', { total: formatCount(view.tierChangeCount), shown: formatCount(view.tierChanges.length) })
          : t('changes.shownAll', { total: formatCount(view.tierChangeCount) })}
      </p>
      <div className="table-wrap tier-changes-wrap">
        <table className="table report-table" data-testid="tier-changes">
          <thead>
            <tr>
              <th scope="col">{t('changes.customerId')}</th>
              <th scope="col">{t('changes.tierA')}</th>
              <th scope="col">{t('changes.tierB')}</th>
              <th scope="col" className="num">
                {t('changes.valueA')}
              </th>
              <th scope="col" className="num">
                {t('changes.valueB')}
              </th>
              <th scope="col" className="num">
                {t('changes.valueChange')}
              </th>
            </tr>
          </thead>
          <tbody>
            {view.tierChanges.map((c) => {
              const change = c.valueA === null || c.valueB === null ? null : c.valueB - c.valueA;
              return (
                <tr key={c.customerId}>
                  <th scope="row">{c.customerId}</th>
                  <td>{tierLabel(c.tierA, lang)}</td>
                  <td>{tierLabel(c.tierB, lang)}</td>
                  <td className="num">{formatDecimal(c.valueA)}</td>
                  <td className="num">{formatDecimal(c.valueB)}</td>
                  <td className={change !== null && change < 0 ? 'num loss' : 'num'}>{change === null ? '—' : `${change > 0 ? '+' : ''}${formatDecimal(change)}`}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}

export function ComparisonResult({ view }: { readonly view: ComparisonView }) {
  const { t } = useTranslation('compare');
  const lang = useLang();
  const nameA = t('axisName', { side: 'A', name: view.a.scenario.name });
  const nameB = t('axisName', { side: 'B', name: view.b.scenario.name });
  const option = useMemo(() => migrationHeatmapOption(view, { a: nameA, b: nameB }, lang), [view, nameA, nameB, lang]);
  const height = Math.max(220, 80 + 44 * view.tiersA.length);
  return (
    <div className="comparison" data-testid="comparison">
      <div className="kpis">
        <Change
          testId="compare-negative"
          label={t('summary.negative')}
          a={formatCount(view.negativeCountA)}
          b={formatCount(view.negativeCountB)}
          change={formatCountChange(view.negativeCountB - view.negativeCountA)}
        />
        <Change testId="compare-loss" label={t('summary.loss')} a={formatYuan(view.lossA)} b={formatYuan(view.lossB)} change={formatYuanChange(view.lossB - view.lossA)} />
        <div className="kpi" data-testid="compare-changed">
          <div className="kpi-label">{t('summary.changed')}</div>
          <div className="kpi-value num">{formatCount(view.tierChangeCount)}</div>
        </div>
      </div>
      <Card title={t('matrix.title')} testId="compare-matrix">
        <EChart option={option} height={height} label={t('matrix.title')} testId="compare-heatmap" />
        <details>
          <summary>{t('matrix.table')}</summary>
          <MigrationTable view={view} />
        </details>
      </Card>
      <Card title={t('groups.plans')}>
        <GroupChangeTable rows={view.plans} groupLabel={t('groups.plan')} testId="compare-plans" />
      </Card>
      <Card title={t('groups.branches')}>
        <GroupChangeTable rows={view.branches} groupLabel={t('groups.branch')} testId="compare-branches" />
      </Card>
      <Card title={t('changes.title')}>
        <TierChanges view={view} />
      </Card>
    </div>
  );
}
