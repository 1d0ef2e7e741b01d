/**
 * 目标名单 (issue 6 §3): a filter over the current run's customers, rebuilt on the service as it
 * changes (debounced), with the list's size, Σ avg profit and the negative-value customers it
 * avoids against an ARPU-only list of the same size; a preview, saved definitions and export.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TargetFilter } from '../../../../core/engine/targets/target-filter';
import { tierNamesOf } from '../../../../core/engine/value-and-tiers';
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
import './targets.css';

/** Long enough that typing a number or clicking through a list sends one build, not one per key. */
export const BUILD_DEBOUNCE_MS = 250;

const PREVIEW_COLUMNS = ['customerId', 'branch', 'channel', 'plan', 'segment', 'tier', 'value', 'avgProfit', 'avgBilledRevenue', 'tenureMonths'] as const;
const NUMERIC_COLUMNS: ReadonlySet<string> = new Set(['value', 'avgProfit', 'avgBilledRevenue', 'tenureMonths']);

function groupsOf(run: RunView, grouping: 'branch' | 'channel' | 'plan' | 'segment'): string[] {
  return run.aggregates[grouping].map((a) => a.group);
}

/**
 * `pending`: the figures shown are not yet those of the form (a change waits for the debounce or
 * its build is under way), so they are dimmed and the card is aria-busy until the build answers.
 */
function SummaryCard({ pending }: { readonly pending: boolean }) {
  const { t } = useTranslation('targets');
  const built = useTargetsStore((s) => s.built);
  const figures: readonly { readonly key: string; readonly label: string; readonly value: string; readonly testId: string; readonly loss?: boolean }[] = [
    { key: 'size', label: t('summary.size'), value: built === null ? '—' : formatCount(built.size), testId: 'targets-size' },
    { key: 'sum', label: t('summary.sumAvgProfit'), value: built === null ? '—' : formatYuan(built.sumAvgProfit), testId: 'targets-sum-profit', loss: built !== null && built.sumAvgProfit < 0 },
    { key: 'negative', label: t('summary.negative'), value: built === null ? '—' : formatCount(built.negativeCount), testId: 'targets-negative' },
    { key: 'arpu', label: t('summary.arpuNegative'), value: built === null ? '—' : formatCount(built.arpu.negativeCount), testId: 'targets-arpu-negative' },
    {
      key: 'avoided',
      label: t('summary.avoided'),
      value: built === null ? '—' : `${formatCount(built.negativeAvoided)} (${formatShare(built.negativeAvoidedShare)})`,
      testId: 'targets-avoided',
    },
  ];
  return (
    <section className={pending ? 'targets-summary targets-summary--pending' : 'targets-summary'} aria-busy={pending} data-testid="targets-summary">
      <dl className="kpis">
        {figures.map((f) => (
          <div key={f.key} className={f.loss === true ? 'kpi kpi-loss' : 'kpi'}>
            <dt className="kpi-label">{f.label}</dt>
            <dd className="kpi-value" data-testid={f.testId}>
              {f.value}
            </dd>
          </div>
        ))}
      </dl>
      {pending && <p className="muted targets-summary__note">{t('summary.building')}</p>}
    </section>
  );
}

