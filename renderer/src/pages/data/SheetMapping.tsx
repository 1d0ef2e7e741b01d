import { useTranslation } from 'react-i18next';
import type { SheetPreview } from '../../../../core/service/contract';
import { baseName } from '../../components/format';
import { useLang } from '../../i18n';
import { sheetKey, useDatasetsStore } from '../../stores/datasets-store';
import { FIELD_OPTIONS, fieldLabel } from './field-options';

/** The select's value for "ignore this column" (a select's value is always text). */
const IGNORE = '';

/** One sheet of step 2: its first rows, and under each header the field it is read as. */
export function SheetMapping({ sheet, index }: { sheet: SheetPreview; index: number }) {
  const { t } = useTranslation('data');
  const lang = useLang();
  const fixed = useDatasetsStore((s) => s.fixes[sheetKey(sheet)]);
  const setColumnField = useDatasetsStore((s) => s.setColumnField);
  const busy = useDatasetsStore((s) => s.busy !== null);
  const unknown = sheet.kind === 'unknown';

  return (
    <div className="sheet-mapping" data-testid={`sheet-${index}`}>
      <div className="sheet-mapping__head">
        <strong title={sheet.file}>{baseName(sheet.file)}</strong>
        {sheet.sheet === undefined ? null : (
          <span className="muted">
            {t('mapping.sheet')}：{sheet.sheet}
          </span>
        )}
        <span className={unknown ? 'badge badge--warning' : 'badge badge--accent'} data-testid={`sheet-${index}-kind`}>
          {t(`kind.${sheet.kind}`, { defaultValue: sheet.kind })}
        </span>
        <span className="muted">{sheet.headerRow === null ? t('mapping.noHeader') : t('mapping.headerRow', { row: sheet.headerRow })}</span>
        {fixed === undefined ? null : <span className="badge badge--accent">{t('mapping.fixed')}</span>}
      </div>
      {sheet.header.length === 0 ? null : (
        <div className="table-wrap sheet-mapping__table">
          <table className="table">
            <thead>
              <tr>
                {sheet.header.map((header, col) => (
                  <th key={col}>{header}</th>
                ))}
              </tr>
              <tr className="sheet-mapping__fields">
                {sheet.header.map((header, col) => {
                  const field = fixed !== undefined && Object.hasOwn(fixed, header) ? fixed[header] : sheet.fields[header];
                  const recognised = field !== null && field !== undefined;
                  return (
                    <th key={col} className={recognised ? undefined : 'sheet-mapping__unmapped'}>
                      <select
                        className="select select--compact"
                        aria-label={t('mapping.fieldLabel', { header })}
                        title={field ?? undefined}
                        value={field ?? IGNORE}
                        disabled={busy}
                        onChange={(e) => void setColumnField(sheet, header, e.target.value === IGNORE ? null : e.target.value)}
                        data-testid={`sheet-${index}-field-${col}`}
                      >
                        <option value={IGNORE}>{recognised || fixed?.[header] === null ? t('mapping.ignore') : `— ${t('mapping.unrecognised')} —`}</option>
                        {FIELD_OPTIONS.map((f) => (
                          <option key={f.name} value={f.name} title={f.name}>
                            {fieldLabel(f.name, lang)}
                          </option>
                        ))}
                      </select>
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody>
              {sheet.rows.map((row, r) => (
                <tr key={r}>
                  {sheet.header.map((_, col) => (
                    <td key={col}>{row[col] ?? ''}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
