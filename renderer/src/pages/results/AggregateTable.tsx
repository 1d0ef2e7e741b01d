/**
 * One grouping's monthly average figures (资费, 品牌, 分公司, 渠道, 细分群 or 价值分层), sortable,
 * with the 亏损资费 and 结算倒挂 flags as badges where they are set (plans only). 价值分层 opens in
 * the service's row order — the scenario's tiers, then (无分值), then 不参与评分 — and its group
 * column sorts by that order (or its reverse), never by the names' collation.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AggregateView, GroupingName } from '../../../../core/service/contract';
import { tierLabel } from '../../components/charts/tier-label';
import { useLang } from '../../i18n';
import { formatCount, formatShare, formatYuan } from './finance-format';
import { SortHeader } from './SortHeader';
import { nextSort, sortRows, type SortState, type SortValue } from './sort-rows';

const COLUMNS = ['group', 'customers', 'revenue', 'settlement', 'individual', 'allocated', 'profit', 'margin', 'negativeShare'] as const;
type Column = (typeof COLUMNS)[number];

interface IndexedRow {
  readonly row: AggregateView;
  /** The row's place in the service's answer. */
  readonly index: number;
}

function valueOf({ row, index }: IndexedRow, column: Column, grouping: GroupingName): SortValue {
  switch (column) {
    case 'group':
      return grouping === 'tier' ? index : row.group;
    case 'customers':
      return row.customers;
    case 'revenue':
      return row.sumAvgRevenue;
    case 'settlement':
      return row.sumAvgSettlementCost;
    case 'individual':
      return row.sumAvgIndividualCost;
    case 'allocated':
      return row.sumAvgAllocated;
    case 'profit':
      return row.sumAvgProfit;
    case 'margin':
      return row.margin;
    case 'negativeShare':
      return row.negativeShare;
  }
}

export interface AggregateTableProps {
  readonly rows: readonly AggregateView[];
  readonly grouping: GroupingName;
  readonly testId?: string;
}

export function AggregateTable({ rows, grouping, testId = `${grouping}-table` }: AggregateTableProps) {
  const { t, i18n } = useTranslation('results');
  const lang = useLang();
  const [sort, setSort] = useState<SortState<Column>>(grouping === 'tier' ? { column: 'group', descending: false } : { column: 'profit', descending: true });
  const indexed = rows.map((row, index) => ({ row, index }));
  const sorted = sortRows(indexed, sort, (r, column) => valueOf(r, column, grouping), i18n.language === 'en' ? 'en' : 'zh-CN').map((r) => r.row);
  const onSort = (column: Column) => setSort((s) => nextSort(s, column, column === 'group'));

  return (
    <div className="table-wrap">
      <table className="table report-table" data-testid={testId}>
        <thead>
          <tr>
            {COLUMNS.map((column) => (
              <SortHeader key={column} column={column} label={column === 'group' ? t(`groupings.${grouping}`) : t(`plans.${column}`)} sort={sort} onSort={onSort} numeric={column !== 'group'} />
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={row.group}>
              <th scope="row">
                {grouping === 'tier' ? tierLabel(row.group, lang) : row.group}
                {row.lossMakingPlan && <span className="badge badge--error">{t('plans.lossMaking')}</span>}
                {row.settlementInverted && <span className="badge badge--warning">{t('plans.settlementInverted')}</span>}
              </th>
              <td className="num">{formatCount(row.customers)}</td>
              <td className="num">{formatYuan(row.sumAvgRevenue)}</td>
              <td className="num">{formatYuan(row.sumAvgSettlementCost)}</td>
              <td className="num">{formatYuan(row.sumAvgIndividualCost)}</td>
              <td className="num">{formatYuan(row.sumAvgAllocated)}</td>
              <td className={row.sumAvgProfit < 0 ? 'num loss' : 'num'}>{formatYuan(row.sumAvgProfit)}</td>
              <td className="num">{formatShare(row.margin)}</td>
              <td className="num">{formatShare(row.negativeShare)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
