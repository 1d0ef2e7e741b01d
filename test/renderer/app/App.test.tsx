// @vitest-environment jsdom
/** The app shell: every screen from the navigation, the data summary, the language switch and the job bar. */
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ImportView } from '../../../core/service/contract';
import { App } from '../../../renderer/src/app/App';
import { PAGE_IDS } from '../../../renderer/src/app/pages';
import { useJobsStore } from '../../../renderer/src/stores/jobs-store';
import { deferred, testClient } from './fake-client';
import './reset';

// The chart wrapper observes its element's size; jsdom has no ResizeObserver.
class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
globalThis.ResizeObserver ??= NoResizeObserver;

const imports: ImportView[] = [
  { id: 1, importedAt: '2026-08-01T00:00:00Z', appVersion: '0.1.0', months: ['2026-06', '2026-07'], factRows: 10, customers: 1200, pools: 1, participants: 0, warnings: [], datasets: [] },
  { id: 2, importedAt: '2026-10-01T00:00:00Z', appVersion: '0.1.0', months: ['2026-08'], factRows: 10, customers: 1250, pools: 1, participants: 0, warnings: [], datasets: [] },
];

const handlers = { 'datasets:list': () => imports, 'scenarios:list': () => [] } as const;

describe('App', () => {
  it('shows every screen from the navigation', async () => {
    render(<App client={testClient(handlers)} />);
    for (const id of PAGE_IDS) {
      await userEvent.click(screen.getByTestId(`nav-${id}`));
      expect(screen.getByTestId(`${id}-page`)).toBeTruthy();
      expect(screen.getByTestId(`nav-${id}`).getAttribute('aria-current')).toBe('page');
      expect(location.hash).toBe(`#/${id}`);
    }
  });

  it('names the screens in Chinese and English and keeps the choice', async () => {
    render(<App client={testClient(handlers)} />);
    expect(PAGE_IDS.map((id) => screen.getByTestId(`nav-${id}`).textContent)).toEqual(['数据', '模型', '结果', '客户', '对比', '营销', '趋势', '预警', '目标名单', '结果集', '导出']);
    expect(await screen.findByText('3 个月（2026-06 至 2026-08）')).toBeTruthy();
    expect(screen.getByText('客户 1,250')).toBeTruthy();

    await userEvent.click(screen.getByTestId('lang-en'));
    expect(PAGE_IDS.map((id) => screen.getByTestId(`nav-${id}`).textContent)).toEqual(['Data', 'Model', 'Results', 'Customers', 'Compare', 'Campaigns', 'Trend', 'Warnings', 'Target lists', 'Results sets', 'Export']);
    expect(screen.getByText('3 months (2026-06 to 2026-08)')).toBeTruthy();
    expect(localStorage.getItem('cvs.lang')).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });

  it('shows a running job with its stage and cancels it', async () => {
    const client = testClient({ ...handlers, 'jobs:cancel': () => ({ cancelled: true }) });
    render(<App client={client} />);
    const answer = deferred<string>();
    let jobId = '';
    let call: Promise<string> = Promise.resolve('');
    act(() => {
      call = useJobsStore.getState().track('datasets:import', (id) => {
        jobId = id;
        return answer.promise;
      });
    });
    expect(screen.getByTestId('job-progress').textContent).toContain('导入数据');

    act(() => client.emit({ event: 'jobs:progress', payload: { jobId, channel: 'datasets:import', stage: 'facts', done: 1, total: 4 } }));
    expect(screen.getByTestId('job-progress').textContent).toContain('导入数据：写入明细');
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('25');

    await userEvent.click(screen.getByTestId('job-cancel'));
    expect(client.callsOf('jobs:cancel')).toEqual([{ jobId }]);
    expect(screen.getByTestId('job-cancel').textContent).toBe('正在取消…');

    await act(async () => {
      answer.resolve('cancelled');
      await call;
    });
    expect(screen.queryByTestId('job-progress')).toBeNull();
  });

  it('reloads the datasets when the service says they changed', async () => {
    let list: ImportView[] = [];
    const client = testClient({ 'datasets:list': () => list, 'scenarios:list': () => [] });
    render(<App client={client} />);
    expect(await screen.findByText('尚未导入数据')).toBeTruthy();
    list = imports;
    act(() => client.emit({ event: 'data:changed', payload: { what: 'datasets' } }));
    await waitFor(() => expect(screen.getByText('客户 1,250')).toBeTruthy());
  });
});
