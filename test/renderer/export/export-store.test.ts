// @vitest-environment jsdom
/** 导出 as a job: destination, progress, cancel, done and the hand-over of the file. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { ChannelOutput } from '../../../core/service/contract';
import { ServiceCallError } from '../../../renderer/src/api/service-client';
import { bindServiceClient } from '../../../renderer/src/app/service-client';
import { useExportStore } from '../../../renderer/src/stores/export-store';
import { currentJob, useJobsStore } from '../../../renderer/src/stores/jobs-store';
import { deferred, fakeClient } from '../results/fake-client';

type Written = ChannelOutput<'export:report'>;
const WRITTEN: Written = { path: '/reports/customer-value-report.xlsx', sheets: ['说明', '客户价值明细'], bytes: 52_000 };

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
}

describe('export store', () => {
  beforeEach(() => {
    useExportStore.setState({ preset: 'summary', lang: null, target: null, includeComparison: true, status: 'idle', jobId: null, written: null, error: null });
  });

  it('asks where to save, writes with progress and hands the file over', async () => {
    const answer = deferred<Written>();
    const delivered: string[] = [];
    const client = fakeClient({ 'export:report': () => answer.promise }, { delivered });
    bindServiceClient(client);
    useExportStore.getState().setPreset('full');

    const exporting = useExportStore.getState().start({ runId: 'run-a', compareRunId: 'run-b' }, 'en');
    await settle();
    const [call] = client.callsOf('export:report');
    expect(call).toEqual({ jobId: expect.stringMatching(/^export:report-/), runId: 'run-a', compareRunId: 'run-b', preset: 'full', lang: 'en', target: '/reports/customer-value-report.xlsx' });
    expect(useExportStore.getState()).toMatchObject({ status: 'running', jobId: call?.jobId });

    useJobsStore.getState().progress({ jobId: call?.jobId ?? '', channel: 'export:report', stage: 'customers', done: 400, total: 1000 });
    expect(currentJob(useJobsStore.getState())).toMatchObject({ done: 400, total: 1000, stage: 'customers' });

    answer.resolve(WRITTEN);
    await exporting;
    expect(useExportStore.getState()).toMatchObject({ status: 'done', written: WRITTEN, jobId: null });
    expect(useJobsStore.getState().jobs).toEqual([]);

    await useExportStore.getState().reveal();
    expect(delivered).toEqual([WRITTEN.path]);
  });

  it('keeps the chosen destination on the desktop, and names each web download in the report’s language', async () => {
    const desktop = fakeClient({ 'export:report': () => WRITTEN });
    bindServiceClient(desktop);
    await useExportStore.getState().chooseTarget('zh');
    await useExportStore.getState().start({ runId: 'run-a' }, 'en');
    expect(desktop.callsOf('export:report').map((c) => c.target)).toEqual(['/reports/客户价值评估报告.xlsx']);

    const web = fakeClient({ 'export:report': () => WRITTEN }, { shell: 'web' });
    bindServiceClient(web);
    await useExportStore.getState().start({ runId: 'run-a' }, 'en');
    await useExportStore.getState().start({ runId: 'run-a' }, 'zh');
    expect(web.callsOf('export:report').map((c) => c.target)).toEqual(['/reports/customer-value-report.xlsx', '/reports/客户价值评估报告.xlsx']);
  });

  it('does nothing when the save dialog is cancelled', async () => {
    const client = fakeClient({}, { saveTarget: null });
    bindServiceClient(client);
    await useExportStore.getState().start({ runId: 'run-a' }, 'zh');
    expect(client.calls).toEqual([]);
    expect(useExportStore.getState().status).toBe('idle');
  });

  it('cancels through jobs:cancel and ends as cancelled, not failed', async () => {
    let reject: (e: unknown) => void = () => {};
    const client = fakeClient({
      'export:report': () =>
        new Promise<Written>((_, r) => {
          reject = r;
        }),
      'jobs:cancel': () => {
        reject(new ServiceCallError({ code: 'job.cancelled', zh: '操作已取消', en: 'The operation was cancelled' }));
        return { cancelled: true };
      },
    });
    bindServiceClient(client);
    useExportStore.setState({ target: '/reports/r.xlsx' });
    const exporting = useExportStore.getState().start({ runId: 'run-a' }, 'zh');
    await settle();
    const jobId = useExportStore.getState().jobId;
    await useExportStore.getState().cancel();
    await exporting;
    expect(client.callsOf('jobs:cancel')).toEqual([{ jobId }]);
    expect(useExportStore.getState()).toMatchObject({ status: 'cancelled', error: null, written: null });
  });

  it('keeps a failure as a readable message', async () => {
    const client = fakeClient({
      'export:report': () => {
        throw new ServiceCallError({ code: 'export.target_busy', zh: '文件已被其他程序打开', en: 'The file is open in another program' });
      },
    });
    bindServiceClient(client);
    useExportStore.setState({ target: '/reports/r.xlsx' });
    await useExportStore.getState().start({ runId: 'run-a' }, 'zh');
    expect(useExportStore.getState()).toMatchObject({ status: 'error', error: { zh: '文件已被其他程序打开', en: 'The file is open in another program' } });
  });
});
