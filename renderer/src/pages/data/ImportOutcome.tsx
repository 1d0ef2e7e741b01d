import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import { baseName, formatCount } from '../../components/format';
import { inLang, useLang } from '../../i18n';
import type { ImportOutcome as Outcome } from '../../stores/datasets-store';

/** What the last import did: all of it, nothing (unchanged), or nothing because of errors. */
export function ImportOutcome({ outcome, testId = 'import-outcome', onDismiss }: { outcome: Outcome; testId?: string; onDismiss?: () => void }) {
  const { t } = useTranslation('data');
  const lang = useLang();
  if (outcome.status === 'invalid') {
    return (
      <Alert tone="error" testId={testId} onDismiss={onDismiss}>
        <p>{t('import.invalid')}</p>
      </Alert>
    );
  }
  const skipped = outcome.skipped.length === 0 ? null : <p>{t('import.skipped', { files: outcome.skipped.map(baseName).join('、') })}</p>;
  if (outcome.status === 'unchanged') {
    return (
      <Alert tone="info" testId={testId} onDismiss={onDismiss}>
        <p>{t('import.unchanged')}</p>
        {skipped}
      </Alert>
    );
  }
  const { imported } = outcome;
  return (
    <Alert tone="success" testId={testId} onDismiss={onDismiss}>
      <p>{t('import.imported', { rows: formatCount(imported.factRows), customers: formatCount(imported.customers), months: imported.months.join('、') })}</p>
      <p>{t('import.importedPools', { count: formatCount(imported.pools), participants: formatCount(imported.participants) })}</p>
      {skipped}
      {imported.warnings.length === 0 ? null : (
        <>
          <p>{t('import.warnings')}</p>
          <ul>
            {imported.warnings.map((w, i) => (
              <li key={i}>{inLang(w, lang)}</li>
            ))}
          </ul>
        </>
      )}
      <p>{t('import.next')}</p>
    </Alert>
  );
}
