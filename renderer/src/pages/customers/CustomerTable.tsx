/**
 * Every customer of a run (客户) or a results set (结果集) in one scrolling table: only the rows
 * in view are in the DOM (@tanstack/react-virtual), and their pages are fetched from the store
 * as they scroll into view. Rows are clickable only where a customer can be traced.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { CUSTOMER_SORT_COLUMNS, type CustomerRowView } from '../../../../core/service/contract';
import { tierLabel } from '../../components/charts/tier-label';
import { useLang } from '../../i18n';
import { rowAt, type CustomerListSource, type CustomerSortColumn } from '../../stores/customer-list';
import { formatCount, formatDecimal, formatYuan } from '../results/finance-format';

const ROW_HEIGHT = 32;

const COLUMNS = ['customerId', 'branch', 'channel', 'plan', 'tier', 'value', 'avgRevenue', 'avgIndividualCost', 'avgAllocated', 'avgProfit', 'tenureMonths', 'status'] as const;
type Column = (typeof COLUMNS)[number];
const NUMERIC = new Set<Column>(['value', 'avgRevenue', 'avgIndividualCost', 'avgAllocated', 'avgProfit', 'tenureMonths']);

function isSortColumn(column: Column): column is CustomerSortColumn {
  return (CUSTOMER_SORT_COLUMNS as readonly string[]).includes(column);
}

function Cell({ row, column }: { readonly row: CustomerRowView; readonly column: Column }) {
  const { t } = useTranslation('customers');
  const lang = useLang();
  switch (column) {
    case 'customerId':
    case 'branch':
    case 'channel':
    case 'plan':
      return <>{row[column]}</>;
    case 'tier':
      return <>{tierLabel(row.tier, lang)}</>;
    case 'value':
      return <>{formatDecimal(row.value)}</>;
    case 'avgRevenue':
    case 'avgIndividualCost':
    case 'avgAllocated':
    case 'avgProfit':
      return <span className={row[column] < 0 ? 'loss' : undefined}>{formatYuan(row[column])}</span>;
    case 'tenureMonths':
      return <>{formatCount(row.tenureMonths)}</>;
    case 'status':
      return (
        <>
          {row.negative && <span className="badge badge--error">{t('negativeBadge')}</span>}
          {row.eligible ? null : <span className="muted"> {row.reason}</span>}
        </>
      );
  }
}

function HeaderCell({ column, store }: { readonly column: Column; readonly store: CustomerListSource }) {
  const { t } = useTranslation('customers');
  const sort = store((s) => s.sort);
  const className = NUMERIC.has(column) ? 'ct-cell num' : 'ct-cell';
  if (!isSortColumn(column)) {
    return (
      <div role="columnheader" className={className}>
        {t(`columns.${column}`)}
      </div>
    );
  }
  const active = sort.column === column;
  return (
    <div role="columnheader" className={className} aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
      <button type="button" className="sort-header" onClick={() => void store.getState().sortBy(column)}>
        {t(`columns.${column}`)}
        <span className="sort-mark" aria-hidden="true">
          {active ? (sort.descending ? '▼' : '▲') : ''}
        </span>
      </button>
    </div>
  );
}

export interface CustomerTableProps {
  readonly store: CustomerListSource;
  /** The customer being traced; with onSelect, rows can be chosen (by click, Enter or space). */
  readonly selected?: string | null;
  readonly onSelect?: (customerId: string) => void;
}

export function CustomerTable({ store, selected = null, onSelect }: CustomerTableProps) {
  const { t } = useTranslation('customers');
  const total = store((s) => s.total);
  const pages = store((s) => s.pages);
  const filter = store((s) => s.filter);
  const sort = store((s) => s.sort);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: total ?? 0, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 15 });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;

  useEffect(() => {
    if (total !== null && total > 0) void store.getState().loadRows(first, last);
  }, [first, last, total, store]);

  // A new filter or order starts at its first row.
  useEffect(() => {
    if (scrollRef.current !== null) scrollRef.current.scrollTop = 0;
  }, [filter, sort]);

  return (
    <div className="ct-scroll" ref={scrollRef} role="table" aria-rowcount={(total ?? 0) + 1} data-testid="customers-table" aria-busy={total === null}>
      <div role="rowgroup" className="ct-head">
        <div role="row" className="ct-row" aria-rowindex={1}>
          {COLUMNS.map((column) => (
            <HeaderCell key={column} column={column} store={store} />
          ))}
        </div>
      </div>
      <div role="rowgroup" className="ct-body" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const row = rowAt({ pages }, item.index);
          const style = { height: ROW_HEIGHT, transform: `translateY(${item.start}px)` };
          if (row === undefined) {
            return (
              <div key={item.key} role="row" aria-rowindex={item.index + 2} className="ct-row ct-row-loading" style={style}>
                <div role="cell" className="ct-cell muted">
                  {t('loadingRows')}
                </div>
              </div>
            );
          }
          const isSelected = row.customerId === selected;
          const choose = onSelect === undefined ? undefined : () => onSelect(row.customerId);
          return (
            <div
              key={item.key}
              role="row"
              aria-rowindex={item.index + 2}
              aria-selected={choose === undefined ? undefined : isSelected}
              tabIndex={choose === undefined ? undefined : 0}
              className={choose === undefined ? 'ct-row ct-row-static' : isSelected ? 'ct-row ct-row-selected' : 'ct-row'}
              style={style}
              data-customer-id={row.customerId}
              onClick={choose}
              onKeyDown={(e) => {
                if (choose !== undefined && (e.key === 'Enter' || e.key === ' ')) {
                  e.preventDefault();
                  choose();
                }
              }}
            >
              {COLUMNS.map((column) => (
                <div key={column} role="cell" className={NUMERIC.has(column) ? 'ct-cell num' : 'ct-cell'}>
                  <Cell row={row} column={column} />
                </div>
              ))}
            </div>
          );
        })}
      </div>
    </div>
  );
}
