/**
 * The 客户 explorer over every customer of the current run, fetched in pages as the table
 * scrolls (a million rows never cross the boundary at once), and the trace of the one the
 * analyst clicked. A change of run, filter or sort starts a new query generation; answers of
 * an older generation are dropped, so fast typing in the search box cannot show stale rows.
 */
import { create } from 'zustand';
import type { Bilingual } from '../../../core/model/messages';
import type { CUSTOMER_SORT_COLUMNS, ChannelInput, CustomerPage, CustomerRowView, CustomerTrace } from '../../../core/service/contract';
import { serviceClient } from '../app/service-client';
import { errorMessage } from '../components/error-message';

export type CustomerFilter = ChannelInput<'customers:query'>['filter'];
export type CustomerSortColumn = (typeof CUSTOMER_SORT_COLUMNS)[number];
export interface CustomerSort {
  readonly column: CustomerSortColumn;
  readonly descending: boolean;
}

/** Rows per request: a screenful is about 30, so a page covers several flicks of the wheel. */
export const PAGE_SIZE = 200;

interface CustomersState {
  readonly runId: string | null;
  readonly filter: CustomerFilter;
  readonly sort: CustomerSort;
  /** Customers matching the filter; null until the first page of this query answers. */
  readonly total: number | null;
  /** Page index → its rows. */
  readonly pages: ReadonlyMap<number, readonly CustomerRowView[]>;
  readonly choices: CustomerPage['choices'] | null;
  readonly error: Bilingual | null;
  readonly selected: string | null;
  readonly trace: CustomerTrace | null;
  readonly traceLoading: boolean;
  readonly traceError: Bilingual | null;

  /** Shows `runId`'s customers, keeping filter and sort; nothing happens if it is already shown. */
  open(runId: string): Promise<void>;
  setFilter(patch: Partial<CustomerFilter>): Promise<void>;
  /** The sorted column flips; another column starts descending for figures, ascending for the id. */
  sortBy(column: CustomerSortColumn): Promise<void>;
  /** Makes sure rows first…last (inclusive) are loaded or being loaded. */
  loadRows(first: number, last: number): Promise<void>;
  select(customerId: string | null): Promise<void>;
}

export function rowAt(state: Pick<CustomersState, 'pages'>, index: number): CustomerRowView | undefined {
  return state.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];
}

/** Only the filters that are set are sent: an empty choice means "all". */
function cleanFilter(filter: CustomerFilter): CustomerFilter {
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined && v !== '')) as CustomerFilter;
}

export const useCustomersStore = create<CustomersState>()((set, get) => {
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
    const { runId, filter, sort } = get();
    if (runId === null || requested.has(page)) return;
    requested.add(page);
    const asked = generation;
    try {
      const answer = await serviceClient().invoke('customers:query', { runId, filter, sort, offset: page * PAGE_SIZE, limit: PAGE_SIZE });
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

  async function loadTrace(customerId: string): Promise<void> {
    const { runId } = get();
    if (runId === null) return;
    set({ traceLoading: true, traceError: null });
    try {
      const trace = await serviceClient().invoke('customers:trace', { runId, customerId });
      if (get().selected === customerId && get().runId === runId) set({ trace, traceLoading: false });
    } catch (e) {
      if (get().selected === customerId) set({ traceError: errorMessage(e), traceLoading: false, trace: null });
    }
  }

  return {
    runId: null,
    filter: {},
    sort: { column: 'customerId', descending: false },
    total: null,
    pages: new Map(),
    choices: null,
    error: null,
    selected: null,
    trace: null,
    traceLoading: false,
    traceError: null,

    async open(runId) {
      if (get().runId === runId) return;
      set({ runId });
      const selected = get().selected;
      // A what-if re-run changes the figures, not who the customers are: keep the one being traced.
      await Promise.all([newQuery(), selected === null ? Promise.resolve() : loadTrace(selected)]);
    },

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

    async select(customerId) {
      set({ selected: customerId, trace: null, traceError: null, traceLoading: false });
      if (customerId !== null) await loadTrace(customerId);
    },
  };
});
