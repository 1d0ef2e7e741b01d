/** The trend's plan, branch or channel rows for one month, with the month and grouping pickers. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrendView } from '../../../../core/service/contract';
import { formatCount, formatShare, formatYuan } from '../results/finance-format';

const GROUPINGS = ['plan', 'branch', 'channel'] as const;
type Grouping = (typeof GROUPINGS)[number];

export function TrendGroupTable({ trend, monthIndex, onMonthIndex }: { trend: TrendView; monthIndex: number; onMonthIndex: (index: number) => void }) {
  const { t } = useTranslation('trend');
  const [grouping, setGrouping] = useState<Grouping>('branch');
  return (
    <>
      <div className="toolbar trend-pickers">
        <label className="field">
          <span className="field__label">{t('month')}</span>
          <select className="select" value={monthIndex} onChange={(e) => onMonthIndex(Number(e.target.value))} data-testid="trend-month">
            {trend.months.map((m, i) => (
              <option key={m.month} value={i}>
                {m.month}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">{t('groupBy')}</span>
          <select className="select" value={grouping} onChange={(e) => setGrouping(e.target.value as Grouping)} data-testid="trend-grouping">
            {GROUPINGS.map((g) => (
              <option key={g} value={g}>
                {t(`groupings.${g}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="table-wrap trend-group-wrap">
        <table className="table report-table" data-testid="trend-table">
          <thead>
            <tr>
              <th scope="col">{t('columns.group')}</th>
              <th scope="col" className="num">{t('columns.customers')}</th>
              <th scope="col" className="num">{t('columns.negativeCount')}</th>
              <th scope="col" className="num">{t('columns.negativeShare')}</th>
              <th scope="col" className="num">{t('columns.loss')}</th>
            </tr>
          </thead>
          <tbody>
            {trend.groups[grouping].map((row) => {
              const m = row.months[monthIndex] ?? null;
              return (
                <tr key={row.group}>
                  <th scope="row">{row.group}</th>
                  {m === null ? (
                    <td colSpan={4} className="muted">{t('absent')}</td>
                  ) : (
                    <>
                      <td className="num">{formatCount(m.customers)}</td>
                      <td className="num">{formatCount(m.negativeCount)}</td>
                      <td className="num">{formatShare(m.negativeShare)}</td>
                      <td className={m.loss < 0 ? 'num loss' : 'num'}>{formatYuan(m.loss)}</td>
                    </>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
