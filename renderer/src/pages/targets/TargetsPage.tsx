/**
 * 目标名单 (issue 6 §3): a filter over the current run's customers, rebuilt on the service as it
 * changes (debounced), with the list's size, Σ avg profit and the negative-value customers it
 * avoids against an ARPU-only list of the same size; a preview, saved definitions and export.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunView } from '../../../../core/service/contract';
import { Alert } from '../../components/Alert';
import { Card } from '../../components/Card';
import { useClient } from '../../app/ServiceProvider';
import { inLang, useLang } from '../../i18n';
import { useRunStore } from '../../stores/run-store';
import { useTargetsStore } from '../../stores/targets-store';
import { EmptyState } from '../results/EmptyState';
import { formatCount, formatDecimal, formatShare, formatYuan } from '../results/finance-format';
import '../results/results.css';
import { ChoiceSelect } from './ChoiceSelect';
import { RangeInputs } from './RangeInputs';

/** Long enough that typing a number or clicking through a list sends one build, not one per key. */
export const BUILD_DEBOUNCE_MS = 250;

const PREVIEW_COLUMNS = ['customerId', 'branch', 'channel', 'plan', 'segment', 'tier', 'value', 'avgProfit', 'avgBilledRevenue', 'tenureMonths'] as const;

function groupsOf(run: RunView, grouping: 'branch' | 'channel' | 'plan' | 'segment'): string[] {
  return run.aggregates[grouping].map((a) => a.group);
}

function SummaryCard() {
  const { t } = useTranslation('targets');
  const built = useTargetsStore((s) => s.built);
  const building = useTargetsStore((s) => s.building);
  return (
    <Card>
      <dl className="targets-summary">
        <dt>{t('summary.size')}</dt>
        <dd data-testid="targets-size">{built === null ? '—' : formatCount(built.size)}</dd>
        <dt>{t('summary.sumAvgProfit')}</dt>
        <dd data-testid="targets-sum-profit">{built === null ? '—' : formatYuan(built.sumAvgProfit)}</dd>
        <dt>{t('summary.negative')}</dt>
        <dd>{built === null ? '—' : formatCount(built.negativeCount)}</dd>
        <dt>{t('summary.arpuNegative')}</dt>
        <dd>{built === null ? '—' : formatCount(built.arpu.negativeCount)}</dd>
        <dt>{t('summary.avoided')}</dt>
        <dd data-testid="targets-avoided">{built === null ? '—' : `${formatCount(built.negativeAvoided)} (${formatShare(built.negativeAvoidedShare)})`}</dd>
      </dl>
      {building && <p className="muted">{t('summary.building')}</p>}
    </Card>
  );
}

