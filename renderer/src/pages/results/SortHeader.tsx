/** A column header that sorts its table; aria-sort tells screen readers the order. */
import type { SortState } from './sort-rows';

interface SortHeaderProps<K extends string> {
  readonly column: K;
  readonly label: string;
  readonly sort: SortState<K>;
  readonly onSort: (column: K) => void;
  readonly numeric?: boolean;
}

export function SortHeader<K extends string>({ column, label, sort, onSort, numeric = false }: SortHeaderProps<K>) {
  const active = sort.column === column;
  const ariaSort = active ? (sort.descending ? 'descending' : 'ascending') : 'none';
  return (
    <th scope="col" aria-sort={ariaSort} className={numeric ? 'num' : undefined}>
      <button type="button" className="sort-header" onClick={() => onSort(column)}>
        {label}
        <span className="sort-mark" aria-hidden="true">
          {active ? (sort.descending ? '▼' : '▲') : ''}
        </span>
      </button>
    </th>
  );
}
