/**
 * 数据: sample data for a first run, files → column mapping → validation → import, then the
 * knowledge base's datasets. Each step is a card that appears once the one before it has
 * something to show.
 */
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import { Card } from '../../components/Card';
import { inLang, useLang } from '../../i18n';
import { useDatasetsStore } from '../../stores/datasets-store';
import { DatasetList } from './DatasetList';
import { FileChooser } from './FileChooser';
import { ImportOutcome } from './ImportOutcome';
import { SampleData } from './SampleData';
import { SheetMapping } from './SheetMapping';
import { ValidationReport } from './ValidationReport';

export function DataPage() {
  const { t } = useTranslation('data');
  const lang = useLang();
  const paths = useDatasetsStore((s) => s.paths);
  const previews = useDatasetsStore((s) => s.previews);
  const report = useDatasetsStore((s) => s.report);
  const outcome = useDatasetsStore((s) => s.outcome);
  const busy = useDatasetsStore((s) => s.busy);
  const error = useDatasetsStore((s) => s.error);
  const clearError = useDatasetsStore((s) => s.clearError);
  const validate = useDatasetsStore((s) => s.validate);
  const importFiles = useDatasetsStore((s) => s.importFiles);
  const exportReport = useDatasetsStore((s) => s.exportReport);
  const hasFiles = paths.length > 0;

  return (
    <div className="page" data-testid="data-page">
      <div>
        <h2 className="page__title">{t('title')}</h2>
        <p className="page__intro">{t('intro')}</p>
      </div>
      {error === null ? null : (
        <Alert tone="error" onDismiss={clearError} testId="data-error">
          {inLang(error, lang)}
        </Alert>
      )}
      <SampleData />
      <FileChooser />
      {!hasFiles ? null : (
        <Card title={t('mapping.title')} testId="mapping-step">
          <p className="muted card__lead">{t('mapping.intro')}</p>
          {busy === 'preview' && previews.length === 0 ? <p className="muted">{t('mapping.loading')}</p> : null}
          <div className="sheet-list">
            {previews.map((p, i) => (
              <SheetMapping key={`${p.file}\u0000${p.sheet ?? ''}`} sheet={p} index={i} />
            ))}
          </div>
        </Card>
      )}
      {!hasFiles ? null : (
        <Card
          title={t('validate.title')}
          testId="validate-step"
          actions={
            <>
              {report === null ? null : (
                <button type="button" className="btn btn--small" disabled={busy !== null} onClick={() => void exportReport(lang)} data-testid="report-export">
                  {t('validate.export')}
                </button>
              )}
              <button type="button" className="btn btn--primary" disabled={busy !== null} onClick={() => void validate()} data-testid="validate">
                {busy === 'validate' ? t('validate.running') : report === null ? t('validate.run') : t('validate.again')}
              </button>
            </>
          }
        >
          {report === null ? (
            <p className="muted">{t('import.needValidate')}</p>
          ) : (
            <>
              <ReportVerdict errors={report.errorCount} warnings={report.warningCount} />
              <ValidationReport report={report} />
            </>
          )}
        </Card>
      )}
      {!hasFiles && outcome === null ? null : (
        <Card
          title={t('import.title')}
          testId="import-step"
          actions={
            hasFiles ? (
              <button type="button" className="btn btn--primary" disabled={busy !== null || report === null || report.errorCount > 0} onClick={() => void importFiles()} data-testid="import">
                {busy === 'import' ? t('import.running') : t('import.run')}
              </button>
            ) : undefined
          }
        >
          {outcome !== null ? <ImportOutcome outcome={outcome} /> : <p className="muted">{report === null ? t('import.needValidate') : report.errorCount > 0 ? t('import.blocked') : t('import.ready')}</p>}
          {!hasFiles && report !== null && report.problems.length > 0 ? <ValidationReport report={report} /> : null}
        </Card>
      )}
      <DatasetList />
    </div>
  );
}

function ReportVerdict({ errors, warnings }: { errors: number; warnings: number }) {
  const { t } = useTranslation('data');
  if (errors > 0) return <Alert tone="error">{t('validate.hasErrors', { count: errors })}</Alert>;
  if (warnings > 0) return <Alert tone="warning">{t('validate.onlyWarnings')}</Alert>;
  return <Alert tone="success">{t('validate.clean')}</Alert>;
}
