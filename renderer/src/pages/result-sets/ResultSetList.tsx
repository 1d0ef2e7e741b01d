/** The knowledge base's results sets, newest first: the one being viewed, and delete. */
import { useTranslation } from 'react-i18next';
import { Card } from '../../components/Card';
import { ConfirmButton } from '../../components/ConfirmButton';
import { formatCount, formatDateTime } from '../../components/format';
import { useResultSetsStore } from '../../stores/result-sets-store';

export function ResultSetList() {
  const { t } = useTranslation('result-sets');
  const sets = useResultSetsStore((s) => s.sets);
  const loaded = useResultSetsStore((s) => s.loaded);
  const selectedId = useResultSetsStore((s) => s.selectedId);
  const store = useResultSetsStore.getState();

  return (
    <Card title={t('list.title')} testId="rs-list" className="rs-list">
      {!loaded ? null : sets.length === 0 ? (
        <p className="empty" data-testid="rs-list-empty">
          {t('list.empty')}
        </p>
      ) : (
        <div className="table-wrap rs-list__table">
          <table className="table">
            <thead>
              <tr>
                <th>{t('list.name')}</th>
                <th>{t('list.month')}</th>
                <th>{t('list.scenario')}</th>
                <th className="num">{t('list.customers')}</th>
                <th>{t('list.importedAt')}</th>
                <th aria-label={t('list.show')} />
              </tr>
            </thead>
            <tbody>
              {sets.map((s) => {
                const shown = s.id === selectedId;
                return (
                  <tr key={s.id} className={shown ? 'rs-row-selected' : undefined} aria-current={shown ? 'true' : undefined} data-testid={`rs-set-${s.id}`}>
                    <td className="rs-list__name" title={s.name}>
                      {s.name}
                    </td>
                    <td>{s.month}</td>
                    <td>{s.scenarioName}</td>
                    <td className="num">{formatCount(s.customers)}</td>
                    <td>{formatDateTime(s.importedAt)}</td>
                    <td className="rs-list__actions">
                      <button type="button" className="btn btn--small" disabled={shown} onClick={() => void store.select(s.id)} data-testid={`rs-set-${s.id}-show`}>
                        {shown ? t('list.shown') : t('list.show')}
                      </button>
                      <ConfirmButton label={t('list.delete')} question={t('list.confirmDelete')} onConfirm={() => void store.deleteSet(s.id)} testId={`rs-set-${s.id}-delete`} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
