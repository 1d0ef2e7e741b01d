/**
 * The 客户 explorer over every customer of the current run, fetched in pages as the table
 * scrolls (a million rows never cross the boundary at once; customer-list.ts), and the trace of
 * the one the analyst clicked. A change of run, filter or sort starts a new query generation.
 */
import { create } from 'zustand';
import type { Bilingual } from '../../../core/model/messages';
import type { CustomerTrace } from '../../../core/service/contract';
import { serviceClient } from '../app/service-client';
import { errorMessage } from '../components/error-message';
import { customerPaging, INITIAL_CUSTOMER_LIST, type CustomerListState } from './customer-list';

export { PAGE_SIZE, rowAt, type CustomerFilter, type CustomerSort, type CustomerSortColumn } from './customer-list';

interface CustomersState extends CustomerListState {
  readonly runId: string | null;
  readonly selected: string | null;
  readonly trace: CustomerTrace | null;
  readonly traceLoading: boolean;
  readonly traceError: Bilingual | null;

  /** Shows `runId`'s customers, keeping filter and sort; nothing happens if it is already shown. */
  open(runId: string): Promise<void>;
  select(customerId: string | null): Promise<void>;
}

export const useCustomersStore = create<CustomersState>()((set, get) => {
  const paging = customerPaging(set, get, (request) => {
    const { runId } = get();
    return runId === null ? null : serviceClient().invoke('customers:query', { runId, ...request });
  });

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
    ...INITIAL_CUSTOMER_LIST,
    ...paging.actions,
    runId: null,
    selected: null,
    trace: null,
    traceLoading: false,
    traceError: null,

    async open(runId) {
      if (get().runId === runId) return;
      set({ runId });
      const selected = get().selected;
      // A what-if re-run changes the figures, not who the customers are: keep the one being traced.
      await Promise.all([paging.newQuery(), selected === null ? Promise.resolve() : loadTrace(selected)]);
    },

    async select(customerId) {
      set({ selected: customerId, trace: null, traceError: null, traceLoading: false });
      if (customerId !== null) await loadTrace(customerId);
    },
  };
});
