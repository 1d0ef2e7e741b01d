// @vitest-environment jsdom
/** The explorer's paging: what it asks the service for, and what it drops. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { ChannelArgument, CustomerPage } from '../../../core/service/contract';
import { bindServiceClient } from '../../../renderer/src/app/service-client';
import { PAGE_SIZE, rowAt, useCustomersStore } from '../../../renderer/src/stores/customers-store';
import { deferred, fakeClient, type FakeClient } from '../results/fake-client';
import { miniCustomerPage, miniTrace } from '../results/mini-fixtures';

const TOTAL = 1000;

/** A service with TOTAL customers; each page's rows are the mini rows, renamed by position. */
function pagedClient(): FakeClient {
  return fakeClient({
    'customers:query': ({ offset = 0, limit = 100 }): CustomerPage => {
      const count = Math.max(0, Math.min(limit, TOTAL - offset));
      const template = miniCustomerPage.rows[0];
      if (template === undefined) throw new Error('the mini page has rows');
      return { ...miniCustomerPage, total: TOTAL, offset, rows: Array.from({ length: count }, (_, i) => ({ ...template, customerId: String(offset + i).padStart(6, '0') })) };
    },
    'customers:trace': () => miniTrace,
  });
}

function queries(client: FakeClient): ChannelArgument<'customers:query'>[] {
  return client.callsOf('customers:query');
}

describe('customers store', () => {
  beforeEach(() => {
    useCustomersStore.setState({ runId: null, filter: {}, sort: { column: 'customerId', descending: false }, selected: null, trace: null });
  });

  it('loads the first page of a run, then only the pages a scrolled range needs, each once', async () => {
    const client = pagedClient();
    bindServiceClient(client);
    await useCustomersStore.getState().open('run-1');
    expect(queries(client)).toEqual([{ runId: 'run-1', filter: {}, sort: { column: 'customerId', descending: false }, offset: 0, limit: PAGE_SIZE }]);
    expect(useCustomersStore.getState().total).toBe(TOTAL);
    expect(useCustomersStore.getState().choices).toEqual(miniCustomerPage.choices);

    await useCustomersStore.getState().loadRows(150, 450);
    await useCustomersStore.getState().loadRows(160, 460);
    expect(queries(client).map((q) => q.offset)).toEqual([0, 200, 400]);
    expect(rowAt(useCustomersStore.getState(), 450)?.customerId).toBe('000450');
    expect(rowAt(useCustomersStore.getState(), 650)).toBeUndefined();
  });

  it('sends only the filters that are set and starts again from the first page', async () => {
    const client = pagedClient();
    bindServiceClient(client);
    await useCustomersStore.getState().open('run-1');
    await useCustomersStore.getState().loadRows(0, 500);
    await useCustomersStore.getState().setFilter({ branch: '郑州', negative: true, search: '' });
    await useCustomersStore.getState().setFilter({ search: '00' });
    await useCustomersStore.getState().setFilter({ branch: undefined });
    const last = queries(client).slice(-3);
    expect(last.map((q) => q.filter)).toEqual([{ branch: '郑州', negative: true }, { branch: '郑州', negative: true, search: '00' }, { negative: true, search: '00' }]);
    expect(last.every((q) => q.offset === 0)).toBe(true);
    expect(useCustomersStore.getState().pages.size).toBe(1);
  });

  it('sorts a figure descending first and flips on the second click', async () => {
    const client = pagedClient();
    bindServiceClient(client);
    await useCustomersStore.getState().open('run-1');
    await useCustomersStore.getState().sortBy('avgProfit');
    await useCustomersStore.getState().sortBy('avgProfit');
    await useCustomersStore.getState().sortBy('customerId');
    expect(queries(client).slice(-3).map((q) => q.sort)).toEqual([
      { column: 'avgProfit', descending: true },
      { column: 'avgProfit', descending: false },
      { column: 'customerId', descending: false },
    ]);
  });

  it('drops a page that answers after the filter changed', async () => {
    const slow = deferred<CustomerPage>();
    let first = true;
    const client = fakeClient({
      'customers:query': (q) => {
        if (first) {
          first = false;
          return slow.promise;
        }
        return { ...miniCustomerPage, total: 1, rows: miniCustomerPage.rows.filter((r) => r.branch === q.filter?.branch) };
      },
    });
    bindServiceClient(client);
    const opening = useCustomersStore.getState().open('run-1');
    await useCustomersStore.getState().setFilter({ branch: '周口' });
    slow.resolve(miniCustomerPage);
    await opening;
    const state = useCustomersStore.getState();
    expect(state.total).toBe(1);
    expect(rowAt(state, 0)?.branch).toBe('周口');
  });

  it('traces the selected customer and keeps it across a what-if re-run', async () => {
    const client = pagedClient();
    bindServiceClient(client);
    await useCustomersStore.getState().open('run-1');
    await useCustomersStore.getState().select('003');
    expect(useCustomersStore.getState().trace).toBe(miniTrace);
    await useCustomersStore.getState().open('run-2');
    expect(client.callsOf('customers:trace')).toEqual([
      { runId: 'run-1', customerId: '003' },
      { runId: 'run-2', customerId: '003' },
    ]);
    expect(queries(client).at(-1)?.runId).toBe('run-2');
  });
});
