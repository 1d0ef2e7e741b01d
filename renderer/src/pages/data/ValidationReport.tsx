import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ValidationView } from '../../../../core/service/contract';
import { baseName, formatCount } from '../../components/format';
import { inLang, useLang } from '../../i18n';

type SeverityFilter = 'all' | 'error' | 'warning';
const ALL = '';

/** The problems of a validation (or a refused import), filterable, in the UI language. */
export function ValidationReport({ report }: { report: ValidationView }) {
  const { t } = useTranslation('data');
  const lang = useLang();
  const [severity, setSeverity] = useState<SeverityFilter>('all');
  const [file, setFile] = useState(ALL);
  const [code, setCode] = useState(ALL);

  const files = useMemo(() => [...new Set(report.problems.flatMap((p) => (p.file === undefined ? [] : [p.file])))].sort(), [report]);
  const codes = useMemo(() => [...new Set(report.problems.map((p) => p.code))].sort(), [report]);
  const shown = useMemo(
    () => report.problems.filter((p) => (severity === 'all' || p.severity === severity) && (file === ALL || p.file === file) && (code === ALL || p.code === code)),
    [report, severity, file, code],
  );

  return (
    <div className="report" data-testid="validation-report">
      <div className="toolbar report__filters">
        <span className="badge badge--error" data-testid="report-errors">
          {t('validate.errors', { count: report.errorCount })}
        </span>
        <span className="badge badge--warning" data-testid="report-warnings">
          {t('validate.warnings', { count: report.warningCount })}
        </span>
        <span className="toolbar__spacer" />
        {report.problems.length === 0 ? null : (
          <>
            <label className="field field--inline">
              <span className="field__label">{t('validate.filterSeverity')}</span>
              <select className="select" value={severity} onChange={(e) => setSeverity(e.target.value as SeverityFilter)} data-testid="filter-severity">
                <option value="all">{t('validate.all')}</option>
                <option value="error">{t('validate.severity.error')}</option>
                <option value="warning">{t('validate.severity.warning')}</option>
              </select>
            </label>
            <label className="field field--inline">
              <span className="field__label">{t('validate.filterFile')}</span>
              <select className="select" value={file} onChange={(e) => setFile(e.target.value)} data-testid="filter-file">
                <option value={ALL}>{t('validate.all')}</option>
                {files.map((f) => (
                  <option key={f} value={f}>
                    {baseName(f)}
                  </option>
                ))}
              </select>
            </label>
            <label className="field field--inline">
              <span className="field__label">{t('validate.filterCode')}</span>
              <select className="select" value={code} onChange={(e) => setCode(e.target.value)} data-testid="filter-code">
                <option value={ALL}>{t('validate.all')}</option>
                {codes.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            </label>
          </>
        )}
      </div>
      {report.problems.length === 0 ? null : (
        <div className="table-wrap report__table">
          <table className="table" data-testid="problem-table">
            <thead>
              <tr>
                <th>{t('validate.col.severity')}</th>
                <th>{t('validate.col.file')}</th>
                <th>{t('validate.col.sheet')}</th>
                <th className="num">{t('validate.col.row')}</th>
                <th>{t('validate.col.column')}</th>
                <th>{t('validate.col.value')}</th>
                <th>{t('validate.col.message')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((p, i) => (
                <tr key={i}>
                  <td>
                    <span className={p.severity === 'error' ? 'badge badge--error' : 'badge badge--warning'}>{t(`validate.severity.${p.severity}`)}</span>
                  </td>
                  <td title={p.file}>{p.file === undefined ? '' : baseName(p.file)}</td>
                  <td>{p.sheet ?? ''}</td>
                  <td className="num">{p.row === undefined ? '' : formatCount(p.row)}</td>
                  <td>{p.column ?? ''}</td>
                  <td className="report__value">{p.value ?? ''}</td>
                  <td className="wrap" title={p.code}>
                    {inLang(p, lang)}
                  </td>
                </tr>
              ))}
              {shown.length === 0 ? (
                <tr>
                  <td colSpan={7} className="empty">
                    {t('validate.noMatch')}
                  </td>
                </tr>
              ) : null}
            </tbody>
          </table>
        </div>
      )}
      {report.problemsOmitted > 0 ? <p className="muted">{t('validate.omitted', { count: report.problemsOmitted })}</p> : null}
    </div>
  );
}
