/**
 * 结果集 (issue 7): results of runs made elsewhere — the warehouse running `cvalue sql`,
 * `cvalue run --engine duckdb`, another PC's `cvalue run --out-dir` — imported, listed and shown
 * with the 结果 screen's figures, charts and tables and the 客户 screen's explorer (without the
 * trace: a set has no inputs behind it), and exported as a value workbook.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useResultSetCustomersStore } from '../../stores/result-set-customers-store';
import { useResultSetsStore } from '../../stores/result-sets-store';
import '../customers/customers.css';
import '../export/export.css';
import '../results/results.css';
import { ResultSetDetail } from './ResultSetDetail';
import { ResultSetImport, ResultSetImportOutcome } from './ResultSetImport';
import { ResultSetList } from './ResultSetList';
import './result-sets.css';

export function ResultSetsPage() {
  const { t } = useTranslation('result-sets');
  const selectedId = useResultSetsStore((s) => s.selectedId);

  useEffect(() => {
    void useResultSetsStore.getState().refresh();
  }, []);

  useEffect(() => {
    if (selectedId === null) useResultSetCustomersStore.getState().close();
    else void useResultSetCustomersStore.getState().open(selectedId);
  }, [selectedId]);

  return (
    <div className="page result-sets-page" data-testid="result-sets-page">
      <div>
        <h2 className="page__title">{t('title')}</h2>
        <p className="page__intro">{t('intro')}</p>
      </div>
      <div className="rs-top">
        <ResultSetImport />
        <ResultSetList />
      </div>
      <ResultSetImportOutcome />
      {selectedId === null ? null : <ResultSetDetail key={selectedId} />}
    </div>
  );
}
