import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../../app/ServiceProvider';
import { Card } from '../../components/Card';
import { errorMessage } from '../../components/error-message';
import { baseName } from '../../components/format';
import { inLang, useLang } from '../../i18n';
import { useDatasetsStore } from '../../stores/datasets-store';
import { Alert } from '../../components/Alert';

/** Step 1: the files to import, from the open dialog or dropped on the zone. */
export function FileChooser() {
  const { t } = useTranslation('data');
  const lang = useLang();
  const client = useClient();
  const paths = useDatasetsStore((s) => s.paths);
  const addPaths = useDatasetsStore((s) => s.addPaths);
  const removePath = useDatasetsStore((s) => s.removePath);
  const clearFiles = useDatasetsStore((s) => s.clearFiles);
  const sumDuplicates = useDatasetsStore((s) => s.sumDuplicates);
  const setSumDuplicates = useDatasetsStore((s) => s.setSumDuplicates);
  const replace = useDatasetsStore((s) => s.replace);
  const setReplace = useDatasetsStore((s) => s.setReplace);
  const [dragging, setDragging] = useState(false);
  const [pickError, setPickError] = useState<string | null>(null);

  async function add(pick: () => Promise<readonly string[]>): Promise<void> {
    setPickError(null);
    try {
      await addPaths(await pick());
    } catch (e) {
      setPickError(inLang(errorMessage(e), lang));
    }
  }

  function onDrop(event: DragEvent<HTMLDivElement>): void {
    event.preventDefault();
    setDragging(false);
    const files = [...event.dataTransfer.files];
    if (files.length > 0) void add(() => client.filesFromDrop(files));
  }

  return (
    <Card
      title={t('files.title')}
      actions={
        paths.length > 0 ? (
          <button type="button" className="btn btn--small" onClick={clearFiles} data-testid="files-clear">
            {t('files.clear')}
          </button>
        ) : undefined
      }
    >
      <div
        className={dragging ? 'drop-zone drop-zone--active' : 'drop-zone'}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="drop-zone"
      >
        <button type="button" className="btn btn--primary" onClick={() => void add(() => client.pickInputFiles())} data-testid="files-add">
          {t('files.add')}
        </button>
        <div>
          <div>{t('files.drop')}</div>
          <div className="field__hint">{t('files.dropHint')}</div>
        </div>
      </div>
      {pickError === null ? null : (
        <Alert tone="error" onDismiss={() => setPickError(null)}>
          {pickError}
        </Alert>
      )}
      {paths.length === 0 ? (
        <p className="muted">{t('files.none')}</p>
      ) : (
        <ul className="file-list" data-testid="file-list">
          {paths.map((path) => (
            <li key={path} className="file-list__item">
              <span className="file-list__name" title={path}>
                {baseName(path)}
              </span>
              <button type="button" className="btn btn--link" onClick={() => void removePath(path)}>
                {t('files.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="toolbar">
        <label className="check">
          <input type="checkbox" checked={sumDuplicates} onChange={(e) => setSumDuplicates(e.target.checked)} data-testid="sum-duplicates" />
          {t('files.sumDuplicates')}
          <span className="field__hint">{t('files.sumDuplicatesHint')}</span>
        </label>
        <label className="check">
          <input type="checkbox" checked={replace} onChange={(e) => setReplace(e.target.checked)} data-testid="replace" />
          {t('files.replace')}
        </label>
      </div>
    </Card>
  );
}
