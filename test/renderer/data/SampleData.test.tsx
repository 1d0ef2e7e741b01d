// @vitest-environment jsdom
/**
 * 数据 page, first run: the sample data offered on an empty knowledge base, loaded as a job the
 * global progress bar shows, the list refreshed after; then offered as a secondary button.
 */
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ChannelOutput, ImportView } from '../../../core/service/contract';
import { ServiceCallError } from '../../../renderer/src/api/service-client';
import { JobProgress } from '../../../renderer/src/app/JobProgress';
import { ServiceProvider } from '../../../renderer/src/app/ServiceProvider';
import { i18next } from '../../../renderer/src/i18n';
import { DataPage } from '../../../renderer/src/pages/data/DataPage';
import { useDatasetsStore } from '../../../renderer/src/stores/datasets-store';
import { deferred, type Handlers, type TestClient, testClient } from '../app/fake-client';
import '../app/reset';

const WORKBOOKS = ['usage.xlsx', 'settlement.xlsx', 'individual_costs.xlsx', 'credit.xlsx', 'cost_pools.xlsx', 'campaigns.xlsx'];

const sampleImport: ImportView = {
  id: 1,
  importedAt: '2026-10-08T09:00:00Z',
  appVersion: '0.1.0',
  months: ['2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09'],
  factRows: 11_800,
  customers: 1_990,
  pools: 30,
  participants: 140,
  warnings: [],
  datasets: WORKBOOKS.map((file, i) => ({ id: 10 + i, file, sheet: '表', kind: 'usage', rows: 100, sha256: `${i}`.repeat(64) })),
};

async function renderPage(handlers: Handlers): Promise<TestClient> {
  const client = testClient(handlers);
  render(
    <ServiceProvider client={client}>
      <JobProgress />
      <DataPage />
    </ServiceProvider>,
  );
  // The app loads the list at start; the page alone does not.
  await act(() => useDatasetsStore.getState().refresh());
  return client;
}

describe('sample data', () => {
  it('loads the chosen size as a job with progress, then lists it and offers it as a secondary button', async () => {
    let list: ImportView[] = [];
    const answers = [deferred<ChannelOutput<'datasets:importSample'>>(), deferred<ChannelOutput<'datasets:importSample'>>()];
    let calls = 0;
    const client = await renderPage({
      'datasets:list': () => list,
      'datasets:importSample': () => (answers[calls++] ?? deferred<never>()).promise,
    });
    const card = screen.getByTestId('sample-data');
    expect(within(card).getByText('还没有数据？先载入示例数据')).toBeTruthy();
    expect(screen.getByTestId('load-sample').className).toContain('btn--primary');
    expect(screen.getByTestId<HTMLSelectElement>('sample-size').value).toBe('20000');

    await userEvent.selectOptions(screen.getByTestId('sample-size'), '2000');
    await userEvent.click(screen.getByTestId('load-sample'));
    const [sent] = client.callsOf('datasets:importSample');
    expect(sent).toMatchObject({ customers: 2_000, months: 8 });
    expect(sent?.jobId).toMatch(/^datasets:importSample-/);
    expect(screen.getByTestId('job-progress').textContent).toContain('载入示例数据');
    expect(screen.getByTestId('load-sample').textContent).toBe('正在载入示例数据…');
    expect(screen.getByTestId<HTMLButtonElement>('load-sample').disabled).toBe(true);

    act(() => client.emit({ event: 'jobs:progress', payload: { jobId: sent?.jobId ?? '', channel: 'datasets:importSample', stage: 'sample', done: 500, total: 2_000 } }));
    expect(screen.getByTestId('job-progress').textContent).toContain('载入示例数据：生成示例工作簿');
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('25');

    list = [sampleImport];
    await act(async () => answers[0]?.resolve({ status: 'imported', imported: sampleImport, report: { errorCount: 0, warningCount: 0, problems: [], problemsOmitted: 0, files: [] }, skipped: [] }));
    expect((await screen.findByTestId('sample-outcome')).textContent).toContain('已导入：11,800 行明细，1,990 个客户');
    expect(screen.queryByTestId('job-progress')).toBeNull();
    const datasets = screen.getByTestId('dataset-list');
    for (const file of WORKBOOKS) expect(within(datasets).getByText(file)).toBeTruthy();

    // With data loaded: one line and a secondary button, the size loaded still chosen.
    expect(screen.queryByText('还没有数据？先载入示例数据')).toBeNull();
    expect(screen.getByTestId('load-sample').className).not.toContain('btn--primary');
    expect(screen.getByTestId<HTMLSelectElement>('sample-size').value).toBe('2000');
    await userEvent.click(screen.getByTestId('load-sample'));
    expect(client.callsOf('datasets:importSample')[1]).toMatchObject({ customers: 2_000, months: 8 });
    await act(async () => answers[1]?.resolve({ status: 'unchanged', skipped: WORKBOOKS }));
    await waitFor(() => expect(screen.getByTestId('sample-outcome').textContent).toContain('这些文件此前都已导入，未做任何修改。'));
  });

  it('shows a cancelled load as a message and keeps offering the sample', async () => {
    // As the service answers a cancelled job: the call fails with job.cancelled.
    let fail: (error: unknown) => void = () => undefined;
    const answer = new Promise<never>((_resolve, reject) => {
      fail = reject;
    });
    const client = await renderPage({
      'datasets:list': () => [],
      'datasets:importSample': () => answer,
      'jobs:cancel': () => {
        fail(new ServiceCallError({ code: 'job.cancelled', zh: '操作已取消', en: 'The operation was cancelled' }));
        return { cancelled: true };
      },
    });
    await userEvent.click(screen.getByTestId('load-sample'));
    await userEvent.click(screen.getByTestId('job-cancel'));
    expect(client.callsOf('jobs:cancel')).toEqual([{ jobId: client.callsOf('datasets:importSample')[0]?.jobId }]);
    expect((await screen.findByTestId('data-error')).textContent).toContain('操作已取消');
    expect(screen.queryByTestId('job-progress')).toBeNull();
    expect(screen.queryByTestId('sample-outcome')).toBeNull();
    expect(screen.getByTestId<HTMLButtonElement>('load-sample').disabled).toBe(false);
    expect(screen.getByTestId('load-sample').className).toContain('btn--primary');
  });

  it('speaks English', async () => {
    await i18next.changeLanguage('en');
    await renderPage({ 'datasets:list': () => [] });
    expect(screen.getByText('No data yet? Start with the sample data')).toBeTruthy();
    expect(screen.getByTestId('load-sample').textContent).toBe('Load sample data');
    expect(screen.getByRole('option', { name: '100,000 customers' })).toBeTruthy();
  });
});
