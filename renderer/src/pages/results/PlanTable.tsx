/** Every plan's monthly average figures, sortable, with the 亏损资费 and 结算倒挂 flags as badges. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AggregateView } from '../../../../core/service/contract';
import { formatCount, formatShare, formatYuan } from './finance-format';
import { SortHeader } from './SortHeader';
import { nextSort, sortRows, type SortState, type SortValue } from './sort-rows';

const COLUMNS = ['plan', 'customers', 'revenue', 'settlement', 'individual', 'allocated', 'profit', 'margin', 'negativeShare'] as const;
type Column = (typeof COLUMNS)[number];

function valueOf(row: AggregateView, column: Column): SortValue {
  switch (column) {
    case 'plan':
      return row.group;
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

export function PlanTable({ plans }: { readonly plans: readonly AggregateView[] }) {
  const { t, i18n } = useTranslation('results');
  const [sort, setSort] = useState<SortState<Column>>({ column: 'profit', descending: true });
  const rows = sortRows(plans, sort, valueOf, i18n.language === 'en' ? 'en' : 'zh-CN');
  const onSort = (column: Column) => setSort((s) => nextSort(s, column, column === 'plan'));

  return (
    <div className="table-wrap">
      <table className="table report-table" data-testid="plan-table">
        <thead>
          <tr>
            {COLUMNS.map((column) => (
              <SortHeader key={column} column={column} label={t(`plans.${column}`)} sort={sort} onSort={onSort} numeric={column !== 'plan'} />
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.group}>
              <th scope="row">
                {row.group}
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
