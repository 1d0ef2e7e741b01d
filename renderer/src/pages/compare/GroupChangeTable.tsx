/** Σ avg_allocated and Σ avg_profit per plan or branch under A and B, sortable, changes signed. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComparisonView } from '../../../../core/service/contract';
import { formatYuan, formatYuanChange } from '../results/finance-format';
import { SortHeader } from '../results/SortHeader';
import { nextSort, sortRows, type SortState, type SortValue } from '../results/sort-rows';

type GroupRow = ComparisonView['plans'][number];
const COLUMNS = ['group', 'allocatedA', 'allocatedB', 'allocatedChange', 'profitA', 'profitB', 'profitChange'] as const;
type Column = (typeof COLUMNS)[number];

function valueOf(row: GroupRow, column: Column): SortValue {
  switch (column) {
    case 'group':
      return row.group;
    case 'allocatedChange':
      return row.allocatedB - row.allocatedA;
    case 'profitChange':
      return row.profitB - row.profitA;
    default:
      return row[column];
  }
}

function changeClass(change: number): string {
  return change < 0 ? 'num loss' : 'num';
}

export function GroupChangeTable({ rows, groupLabel, testId }: { readonly rows: readonly GroupRow[]; readonly groupLabel: string; readonly testId: string }) {
  const { t, i18n } = useTranslation('compare');
  // The biggest falls in profit first: what the analyst checks before adopting scenario B.
  const [sort, setSort] = useState<SortState<Column>>({ column: 'profitChange', descending: false });
  const sorted = sortRows(rows, sort, valueOf, i18n.language === 'en' ? 'en' : 'zh-CN');
  const onSort = (column: Column) => setSort((s) => nextSort(s, column, column === 'group'));
  return (
    <div className="table-wrap">
      <table className="table report-table" data-testid={testId}>
        <thead>
          <tr>
            {COLUMNS.map((column) => (
              <SortHeader key={column} column={column} label={column === 'group' ? groupLabel : t(`groups.${column}`)} sort={sort} onSort={onSort} numeric={column !== 'group'} />
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => {
            const allocatedChange = row.allocatedB - row.allocatedA;
            const profitChange = row.profitB - row.profitA;
            return (
              <tr key={row.group}>
                <th scope="row">{row.group}</th>
                <td className="num">{formatYuan(row.allocatedA)}</td>
                <td className="num">{formatYuan(row.allocatedB)}</td>
                <td className="num">{formatYuanChange(allocatedChange)}</td>
                <td className={row.profitA < 0 ? 'num loss' : 'num'}>{formatYuan(row.profitA)}</td>
                <td className={row.profitB < 0 ? 'num loss' : 'num'}>{formatYuan(row.profitB)}</td>
                <td className={changeClass(profitChange)}>{formatYuanChange(profitChange)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
