/** 预警: the early warnings of the current draft's trend, filterable by rule and branch, exportable as CSV. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { WARNING_RULES, type WarningRuleName } from '../../../../core/service/contract';
import { Alert } from '../../components/Alert';
import { Card } from '../../components/Card';
import { inLang, useLang } from '../../i18n';
import { useTrendStore, WARNINGS_PAGE_SIZE } from '../../stores/trend-store';
import { formatCount } from '../results/finance-format';
import '../results/results.css';
import { warningDetail, warningFigure } from './warning-figures';
import { downloadText, WARNING_CSV_COLUMNS, warningsCsv } from './warnings-csv';
import './warnings.css';

export function WarningsPage() {
  const { t } = useTranslation('warnings');
  const lang = useLang();
  const page = useTrendStore((s) => s.warnings);
  const loading = useTrendStore((s) => s.warningsLoading);
  const filter = useTrendStore((s) => s.filter);
  const offset = useTrendStore((s) => s.offset);
  const error = useTrendStore((s) => s.error);
  const issues = useTrendStore((s) => s.issues);
  const { setFilter, setOffset, allWarnings } = useTrendStore.getState();

  useEffect(() => {
    void useTrendStore.getState().loadWarnings();
  }, []);

  const ruleName = (r: WarningRuleName) => t(`rules.${r}`);
  const exportCsv = async () => {
    const rows = await allWarnings();
    const csv = warningsCsv(rows, { column: (c) => t(`columns.${c}`), rule: ruleName, subjectKind: (k) => t(`subjectKinds.${k}`) });
    downloadText(lang === 'en' ? 'warnings.csv' : '预警.csv', csv);
  };
  const total = page?.total ?? 0;
  const allCount = page === null ? 0 : WARNING_RULES.reduce((s, r) => s + page.counts[r], 0);

  return (
    <div className="page warnings-page" data-testid="warnings-page" aria-busy={loading}>
      <div>
        <h2 className="page__title">{t('title')}</h2>
        <p className="page__intro">{t('intro')}</p>
      </div>
      {error !== null && <Alert tone="error">{inLang(error, lang)}</Alert>}
      {issues.length > 0 && <Alert tone="error">{issues.map((i) => inLang(i, lang)).join('；')}</Alert>}
      <Card>
        <div role="group" aria-label={t('columns.rule')} className="toolbar warnings-rules" data-testid="warnings-rules">
          <button type="button" className="btn" aria-pressed={filter.rule === null} onClick={() => void setFilter({ rule: null })} data-testid="warnings-rule-all">
            {t('all')} ({formatCount(allCount)})
          </button>
          {WARNING_RULES.map((r) => (
            <button key={r} type="button" className="btn" aria-pressed={filter.rule === r} onClick={() => void setFilter({ rule: r })} data-testid={`warnings-rule-${r}`}>
              {ruleName(r)} ({formatCount(page?.counts[r] ?? 0)})
            </button>
          ))}
        </div>
        <div className="toolbar warnings-filters">
          <label className="field">
            <span className="field__label">{t('branch')}</span>
            <select className="select" value={filter.branch ?? ''} onChange={(e) => void setFilter({ branch: e.target.value === '' ? null : e.target.value })} data-testid="warnings-branch">
              <option value="">{t('allBranches')}</option>
              {(page?.branches ?? []).map((b) => (
                <option key={b} value={b}>
                  {b}
                </option>
              ))}
            </select>
          </label>
          <span className="toolbar__spacer" />
          <button type="button" className="btn" onClick={() => void exportCsv()} disabled={total === 0} data-testid="warnings-export">
            {t('exportCsv')}
          </button>
        </div>
        <div className="table-wrap warnings-table-wrap">
          <table className="table report-table" data-testid="warnings-table">
            <thead>
              <tr>
                {WARNING_CSV_COLUMNS.map((c) => (
                  <th key={c} scope="col" className={c === 'before' || c === 'after' ? 'num' : undefined}>
                    {t(`columns.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {(page?.rows ?? []).map((w, i) => (
                <tr key={`${offset + i}`}>
                  <td>{w.month}</td>
                  <td>{ruleName(w.rule)}</td>
                  <td>{t(`subjectKinds.${w.subjectKind}`)}</td>
                  <th scope="row">{w.subject}</th>
                  <td>{w.branch ?? ''}</td>
                  <td className="num">{warningFigure(w.rule, w.before)}</td>
                  <td className="num">{warningFigure(w.rule, w.after)}</td>
                  <td>{warningDetail(w, t)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {page !== null && total === 0 && <p className="muted">{t('empty')}</p>}
        <div className="toolbar warnings-pager">
          <span className="muted" data-testid="warnings-total">
            {t('total', { count: total })}
          </span>
          <button type="button" className="btn btn--small" disabled={offset === 0} onClick={() => void setOffset(Math.max(0, offset - WARNINGS_PAGE_SIZE))}>
            {t('previous')}
          </button>
          <button type="button" className="btn btn--small" disabled={offset + WARNINGS_PAGE_SIZE >= total} onClick={() => void setOffset(offset + WARNINGS_PAGE_SIZE)}>
            {t('next')}
          </button>
        </div>
      </Card>
    </div>
  );
}
