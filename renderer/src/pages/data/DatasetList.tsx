import { useTranslation } from 'react-i18next';
import type { ImportView } from '../../../../core/service/contract';
import { Card } from '../../components/Card';
import { ConfirmButton } from '../../components/ConfirmButton';
import { baseName, formatCount, formatDateTime, shortSha } from '../../components/format';
import { useDatasetsStore } from '../../stores/datasets-store';

function monthsText(months: readonly string[]): string {
  const first = months[0];
  const last = months.at(-1);
  if (first === undefined || last === undefined) return '—';
  return first === last ? first : `${first} – ${last}`;
}

/** The knowledge base's imports, newest first, each with its files' provenance. */
export function DatasetList() {
  const { t } = useTranslation('data');
  const imports = useDatasetsStore((s) => s.imports);
  const loaded = useDatasetsStore((s) => s.importsLoaded);
  const newestFirst = [...imports].sort((a, b) => b.id - a.id);
  return (
    <Card title={t('datasets.title')} testId="dataset-list">
      {!loaded ? null : imports.length === 0 ? (
        <p className="empty">{t('datasets.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th>{t('datasets.col.file')}</th>
                <th>{t('datasets.col.sheet')}</th>
                <th>{t('datasets.col.kind')}</th>
                <th className="num">{t('datasets.col.rows')}</th>
                <th>{t('datasets.col.sha')}</th>
              </tr>
            </thead>
            {newestFirst.map((i) => (
              <ImportRows key={i.id} view={i} />
            ))}
          </table>
        </div>
      )}
    </Card>
  );
}

function ImportRows({ view }: { view: ImportView }) {
  const { t } = useTranslation('data');
  const deleteImport = useDatasetsStore((s) => s.deleteImport);
  const busy = useDatasetsStore((s) => s.busy !== null);
  return (
    <tbody data-testid={`import-${view.id}`}>
      <tr className="row-group">
        <td colSpan={5}>
          <div className="import-head">
            <span>{t('datasets.importHeading', { id: view.id, at: formatDateTime(view.importedAt), version: view.appVersion })}</span>
            <span className="muted import-head__summary">
              {t('datasets.summary', { months: monthsText(view.months), customers: formatCount(view.customers), rows: formatCount(view.factRows) })}
            </span>
            <ConfirmButton label={t('datasets.delete')} question={t('datasets.confirmDelete')} disabled={busy} onConfirm={() => void deleteImport(view.id)} testId={`import-${view.id}-delete`} />
          </div>
        </td>
      </tr>
      {view.datasets.map((d) => (
        <tr key={d.id}>
          <td title={d.file}>{baseName(d.file)}</td>
          <td>{d.sheet ?? ''}</td>
          <td>{t(`kind.${d.kind}`, { defaultValue: d.kind })}</td>
          <td className="num">{formatCount(d.rows)}</td>
          <td className="mono" title={d.sha256}>
            {shortSha(d.sha256)}
          </td>
        </tr>
      ))}
    </tbody>
  );
}
