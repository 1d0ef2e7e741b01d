/** Client-side sorting of the small tables (plans, branches, campaigns): a few hundred rows at most. */

export interface SortState<K extends string> {
  readonly column: K;
  readonly descending: boolean;
}

export type SortValue = string | number | null;

/**
 * Numbers in numeric order, texts in the Chinese collation (拼音), empty figures last in either
 * direction: a missing margin is not the smallest margin.
 */
export function sortRows<T, K extends string>(rows: readonly T[], sort: SortState<K>, value: (row: T, column: K) => SortValue, locale: string): T[] {
  const collator = new Intl.Collator(locale, { numeric: true });
  const sign = sort.descending ? -1 : 1;
  return rows
    .map((row, index) => ({ row, index, key: value(row, sort.column) }))
    .sort((a, b) => {
      if (a.key === null || b.key === null) return a.key === b.key ? a.index - b.index : a.key === null ? 1 : -1;
      const order = typeof a.key === 'number' && typeof b.key === 'number' ? a.key - b.key : collator.compare(String(a.key), String(b.key));
      return sign * order || a.index - b.index;
    })
    .map((r) => r.row);
}

/** Clicking the sorted column flips it; another column starts descending for figures, ascending for names. */
export function nextSort<K extends string>(current: SortState<K>, column: K, textColumn: boolean): SortState<K> {
  if (current.column === column) return { column, descending: !current.descending };
  return { column, descending: !textColumn };
}
