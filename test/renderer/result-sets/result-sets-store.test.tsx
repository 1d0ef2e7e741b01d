// @vitest-environment jsdom
/** 结果集's stores: the list and selection, import as a job, delete, export, and the set's customer pages. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { CustomerPage, ResultSetSummaryView } from '../../../core/service/contract';
import { ServiceCallError } from '../../../renderer/src/api/service-client';
import { bindServiceClient } from '../../../renderer/src/app/service-client';
import { PAGE_SIZE, rowAt } from '../../../renderer/src/stores/customer-list';
import { useJobsStore } from '../../../renderer/src/stores/jobs-store';
import { useResultSetCustomersStore } from '../../../renderer/src/stores/result-set-customers-store';
import { exportOf, resultReportName, useResultSetsStore } from '../../../renderer/src/stores/result-sets-store';
import { deferred, testClient, type Handlers, type TestClient } from '../app/fake-client';
import { miniCustomerPage } from '../results/mini-fixtures';
import { otherSet, refusedReport, viewOf, warehouseSet } from './result-set-fixtures';

function serviceWith(sets: ResultSetSummaryView[], handlers: Handlers = {}, options: Parameters<typeof testClient>[1] = {}): TestClient {
  const client = testClient(
    {
      'results:list': () => [...sets],
      'results:view': ({ id }) => {
        const set = sets.find((s) => s.id === id);
        if (set === undefined) throw new ServiceCallError({ code: 'store.result_set_not_found', zh: '没有这个结果集', en: 'No such results set' });
        return viewOf(set);
      },
      'results:delete': ({ id }) => {
        const before = sets.length;
        sets.splice(0, sets.length, ...sets.filter((s) => s.id !== id));
        return { deleted: sets.length < before };
      },
      ...handlers,
    },
    options,
  );
  bindServiceClient(client);
  return client;
}

beforeEach(() => {
  useResultSetsStore.setState(useResultSetsStore.getInitialState(), true);
  useResultSetCustomersStore.setState(useResultSetCustomersStore.getInitialState(), true);
  useJobsStore.setState(useJobsStore.getInitialState(), true);
});

describe('the list and the selection', () => {
  it('lists the sets newest first and shows the newest', async () => {
    const client = serviceWith([otherSet, warehouseSet]);
    await useResultSetsStore.getState().refresh();
    const state = useResultSetsStore.getState();
    expect(state.sets.map((s) => s.id)).toEqual([7, 3]);
    expect(state.selectedId).toBe(7);
    expect(state.view?.set.name).toBe('数仓 2026-03');
    expect(client.callsOf('results:view')).toEqual([{ id: 7 }]);
  });

  it('keeps the selection over a refresh, and moves to the newest when its set is gone', async () => {
    const sets = [otherSet, warehouseSet];
    const client = serviceWith(sets);
    await useResultSetsStore.getState().refresh();
    await useResultSetsStore.getState().select(3);
    await useResultSetsStore.getState().refresh();
    expect(useResultSetsStore.getState().selectedId).toBe(3);
    await useResultSetsStore.getState().deleteSet(3);
    expect(client.callsOf('results:delete')).toEqual([{ id: 3 }]);
    expect(useResultSetsStore.getState().sets.map((s) => s.id)).toEqual([7]);
    expect(useResultSetsStore.getState().selectedId).toBe(7);
    await useResultSetsStore.getState().deleteSet(7);
    expect(useResultSetsStore.getState()).toMatchObject({ sets: [], selectedId: null, view: null });
  });

  it('drops the view of a set that is no longer selected when it arrives', async () => {
    const slow = deferred<ReturnType<typeof viewOf>>();
    serviceWith([otherSet, warehouseSet], { 'results:view': ({ id }) => (id === 7 ? slow.promise : viewOf(otherSet)) });
    const first = useResultSetsStore.getState().select(7);
    await useResultSetsStore.getState().select(3);
    slow.resolve(viewOf(warehouseSet));
    await first;
    expect(useResultSetsStore.getState().view?.set.id).toBe(3);
  });

  it('says why a view could not be read', async () => {
    serviceWith([], { 'results:view': () => Promise.reject(new ServiceCallError({ code: 'store.result_set_not_found', zh: '没有这个结果集', en: 'No such results set' })) });
    await useResultSetsStore.getState().select(9);
    expect(useResultSetsStore.getState().viewError).toEqual({ zh: '没有这个结果集', en: 'No such results set' });
  });
});

describe('import', () => {
  it('imports the chosen folder as a job with the given name, then lists and shows the new set', async () => {
    const sets: ResultSetSummaryView[] = [otherSet];
    const answer = deferred<{ status: 'imported'; set: ResultSetSummaryView; report: typeof refusedReport }>();
    const client = serviceWith(sets, { 'results:import': () => answer.promise }, { resultSet: { paths: ['D:/数仓/2026-03'], skipped: [] } });
    const importing = useResultSetsStore.getState().importSet('数仓三月');
    await Promise.resolve();
    await Promise.resolve();
    // The job is on the global bar while the service reads.
    expect(useJobsStore.getState().jobs.map((j) => j.channel)).toEqual(['results:import']);
    expect(useResultSetsStore.getState().importing).toBe(true);
    const [call] = client.callsOf('results:import');
    expect(call).toEqual({ jobId: useJobsStore.getState().jobs[0]?.jobId, paths: ['D:/数仓/2026-03'], name: '数仓三月' });
    sets.push(warehouseSet);
    answer.resolve({ status: 'imported', set: warehouseSet, report: { ...refusedReport, errorCount: 0, problems: [] } });
    await importing;
    expect(useJobsStore.getState().jobs).toEqual([]);
    expect(useResultSetsStore.getState()).toMatchObject({ importing: false, selectedId: 7, outcome: { status: 'imported', set: { id: 7 } } });
    expect(useResultSetsStore.getState().sets.map((s) => s.id)).toEqual([7, 3]);
  });

  it('keeps a refused import’s report and changes nothing else', async () => {
    const client = serviceWith([otherSet], { 'results:import': () => ({ status: 'invalid', report: refusedReport }) }, { resultSet: { paths: ['/up/1/customers.csv', '/up/2/scenario.json'], skipped: ['summary.json'] } });
    await useResultSetsStore.getState().refresh();
    await useResultSetsStore.getState().importSet();
    expect(client.callsOf('results:import')[0]).not.toHaveProperty('name');
    expect(useResultSetsStore.getState()).toMatchObject({ outcome: { status: 'invalid', report: refusedReport }, skipped: ['summary.json'], selectedId: 3 });
  });

  it('asks nothing of the service when the dialog is cancelled, and says so when no chosen file belonged to a set', async () => {
    const client = serviceWith([], {}, { resultSet: { paths: [], skipped: [] } });
    await useResultSetsStore.getState().importSet();
    expect(useResultSetsStore.getState()).toMatchObject({ outcome: null, notice: null, importing: false });
    bindServiceClient(testClient({}, { resultSet: { paths: [], skipped: ['notes.txt.csv'] } }));
    await useResultSetsStore.getState().importSet();
    expect(useResultSetsStore.getState()).toMatchObject({ notice: 'nothingChosen', skipped: ['notes.txt.csv'] });
    expect(client.callsOf('results:import')).toEqual([]);
  });

  it('tells a cancelled import from a failed one', async () => {
    serviceWith([], { 'results:import': () => Promise.reject(new ServiceCallError({ code: 'job.cancelled', zh: '已取消', en: 'Cancelled' })) }, { resultSet: { paths: ['/d'], skipped: [] } });
    await useResultSetsStore.getState().importSet();
    expect(useResultSetsStore.getState()).toMatchObject({ notice: 'cancelled', error: null });
    serviceWith([], { 'results:import': () => Promise.reject(new ServiceCallError({ code: 'service.internal', zh: '服务内部错误', en: 'Internal error' })) }, { resultSet: { paths: ['/d'], skipped: [] } });
    await useResultSetsStore.getState().importSet();
    expect(useResultSetsStore.getState()).toMatchObject({ notice: null, error: { zh: '服务内部错误' } });
  });
});

describe('export', () => {
  it('writes the selected set’s workbook where the save dialog says, as a job, and hands it over', async () => {
    const client = serviceWith([warehouseSet], { 'results:export': ({ target }) => ({ path: target, sheets: ['说明', '客户价值明细'], bytes: 52_000 }) });
    await useResultSetsStore.getState().refresh();
    useResultSetsStore.getState().setPreset('full');
    await useResultSetsStore.getState().exportSelected('en');
    const [call] = client.callsOf('results:export');
    expect(call).toEqual({ jobId: expect.stringMatching(/^results:export-/) as unknown, id: 7, preset: 'full', lang: 'en', target: '/out/result-set 数仓 2026-03.xlsx' });
    expect(exportOf(useResultSetsStore.getState(), 7)).toMatchObject({ status: 'done', jobId: null, written: { path: '/out/result-set 数仓 2026-03.xlsx' } });
    await useResultSetsStore.getState().revealExport();
    expect(client.delivered).toEqual(['/out/result-set 数仓 2026-03.xlsx']);
    expect(resultReportName(warehouseSet, 'zh')).toBe('结果集 数仓 2026-03.xlsx');
  });

  it('writes nothing when the save dialog is cancelled, and shows the service’s error when the export fails', async () => {
    const cancelled = serviceWith([warehouseSet], {}, { saveTarget: null });
    await useResultSetsStore.getState().refresh();
    await useResultSetsStore.getState().exportSelected('zh');
    expect(cancelled.callsOf('results:export')).toEqual([]);
    expect(exportOf(useResultSetsStore.getState(), 7).status).toBe('idle');
    // Until its handler lands, the service answers results:export with an internal error.
    serviceWith([warehouseSet], { 'results:export': () => Promise.reject(new ServiceCallError({ code: 'service.internal', zh: '服务内部错误', en: 'Internal error of the service' })) });
    await useResultSetsStore.getState().exportSelected('zh');
    expect(exportOf(useResultSetsStore.getState(), 7)).toMatchObject({ status: 'error', error: { en: 'Internal error of the service' } });
  });
});

describe('an export that outlives the selection', () => {
  type Written = { path: string; sheets: string[]; bytes: number };
  const cancelled = () => new ServiceCallError({ code: 'job.cancelled', zh: '已取消', en: 'Cancelled' });

  it('stays with its set: another set’s export starts and ends on its own, and each cancels its own job', async () => {
    const a = deferred<Written>();
    const b = deferred<Written>();
    const answers = [a, b];
    const client = serviceWith([otherSet, warehouseSet], {
      'results:export': () => {
        const answer = answers.shift();
        if (answer === undefined) throw new Error('two exports at most');
        return answer.promise;
      },
      'jobs:cancel': () => ({ cancelled: true }),
    });
    const store = useResultSetsStore;
    await store.getState().refresh();
    expect(store.getState().selectedId).toBe(7);
    const exportA = store.getState().exportSelected('zh');
    await new Promise((r) => setTimeout(r, 0));
    const jobA = exportOf(store.getState(), 7).jobId;
    expect(exportOf(store.getState(), 7).status).toBe('running');
    expect(jobA).toMatch(/^results:export-/);

    // Another set shown: A keeps running (and cancellable); B has no export yet and may start one.
    await store.getState().select(3);
    expect(exportOf(store.getState(), 3)).toEqual({ status: 'idle', jobId: null, written: null, error: null });
    expect(exportOf(store.getState(), 7)).toMatchObject({ status: 'running', jobId: jobA });
    const exportB = store.getState().exportSelected('zh');
    await new Promise((r) => setTimeout(r, 0));
    const jobB = exportOf(store.getState(), 3).jobId;
    expect(client.callsOf('results:export').map((c) => [c.id, c.jobId])).toEqual([
      [7, jobA],
      [3, jobB],
    ]);
    expect(jobB).not.toBe(jobA);

    // A ends: its set says so; B's job is untouched.
    a.resolve({ path: '/out/a.xlsx', sheets: ['说明'], bytes: 1 });
    await exportA;
    expect(exportOf(store.getState(), 7)).toMatchObject({ status: 'done', jobId: null, written: { path: '/out/a.xlsx' } });
    expect(exportOf(store.getState(), 3)).toMatchObject({ status: 'running', jobId: jobB });

    // Cancel on B cancels B's job.
    await store.getState().cancelExport();
    expect(client.callsOf('jobs:cancel')).toEqual([{ jobId: jobB }]);
    // The service ends a cancelled job's call with job.cancelled.
    b.resolve(Promise.reject(cancelled()) as never);
    await exportB;
    expect(exportOf(store.getState(), 3)).toMatchObject({ status: 'cancelled', jobId: null });
    expect(exportOf(store.getState(), 7).status).toBe('done');
  });

  it('refuses a second export of a set whose export runs, also after leaving it and coming back', async () => {
    const a = deferred<Written>();
    const client = serviceWith([otherSet, warehouseSet], { 'results:export': () => a.promise, 'jobs:cancel': () => ({ cancelled: true }) });
    await useResultSetsStore.getState().refresh();
    const first = useResultSetsStore.getState().exportSelected('zh');
    await new Promise((r) => setTimeout(r, 0));
    await useResultSetsStore.getState().select(3);
    await useResultSetsStore.getState().select(7);
    await useResultSetsStore.getState().exportSelected('en');
    expect(client.callsOf('results:export')).toHaveLength(1);
    const { jobId } = exportOf(useResultSetsStore.getState(), 7);
    await useResultSetsStore.getState().cancelExport();
    expect(client.callsOf('jobs:cancel')).toEqual([{ jobId }]);
    a.resolve({ path: '/out/a.xlsx', sheets: [], bytes: 1 });
    await first;
  });

  it('forgets a deleted set’s export, and the export’s end does not bring it back', async () => {
    const a = deferred<Written>();
    serviceWith([otherSet, warehouseSet], { 'results:export': () => a.promise });
    await useResultSetsStore.getState().refresh();
    const first = useResultSetsStore.getState().exportSelected('zh');
    await new Promise((r) => setTimeout(r, 0));
    await useResultSetsStore.getState().deleteSet(7);
    expect(useResultSetsStore.getState().exports).toEqual({});
    a.resolve({ path: '/out/a.xlsx', sheets: [], bytes: 1 });
    await first;
    expect(useResultSetsStore.getState().exports).toEqual({});
  });
});

describe('the set’s customers', () => {
  const TOTAL = 450;
  function pages(): TestClient {
    return serviceWith([], {
      'results:customers': ({ offset = 0, limit = 100 }): CustomerPage => {
        const template = miniCustomerPage.rows[0];
        if (template === undefined) throw new Error('the mini page has rows');
        const count = Math.max(0, Math.min(limit, TOTAL - offset));
        return { ...miniCustomerPage, total: TOTAL, offset, rows: Array.from({ length: count }, (_, i) => ({ ...template, customerId: `W${String(offset + i).padStart(5, '0')}` })) };
      },
    });
  }

  it('asks for the set’s pages by its id, as 客户 asks for a run’s', async () => {
    const client = pages();
    await useResultSetCustomersStore.getState().open(7);
    await useResultSetCustomersStore.getState().loadRows(150, 260);
    expect(client.callsOf('results:customers')).toEqual([
      { id: 7, filter: {}, sort: { column: 'customerId', descending: false }, offset: 0, limit: PAGE_SIZE },
      { id: 7, filter: {}, sort: { column: 'customerId', descending: false }, offset: PAGE_SIZE, limit: PAGE_SIZE },
    ]);
    expect(rowAt(useResultSetCustomersStore.getState(), 260)?.customerId).toBe('W00260');
    expect(useResultSetCustomersStore.getState().total).toBe(TOTAL);
  });

  it('filters and sorts through the service, and starts another set unfiltered', async () => {
    const client = pages();
    await useResultSetCustomersStore.getState().open(7);
    await useResultSetCustomersStore.getState().setFilter({ negative: true, branch: '', search: 'W0' });
    await useResultSetCustomersStore.getState().sortBy('avgProfit');
    expect(client.callsOf('results:customers').slice(1)).toEqual([
      { id: 7, filter: { negative: true, search: 'W0' }, sort: { column: 'customerId', descending: false }, offset: 0, limit: PAGE_SIZE },
      { id: 7, filter: { negative: true, search: 'W0' }, sort: { column: 'avgProfit', descending: true }, offset: 0, limit: PAGE_SIZE },
    ]);
    await useResultSetCustomersStore.getState().open(3);
    expect(client.callsOf('results:customers').at(-1)).toEqual({ id: 3, filter: {}, sort: { column: 'avgProfit', descending: true }, offset: 0, limit: PAGE_SIZE });
    useResultSetCustomersStore.getState().close();
    expect(useResultSetCustomersStore.getState()).toMatchObject({ setId: null, total: null });
  });
});
