/** 导出: the value report of the current run, optionally with the comparison, as one workbook. */
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../../core/model/messages';
import { fullReportEstimate } from '../../../../core/model/report-size';
import { Alert } from '../../components/Alert';
import { Card } from '../../components/Card';
import { formatBytes } from '../../components/format';
import { ProgressBar } from '../../components/ProgressBar';
import { useClient } from '../../app/ServiceProvider';
import { inLang, useLang } from '../../i18n';
import { useCompareStore } from '../../stores/compare-store';
import { useExportStore, type ExportPreset, type ExportRuns } from '../../stores/export-store';
import { useJobsStore } from '../../stores/jobs-store';
import { useRunStore } from '../../stores/run-store';
import { EmptyState } from '../results/EmptyState';
import { formatCount } from '../results/finance-format';
import '../results/results.css';
import './export.css';

const PRESETS: readonly ExportPreset[] = ['summary', 'full'];
const LANGS: readonly Lang[] = ['zh', 'en'];

export function ExportPage() {
  const { t } = useTranslation('export');
  const uiLang = useLang();
  const shell = useClient().shell;
  const run = useRunStore((s) => s.run);
  const comparison = useCompareStore((s) => s.comparison);
  const preset = useExportStore((s) => s.preset);
  const lang = useExportStore((s) => s.lang) ?? uiLang;
  const target = useExportStore((s) => s.target);
  const includeComparison = useExportStore((s) => s.includeComparison);
  const status = useExportStore((s) => s.status);
  const jobId = useExportStore((s) => s.jobId);
  const written = useExportStore((s) => s.written);
  const error = useExportStore((s) => s.error);
  const job = useJobsStore((s) => s.jobs.find((j) => j.jobId === jobId));
  const store = useExportStore.getState();

  if (run === null && comparison === null) {
    return (
      <div className="page export-page" data-testid="export-page">
        <h2 className="page__title">{t('title')}</h2>
        <EmptyState testId="export-empty" title={t('noRun.title')} body={t('noRun.body')} link={t('noRun.link')} href="#/results" />
      </div>
    );
  }

  const withComparison = comparison !== null && (includeComparison || run === null);
  // A comparison's report is run A's workbook with B's 方案对比 sheet.
  const runs: ExportRuns | null = withComparison ? { runId: comparison.a.runId, compareRunId: comparison.b.runId } : run === null ? null : { runId: run.runId };
  const exported = withComparison ? comparison.a : run;
  const running = status === 'running';
  const estimate = exported === null ? null : fullReportEstimate(exported.kpis.customers);

  return (
    <div className="page export-page" data-testid="export-page">
      <h2 className="page__title">{t('title')}</h2>
      <Card>
        {exported !== null && <p>{t('what', { name: exported.scenario.name, month: exported.month })}</p>}
        <fieldset className="export-choice" disabled={running}>
          <legend>{t('preset.label')}</legend>
          {PRESETS.map((p) => (
            <label key={p} className="radio">
              <input type="radio" name="preset" value={p} checked={preset === p} data-testid={`export-preset-${p}`} onChange={() => store.setPreset(p)} />
              <span>
                <strong>{t(`preset.${p}`)}</strong>
                <span className="muted"> — {t(`preset.${p}Hint`)}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <fieldset className="export-choice" disabled={running}>
          <legend>{t('lang.label')}</legend>
          {LANGS.map((l) => (
            <label key={l} className="radio radio-inline">
              <input type="radio" name="lang" value={l} checked={lang === l} data-testid={`export-lang-${l}`} onChange={() => store.setLang(l)} />
              <span>{t(`lang.${l}`)}</span>
            </label>
          ))}
        </fieldset>
        {shell === 'electron' && (
          <fieldset className="export-choice" disabled={running}>
            <legend>{t('target.label')}</legend>
            <div className="export-target">
              <span className={target === null ? 'muted' : 'export-path'} data-testid="export-target">
                {target ?? t('target.none')}
              </span>
              <button type="button" className="btn" data-testid="export-choose" onClick={() => void store.chooseTarget(lang)}>
                {target === null ? t('target.choose') : t('target.change')}
              </button>
            </div>
          </fieldset>
        )}
        <fieldset className="export-choice" disabled={running || comparison === null || run === null}>
          {comparison === null ? (
            <p className="muted">{t('comparison.none')}</p>
          ) : (
            <label className="radio">
              <input type="checkbox" checked={withComparison} data-testid="export-include-comparison" onChange={(e) => store.setIncludeComparison(e.currentTarget.checked)} />
              <span>{t('comparison.label', { a: comparison.a.scenario.name, b: comparison.b.scenario.name })}</span>
            </label>
          )}
        </fieldset>
        {preset === 'full' && estimate !== null && estimate.large && (
          <Alert tone="warning" testId="export-size-warning">
            {t('largeFull', {
              size: formatBytes(estimate.bytes),
              sheets: formatCount(estimate.customerSheets),
              minutes: formatCount(Math.max(1, Math.round(estimate.seconds / 60))),
            })}
          </Alert>
        )}
        <div className="toolbar">
          <button type="button" className="btn btn--primary" data-testid="export-run" disabled={running || runs === null} onClick={() => runs !== null && void store.start(runs, lang)}>
            {running ? t('running') : t('run')}
          </button>
          {running && (
            <button type="button" className="btn" data-testid="export-cancel" disabled={job?.cancelling ?? false} onClick={() => void store.cancel()}>
              {t('cancel')}
            </button>
          )}
        </div>
        {running && <ProgressBar done={job?.done ?? 0} total={job?.total ?? 0} />}
      </Card>
      {status === 'cancelled' && <Alert tone="info">{t('cancelled')}</Alert>}
      {error !== null && (
        <Alert tone="error" testId="export-error" onDismiss={() => useExportStore.setState({ error: null })}>
          <strong>{t('failed')}</strong> {inLang(error, uiLang)} {t('failedNext')}
        </Alert>
      )}
      {status === 'done' && written !== null && (
        <Alert tone="success" testId="export-done">
          <p>{t('done', { path: written.path, sheets: formatCount(written.sheets.length), size: formatBytes(written.bytes) })}</p>
          <button type="button" className="btn" data-testid="export-reveal" onClick={() => void store.reveal()}>
            {shell === 'web' ? t('download') : t('reveal')}
          </button>
        </Alert>
      )}
    </div>
  );
}
