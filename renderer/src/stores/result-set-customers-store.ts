/**
 * 结果集's customer explorer: the selected results set's customers, paged, filtered and sorted
 * by the service exactly as 客户 does a run's (customer-list.ts), keyed by the set's id. A set
 * has no inputs behind it, so there is no trace here.
 */
import { create } from 'zustand';
import { serviceClient } from '../app/service-client';
import { customerPaging, INITIAL_CUSTOMER_LIST, type CustomerListState } from './customer-list';

interface ResultSetCustomersState extends CustomerListState {
  readonly setId: number | null;
  /** Shows set `setId`'s customers, keeping filter and sort; nothing happens if it is already shown. */
  open(setId: number): Promise<void>;
  /** Shows nothing (the set was deleted, or none is selected). */
  close(): void;
}

export const useResultSetCustomersStore = create<ResultSetCustomersState>()((set, get) => {
  const paging = customerPaging(set, get, (request) => {
    const { setId } = get();
    return setId === null ? null : serviceClient().invoke('results:customers', { id: setId, ...request });
  });

  return {
    ...INITIAL_CUSTOMER_LIST,
    ...paging.actions,
    setId: null,

    async open(setId) {
      if (get().setId === setId) return;
      // Another set has other branches and plans: a filter chosen for the last one may match nobody.
      set({ setId, filter: {} });
      await paging.newQuery();
    },

    close() {
      set({ ...INITIAL_CUSTOMER_LIST, setId: null });
      void paging.newQuery();
    },
  };
});
