// @vitest-environment jsdom
/** 对比 with the worked example against a copy with other weights and thresholds. */
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SavedScenarioView } from '../../../core/service/contract';
import { ServiceCallError } from '../../../renderer/src/api/service-client';
import { bindServiceClient } from '../../../renderer/src/app/service-client';
import { ComparePage } from '../../../renderer/src/pages/compare/ComparePage';
import { useCompareStore } from '../../../renderer/src/stores/compare-store';
import { useJobsStore } from '../../../renderer/src/stores/jobs-store';
import { useScenarioStore } from '../../../renderer/src/stores/scenario-store';
import { fakeCharts, lastOption } from '../charts/fake-echarts';
import '../results/dom-setup';
import { fakeClient } from '../results/fake-client';
import { miniComparison, miniRun } from '../results/mini-fixtures';

vi.mock('../../../renderer/src/components/charts/echarts-setup', async () => (await import('../charts/fake-echarts')).fakeEchartsSetup());

const saved: SavedScenarioView = { id: 7, name: 'mini-收入动因', scenario: miniComparison.b.scenario, updatedAt: '2026-04-02T08:00:00Z' };

describe('ComparePage', () => {
  beforeEach(() => {
    fakeCharts.length = 0;
    useCompareStore.setState({ a: { kind: 'draft' }, b: null, comparison: null, running: false, jobId: null, issues: [], error: null, cancelled: false });
    useScenarioStore.setState({ saved: [saved] });
    useScenarioStore.getState().replaceDraft(miniRun.scenario);
  });

  it('compares the draft with the first saved scenario and shows the migration', async () => {
    const client = fakeClient({ 'compare:run': () => ({ ok: true, comparison: miniComparison }) });
    bindServiceClient(client);
    render(<ComparePage />);
    await userEvent.click(screen.getByTestId('compare-run'));
    await screen.findByTestId('comparison');

    const [call] = client.callsOf('compare:run');
    expect(call?.a).toMatchObject({ name: 'mini' });
    expect(call?.b).toMatchObject({ name: 'mini-收入动因' });
    expect(call?.jobId).toMatch(/^compare:run-/);

    const table = screen.getByTestId('migration-table');
    const cells = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => within(row).getAllByRole('cell').map((td) => Number(td.textContent)));
    expect(cells).toEqual(miniComparison.migration);
    expect(within(table).getAllByRole('rowheader').map((th) => th.textContent)).toEqual(['A', 'B', 'C', 'D', '不参与评分']);

    const heat = lastOption('compare-heatmap');
    expect((heat?.yAxis as { data: string[]; name: string }).name).toBe('A：mini');
    const data = (heat?.series as { data: { value: number[] }[] }[])[0]?.data.map((d) => d.value);
    expect(data).toContainEqual([1, 2, 1]);

    expect(screen.getByTestId('compare-loss').textContent).toContain('+¥1.94');
    const changes = screen.getByTestId('tier-changes');
    expect(within(changes).getAllByRole('rowheader').map((th) => th.textContent)).toEqual(['003', '002']);
    const plans = screen.getByTestId('compare-plans');
    // Largest fall in profit first: plan X loses ¥5.93.
    expect(within(plans).getAllByRole('rowheader')[0]?.textContent).toBe('X');
  });

  it('shows the draft’s problems instead of comparing an invalid scenario', async () => {
    const client = fakeClient({});
    bindServiceClient(client);
    useScenarioStore.getState().setField(['value_weights', 'profit'], 0.9);
    render(<ComparePage />);
    await userEvent.click(screen.getByTestId('compare-run'));
    expect(screen.getByTestId('compare-issues').textContent).toContain('方案 A 有问题');
    expect(client.calls).toHaveLength(0);
  });

  it('shows progress, cancels through the job and says so', async () => {
    let cancel: () => void = () => {};
    const client = fakeClient({
      'compare:run': () =>
        new Promise<never>((_, reject) => {
          cancel = () => reject(new ServiceCallError({ code: 'job.cancelled', zh: '操作已取消', en: 'The operation was cancelled' }));
        }),
      'jobs:cancel': () => {
        cancel();
        return { cancelled: true };
      },
    });
    bindServiceClient(client);
    render(<ComparePage />);
    await userEvent.click(screen.getByTestId('compare-run'));
    const jobId = client.callsOf('compare:run')[0]?.jobId ?? '';
    act(() => useJobsStore.getState().progress({ jobId, channel: 'compare:run', stage: 'b', done: 1, total: 2 }));
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('50');

    await userEvent.click(screen.getByTestId('compare-cancel'));
    expect(await screen.findByText('对比已取消。')).toBeTruthy();
    expect(client.callsOf('jobs:cancel')).toEqual([{ jobId }]);
    expect(screen.queryByTestId('compare-error')).toBeNull();
    expect((screen.getByTestId('compare-run') as HTMLButtonElement).disabled).toBe(false);
  });
});
