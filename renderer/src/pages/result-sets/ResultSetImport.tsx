/**
 * Importing a results set: a folder (desktop) or its files (web shell), with an optional name and
 * evaluation month (for a scenario that leaves it to `cvalue sql --month`), then what the service said.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../../app/ServiceProvider';
import { Alert } from '../../components/Alert';
import { Card } from '../../components/Card';
import { formatCount } from '../../components/format';
import { inLang, useLang } from '../../i18n';
import { useResultSetsStore, type ResultImportOutcome } from '../../stores/result-sets-store';
import { ValidationReport } from '../data/ValidationReport';

/** As results:import accepts it. */
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const MONTH_INPUT_ID = 'rs-import-month';

/** Whether the import was refused because its scenario has no evaluation month. */
function refusedForMonth(outcome: ResultImportOutcome | null): boolean {
  return outcome?.status === 'invalid' && outcome.report.problems.some((p) => p.code === 'results.scenario_no_month');
}

function focusMonth(): void {
  document.getElementById(MONTH_INPUT_ID)?.focus();
}

export function ResultSetImport() {
  const { t } = useTranslation('result-sets');
  const shell = useClient().shell;
  const importing = useResultSetsStore((s) => s.importing);
  const needsMonth = useResultSetsStore((s) => refusedForMonth(s.outcome));
  const [name, setName] = useState('');
  const [month, setMonth] = useState('');
  // The month's format is judged once the user leaves the field or starts the import, not while typing.
  const [judged, setJudged] = useState(false);
  const monthRef = useRef<HTMLInputElement>(null);
  const monthText = month.trim();
  const monthBad = monthText !== '' && !MONTH.test(monthText);
  const monthMissing = needsMonth && monthText === '';

  // A set refused for want of a month: the cursor goes to where the month is given.
  useEffect(() => {
    if (needsMonth) monthRef.current?.focus();
  }, [needsMonth]);

  const start = () => {
    if (monthBad) {
      setJudged(true);
      monthRef.current?.focus();
      return;
    }
    const trimmed = name.trim();
    void useResultSetsStore
      .getState()
      .importSet(trimmed === '' ? undefined : trimmed, monthText === '' ? undefined : monthText)
      .then(() => {
        if (useResultSetsStore.getState().outcome?.status === 'imported') {
          setName('');
          setMonth('');
          setJudged(false);
        }
      });
  };

  return (
    <Card title={t('import.title')} testId="rs-import" className="rs-import">
      <p className="muted card__lead">{t('import.lead')}</p>
      <div className="rs-import__fields">
        <label className="field">
          <span className="field__label">{t('import.name')}</span>
          <input className="input" value={name} maxLength={100} placeholder={t('import.namePlaceholder')} onChange={(e) => setName(e.currentTarget.value)} data-testid="rs-import-name" />
        </label>
        <label className="field">
          <span className="field__label">{t('import.month')}</span>
          <input
            ref={monthRef}
            id={MONTH_INPUT_ID}
            className="input rs-import__month"
            value={month}
            inputMode="numeric"
            autoComplete="off"
            placeholder={t('import.monthPlaceholder')}
            aria-invalid={(judged && monthBad) || monthMissing ? true : undefined}
            aria-describedby="rs-import-month-hint"
            onChange={(e) => setMonth(e.currentTarget.value)}
            onBlur={() => setJudged(true)}
            data-testid="rs-import-month"
          />
          <span className="field__hint" id="rs-import-month-hint">
            {t('import.monthHint')}
          </span>
          {judged && monthBad ? (
            <p className="issue" role="alert" data-testid="rs-import-month-invalid">
              {t('import.monthInvalid')}
            </p>
          ) : monthMissing ? (
            <p className="issue" data-testid="rs-import-month-needed">
              {t('import.monthNeeded')}
            </p>
          ) : null}
        </label>
      </div>
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
            {refusedForMonth(outcome) ? (
              <p className="rs-outcome__month" data-testid="rs-import-no-month">
                {t('import.noMonth')}{' '}
                <button type="button" className="btn btn--small" onClick={focusMonth} data-testid="rs-import-to-month">
                  {t('import.toMonth')}
                </button>
              </p>
            ) : null}
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
