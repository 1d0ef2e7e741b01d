// @vitest-environment jsdom
/** The jobs store: a tracked call shows at once, progress events fill it in, cancel asks the service. */
import { describe, expect, it } from 'vitest';
import type { ChannelOutput } from '../../../core/service/contract';
import { bindServiceClient } from '../../../renderer/src/app/service-client';
import { subscribeServiceEvents } from '../../../renderer/src/app/service-events';
import { currentJob, useJobsStore } from '../../../renderer/src/stores/jobs-store';
import { deferred, testClient } from '../app/fake-client';
import '../app/reset';

describe('jobs store', () => {
  it('tracks a call from start to answer and follows its progress events', async () => {
    const answer = deferred<ChannelOutput<'datasets:import'>>();
    const client = testClient({ 'datasets:import': () => answer.promise });
    bindServiceClient(client);
    const unsubscribe = subscribeServiceEvents(client);

    const call = useJobsStore.getState().track('datasets:import', (jobId) => client.invoke('datasets:import', { jobId, paths: ['/a.csv'] }));
    const job = currentJob(useJobsStore.getState());
    expect(job).toMatchObject({ channel: 'datasets:import', stage: null, done: 0, total: 0, cancelling: false });
    const jobId = job?.jobId ?? '';
    expect(client.callsOf('datasets:import')[0]?.jobId).toBe(jobId);

    client.emit({ event: 'jobs:progress', payload: { jobId, channel: 'datasets:import', stage: 'facts', done: 250, total: 1000 } });
    expect(currentJob(useJobsStore.getState())).toMatchObject({ stage: 'facts', done: 250, total: 1000 });

    // Another job's events change nothing here.
    client.emit({ event: 'jobs:progress', payload: { jobId: 'other', channel: 'runs:start', stage: 'values', done: 1, total: 2 } });
    expect(useJobsStore.getState().jobs).toHaveLength(1);

    answer.resolve({ status: 'unchanged', skipped: ['/a.csv'] });
    await expect(call).resolves.toEqual({ status: 'unchanged', skipped: ['/a.csv'] });
    expect(useJobsStore.getState().jobs).toEqual([]);

    // A late event of the finished job does not bring it back.
    client.emit({ event: 'jobs:progress', payload: { jobId, channel: 'datasets:import', stage: 'commit', done: 0, total: 0 } });
    expect(useJobsStore.getState().jobs).toEqual([]);
    unsubscribe();
  });

  it('removes the job when its call fails', async () => {
    await expect(useJobsStore.getState().track('runs:start', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(useJobsStore.getState().jobs).toEqual([]);
  });

  it('cancels through jobs:cancel and marks the job until it ends', async () => {
    const answer = deferred<string>();
    const client = testClient({ 'jobs:cancel': () => ({ cancelled: true }) });
    bindServiceClient(client);
    const call = useJobsStore.getState().track('export:report', () => answer.promise);
    const jobId = currentJob(useJobsStore.getState())?.jobId ?? '';

    await useJobsStore.getState().cancel(jobId);
    expect(client.callsOf('jobs:cancel')).toEqual([{ jobId }]);
    expect(currentJob(useJobsStore.getState())?.cancelling).toBe(true);

    answer.resolve('done');
    await call;
    expect(useJobsStore.getState().jobs).toEqual([]);
  });

  it('clears the cancelling mark when the service refuses to cancel', async () => {
    bindServiceClient(testClient({}));
    const answer = deferred<string>();
    const call = useJobsStore.getState().track('runs:start', () => answer.promise);
    const jobId = currentJob(useJobsStore.getState())?.jobId ?? '';
    await useJobsStore.getState().cancel(jobId);
    expect(currentJob(useJobsStore.getState())?.cancelling).toBe(false);
    answer.resolve('done');
    await call;
  });

  it('shows the web shell uploads while bytes remain', () => {
    const client = testClient({});
    const unsubscribe = subscribeServiceEvents(client);
    client.emit({ event: 'jobs:progress', payload: { jobId: 'up-1', channel: 'upload', stage: 'usage.xlsx', done: 10, total: 100 } });
    expect(currentJob(useJobsStore.getState())).toMatchObject({ channel: 'upload', stage: 'usage.xlsx', done: 10 });
    client.emit({ event: 'jobs:progress', payload: { jobId: 'up-1', channel: 'upload', stage: 'usage.xlsx', done: 100, total: 100 } });
    expect(useJobsStore.getState().jobs).toEqual([]);
    unsubscribe();
  });
});
