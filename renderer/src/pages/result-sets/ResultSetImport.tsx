/** Importing a results set: a folder (desktop) or its files (web shell), then what the service said. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../../app/ServiceProvider';
import { Alert } from '../../components/Alert';
import { Card } from '../../components/Card';
import { formatCount } from '../../components/format';
import { inLang, useLang } from '../../i18n';
import { useResultSetsStore } from '../../stores/result-sets-store';
import { ValidationReport } from '../data/ValidationReport';

export function ResultSetImport() {
  const { t } = useTranslation('result-sets');
  const shell = useClient().shell;
  const importing = useResultSetsStore((s) => s.importing);
  const [name, setName] = useState('');
  const start = () => {
    const trimmed = name.trim();
    void useResultSetsStore
      .getState()
      .importSet(trimmed === '' ? undefined : trimmed)
      .then(() => {
        if (useResultSetsStore.getState().outcome?.status === 'imported') setName('');
      });
  };

  return (
    <Card title={t('import.title')} testId="rs-import" className="rs-import">
      <p className="muted card__lead">{t('import.lead')}</p>
      <label className="field">
        <span className="field__label">{t('import.name')}</span>
        <input className="input" value={name} maxLength={100} placeholder={t('import.namePlaceholder')} onChange={(e) => setName(e.currentTarget.value)} data-testid="rs-import-name" />
      </label>
      <div className="toolbar rs-import__actions">
        <button type="button" className="btn btn--primary" disabled={importing} onClick={start} data-testid="rs-import-pick">
          {importing ? t('import.running') : shell === 'web' ? t('import.pickFiles') : t('import.pickFolder')}
        </button>
      </div>
      <p className="field__hint">{shell === 'web' ? t('import.filesHint') : t('import.folderHint')}</p>
    </Card>
  );
}

/** The last import's outcome, full width: a refused set's problems need the validation table's room. */
export function ResultSetImportOutcome() {
  const { t } = useTranslation('result-sets');
  const lang = useLang();
  const outcome = useResultSetsStore((s) => s.outcome);
  const notice = useResultSetsStore((s) => s.notice);
  const skipped = useResultSetsStore((s) => s.skipped);
  const error = useResultSetsStore((s) => s.error);
  const clear = useResultSetsStore((s) => s.clearOutcome);
  if (outcome === null && notice === null && skipped.length === 0 && error === null) return null;

  const skippedLine = skipped.length === 0 ? null : <p data-testid="rs-import-skipped">{t('import.skipped', { files: skipped.join(lang === 'en' ? ', ' : '、') })}</p>;
  return (
    <div className="rs-outcome">
      {error === null ? null : (
        <Alert tone="error" onDismiss={clear} testId="rs-error">
          {inLang(error, lang)}
        </Alert>
      )}
      {notice === null ? null : (
        <Alert tone={notice === 'cancelled' ? 'info' : 'warning'} onDismiss={clear} testId="rs-import-notice">
          <p>{t(`import.${notice}`)}</p>
          {skippedLine}
        </Alert>
      )}
      {outcome === null ? null : outcome.status === 'invalid' ? (
        <>
          <Alert tone="error" onDismiss={clear} testId="rs-import-outcome">
            <p>{t('import.invalid', { count: outcome.report.errorCount })}</p>
            {skippedLine}
          </Alert>
          <ValidationReport report={outcome.report} />
        </>
      ) : (
        <>
          <Alert tone="success" onDismiss={clear} testId="rs-import-outcome">
            <p>{t('import.imported', { name: outcome.set.name, month: outcome.set.month, customers: formatCount(outcome.set.customers) })}</p>
            {outcome.report.warningCount > 0 ? <p>{t('import.warnings', { count: outcome.report.warningCount })}</p> : null}
            {skippedLine}
          </Alert>
          {outcome.report.problems.length > 0 ? <ValidationReport report={outcome.report} /> : null}
        </>
      )}
    </div>
  );
}
