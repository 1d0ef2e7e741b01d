/**
 * A results set's value workbook (`results:export`), by the 导出 page's flow: the save dialog
 * (desktop) or the report's name (web shell), a job with progress and cancel, then the file
 * shown in its folder or downloaded.
 */
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../../core/model/messages';
import { fullReportEstimate } from '../../../../core/model/report-size';
import type { ResultSetView } from '../../../../core/service/contract';
import { useClient } from '../../app/ServiceProvider';
import { Alert } from '../../components/Alert';
import { Card } from '../../components/Card';
import { formatBytes, formatCount } from '../../components/format';
import { ProgressBar } from '../../components/ProgressBar';
import { inLang, useLang } from '../../i18n';
import type { ExportPreset } from '../../stores/export-store';
import { useJobsStore } from '../../stores/jobs-store';
import { exportOf, useResultSetsStore } from '../../stores/result-sets-store';

const PRESETS: readonly ExportPreset[] = ['summary', 'full'];
const LANGS: readonly Lang[] = ['zh', 'en'];

export function ResultSetExport({ view }: { readonly view: ResultSetView }) {
  const { t } = useTranslation('result-sets');
  const { t: te } = useTranslation('export');
  const uiLang = useLang();
  const shell = useClient().shell;
  const preset = useResultSetsStore((s) => s.preset);
  const lang = useResultSetsStore((s) => s.exportLang) ?? uiLang;
  // This set's export: another set's, still running, stays with that set.
  const { status, jobId, written, error } = useResultSetsStore((s) => exportOf(s, view.set.id));
  const job = useJobsStore((s) => s.jobs.find((j) => j.jobId === jobId));
  const store = useResultSetsStore.getState();
  const running = status === 'running';
  const estimate = fullReportEstimate(view.kpis.customers);

  return (
    <Card title={t('export.title')} testId="rs-export" className="rs-export">
      <p className="muted card__lead">{t('export.lead')}</p>
      <fieldset className="export-choice" disabled={running}>
        <legend>{te('preset.label')}</legend>
        {PRESETS.map((p) => (
          <label key={p} className="radio">
            <input type="radio" name="rs-preset" value={p} checked={preset === p} data-testid={`rs-export-preset-${p}`} onChange={() => store.setPreset(p)} />
            <span>
              <strong>{te(`preset.${p}`)}</strong>
              <span className="muted"> — {te(`preset.${p}Hint`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <fieldset className="export-choice" disabled={running}>
        <legend>{te('lang.label')}</legend>
        {LANGS.map((l) => (
          <label key={l} className="radio radio-inline">
            <input type="radio" name="rs-lang" value={l} checked={lang === l} data-testid={`rs-export-lang-${l}`} onChange={() => store.setExportLang(l)} />
            <span>{te(`lang.${l}`)}</span>
          </label>
        ))}
      </fieldset>
      {preset === 'full' && estimate.large && (
        <Alert tone="warning" testId="rs-export-size-warning">
          {te('largeFull', { size: formatBytes(estimate.bytes), sheets: formatCount(estimate.customerSheets), minutes: formatCount(Math.max(1, Math.round(estimate.seconds / 60))) })}
        </Alert>
      )}
      <div className="toolbar">
        <button type="button" className="btn btn--primary" data-testid="rs-export-run" disabled={running} onClick={() => void store.exportSelected(lang)}>
          {running ? te('running') : te('run')}
        </button>
        {running && (
          <button type="button" className="btn" data-testid="rs-export-cancel" disabled={job?.cancelling ?? false} onClick={() => void store.cancelExport(view.set.id)}>
            {te('cancel')}
          </button>
        )}
      </div>
      {running && <ProgressBar done={job?.done ?? 0} total={job?.total ?? 0} />}
      {status === 'cancelled' && <Alert tone="info">{te('cancelled')}</Alert>}
      {error !== null && (
        <Alert tone="error" testId="rs-export-error" onDismiss={() => store.dismissExportError(view.set.id)}>
          <strong>{t('export.failed')}</strong> {inLang(error, uiLang)} {te('failedNext')}
        </Alert>
      )}
      {status === 'done' && written !== null && (
        <Alert tone="success" testId="rs-export-done">
          <p>{te('done', { path: written.path, sheets: formatCount(written.sheets.length), size: formatBytes(written.bytes) })}</p>
          <button type="button" className="btn" data-testid="rs-export-reveal" onClick={() => void store.revealExport(view.set.id)}>
            {shell === 'web' ? te('download') : te('reveal')}
          </button>
        </Alert>
      )}
    </Card>
  );
}
