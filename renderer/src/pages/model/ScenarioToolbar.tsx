import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultScenario } from '../../../../core/model/scenario';
import { useClient } from '../../app/ServiceProvider';
import { Alert } from '../../components/Alert';
import { errorMessage } from '../../components/error-message';
import { inLang, useLang } from '../../i18n';
import { isDirty, useScenarioStore } from '../../stores/scenario-store';

/** Save, copy, new, import and export, with the draft's state: saved, unsaved, or how many problems. */
export function ScenarioToolbar() {
  const { t } = useTranslation('model');
  const lang = useLang();
  const client = useClient();
  const check = useScenarioStore((s) => s.check);
  const busy = useScenarioStore((s) => s.busy);
  const loadedName = useScenarioStore((s) => s.loadedName);
  const dirty = useScenarioStore(isDirty);
  const draftName = useScenarioStore((s) => s.draft['name']);
  const error = useScenarioStore((s) => s.error);
  const importIssues = useScenarioStore((s) => s.importIssues);
  const { save, copy, importText, exportText, replaceDraft, clearError } = useScenarioStore.getState();
  const [copyName, setCopyName] = useState<string | null>(null);
  const [importFile, setImportFile] = useState('');
  const [fileError, setFileError] = useState<string | null>(null);
  const [showIssues, setShowIssues] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const name = typeof draftName === 'string' && draftName.trim() !== '' ? draftName.trim() : 'scenario';
  const issueCount = check.ok ? 0 : check.issues.length;

  async function onFile(file: File): Promise<void> {
    setImportFile(file.name);
    setFileError(null);
    let text: string;
    try {
      text = await file.text();
    } catch {
      setFileError(t('fileUnreadable', { file: file.name }));
      return;
    }
    await importText(text);
  }

  async function onExport(): Promise<void> {
    setFileError(null);
    try {
      await client.saveScenarioFile(`${name}.scenario.json`, exportText());
    } catch (e) {
      setFileError(inLang(errorMessage(e), lang));
    }
  }

  const status = issueCount > 0 ? (
    <button type="button" className="badge badge--error badge--button" aria-expanded={showIssues} onClick={() => setShowIssues(!showIssues)} data-testid="scenario-status">
      {t('actions.saveNeedsValid', { count: issueCount })} {showIssues ? '▴' : '▾'}
    </button>
  ) : loadedName === null ? (
    <span className="badge badge--warning" data-testid="scenario-status">
      {t('actions.newUnsaved')}
    </span>
  ) : dirty ? (
    <span className="badge badge--warning" data-testid="scenario-status">
      {t('actions.unsaved')}
    </span>
  ) : (
    <span className="badge badge--ok" data-testid="scenario-status">
      {t('actions.saved')}
    </span>
  );

  return (
    <div className="scenario-toolbar" data-testid="scenario-toolbar">
      <div className="toolbar">
        <strong className="scenario-toolbar__name">{name}</strong>
        {status}
        <span className="toolbar__spacer" />
        <button type="button" className="btn" onClick={() => replaceDraft(defaultScenario())} data-testid="scenario-new">
          {t('actions.new')}
        </button>
        {copyName === null ? (
          <button type="button" className="btn" disabled={loadedName === null || busy} onClick={() => setCopyName(t('actions.copyDefault', { name: loadedName ?? name }))} data-testid="scenario-copy">
            {t('actions.copy')}
          </button>
        ) : (
          <form
            className="inline-controls"
            onSubmit={(e) => {
              e.preventDefault();
              if (copyName.trim() === '') return;
              void copy(copyName.trim()).then((ok) => {
                if (ok) setCopyName(null);
              });
            }}
          >
            <input className="input" aria-label={t('actions.copyName')} value={copyName} onChange={(e) => setCopyName(e.target.value)} autoFocus data-testid="scenario-copy-name" />
            <button type="submit" className="btn btn--small" disabled={copyName.trim() === '' || busy} data-testid="scenario-copy-confirm">
              {t('actions.copyConfirm')}
            </button>
            <button type="button" className="btn btn--small" onClick={() => setCopyName(null)}>
              {t('common.cancel', { ns: 'app' })}
            </button>
          </form>
        )}
        <button type="button" className="btn" onClick={() => fileInput.current?.click()} data-testid="scenario-import">
          {t('actions.import')}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          hidden
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file !== undefined) void onFile(file);
          }}
          data-testid="scenario-import-file"
        />
        <button type="button" className="btn" disabled={!check.ok} onClick={() => void onExport()} data-testid="scenario-export">
          {t('actions.export')}
        </button>
        <button type="button" className="btn btn--primary" disabled={!check.ok || busy || (loadedName !== null && !dirty)} onClick={() => void save()} data-testid="scenario-save">
          {busy ? t('actions.saving') : t('actions.save')}
        </button>
      </div>
      {/* Every issue in one list, so none hides in a collapsed part of the form. */}
      {showIssues && !check.ok ? (
        <ul className="issue-list" data-testid="scenario-issue-list">
          {check.issues.map((issue, i) => (
            <li key={i}>{inLang(issue, lang)}</li>
          ))}
        </ul>
      ) : null}
      {error === null ? null : (
        <Alert tone="error" onDismiss={clearError} testId="scenario-error">
          {inLang(error, lang)}
        </Alert>
      )}
      {fileError === null ? null : (
        <Alert tone="error" onDismiss={() => setFileError(null)}>
          {fileError}
        </Alert>
      )}
      {importIssues.length === 0 ? null : (
        <Alert tone="error" onDismiss={clearError} testId="scenario-import-issues">
          <p>{t('importIssues', { file: importFile })}</p>
          <ul>
            {importIssues.map((issue, i) => (
              <li key={i}>{inLang(issue, lang)}</li>
            ))}
          </ul>
        </Alert>
      )}
    </div>
  );
}
