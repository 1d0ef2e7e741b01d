/**
 * The paging of a customer explorer, shared by 客户 (a run's customers, `customers:query`) and
 * 结果集 (a results set's, `results:customers`): the filter and order, the pages fetched as the
 * table scrolls, and the query generation that drops answers of an older filter, so fast typing
 * in the search box cannot show stale rows. Each store says how a page is fetched.
 */
import type { Bilingual } from '../../../core/model/messages';
import type { CUSTOMER_SORT_COLUMNS, ChannelInput, CustomerPage, CustomerRowView } from '../../../core/service/contract';
import { errorMessage } from '../components/error-message';

export type CustomerFilter = ChannelInput<'customers:query'>['filter'];
export type CustomerSortColumn = (typeof CUSTOMER_SORT_COLUMNS)[number];
export interface CustomerSort {
  readonly column: CustomerSortColumn;
  readonly descending: boolean;
}

/** Rows per request: a screenful is about 30, so a page covers several flicks of the wheel. */
export const PAGE_SIZE = 200;

/** What the explorer's table and filters read. */
export interface CustomerListData {
  readonly filter: CustomerFilter;
  readonly sort: CustomerSort;
  /** Customers matching the filter; null until the first page of this query answers. */
  readonly total: number | null;
  /** Page index → its rows. */
  readonly pages: ReadonlyMap<number, readonly CustomerRowView[]>;
  readonly choices: CustomerPage['choices'] | null;
  readonly error: Bilingual | null;
}

export interface CustomerListActions {
  setFilter(patch: Partial<CustomerFilter>): Promise<void>;
  /** The sorted column flips; another column starts descending for figures, ascending for the id. */
  sortBy(column: CustomerSortColumn): Promise<void>;
  /** Makes sure rows first…last (inclusive) are loaded or being loaded. */
  loadRows(first: number, last: number): Promise<void>;
}

export type CustomerListState = CustomerListData & CustomerListActions;

/**
 * A store the explorer's components can read (a zustand hook of any state that includes the
 * list): the table and filters take it as a prop, so both screens share them.
 */
export interface CustomerListSource {
  <U>(selector: (state: CustomerListState) => U): U;
  getState(): CustomerListState;
}

/** One page's request; the store adds what names its customers (runId or set id). */
export interface CustomerPageRequest {
  readonly filter: CustomerFilter;
  readonly sort: CustomerSort;
  readonly offset: number;
  readonly limit: number;
}

export const INITIAL_CUSTOMER_LIST: CustomerListData = {
  filter: {},
  sort: { column: 'customerId', descending: false },
  total: null,
  pages: new Map(),
  choices: null,
  error: null,
};

export function rowAt(state: Pick<CustomerListData, 'pages'>, index: number): CustomerRowView | undefined {
  return state.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];
}

/** Only the filters that are set are sent: an empty choice means "all". */
function cleanFilter(filter: CustomerFilter): CustomerFilter {
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined && v !== '')) as CustomerFilter;
}

export interface CustomerPaging {
  readonly actions: CustomerListActions;
  /** Starts a new query generation (a new source, filter or order) at its first page. */
  newQuery(): Promise<void>;
}

/**
 * The paging machinery over a store's `set` and `get`. `fetchPage` answers null while there is
 * nothing to show (no run, no set chosen); such a page is not counted as asked for.
 */
export function customerPaging(
  set: (patch: Partial<CustomerListData>) => void,
  get: () => CustomerListData,
  fetchPage: (request: CustomerPageRequest) => Promise<CustomerPage> | null,
): CustomerPaging {
  let generation = 0;
  /** Pages asked for in this generation (answered or not). */
  let requested = new Set<number>();

  function newQuery(): Promise<void> {
    generation += 1;
    requested = new Set();
    set({ total: null, pages: new Map(), error: null });
    return loadPage(0);
  }

  async function loadPage(page: number): Promise<void> {
    if (requested.has(page)) return;
    const { filter, sort } = get();
    const answered = fetchPage({ filter, sort, offset: page * PAGE_SIZE, limit: PAGE_SIZE });
    if (answered === null) return;
    requested.add(page);
    const asked = generation;
    try {
      const answer = await answered;
      if (asked !== generation) return;
      const pages = new Map(get().pages);
      pages.set(page, answer.rows);
      set({ pages, total: answer.total, choices: answer.choices });
    } catch (e) {
      if (asked !== generation) return;
      // Asked again when the rows scroll back into view.
      requested.delete(page);
      set({ error: errorMessage(e) });
    }
  }

  return {
    newQuery,
    actions: {
      setFilter(patch) {
        set({ filter: cleanFilter({ ...get().filter, ...patch }) });
        return newQuery();
      },

      sortBy(column) {
        const { sort } = get();
        set({ sort: sort.column === column ? { column, descending: !sort.descending } : { column, descending: column !== 'customerId' } });
        return newQuery();
      },

      async loadRows(first, last) {
        const from = Math.floor(Math.max(0, first) / PAGE_SIZE);
        const to = Math.floor(Math.max(0, last) / PAGE_SIZE);
        const loads: Promise<void>[] = [];
        for (let page = from; page <= to; page++) loads.push(loadPage(page));
        await Promise.all(loads);
      },
    },
  };
}