function PreviewTable() {
  const { t } = useTranslation('targets');
  const built = useTargetsStore((s) => s.built);
  if (built === null) return null;
  return (
    <Card title={t('preview.title', { count: built.preview.length })}>
      {built.preview.length === 0 ? (
        <p className="muted">{t('preview.empty')}</p>
      ) : (
        <div className="table-wrap targets-preview-wrap">
          <table className="table report-table" data-testid="targets-preview">
            <thead>
              <tr>
                {PREVIEW_COLUMNS.map((c) => (
                  <th key={c} scope="col" className={NUMERIC_COLUMNS.has(c) ? 'num' : undefined}>
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
    <div className="toolbar targets-saved">
      <input type="text" className="input" aria-label={t('saved.name')} placeholder={t('saved.name')} value={name} data-testid="targets-name" onChange={(e) => setName(e.currentTarget.value)} />
      <button type="button" className="btn" data-testid="targets-save" disabled={name.trim() === ''} onClick={() => void store.save(name.trim())}>
        {t('saved.save')}
      </button>
      <label className="check targets-load">
        <span>{t('saved.load')}</span>
        <select
          className="select"
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
  );
}

/** The file's own name: the desktop answers with the full path the user chose. */
function fileNameOf(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
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
          <p>{t('done', { rows: formatCount(written.rows), path: shell === 'web' ? fileNameOf(written.path) : written.path })}</p>
          <button type="button" className="btn" data-testid="targets-download" onClick={() => void store.reveal()}>
            {shell === 'web' ? t('download') : t('reveal')}
          </button>
        </Alert>
      )}
    </>
  );
}

function ListActions({ runId }: { readonly runId: string }) {
  const { t } = useTranslation('targets');
  return (
    <Card>
      <div className="targets-actions">
        <SavedDefinitions />
        <ExportBar runId={runId} />
      </div>
      <p className="muted targets-hint">{t('saved.storedHint')}</p>
    </Card>
  );
}

function FilterForm({ run }: { readonly run: RunView }) {
  const { t } = useTranslation('targets');
  const filter = useTargetsStore((s) => s.filter);
  const setFilter = useTargetsStore((s) => s.setFilter);
  // The scenario's named tiers and its lowest tier (which has no threshold of its own), as the engine names them.
  const tiers = tierNamesOf(run.scenario);
  return (
    <Card>
      <form className="targets-form" data-testid="targets-form" onSubmit={(e) => e.preventDefault()}>
        <div className="targets-flags">
          <label className="check">
            <input type="checkbox" checked={filter.eligibleOnly} data-testid="targets-eligible" onChange={(e) => setFilter({ eligibleOnly: e.currentTarget.checked })} />
            <span>{t('form.eligibleOnly')}</span>
          </label>
          <label className="check">
            <input type="checkbox" checked={filter.excludeNegative} data-testid="targets-exclude-negative" onChange={(e) => setFilter({ excludeNegative: e.currentTarget.checked })} />
            <span>{t('form.excludeNegative')}</span>
          </label>
        </div>
        <ChoiceSelect label={t('form.tiers')} choices={tiers} selected={filter.tiers} onChange={(v) => setFilter({ tiers: v })} testId="targets-tiers" />
        <RangeInputs label={t('form.value')} minLabel={t('form.min')} maxLabel={t('form.max')} range={filter.value} onChange={(value) => setFilter({ value })} testId="targets-value" />
        <RangeInputs label={t('form.tenure')} minLabel={t('form.min')} maxLabel={t('form.max')} range={filter.tenure} onChange={(tenure) => setFilter({ tenure })} testId="targets-tenure" />
        <ChoiceSelect label={t('form.branches')} choices={groupsOf(run, 'branch')} selected={filter.branches} onChange={(v) => setFilter({ branches: v })} testId="targets-branches" />
        <ChoiceSelect label={t('form.channels')} choices={groupsOf(run, 'channel')} selected={filter.channels} onChange={(v) => setFilter({ channels: v })} testId="targets-channels" />
        <ChoiceSelect label={t('form.plans')} choices={groupsOf(run, 'plan')} selected={filter.plans} onChange={(v) => setFilter({ plans: v })} testId="targets-plans" />
        <ChoiceSelect label={t('form.segments')} choices={groupsOf(run, 'segment')} selected={filter.segments} onChange={(v) => setFilter({ segments: v })} testId="targets-segments" />
      </form>
      <p className="muted targets-hint">{t('form.anyHint')}</p>
    </Card>
  );
}

export function TargetsPage() {
  const { t } = useTranslation('targets');
  const run = useRunStore((s) => s.run);
  const filter = useTargetsStore((s) => s.filter);
  const building = useTargetsStore((s) => s.building);
  const runId = run?.runId ?? null;
  // The filter (and run) the figures on screen were built for; a newer change makes them pending.
  const [settled, setSettled] = useState<{ readonly runId: string; readonly filter: TargetFilter } | null>(null);

  useEffect(() => {
    if (runId === null) return;
    let current = true;
    const timer = setTimeout(() => {
      void useTargetsStore
        .getState()
        .build(runId)
        .then(() => {
          if (current) setSettled({ runId, filter });
        });
    }, BUILD_DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [runId, filter]);
  const pending = building || settled === null || settled.runId !== runId || settled.filter !== filter;

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
      <SummaryCard pending={pending} />
      <ListActions runId={run.runId} />
      <PreviewTable />
    </div>
  );
}
