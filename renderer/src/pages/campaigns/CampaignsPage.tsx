/** 营销: each campaign's participants, costs, incremental profit, ROI and wasted share, from the current run. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignView } from '../../../../core/service/contract';
import { useClient } from '../../app/ServiceProvider';
import { useRunStore } from '../../stores/run-store';
import { tierLabel } from '../../components/charts/tier-label';
import { useLang } from '../../i18n';
import { formatCount, formatShare, formatYuan } from '../results/finance-format';
import { Card } from '../../components/Card';
import { EmptyState } from '../results/EmptyState';
import '../results/results.css';
import { SortHeader } from '../results/SortHeader';
import { nextSort, sortRows, type SortState, type SortValue } from '../results/sort-rows';

const COLUMNS = ['campaign', 'startMonths', 'participants', 'evaluated', 'excluded', 'costAll', 'costEvaluated', 'incrementalProfit', 'roi', 'negativeBeforeShare', 'uplift'] as const;
type Column = (typeof COLUMNS)[number];
const TEXT_COLUMNS = new Set<Column>(['campaign', 'startMonths']);

function valueOf(row: CampaignView, column: Column): SortValue {
  return column === 'startMonths' ? row.startMonths.join(', ') : row[column];
}

/** Uplift per participant-month with its control size; withheld (issue 6 §4) below 30 controls. */
function UpliftCell({ figure: c, testId }: { readonly figure: Pick<CampaignView, 'uplift' | 'upliftNote' | 'controlSize'>; readonly testId: string }) {
  const { t } = useTranslation('campaigns');
  if (c.uplift === null) {
    return (
      <td className="num muted" data-testid={testId}>
        {c.upliftNote === 'not_computed' ? t('uplift.computing') : c.upliftNote === 'none_compared' ? t('uplift.noneCompared') : t('uplift.insufficient')}
        {c.controlSize > 0 && ` (${t('uplift.control', { count: c.controlSize })})`}
      </td>
    );
  }
  return (
    <td className={c.uplift < 0 ? 'num loss' : 'num'} data-testid={testId}>
      {formatYuan(c.uplift)} <span className="muted">({t('uplift.control', { count: c.controlSize })})</span>
    </td>
  );
}

/** The uplift of every campaign per tier (as of the month before start), once computed. */
function UpliftTiersTable({ campaigns }: { readonly campaigns: readonly CampaignView[] }) {
  const { t } = useTranslation('campaigns');
  const lang = useLang();
  return (
    <div className="table-wrap">
      <table className="table report-table" data-testid="campaign-uplift-tiers">
        <thead>
          <tr>
            <th scope="col">{t('columns.campaign')}</th>
            <th scope="col">{t('upliftTiers.tier')}</th>
            <th scope="col" className="num">
              {t('upliftTiers.compared')}
            </th>
            <th scope="col" className="num">
              {t('columns.uplift')}
            </th>
          </tr>
        </thead>
        <tbody>
          {campaigns.flatMap((c) =>
            c.upliftTiers.map((tier) => (
              <tr key={`${c.campaign}\u0000${tier.tier}`}>
                <th scope="row">{c.campaign}</th>
                <td>{tierLabel(tier.tier, lang)}</td>
                <td className="num">{formatCount(tier.compared)}</td>
                <UpliftCell figure={tier} testId="campaign-tier-uplift" />
              </tr>
            )),
          )}
        </tbody>
      </table>
    </div>
  );
}

export function CampaignsPage() {
  const { t, i18n } = useTranslation('campaigns');
  const run = useRunStore((s) => s.run);
  const client = useClient();
  const [sort, setSort] = useState<SortState<Column>>({ column: 'roi', descending: true });
  // Uplift costs a model run per start month, so the run leaves it out and this page asks for it.
  const [withUplift, setWithUplift] = useState<{ readonly runId: string; readonly campaigns: readonly CampaignView[] } | null>(null);
  const runId = run?.runId;
  const hasCampaigns = (run?.campaigns.length ?? 0) > 0;
  useEffect(() => {
    if (runId === undefined || !hasCampaigns) return;
    let current = true;
    client.invoke('campaigns:uplift', { runId }).then(
      (campaigns) => {
        if (current) setWithUplift({ runId, campaigns });
      },
      // A superseded run (a what-if moved on) has no uplift to give; the next run asks again.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [client, runId, hasCampaigns]);

  if (run === null) {
    return (
      <div className="page campaigns-page" data-testid="campaigns-page">
        <h2 className="page__title">{t('title')}</h2>
        <EmptyState testId="campaigns-no-run" title={t('noRun.title')} body={t('noRun.body')} link={t('noRun.link')} href="#/results" />
      </div>
    );
  }
  if (run.campaigns.length === 0) {
    return (
      <div className="page campaigns-page" data-testid="campaigns-page">
        <h2 className="page__title">{t('title')}</h2>
        <EmptyState testId="campaigns-empty" title={t('none.title')} body={t('none.body')} link={t('none.link')} href="#/data" />
      </div>
    );
  }

  const campaigns = withUplift !== null && withUplift.runId === run.runId ? withUplift.campaigns : run.campaigns;
  const rows = sortRows(campaigns, sort, valueOf, i18n.language === 'en' ? 'en' : 'zh-CN');
  const onSort = (column: Column) => setSort((s) => nextSort(s, column, TEXT_COLUMNS.has(column)));
  return (
    <div className="page campaigns-page" data-testid="campaigns-page">
      <div>
        <h2 className="page__title">{t('title')}</h2>
        <p className="page__intro">{t('intro', { window: run.scenario.window })}</p>
      </div>
      <Card>
        <div className="table-wrap">
          <table className="table report-table" data-testid="campaigns-table">
            <thead>
              <tr>
                {COLUMNS.map((column) => (
                  <SortHeader key={column} column={column} label={t(`columns.${column}`)} sort={sort} onSort={onSort} numeric={!TEXT_COLUMNS.has(column)} />
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <tr key={c.campaign}>
                  <th scope="row">{c.campaign}</th>
                  <td>{c.startMonths.join(', ')}</td>
                  <td className="num">{formatCount(c.participants)}</td>
                  <td className="num">{formatCount(c.evaluated)}</td>
                  <td className="num">{formatCount(c.excluded)}</td>
                  <td className="num">{formatYuan(c.costAll)}</td>
                  <td className="num">{formatYuan(c.costEvaluated)}</td>
                  <td className={c.incrementalProfit < 0 ? 'num loss' : 'num'}>{formatYuan(c.incrementalProfit)}</td>
                  <td className={c.roi !== null && c.roi < 0 ? 'num loss' : 'num'}>{formatShare(c.roi)}</td>
                  <td className="num">{formatShare(c.negativeBeforeShare)}</td>
                  <UpliftCell figure={c} testId="campaign-uplift" />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <ul className="muted table-notes">
          <li>{t('excludedHint')}</li>
          <li>{t('wasteHint')}</li>
          <li>{t('upliftHint')}</li>
        </ul>
      </Card>
      {campaigns.some((c) => c.upliftTiers.length > 0) && (
        <Card title={t('upliftTiers.title')}>
          <UpliftTiersTable campaigns={rows} />
        </Card>
      )}
    </div>
  );
}
