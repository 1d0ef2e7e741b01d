/**
 * Every customer of the run in one scrolling table: only the rows in view are in the DOM
 * (@tanstack/react-virtual), and their pages are fetched as they scroll into view.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { CUSTOMER_SORT_COLUMNS, type CustomerRowView } from '../../../../core/service/contract';
import { tierLabel } from '../../components/charts/tier-label';
import { useLang } from '../../i18n';
import { rowAt, useCustomersStore, type CustomerSortColumn } from '../../stores/customers-store';
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

function HeaderCell({ column }: { readonly column: Column }) {
  const { t } = useTranslation('customers');
  const sort = useCustomersStore((s) => s.sort);
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
      <button type="button" className="sort-header" onClick={() => void useCustomersStore.getState().sortBy(column)}>
        {t(`columns.${column}`)}
        <span className="sort-mark" aria-hidden="true">
          {active ? (sort.descending ? '▼' : '▲') : ''}
        </span>
      </button>
    </div>
  );
}

export function CustomerTable() {
  const { t } = useTranslation('customers');
  const total = useCustomersStore((s) => s.total);
  const pages = useCustomersStore((s) => s.pages);
  const selected = useCustomersStore((s) => s.selected);
  const filter = useCustomersStore((s) => s.filter);
  const sort = useCustomersStore((s) => s.sort);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: total ?? 0, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 15 });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;

  useEffect(() => {
    if (total !== null && total > 0) void useCustomersStore.getState().loadRows(first, last);
  }, [first, last, total]);

  // A new filter or order starts at its first row.
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [filter, sort]);

  const select = (id: string) => void useCustomersStore.getState().select(id);

  return (
    <div className="ct-scroll" ref={scrollRef} role="table" aria-rowcount={(total ?? 0) + 1} data-testid="customers-table" aria-busy={total === null}>
      <div role="rowgroup" className="ct-head">
        <div role="row" className="ct-row" aria-rowindex={1}>
          {COLUMNS.map((column) => (
            <HeaderCell key={column} column={column} />
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
          return (
            <div
              key={item.key}
              role="row"
              aria-rowindex={item.index + 2}
              aria-selected={isSelected}
              tabIndex={0}
              className={isSelected ? 'ct-row ct-row-selected' : 'ct-row'}
              style={style}
              data-customer-id={row.customerId}
              onClick={() => select(row.customerId)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  select(row.customerId);
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