function PreviewTable() {
  const { t } = useTranslation('targets');
  const built = useTargetsStore((s) => s.built);
  if (built === null) return null;
  return (
    <Card>
      <h3>{t('preview.title', { count: built.preview.length })}</h3>
      {built.preview.length === 0 ? (
        <p className="muted">{t('preview.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table report-table" data-testid="targets-preview">
            <thead>
              <tr>
                {PREVIEW_COLUMNS.map((c) => (
                  <th key={c} scope="col">
                    {t(`preview.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {built.preview.map((r) => (
                <tr key={r.customerId}>
                  <th scope="row">{r.customerId}</th>
                  <td>{r.branch}</td>
                  <td>{r.channel}</td>
                  <td>{r.plan}</td>
                  <td>{r.segment}</td>
                  <td>{r.tier}</td>
                  <td className="num">{formatDecimal(r.value)}</td>
                  <td className={r.avgProfit < 0 ? 'num loss' : 'num'}>{formatYuan(r.avgProfit)}</td>
                  <td className="num">{formatYuan(r.avgBilledRevenue)}</td>
                  <td className="num">{formatCount(r.tenureMonths)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}

function SavedDefinitions() {
  const { t } = useTranslation('targets');
  const saved = useTargetsStore((s) => s.saved);
  const store = useTargetsStore.getState();
  const [name, setName] = useState('');
  useEffect(() => void useTargetsStore.getState().loadSaved(), []);
  return (
    <Card>
      <div className="toolbar">
        <input type="text" aria-label={t('saved.name')} placeholder={t('saved.name')} value={name} data-testid="targets-name" onChange={(e) => setName(e.currentTarget.value)} />
        <button type="button" className="btn" data-testid="targets-save" disabled={name.trim() === ''} onClick={() => void store.save(name.trim())}>
          {t('saved.save')}
        </button>
        <label>
          <span>{t('saved.load')} </span>
          <select
            value=""
            data-testid="targets-load"
            onChange={(e) => {
              const definition = saved.find((d) => d.name === e.currentTarget.value);
              if (definition !== undefined) {
                store.apply(definition);
                setName(definition.name);
              }
            }}
          >
            <option value="">{t('saved.none')}</option>
            {saved.map((d) => (
              <option key={d.name} value={d.name}>
                {d.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="muted">{t('saved.storedHint')}</p>
    </Card>
  );
}

function ExportBar({ runId }: { readonly runId: string }) {
  const { t } = useTranslation('targets');
  const lang = useLang();
  const shell = useClient().shell;
  const status = useTargetsStore((s) => s.exportStatus);
  const written = useTargetsStore((s) => s.written);
  const error = useTargetsStore((s) => s.error);
  const store = useTargetsStore.getState();
  const running = status === 'running';
  return (
    <>
      <div className="toolbar">
        <button type="button" className="btn" data-testid="targets-export-csv" disabled={running} onClick={() => void store.exportList(runId, 'csv')}>
          {t('exportCsv')}
        </button>
        <button type="button" className="btn btn--primary" data-testid="targets-export-xlsx" disabled={running} onClick={() => void store.exportList(runId, 'xlsx')}>
          {t('exportXlsx')}
        </button>
        {running && <span className="muted">{t('exporting')}</span>}
      </div>
      {status === 'cancelled' && <Alert tone="info">{t('cancelled')}</Alert>}
      {error !== null && (
        <Alert tone="error" testId="targets-error" onDismiss={() => useTargetsStore.setState({ error: null })}>
          {inLang(error, lang)}
        </Alert>
      )}
      {status === 'done' && written !== null && (
        <Alert tone="success" testId="targets-export-done">
          <p>{t('done', { rows: formatCount(written.rows), path: written.path })}</p>
          <button type="button" className="btn" onClick={() => void store.reveal()}>
            {shell === 'web' ? t('download') : t('reveal')}
          </button>
        </Alert>
      )}
    </>
  );
}

function FilterForm({ run }: { readonly run: RunView }) {
  const { t } = useTranslation('targets');
  const filter = useTargetsStore((s) => s.filter);
  const setFilter = useTargetsStore((s) => s.setFilter);
  const tiers = run.scenario.tiers.map(([name]) => name);
  return (
    <Card>
      <form className="targets-form" data-testid="targets-form" onSubmit={(e) => e.preventDefault()}>
        <ChoiceSelect label={t('form.tiers')} choices={tiers} selected={filter.tiers} onChange={(v) => setFilter({ tiers: v })} testId="targets-tiers" />
        <RangeInputs label={t('form.value')} minLabel={t('form.min')} maxLabel={t('form.max')} range={filter.value} onChange={(value) => setFilter({ value })} testId="targets-value" />
        <RangeInputs label={t('form.tenure')} minLabel={t('form.min')} maxLabel={t('form.max')} range={filter.tenure} onChange={(tenure) => setFilter({ tenure })} testId="targets-tenure" />
        <label className="radio">
          <input type="checkbox" checked={filter.eligibleOnly} data-testid="targets-eligible" onChange={(e) => setFilter({ eligibleOnly: e.currentTarget.checked })} />
          <span>{t('form.eligibleOnly')}</span>
        </label>
        <label className="radio">
          <input type="checkbox" checked={filter.excludeNegative} data-testid="targets-exclude-negative" onChange={(e) => setFilter({ excludeNegative: e.currentTarget.checked })} />
          <span>{t('form.excludeNegative')}</span>
        </label>
        <ChoiceSelect label={t('form.branches')} choices={groupsOf(run, 'branch')} selected={filter.branches} onChange={(v) => setFilter({ branches: v })} testId="targets-branches" />
        <ChoiceSelect label={t('form.channels')} choices={groupsOf(run, 'channel')} selected={filter.channels} onChange={(v) => setFilter({ channels: v })} testId="targets-channels" />
        <ChoiceSelect label={t('form.plans')} choices={groupsOf(run, 'plan')} selected={filter.plans} onChange={(v) => setFilter({ plans: v })} testId="targets-plans" />
        <ChoiceSelect label={t('form.segments')} choices={groupsOf(run, 'segment')} selected={filter.segments} onChange={(v) => setFilter({ segments: v })} testId="targets-segments" />
      </form>
      <p className="muted">{t('form.anyHint')}</p>
    </Card>
  );
}

export function TargetsPage() {
  const { t } = useTranslation('targets');
  const run = useRunStore((s) => s.run);
  const filter = useTargetsStore((s) => s.filter);
  const runId = run?.runId ?? null;

  useEffect(() => {
    if (runId === null) return;
    const timer = setTimeout(() => void useTargetsStore.getState().build(runId), BUILD_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [runId, filter]);

  if (run === null) {
    return (
      <div className="page targets-page" data-testid="targets-page">
        <h2 className="page__title">{t('title')}</h2>
        <EmptyState testId="targets-no-run" title={t('noRun.title')} body={t('noRun.body')} link={t('noRun.link')} href="#/results" />
      </div>
    );
  }
  return (
    <div className="page targets-page" data-testid="targets-page">
      <div>
        <h2 className="page__title">{t('title')}</h2>
        <p className="page__intro">{t('intro')}</p>
      </div>
      <FilterForm run={run} />
      <SummaryCard />
      <SavedDefinitions />
      <ExportBar runId={run.runId} />
      <PreviewTable />
    </div>
  );
}
