import { useTranslation } from 'react-i18next';
import { Card } from '../../components/Card';
import { ConfirmButton } from '../../components/ConfirmButton';
import { formatDateTime } from '../../components/format';
import { isDirty, useScenarioStore } from '../../stores/scenario-store';

export function SavedScenarios() {
  const { t } = useTranslation('model');
  const saved = useScenarioStore((s) => s.saved);
  const loadedName = useScenarioStore((s) => s.loadedName);
  const unsaved = useScenarioStore((s) => s.loadedName === null || isDirty(s));
  const busy = useScenarioStore((s) => s.busy);
  const loadSaved = useScenarioStore((s) => s.loadSaved);
  const remove = useScenarioStore((s) => s.remove);

  return (
    <Card title={t('list.title')} className="saved-list" testId="saved-scenarios">
      {saved.length === 0 ? (
        <p className="empty">{t('list.empty')}</p>
      ) : (
        <ul className="saved-list__items">
          {saved.map((s, i) => {
            const current = s.name === loadedName;
            return (
              <li key={s.id} className={current ? 'saved-list__item saved-list__item--current' : 'saved-list__item'} data-testid={`saved-${i}`}>
                <div className="saved-list__name">{s.name}</div>
                <div className="field__hint">{t('list.updated', { at: formatDateTime(s.updatedAt) })}</div>
                <div className="saved-list__actions">
                  {current ? (
                    <span className="badge badge--accent">{t('list.current')}</span>
                  ) : unsaved ? (
                    <ConfirmButton label={t('list.load')} question={t('list.discard')} onConfirm={() => loadSaved(s.name)} testId={`saved-${i}-load`} tone="neutral" />
                  ) : (
                    <button type="button" className="btn btn--small" onClick={() => loadSaved(s.name)} data-testid={`saved-${i}-load`}>
                      {t('list.load')}
                    </button>
                  )}
                  <ConfirmButton label={t('list.delete')} question={t('list.confirmDelete')} disabled={busy} onConfirm={() => void remove(s.name)} testId={`saved-${i}-delete`} />
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
